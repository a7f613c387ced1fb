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
import { readOrders } from "../../ledger/read";
import type { BlacklistIndex } from "../../rules/blacklist";
import { compactTracking } from "../../rules/identifiers/tracking";
import { batchFacts, orderSupplierKey, scoreOrder } from "../../rules/score";
import type { Settings } from "../../rules/settings";
import type { CellValue, Lang, Order, Verdict } from "../../rules/types";

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
}

const isBlank = (v: CellValue): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function issuesOf(order: Order): NonNullable<AssessedRow["issues"]> {
  return (order.issues ?? []).map((i) => ({ column: i.column, message: i.message, messageZh: i.messageZh }));
}

/** Supplier text for a finding: the name, else the member id, else the link. */
function supplierLabel(order: Order): string {
  const s = order.supplier;
  return s.name ?? s.memberId ?? s.shopUrl ?? "";
}

/**
 * Reads and scores a ledger given as header row + data rows (the header row
 * is `cells[0]`, as the formulas' `Table[[#Headers],...]` reads it).
 */
export function assessLedger(
  cells: readonly (readonly CellValue[])[],
  settings: Settings,
  blacklist?: BlacklistIndex,
): Assessment {
  const header = mapHeaders(cells[0] ?? [], columnOverrides(settings));
  const data = cells.slice(1);
  const fields = new Set<string>(Object.keys(header.byField));
  const noFields = fields.size === 0;
  const options = { settings, blacklist, fields, batch: { trackingSuppliers: new Map() } };

  // Per row, as the sheet's formulas compute it.
  const rows: AssessedRow[] = [];
  data.forEach((line, index) => {
    const result = readOrders(header, [line], { settings, firstRow: index + 2 })[0];
    if (!result) return; // blank and totals rows are not orders; their formulas stay blank
    if (noFields) {
      rows.push({
        index,
        issues: [{ column: "", message: "no known column", messageZh: "未识别任何列" }],
      });
    } else {
      const row: AssessedRow = { index, order: result.order, verdict: scoreOrder(result.order, options) };
      if (result.order.issues !== undefined) row.issues = issuesOf(result.order);
      rows.push(row);
    }
  });

  return { header, rows, findings: noFields ? emptyFindings() : findAcross(header, data, settings) };
}

function emptyFindings(): LedgerFindings {
  return { sharedTracking: [], continuationRows: [] };
}

/** Reads the rows together (continuation lines inherit their order's values) and looks across them. */
function findAcross(
  header: HeaderMap,
  data: readonly (readonly CellValue[])[],
  settings: Settings,
): LedgerFindings {
  const idColumn = header.byField.orderId;
  const together = readOrders(header, data, { settings, firstRow: 2 });
  const continuationRows: number[] = [];
  const orders: Array<{ order: Order; index: number }> = [];
  for (const result of together) {
    const index = result.order.row - 2;
    const ownId = idColumn === undefined ? "x" : data[index]?.[idColumn];
    const continues = idColumn !== undefined && isBlank(ownId) && result.order.orderId !== undefined;
    if (continues) continuationRows.push(index);
    else orders.push({ order: result.order, index });
  }

  const shared = batchFacts(orders.map((o) => o.order)).trackingSuppliers;
  const byNumber = new Map<string, SharedTracking & { keys: Set<string> }>();
  for (const { order, index } of orders) {
    const number = order.trackingNumber?.trim();
    if (!number) continue;
    const compact = compactTracking(number);
    if ((shared.get(compact)?.size ?? 0) < 2) continue;
    let entry = byNumber.get(compact);
    if (!entry) byNumber.set(compact, (entry = { number, suppliers: [], rows: [], keys: new Set() }));
    const key = orderSupplierKey(order);
    if (key !== undefined && !entry.keys.has(key)) {
      entry.keys.add(key);
      entry.suppliers.push(supplierLabel(order));
    }
    entry.rows.push(index);
  }
  const sharedTracking = [...byNumber.values()].map(({ number, suppliers, rows }) => ({
    number,
    suppliers,
    rows,
  }));
  return { sharedTracking, continuationRows };
}
