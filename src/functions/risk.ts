import type { CellValue, Lang, Verdict } from "../rules/types";
import { summarizeReasons } from "../rules/explain";
import { DEFAULT_SETTINGS, settingsFromPairs, type Settings } from "../rules/settings";
import { blacklistFor } from "../rules/blacklist";
import type { BlacklistIndex } from "../rules/blacklist";
import { headerKey, mapHeaders, UnknownFieldError, type HeaderMap } from "../ledger/header";
import { scoreRows } from "../ledger/score-rows";
import { asRange, badArgument, errorCodeOf, isLeftOut, isOmitted, toCell, toMatrix, toScalar } from "./args";
import { parseDate } from "../ledger/parse/date";
import type { RiskNow } from "../rules/history";

/**
 * The shared body of RISKSCORE, RISKLEVEL and RISKREASONS: read the rows
 * against the header row, score them together, and give one outcome per row
 * (a blank row stays blank; a row that cannot be read carries its message).
 */

export type RowOutcome =
  | { kind: "verdict"; verdict: Verdict; now?: RiskNow | undefined }
  | { kind: "blank" }
  | { kind: "error"; message: string };

export interface RiskResult {
  settings: Settings;
  /** Settings left at their defaults because their cells hold error values ("rates.USD (#N/A)"). */
  unreadSettings: string[];
  rows: RowOutcome[];
}

/** Settings from a key/value range, and the pairs it could not read because they hold error values. */
export interface SettingsArg {
  settings: Settings;
  unread: string[];
}

/** Small LRU caches keyed on argument content: invisible to results. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
}

const settingsCache = new Lru<SettingsArg>(16);
const headerCache = new Lru<HeaderMap>(32);
const DEFAULT_SETTINGS_ARG: SettingsArg = { settings: DEFAULT_SETTINGS, unread: [] };

/** A settings key as the unread list shows it: a key is short, a long text is cut. */
function shortKey(key: string): string {
  return key.length > 40 ? `${key.slice(0, 39)}…` : key;
}

/**
 * Settings from the optional key/value range, parsed once per distinct content. A pair
 * whose key or value is an error value (a lookup's #N/A) is not read: that setting keeps
 * its default and is listed in `unread`, so one bad cell does not stop every row.
 */
export function readSettings(v: unknown): SettingsArg {
  if (isOmitted(v)) return DEFAULT_SETTINGS_ARG;
  const unread: string[] = [];
  const rows = (Array.isArray(v) ? v : [[v]]).filter((row: unknown) => {
    const cells: unknown[] = Array.isArray(row) ? row : [row];
    const code = cells.map(errorCodeOf).find((c) => c !== undefined);
    if (code === undefined) return true;
    const key = cells[0];
    unread.push(
      errorCodeOf(key) !== undefined || isOmitted(key)
        ? `(${code})`
        : `${shortKey(String(toCell(key)))} (${code})`,
    );
    return false;
  });
  const cells = toMatrix(rows);
  const cacheKey = JSON.stringify([cells, unread]);
  const cached = settingsCache.get(cacheKey);
  if (cached) return cached;
  if (cells[0] && cells[0].length < 2) {
    badArgument("settings", "expected a two-column range of keys and values", "应为两列（键、值）的区域");
  }
  const result = { settings: rows.length > 0 ? settingsFromPairs(cells) : DEFAULT_SETTINGS, unread };
  settingsCache.set(cacheKey, result);
  return result;
}

/** Settings from the optional key/value range (see readSettings). */
export function readSettingsArg(v: unknown): Settings {
  return readSettings(v).settings;
}

/** The header mapping, computed once per distinct header row and mapping corrections. */
function headerMapFor(headers: CellValue[], settings: Settings): HeaderMap {
  const overrides = settings.columns;
  const hasOverrides = Object.keys(overrides).length > 0;
  const key = hasOverrides ? `${headerKey(headers)}\u0000${JSON.stringify(overrides)}` : headerKey(headers);
  const cached = headerCache.get(key);
  if (cached) return cached;
  let map: HeaderMap;
  try {
    map = mapHeaders(headers, hasOverrides ? toOverrides(overrides) : undefined);
  } catch (e) {
    if (e instanceof UnknownFieldError) {
      return badArgument(
        "settings",
        `${e.message} (see the field list in the README)`,
        `列映射“${e.header}”：未知字段“${e.field}”`,
      );
    }
    throw e;
  }
  headerCache.set(key, map);
  return map;
}

function toOverrides(columns: Record<string, string>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [header, field] of Object.entries(columns)) out[header] = field === "" ? null : field;
  return out;
}

/** The blacklist index of a range argument, or undefined when it is left out. */
export function readBlacklistArg(v: unknown): BlacklistIndex | undefined {
  if (isLeftOut(v)) return undefined;
  return blacklistFor(asRange(v));
}

/**
 * The `today` argument: a date cell (Excel hands it over as a serial number),
 * or text such as "2026-06-30". Undefined when left out and not required.
 */
export function readTodayArg(v: unknown, required: boolean): Date | undefined {
  if (isOmitted(v)) {
    if (!required) return undefined;
    return badArgument(
      "today",
      "give the day to judge on, e.g. TODAY() or a date cell, so the result is reproducible",
      "请给出评估日期，例如 TODAY() 或日期单元格，以便结果可复现",
    );
  }
  const parsed = parseDate(toScalar(v, "today"));
  if (!parsed.ok || parsed.value === undefined) {
    return badArgument("today", "expected a date such as 2026-06-30", "应为日期，例如 2026-06-30");
  }
  const d = parsed.value;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/**
 * The header row and data rows of a function's arguments, checked (one header
 * row, the same width, some column recognised), with the header mapping.
 * `rowsName` is the data argument's name, as the messages say it.
 */
export function readLedgerArgs(
  headers: unknown,
  rows: unknown,
  settings: Settings,
  rowsName: string,
): { map: HeaderMap; headerRow: CellValue[]; data: CellValue[][] } {
  const headerRows = toMatrix(headers);
  if (headerRows.length !== 1) {
    badArgument(
      "headers",
      `expected the ledger's header row (one row), got ${headerRows.length} rows`,
      `应为台账的表头行（一行），实际为 ${headerRows.length} 行`,
    );
  }
  const headerRow = headerRows[0] ?? [];
  const data = toMatrix(rows);
  const width = data[0]?.length ?? 0;
  if (width !== headerRow.length) {
    badArgument(
      rowsName,
      `${rowsName} ${rowsName === "rows" ? "have" : "has"} ${width} columns but headers has ${headerRow.length}; select the same columns for both`,
      `${rowsName === "rows" ? "数据行" : "台账"}有 ${width} 列，表头有 ${headerRow.length} 列；请选择相同的列`,
    );
  }
  const map = headerMapFor(headerRow, settings);
  if (Object.keys(map.byField).length === 0) {
    badArgument(
      "headers",
      "no known column found (expected headers such as 供应商, 付款方式, Order total)",
      "未识别任何列（应有 供应商、付款方式、订单金额 等表头）",
    );
  }
  return { map, headerRow, data };
}

/**
 * Evaluates the rows; throws InputError/SettingsError for a bad argument as a whole.
 * With `asOf` the history checks join the verdicts and each outcome carries its money at risk.
 */
export function evaluateRisk(
  headers: unknown,
  rows: unknown,
  blacklist: unknown,
  settingsArg: unknown,
  asOf?: Date | undefined,
): RiskResult {
  const { settings, unread } = readSettings(settingsArg);
  const { map, data } = readLedgerArgs(headers, rows, settings, "rows");
  const index = readBlacklistArg(blacklist);
  const { results, verdicts, now } = scoreRows(map, data, { settings, blacklist: index, firstRow: 1, asOf });
  // Results carry 1-based row numbers within the range; blank and total rows (合计) have none.
  const outcomes: RowOutcome[] = data.map(() => ({ kind: "blank" }));
  // A cell that could not be read does not stop its row: the verdict lists it (unreadable_cell, 0 points).
  results.forEach((result, i) => {
    const verdict = verdicts[i];
    outcomes[result.order.row - 1] = verdict
      ? { kind: "verdict", verdict, now: now?.[i] }
      : { kind: "error", message: "row could not be scored" };
  });
  return { settings, unreadSettings: unread, rows: outcomes };
}

/** The most characters a cell holds: a longer answer would be an error in Excel. */
const MAX_CELL_TEXT = 32767;

/** Text cut to what a cell holds (an ellipsis marks the cut). */
export function fitCell(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/** A row's reasons, followed by the settings that were not read, when there are any; cut to what a cell holds. */
export function reasonsText(verdict: Verdict, result: RiskResult): string {
  const lang: Lang = result.settings.language;
  const text = summarizeReasons(verdict, lang);
  const list = result.unreadSettings.join(", ");
  const note =
    list === ""
      ? ""
      : lang === "zh"
        ? `（设置含错误值，已用默认值：${list}）`
        : `(settings not read, defaults used: ${list})`;
  return fitCell(text && note ? `${text} ${note}` : text || note);
}
