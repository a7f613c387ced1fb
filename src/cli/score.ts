import type { Lang } from "../rules/types";
import { summarizeReasons } from "../rules/explain";
import { scoreLedger } from "../ledger/score-rows";
import { UnknownFieldError } from "../ledger/header";
import { dateWarnings } from "../ledger/columns";
import { CliError, EXIT, formatLocation, locateIssue } from "./errors";
import { readTable } from "./io";
import { assertOneTable, assertReadableFile, tableFormat } from "./io/table";
import { cellsOf, openXlsxRows } from "./io/xlsx";
import { cellRows, delimitedFileRows, scoreRowStream } from "./score-stream";
import type { Table } from "./io/table";
import path from "node:path";
import { loadBlacklistFile, loadSettingsFile } from "./inputs";
import {
  alignedTable,
  columnsJson,
  columnsTable,
  columnWarnings,
  verdictToJson,
  type RowJson,
} from "./format";
import type { RiskNow } from "../rules/history";
import { formatSuppliers, historyCells } from "./io/audit-history";

export interface ScoreOptions {
  file: string;
  settings?: string | undefined;
  blacklist?: string | undefined;
  sheet?: string | undefined;
  json: boolean;
  lang?: Lang | undefined;
  /** Print how each column was read before the verdicts. */
  columns?: boolean | undefined;
  /** Judge the ledger on this day: money and days at risk per row, the history checks. */
  asOf?: Date | undefined;
}

/**
 * A sheet whose XML inflates to at most this is read into memory once (about 300 MB for the
 * 1688 export's 400,000 rows); a larger one is read as a stream, in flat memory, up to three
 * times (1,000,000 rows: 214 MB in 27 s, against 797 MB in 13 s held whole).
 */
const HOLD_SHEET_BYTES = 256 * 1024 * 1024;

/**
 * `guard score FILE`: one verdict per data row, in order. A cell that cannot be
 * read leaves its field unknown: the row is scored all the same, with the cell
 * named among its reasons (and, with --json, in `warnings`), and each such cell
 * is named on `err` with its file, sheet, row and column. Exit 0, or 3 when
 * some cell could not be read. Columns that look relevant but are not read are
 * named on `err`; `--columns` prints how every column was read.
 */
export async function runScore(
  options: ScoreOptions,
  out: (line: string) => void,
  err: (line: string) => void = () => undefined,
): Promise<number> {
  const settings = await loadSettingsFile(options.settings);
  const lang = options.lang ?? settings.language;
  const blacklist = await loadBlacklistFile(options.blacklist, lang);
  const format = tableFormat(options.file);
  if (format !== "xlsx") assertOneTable(options.file, format, options.sheet);
  if (options.asOf === undefined) {
    // Scored a chunk at a time: a csv, or a workbook's long sheet, is read as a stream in flat memory.
    const sheetOption = options.sheet === undefined ? {} : { sheet: options.sheet };
    if (format === "xlsx") await assertReadableFile(options.file);
    const workbook = format === "xlsx" ? await openXlsxRows(options.file, sheetOption) : undefined;
    try {
      // A sheet is read up to three times as a stream; one that fits comfortably is read once, into memory.
      const held =
        workbook !== undefined && workbook.sheetBytes <= HOLD_SHEET_BYTES
          ? cellRows(await cellsOf(workbook))
          : undefined;
      return await scoreRowStream(
        {
          file: options.file,
          sheet: workbook?.sheetName ?? path.basename(options.file, path.extname(options.file)),
          rows: held ?? workbook?.rows ?? (await delimitedFileRows(options.file, format as "csv" | "tsv")),
          settings,
          blacklist,
          overrides: overridesOf(settings.columns),
          lang,
          json: options.json,
          columns: options.columns === true,
          settingsFile: options.settings,
          maxListedWarnings: MAX_LISTED_WARNINGS,
        },
        out,
        err,
      );
    } finally {
      await workbook?.close();
    }
  }
  // With --as-of the supplier histories need every order at once: the file is read whole.
  const table: Table = await readTable(
    options.file,
    options.sheet === undefined ? {} : { sheet: options.sheet },
  );
  let ledger;
  try {
    ledger = scoreLedger(table.cells, {
      settings,
      blacklist,
      overrides: overridesOf(settings.columns),
      asOf: options.asOf,
      reportDates: true,
    });
  } catch (e) {
    if (e instanceof UnknownFieldError) throw new CliError(`${options.settings ?? "settings"}: ${e.message}`);
    throw e;
  }
  if (ledger.headerRowIndex < 0) {
    throw new CliError(
      `${formatLocation({ file: options.file, sheet: table.sheetName })}: no header row found (expected headers such as 供应商, 付款方式, Order total in the first 30 rows)`,
    );
  }
  const { results, verdicts } = ledger;
  for (const warning of columnWarnings(ledger.header, lang)) err(warning);
  // Dates a column could not read are named even without --columns: nothing is dropped silently.
  for (const warning of dateWarnings(ledger.dates ?? [], lang)) err(warning);
  if (options.columns === true)
    out(
      options.json
        ? columnsJson(ledger.header, ledger.dates)
        : `${columnsTable(ledger.header, lang, ledger.dates)}\n`,
    );
  const at = { file: options.file, sheet: table.sheetName };
  let unread = 0;
  const rows = results.map(({ order }, i) => {
    const warnings = order.issues?.map((issue) => locateIssue(at, ledger.header.columns, order.row, issue));
    if (warnings !== undefined) {
      for (const w of warnings) if (unread++ < MAX_LISTED_WARNINGS) err(w);
    }
    const json = verdictToJson(order.row, verdicts[i]!, lang, warnings);
    return options.asOf === undefined ? json : withRiskNow(json, ledger.now?.[i]);
  });
  if (unread > MAX_LISTED_WARNINGS)
    err(`... and ${unread - MAX_LISTED_WARNINGS} more cells that could not be read`);
  if (options.json) {
    for (const row of rows) out(JSON.stringify(row));
  } else {
    const asOf = options.asOf;
    const body = rows.map((row, i) => [
      String(row.row),
      String(row.score),
      String(row.level),
      ...(asOf === undefined ? [] : riskNowCells(row)),
      summarizeReasons(verdicts[i]!, lang),
    ]);
    const risk =
      asOf === undefined ? [] : lang === "zh" ? ["风险金额(美元)", "风险天数"] : ["At risk (USD)", "Days"];
    out(
      alignedTable(
        lang === "zh"
          ? ["行", "分数", "等级", ...risk, "原因"]
          : ["Row", "Score", "Level", ...risk, "Reasons"],
        body,
      ),
    );
    if (asOf !== undefined && ledger.history !== undefined) {
      const suppliers = formatSuppliers(ledger.history.suppliers, lang, asOf);
      if (suppliers !== "") out(suppliers.replace(/\n$/, ""));
    }
  }
  return unread > 0 ? EXIT.unreadCells : EXIT.ok;
}

/** Unreadable cells named on stderr before "... and N more". */
const MAX_LISTED_WARNINGS = 20;

/** The row's money at risk (USD, 2 decimals; null when unknown) and its age in days (null when unknown or none). */
function withRiskNow(json: RowJson, now: RiskNow | undefined): RowJson {
  const [usd, days] = historyCells(now);
  return { ...json, moneyAtRiskUsd: usd, daysAtRisk: days };
}

function riskNowCells(row: RowJson): string[] {
  const usd = row.moneyAtRiskUsd;
  const days = row.daysAtRisk;
  return [
    usd === null || usd === undefined ? "" : usd.toLocaleString("en-US", { maximumFractionDigits: 0 }),
    days === null || days === undefined ? "" : String(days),
  ];
}

/** Mapping corrections from the settings ("" ignores a column). */
export function overridesOf(columns: Record<string, string>): Record<string, string | null> | undefined {
  const entries = Object.entries(columns);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([h, f]) => [h, f === "" ? null : f]));
}
