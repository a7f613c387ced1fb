import type { Lang } from "../rules/types";
import { summarizeReasons } from "../rules/explain";
import { scoreLedger } from "../ledger/score-rows";
import { UnknownFieldError } from "../ledger/header";
import { CliError, formatLocation } from "./errors";
import { readTable } from "./io";
import { loadBlacklistFile, loadSettingsFile } from "./inputs";
import { alignedTable, errorToJson, verdictToJson, type RowJson } from "./format";
import type { RiskNow } from "../rules/history";
import { formatSuppliers, historyCells } from "./io/audit-history";

export interface ScoreOptions {
  file: string;
  settings?: string | undefined;
  blacklist?: string | undefined;
  sheet?: string | undefined;
  json: boolean;
  lang?: Lang | undefined;
  /** Judge the ledger on this day: money and days at risk per row, the history checks. */
  asOf?: Date | undefined;
}

/**
 * `guard score FILE`: one verdict per data row, in order. A row that cannot be
 * read is reported with its cell and the run goes on.
 */
export async function runScore(options: ScoreOptions, out: (line: string) => void): Promise<number> {
  const settings = await loadSettingsFile(options.settings);
  const blacklist = await loadBlacklistFile(options.blacklist);
  const lang = options.lang ?? settings.language;
  const table = await readTable(options.file, options.sheet === undefined ? {} : { sheet: options.sheet });
  let ledger;
  try {
    ledger = scoreLedger(table.cells, {
      settings,
      blacklist,
      overrides: overridesOf(settings.columns),
      asOf: options.asOf,
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
    const json = verdictToJson(r.order.row, verdicts[i]!, lang);
    return options.asOf === undefined ? json : withRiskNow(json, ledger.now?.[i]);
  });
  if (options.json) {
    for (const row of rows) out(JSON.stringify(row));
  } else {
    const asOf = options.asOf;
    const body = rows.map((row, i) => {
      const history = asOf === undefined ? [] : riskNowCells(row);
      if (row.error !== undefined) return [String(row.row), "", "ERROR", ...history, row.error];
      return [
        String(row.row),
        String(row.score),
        String(row.level),
        ...history,
        summarizeReasons(verdicts[i]!, lang),
      ];
    });
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
  return 0;
}

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

function columnOf(columns: ReadonlyArray<{ index: number; header: string }>, header: string): number {
  return columns.find((c) => c.header === header)?.index ?? 0;
}

/** Mapping corrections from the settings ("" ignores a column). */
export function overridesOf(columns: Record<string, string>): Record<string, string | null> | undefined {
  const entries = Object.entries(columns);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([h, f]) => [h, f === "" ? null : f]));
}
