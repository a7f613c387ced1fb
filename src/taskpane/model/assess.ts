/**
 * The task pane's one call into the engine for a ledger. Each row is read and
 * scored on its own, exactly as its GUARD.RISKSCORE formula sees it (the
 * header row, that one row, the blacklist, the settings), so the pane and the
 * sheet never disagree. What only the whole ledger shows (a tracking number
 * shared by different suppliers, order lines continuing the order above
 * them) is reported apart, as ledger-wide findings.
 */
import { columnWarningText, dateWarningText } from "../../ledger/columns";
import { type DateColumnReport, reportDates } from "../../ledger/dates";
import type { FieldId } from "../../ledger/fields";
import { type HeaderMap, mapHeaders } from "../../ledger/header";
import type { RowResult } from "../../ledger/read";
import type { BlacklistIndex } from "../../rules/blacklist";
import { compactTracking } from "../../rules/identifiers/tracking";
import { orderSupplierKey, scoreOrder, TrackingUse } from "../../rules/score";
import type { Settings } from "../../rules/settings";
import type { CellValue, Lang, Order, Verdict } from "../../rules/types";
import { type ReadRows, readRows } from "./rows";

/** Column corrections from the settings (`columns.<header>`): "" means "ignore this column". */
export function columnOverrides(settings: Settings): Record<string, FieldId | null> {
  const out: Record<string, FieldId | null> = {};
  for (const [header, field] of Object.entries(settings.columns))
    out[header] = field === "" ? null : (field as FieldId);
  return out;
}

/**
 * The columns that look relevant but are not read, one sentence each, as the
 * command line's warnings say it (with the pane's field labels).
 */
export function mappingWarnings(
  header: HeaderMap,
  lang: Lang,
  label: (field: FieldId) => string,
): Array<{ index: number; text: string }> {
  return header.warnings.map((w) => ({ index: w.index, text: columnWarningText(w, header, lang, label) }));
}

/**
 * Each date column of the ledger (header row first, as assessLedger takes it)
 * with its day order and the dates it could not read, row numbers as the
 * sheet numbers them (`headerRow`: the header's 0-based sheet row).
 */
export function ledgerDates(
  header: HeaderMap,
  cells: readonly (readonly CellValue[])[],
  headerRow: number,
  asOf: Date,
): DateColumnReport[] {
  return reportDates(header, cells.slice(1), { firstRow: headerRow + 2, asOf });
}

/** The mapping view's sentences on date columns with dates not read ("Order date: 16 of 40 dates not read (e.g. row 11 `2/10/25`)"). */
export function dateNotes(
  dates: readonly DateColumnReport[],
  lang: Lang,
): Array<{ index: number; text: string }> {
  const out: Array<{ index: number; text: string }> = [];
  for (const d of dates) {
    const text = dateWarningText(d, lang);
    if (text !== undefined) out.push({ index: d.index, text });
  }
  return out;
}

export interface AssessedRow {
  /** Index of the data row under the header (0-based). */
  index: number;
  order?: Order;
  verdict?: Verdict;
  /** Cells that could not be read (the row is scored without them), or why no row could be read. */
  issues?: { column: string; message: string; messageZh?: string | undefined }[];
}

/** One tracking number on orders of different suppliers: the empty-parcel sign. */
export interface SharedTracking {
  /** The number as first written in the ledger. */
  number: string;
  /** The suppliers' names (or member ids, or links), one per distinct supplier. */
  suppliers: string[];
  /** Data-row indexes (0-based) of the orders carrying it, continuation lines left out. */
  rows: number[];
}

/** What the per-row formulas cannot see, found across the whole ledger. */
export interface LedgerFindings {
  sharedTracking: SharedTracking[];
  /**
   * Data-row indexes of continuation lines: rows whose order id is blank under
   * an order row. Their risk columns score the line alone.
   */
  continuationRows: number[];
}

export interface Assessment {
  header: HeaderMap;
  rows: AssessedRow[];
  findings: LedgerFindings;
  /** The header row the header map was made from. */
  headerRow?: readonly CellValue[] | undefined;
  /** The rows as read, for the next assessment of the same ledger (see readRows). */
  read?: ReadRows | undefined;
  /** Each row's compact tracking number and supplier key, for the next assessment. */
  tracking?: TrackingKeys | undefined;
  /** Where each data row's entry is in `rows` (made when the next assessment needs it). */
  positions?: Int32Array | undefined;
  /** The settings and blacklist the verdicts were computed with. */
  settings?: Settings | undefined;
  blacklist?: BlacklistIndex | undefined;
}

function issuesOf(order: Order): NonNullable<AssessedRow["issues"]> {
  return (order.issues ?? []).map((i) => ({ column: i.column, message: i.message, messageZh: i.messageZh }));
}

/** Supplier text for a finding: the name, else the member id, else the link. */
function supplierLabel(order: Order): string {
  const s = order.supplier;
  return s.name ?? s.memberId ?? s.shopUrl ?? "";
}

/** The header map of `headerRow`, the previous assessment's when the row and the settings are the same. */
function headerOf(headerRow: readonly CellValue[], settings: Settings, previous?: Assessment): HeaderMap {
  const known = previous?.read;
  if (known && known.settings === settings && previous.headerRow === headerRow) return previous.header;
  return mapHeaders(headerRow, columnOverrides(settings));
}

/**
 * Reads and scores a ledger given as header row + data rows (the header row
 * is `cells[0]`, as the formulas' `Table[[#Headers],...]` reads it).
 *
 * With `previous`, the assessment of an earlier version of the same cells (an
 * edit re-read only the rows it touched and shares the other rows' arrays), a
 * row whose cells are the same array keeps its verdict when the settings and
 * blacklist are the same: only the rows that changed are read and scored.
 */
export function assessLedger(
  cells: readonly (readonly CellValue[])[],
  settings: Settings,
  blacklist?: BlacklistIndex,
  previous?: Assessment,
): Assessment {
  const headerRow = cells[0] ?? [];
  const header = headerOf(headerRow, settings, previous);
  const data = cells.slice(1);
  const fields = new Set<string>(Object.keys(header.byField));
  if (fields.size === 0) {
    const rows: AssessedRow[] = [];
    const read = readRows(header, data, { settings }, previous?.read);
    read.alone.forEach((result, index) => {
      if (result)
        rows.push({ index, issues: [{ column: "", message: "no known column", messageZh: "未识别任何列" }] });
    });
    return { header, headerRow, rows, findings: emptyFindings(), read, settings, blacklist };
  }
  const read = readRows(header, data, { settings }, previous?.read);
  const options = { settings, blacklist, fields, batch: { trackingSuppliers: new Map() } };
  const assess = (index: number, order: Order): AssessedRow => {
    const row: AssessedRow = { index, order, verdict: scoreOrder(order, options) };
    if (order.issues !== undefined) row.issues = issuesOf(order);
    return row;
  };
  const same = previous !== undefined && previous.settings === settings && previous.blacklist === blacklist;
  const rows =
    (same && patchedRows(previous, read, assess)) ||
    everyRow(read, same ? verdictsByIndex(previous) : undefined, assess);

  const { keys, same: sameFindings } = trackingKeys(read, same ? previous : undefined);
  return {
    header,
    headerRow,
    rows,
    findings: sameFindings && previous ? previous.findings : findAcross(read, keys),
    read,
    tracking: keys,
    settings,
    blacklist,
  };
}

/**
 * Per row, as the sheet's formulas compute it: a row keeps its verdict when its
 * order is the very one read before (readRows kept it).
 */
function everyRow(
  read: ReadRows,
  kept: Array<AssessedRow | undefined> | undefined,
  assess: (index: number, order: Order) => AssessedRow,
): AssessedRow[] {
  const rows: AssessedRow[] = [];
  for (let index = 0; index < read.alone.length; index++) {
    const result = read.alone[index];
    if (!result) continue; // blank and totals rows are not orders; their formulas stay blank
    const old = kept?.[index];
    rows.push(old !== undefined && old.order === result.order ? old : assess(index, result.order));
  }
  return rows;
}

/**
 * The previous rows with those an edit changed scored again, when the edit left
 * every row an order or not as it was (then each row keeps its place); undefined
 * otherwise.
 */
function patchedRows(
  previous: Assessment,
  read: ReadRows,
  assess: (index: number, order: Order) => AssessedRow,
): AssessedRow[] | undefined {
  const changed = read.changed;
  const before = previous.read;
  if (changed === undefined || before === undefined || changed.length > previous.rows.length / 8)
    return undefined;
  const at = positions(previous);
  for (const index of changed) {
    if ((read.alone[index] === undefined) !== (before.alone[index] === undefined)) return undefined;
  }
  const rows = previous.rows.slice();
  for (const index of changed) {
    const result = read.alone[index];
    const position = at[index] ?? -1;
    if (result !== undefined && position >= 0 && rows[position]?.order !== result.order)
      rows[position] = assess(index, result.order);
  }
  return rows;
}

/** Where each data row's entry is in an assessment's rows (-1 for a row that is no order). */
function positions(assessment: Assessment): Int32Array {
  if (assessment.positions !== undefined) return assessment.positions;
  const at = new Int32Array(assessment.read?.alone.length ?? 0).fill(-1);
  assessment.rows.forEach((row, position) => {
    if (row.index < at.length) at[row.index] = position;
  });
  assessment.positions = at;
  return at;
}

/** The rows of an assessment by their data-row index. */
function verdictsByIndex(assessment: Assessment): Array<AssessedRow | undefined> {
  const out: Array<AssessedRow | undefined> = [];
  for (const row of assessment.rows) out[row.index] = row;
  return out;
}

function emptyFindings(): LedgerFindings {
  return { sharedTracking: [], continuationRows: [] };
}

/** Per row: its compact tracking number and supplier key ("" for none), kept between assessments. */
interface TrackingKeys {
  compact: string[];
  key: string[];
}

function keysOf(result: RowResult | undefined): [string, string] {
  if (result === undefined) return ["", ""];
  const number = result.order.trackingNumber;
  return [number === undefined ? "" : compactTracking(number), orderSupplierKey(result.order) ?? ""];
}

/** Whether a row read together is a continuation line of an order with an id (the findings leave it out). */
const continues = (read: ReadRows, index: number): boolean =>
  (read.parentOf[index] ?? -1) >= 0 && read.together[index]?.order.orderId !== undefined;

/**
 * Each row's compact tracking number and supplier key, worked out again only for
 * the rows an edit changed; `same` when none of those changed a number, a
 * supplier, a label or whether the row is an order or a continuation line, so the
 * findings across rows are those of before.
 */
function trackingKeys(
  read: ReadRows,
  previous: Assessment | undefined,
): { keys: TrackingKeys; same: boolean } {
  const before = previous?.tracking;
  const beforeRead = previous?.read;
  if (read.changed !== undefined && before !== undefined && beforeRead !== undefined) {
    const compact = before.compact.slice();
    const key = before.key.slice();
    let same = true;
    for (const index of read.changed) {
      const result = read.together[index];
      const [c, k] = keysOf(result);
      const old = beforeRead.together[index];
      if (
        c !== compact[index] ||
        k !== key[index] ||
        (result === undefined) !== (old === undefined) ||
        continues(read, index) !== continues(beforeRead, index) ||
        (result !== undefined &&
          old !== undefined &&
          supplierLabel(result.order) !== supplierLabel(old.order))
      )
        same = false;
      compact[index] = c;
      key[index] = k;
    }
    return { keys: { compact, key }, same };
  }
  const n = read.together.length;
  const compact = new Array<string>(n);
  const key = new Array<string>(n);
  for (let i = 0; i < n; i++) [compact[i], key[i]] = keysOf(read.together[i]);
  return { keys: { compact, key }, same: false };
}

/** Looks across the rows as read together (continuation lines inherit their order's values). */
function findAcross(read: ReadRows, keys: TrackingKeys): LedgerFindings {
  const continuationRows: number[] = [];
  const orders: number[] = [];
  const use = new TrackingUse();
  for (let index = 0; index < read.together.length; index++) {
    const result = read.together[index];
    if (!result) continue;
    if (continues(read, index)) {
      continuationRows.push(index);
      continue;
    }
    orders.push(index);
    const compact = keys.compact[index] as string;
    const key = keys.key[index] as string;
    if (compact !== "" && key !== "") use.addNumber(compact, key);
  }

  const shared = use.facts().trackingSuppliers;
  const byNumber = new Map<string, SharedTracking & { keys: Set<string> }>();
  if (shared.size > 0) {
    for (const index of orders) {
      const compact = keys.compact[index] as string;
      if (compact === "" || (shared.get(compact)?.size ?? 0) < 2) continue;
      const order = (read.together[index] as RowResult).order;
      const number = order.trackingNumber?.trim() ?? compact;
      let entry = byNumber.get(compact);
      if (!entry) byNumber.set(compact, (entry = { number, suppliers: [], rows: [], keys: new Set() }));
      const key = keys.key[index] as string;
      if (key !== "" && !entry.keys.has(key)) {
        entry.keys.add(key);
        entry.suppliers.push(supplierLabel(order));
      }
      entry.rows.push(index);
    }
  }
  const sharedTracking = [...byNumber.values()].map(({ number, suppliers, rows }) => ({
    number,
    suppliers,
    rows,
  }));
  return { sharedTracking, continuationRows };
}
