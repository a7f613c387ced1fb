/**
 * The ledger over time as the task pane shows it: the orders with money at
 * risk on a day (the Ledger tab's list), one supplier's record found by the
 * keys the blacklist matches by (the Vet tab's card), and that record's grade.
 * Everything comes from the ledger's cells through the engine
 * (src/rules/history); nothing here reads Excel.
 */
import { mapHeaders } from "../../ledger/header";
import { readIsoFast } from "../../ledger/parse/date";
import { moneyAtRisk } from "../../rules/at-risk";
import { type BlacklistQuery, supplierKeys } from "../../rules/blacklist";
import type { CheckContext } from "../../rules/checks/check";
import {
  HISTORY_CHECKS,
  ledgerHistory,
  type LedgerHistory,
  type RiskNow,
  type SupplierHistory,
} from "../../rules/history";
import { formatMoney } from "../../rules/money";
import { batchFacts } from "../../rules/score";
import type { Settings } from "../../rules/settings";
import type { CellValue, Money, Order, Reason } from "../../rules/types";
import { columnOverrides } from "./assess";
import { type Grade, gradeOnTime } from "./grading";
import { type ReadRows, readRows } from "./rows";

/** US dollars rounded to the dollar, as the pane shows money at risk ("US$3,250"). */
export function formatUsd(value: number): string {
  return formatMoney({ amount: Math.round(value), currency: "USD" });
}

/** The ledger read for its history on one day. */
export interface HistoryView {
  asOf: Date;
  history: LedgerHistory;
  /** The orders in sheet order (continuation lines included), as `history`'s per-order arrays follow them. */
  orders: Order[];
  /** Per order: its index among the data rows under the header (0-based), as the pane selects rows. */
  indexOf: number[];
  /** Field ids the ledger has columns for. */
  fields: ReadonlySet<string>;
  /** The header row and the rows as read, for reading the next version of the same cells. */
  headerRow?: readonly CellValue[] | undefined;
  read?: ReadRows | undefined;
}

/**
 * The pane's local calendar day as the ledger writes days (a UTC date holding
 * the wall-clock day, see rules/history/dates.ts).
 */
export function localDay(now: Date): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** The day an "as of" date field holds ("2025-03-31"); undefined when blank or not a real date. */
export function dayFromInput(text: string): Date | undefined {
  const day = text.trim();
  return day.length === 10 ? readIsoFast(day) : undefined;
}

/**
 * Reads a ledger (header row first, as assessLedger takes it) for its history
 * on `asOf`; undefined when no column is recognised.
 */
export function readHistory(
  cells: readonly (readonly CellValue[])[],
  settings: Settings,
  asOf: Date,
  previous?: HistoryView,
): HistoryView | undefined {
  const headerRow = cells[0] ?? [];
  const known = previous?.read;
  const header =
    known && known.settings === settings && previous.headerRow === headerRow
      ? known.header
      : mapHeaders(headerRow, columnOverrides(settings));
  const fields = new Set<string>(Object.keys(header.byField));
  if (fields.size === 0) return undefined;
  // Only the rows an edit changed are read again (see readRows).
  const read = readRows(header, cells.slice(1), { settings, history: true, asOf }, known);
  const orders: Order[] = [];
  const indexOf: number[] = [];
  read.together.forEach((r, index) => {
    if (!r) return;
    orders.push(r.order);
    indexOf.push(index);
  });
  const history = ledgerHistory(orders, { settings, asOf, fields });
  return { asOf, history, orders, indexOf, fields, headerRow, read };
}

/** Why an order's money is at risk, as the list names it. */
export type RiskCause = "silent_store" | "overdue" | "escrow_window" | "paid_before_receipt";

/** One order with money at risk on the as-of day. */
export interface AtRiskOrder {
  /** Data-row index under the header (0-based). */
  index: number;
  /** Sheet row number relative to the header row being row 1 (the order's `row`). */
  row: number;
  supplier: string;
  /** The supplier's index in `history.suppliers`, -1 for an order naming no supplier. */
  supplierIndex: number;
  usd: number;
  /** In the order's own currency, when known. */
  amount: Money | undefined;
  /** Days at risk; undefined when the ledger has no date for the payment. */
  days: number | undefined;
  /** The time-based signs on the order, most telling first; `paid_before_receipt` when none. */
  causes: RiskCause[];
  /** The reasons behind `causes` (for their full sentences). */
  reasons: Reason[];
}

/** Each supplier's money at risk on the day. */
export interface AtRiskSupplier {
  supplierIndex: number;
  label: string;
  usd: number;
  orders: number;
  oldestDays: number | undefined;
}

export interface MoneyAtRiskList {
  orders: AtRiskOrder[];
  suppliers: AtRiskSupplier[];
  totalUsd: number;
}

const CAUSE_OF_RULE: Record<string, RiskCause> = {
  "silent-store": "silent_store",
  "late-delivery": "overdue",
  "escrow-window": "escrow_window",
};

/** The time-based checks that fire on an order (silent store, overdue, escrow window). */
function causesOf(
  order: Order,
  now: RiskNow,
  view: HistoryView,
  settings: Settings,
  batch: CheckContext["batch"],
): { causes: RiskCause[]; reasons: Reason[] } {
  const ctx: CheckContext = {
    settings,
    fields: view.fields,
    batch,
    atRisk: moneyAtRisk(order, settings),
    asOf: view.asOf,
    now,
  };
  const causes: RiskCause[] = [];
  const reasons: Reason[] = [];
  for (const check of HISTORY_CHECKS) {
    const found = check.run(order, ctx);
    for (const r of found === undefined ? [] : Array.isArray(found) ? found : [found]) {
      reasons.push(r);
      const cause = CAUSE_OF_RULE[r.rule];
      if (cause !== undefined && !causes.includes(cause)) causes.push(cause);
    }
  }
  // Escrow paid the seller by itself after shipping: the window closed without a dispute.
  if (now.basis === "auto_released" && !causes.includes("escrow_window")) causes.push("escrow_window");
  if (causes.length === 0) causes.push("paid_before_receipt");
  return { causes, reasons };
}

/**
 * The orders with money at risk on the view's day, most money first and then
 * the longest at risk, with each supplier's total. An order's continuation
 * lines (same order id on the rows below it) count once.
 * @example moneyAtRiskList(readHistory(cells, settings, asOf), settings).orders[0].causes // ["silent_store", "overdue"]
 */
export function moneyAtRiskList(view: HistoryView, settings: Settings): MoneyAtRiskList {
  const { history, orders } = view;
  const batch = batchFacts(orders);
  const list: AtRiskOrder[] = [];
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i] as Order;
    const now = history.now[i];
    if (now === undefined || now.usd === undefined || now.usd <= 0) continue;
    const previous = i > 0 ? orders[i - 1] : undefined;
    if (order.orderId !== undefined && previous?.orderId === order.orderId) continue;
    const supplierIndex = history.supplierIndex[i] ?? -1;
    const s = order.supplier;
    list.push({
      index: view.indexOf[i] as number,
      row: order.row,
      supplier: history.suppliers[supplierIndex]?.label ?? s.name ?? s.memberId ?? s.shopUrl ?? "",
      supplierIndex,
      usd: now.usd,
      amount: now.amount,
      days: now.days,
      ...causesOf(order, now, view, settings, batch),
    });
  }
  list.sort((a, b) => b.usd - a.usd || (b.days ?? -1) - (a.days ?? -1) || a.index - b.index);
  const bySupplier = new Map<number, AtRiskSupplier>();
  for (const o of list) {
    if (o.supplierIndex < 0) continue;
    let s = bySupplier.get(o.supplierIndex);
    if (s === undefined) {
      s = { supplierIndex: o.supplierIndex, label: o.supplier, usd: 0, orders: 0, oldestDays: undefined };
      bySupplier.set(o.supplierIndex, s);
    }
    s.usd += o.usd;
    s.orders++;
    if (o.days !== undefined && (s.oldestDays === undefined || o.days > s.oldestDays)) s.oldestDays = o.days;
  }
  const suppliers = [...bySupplier.values()].sort(
    (a, b) => b.usd - a.usd || (b.oldestDays ?? -1) - (a.oldestDays ?? -1),
  );
  return { orders: list, suppliers, totalUsd: list.reduce((sum, o) => sum + o.usd, 0) };
}

/**
 * The ledger's record of a supplier named by any of the keys the blacklist
 * matches by (name, member id, shop link, USCC); undefined when none matches.
 */
export function findSupplier(history: LedgerHistory, query: BlacklistQuery): SupplierHistory | undefined {
  const keys = supplierKeys(query);
  if (keys.length === 0) return undefined;
  const wanted = new Set(keys);
  return history.suppliers.find((s) => s.keys.some((k) => wanted.has(k)));
}

/** What lowered a supplier's ledger grade (or set it), each with the grade it allows. */
export type LedgerGradeCause =
  | { code: "on_time"; grade: Grade; rate: number; judged: number }
  | { code: "few_orders"; grade: Grade; judged: number }
  | { code: "few_orders_late"; grade: Grade; rate: number; judged: number }
  | { code: "money_at_risk"; grade: Grade; days: number }
  | { code: "payee_changed"; grade: Grade; changes: number }
  | { code: "reused_tracking"; grade: Grade; numbers: number };

export interface LedgerGrade {
  grade: Grade;
  causes: LedgerGradeCause[];
}

/** The rule's thresholds (the card's help text states them). */
export const LEDGER_GRADE_RULE = {
  /**
   * Orders judged on time or late (or overdue) that an A needs; fewer allow a
   * B at best, and a C at worst (one late order of one is not a D).
   */
  minJudgedForA: 3,
  /** Money at risk this many days or more allows a D. */
  atRiskDaysD: 30,
} as const;

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];

/**
 * A supplier's grade from its ledger record, the worst of: its on-time rate
 * (A ≥95%, B ≥90%, C ≥80%, else D, as the typed rating; with fewer than
 * `minJudgedForA` orders judged it allows B at best and C at worst, and says
 * so), money at risk for `history.silentDays` days
 * or more (C) or `atRiskDaysD` or more (D), a payee account that changed (D:
 * payment redirection), a tracking number another supplier used too (D).
 * Undefined when the record shows none of these (no delivery judged, nothing
 * at risk, nothing flagged): then the typed ratings decide.
 * @example gradeFromHistory({ ...record, onTimeRate: 0.92, payeeChanges: [] }, settings)?.grade // "B"
 */
export function gradeFromHistory(record: SupplierHistory, settings: Settings): LedgerGrade | undefined {
  const causes: LedgerGradeCause[] = [];
  const judged = record.onTime + record.late + record.overdue;
  if (record.onTimeRate !== undefined) {
    const grade = gradeOnTime(record.onTimeRate);
    const few = judged < LEDGER_GRADE_RULE.minJudgedForA;
    if (few && grade === "D")
      causes.push({ code: "few_orders_late", grade: "C", rate: record.onTimeRate, judged });
    else causes.push({ code: "on_time", grade, rate: record.onTimeRate, judged });
    if (few && grade === "A") causes.push({ code: "few_orders", grade: "B", judged });
  }
  const days = record.oldestAtRiskDays;
  if (record.atRiskUsd > 0 && days !== undefined && days >= settings.history.silentDays)
    causes.push({ code: "money_at_risk", grade: days >= LEDGER_GRADE_RULE.atRiskDaysD ? "D" : "C", days });
  if (record.payeeChanges.length > 0)
    causes.push({ code: "payee_changed", grade: "D", changes: record.payeeChanges.length });
  if (record.reusedTracking.length > 0)
    causes.push({ code: "reused_tracking", grade: "D", numbers: record.reusedTracking.length });
  if (causes.length === 0) return undefined;
  const grade = causes.reduce<Grade>(
    (worst, c) => (GRADES.indexOf(c.grade) > GRADES.indexOf(worst) ? c.grade : worst),
    "A",
  );
  return { grade, causes };
}
