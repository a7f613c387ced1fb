import type { Lang } from "../rules/types";
import { summarizeReasons } from "../rules/explain";
import { scoreLedger } from "../ledger/score-rows";
import { UnknownFieldError } from "../ledger/header";
import { CliError, formatLocation } from "./errors";
import { readTable } from "./io";
import { loadBlacklistFile, loadSettingsFile } from "./inputs";
import {
  alignedTable,
  columnsJson,
  columnsTable,
  columnWarnings,
  errorToJson,
  verdictToJson,
  type RowJson,
} from "./format";

export interface ScoreOptions {
  file: string;
  settings?: string | undefined;
  blacklist?: string | undefined;
  sheet?: string | undefined;
  json: boolean;
  lang?: Lang | undefined;
  /** Print how each column was read before the verdicts. */
  columns?: boolean | undefined;
}

/**
 * `guard score FILE`: one verdict per data row, in order. A row that cannot be
 * read is reported with its cell and the run goes on. Columns that look
 * relevant but are not read are named on `err`; `--columns` prints how every
 * column was read.
 */
export async function runScore(
  options: ScoreOptions,
  out: (line: string) => void,
  err: (line: string) => void = () => undefined,
): Promise<number> {
  const settings = await loadSettingsFile(options.settings);
  const blacklist = await loadBlacklistFile(options.blacklist);
  const lang = options.lang ?? settings.language;
  const table = await readTable(options.file, options.sheet === undefined ? {} : { sheet: options.sheet });
  let ledger;
  try {
    ledger = scoreLedger(table.cells, { settings, blacklist, overrides: overridesOf(settings.columns) });
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
  for (const warning of columnWarnings(ledger.header, lang)) err(`guard score: warning: ${warning}`);
  if (options.columns === true)
    out(options.json ? columnsJson(ledger.header) : `${columnsTable(ledger.header, lang)}\n`);
  const rows: RowJson[] = results.map((r, i) => {
    if (!r.ok) {
      const issue = r.issues[0];
      const where = formatLocation({
        file: options.file,
        sheet: table.sheetName,
        row: r.row,
        ...(issue ? { column: columnOf(ledger.header.columns, issue.column) + 1, header: issue.column } : {}),
      });
      return errorToJson(r.row, `${where}: ${issue?.message ?? "row could not be read"}`);
    }
    return verdictToJson(r.order.row, verdicts[i]!, lang);
  });
  if (options.json) {
    for (const row of rows) out(JSON.stringify(row));
  } else {
    const body = rows.map((row, i) => {
      if (row.error !== undefined) return [String(row.row), "", "ERROR", row.error];
      return [String(row.row), String(row.score), String(row.level), summarizeReasons(verdicts[i]!, lang)];
    });
    out(
      alignedTable(
        lang === "zh" ? ["行", "分数", "等级", "原因"] : ["Row", "Score", "Level", "Reasons"],
        body,
      ),
    );
  }
  return 0;
}

function columnOf(columns: ReadonlyArray<{ index: number; header: string }>, header: string): number {
  return columns.find((c) => c.header === header)?.index ?? 0;
}

/** Mapping corrections from the settings ("" ignores a column). */
export function overridesOf(columns: Record<string, string>): Record<string, string | null> | undefined {
  const entries = Object.entries(columns);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([h, f]) => [h, f === "" ? null : f]));
}
