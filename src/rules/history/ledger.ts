import { reason, type BatchFacts } from "../checks/check";
import { compactTracking } from "../identifiers/tracking";
import { toUsd } from "../money";
import { batchFacts, levelOf } from "../score";
import type { Settings } from "../settings";
import type { Money, Order, Reason, Verdict } from "../types";
import { moneyAtRiskOn, type RiskNow } from "./at-risk-now";
import { dayOf } from "./dates";
import { isLater, isOpen, receivedBy } from "./open";
import { groupSuppliers } from "./suppliers";

/**
 * The ledger as the team's memory: each supplier's record across its orders,
 * and the two signs only that record shows: a payee account that changed
 * between orders (payment redirection) and a unit price far below what the
 * team paid the supplier for the item before. Pure; one pass after grouping.
 */

export interface HistoryOptions {
  settings: Settings;
  /** The day to judge on. */
  asOf: Date;
  /** Field ids the ledger has columns for (see CheckContext.fields). */
  fields?: ReadonlySet<string> | undefined;
  /** Tracking numbers used by more than one supplier, when already known (else found here). */
  batch?: BatchFacts | undefined;
  /** Money at risk of each order on `asOf`, when already computed (else computed here). */
  now?: readonly (RiskNow | undefined)[] | undefined;
}

/** A payee account that differs from the one the supplier's previous order was paid to. */
export interface PayeeChange {
  /** Sheet row of the order paid to the new account. */
  row: number;
  from: string;
  to: string;
  /** The order's date, when known. */
  date?: Date | undefined;
}

/** A unit price far below the lowest the team paid the supplier for the item before. */
export interface PriceDrop {
  row: number;
  item: string;
  unit: Money;
  earlier: Money;
  earlierRow: number;
  /** How far below (0..1). */
  below: number;
}

/** One supplier's record in the ledger (what the task pane's supplier card shows). */
export interface SupplierHistory {
  /** The supplier's first key (`name:…`, `member:…`, `shop:…`, `uscc:…`). */
  key: string;
  /** Every key its orders were matched by. */
  keys: string[];
  /** As written on its first order: the name, else the member id, shop link or USCC. */
  label: string;
  /** Orders (the lines of one order count once). */
  orders: number;
  /** Sheet rows of its orders' lines. */
  rows: number[];
  /** Order totals in USD, over the orders with a total. */
  spendUsd: number;
  firstDate: Date | undefined;
  lastDate: Date | undefined;
  /** Orders received by their promised date, received after it, and still open past it. */
  onTime: number;
  late: number;
  overdue: number;
  /** onTime / (onTime + late + overdue); undefined when no order has both dates (or is overdue). */
  onTimeRate: number | undefined;
  /** Money at risk on the as-of date (USD), on how many orders, the oldest for how many days. */
  atRiskUsd: number;
  atRiskOrders: number;
  oldestAtRiskDays: number | undefined;
  /** Its tracking numbers that another supplier's orders carry too. */
  reusedTracking: string[];
  /** Payee accounts its orders were paid to, as first written, in date order. */
  payeeAccounts: string[];
  payeeChanges: PayeeChange[];
  priceDrops: PriceDrop[];
}

export interface LedgerHistory {
  asOf: Date;
  /** Most money at risk first, then most spend. */
  suppliers: SupplierHistory[];
  /** Per order (in the order given): money at risk on `asOf`. */
  now: RiskNow[];
  /** Per order: its supplier's index in `suppliers`, -1 for an order naming no supplier. */
  supplierIndex: Int32Array;
  /** Per order: the reasons its supplier's record gives it (payee change, price drop), undefined for none. */
  reasons: (Reason[] | undefined)[];
}

/** An account number as compared: NFKC, no spaces or dashes, upper case. */
function accountKey(account: string): string {
  return account
    .normalize("NFKC")
    .replace(/[\s\-_.]/g, "")
    .toUpperCase();
}

/** The day an order is placed in time: ordered, else paid, else shipped; undefined without a date. */
function dayOfOrder(order: Order): number | undefined {
  const h = order.history;
  const date = h === undefined ? undefined : (h.orderDate ?? h.paidDate ?? h.shippedDate);
  return date === undefined ? undefined : dayOf(date);
}

/** Undated orders sort after dated ones, in sheet order. */
const UNDATED = 2 ** 30;
const INDEX_BITS = 2 ** 22;

/** Indices of the orders sorted by (day, position): one typed sort of packed keys. */
function chronological(orders: readonly Order[]): Uint32Array | number[] {
  const n = orders.length;
  if (n >= INDEX_BITS) {
    const days = orders.map((o) => dayOfOrder(o) ?? UNDATED);
    return Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (days[a] as number) - (days[b] as number) || a - b,
    );
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++)
    packed[i] = ((dayOfOrder(orders[i] as Order) ?? UNDATED) + 2 ** 20) * INDEX_BITS + i;
  packed.sort();
  const out = new Uint32Array(n);
  for (let k = 0; k < n; k++) out[k] = (packed[k] as number) % INDEX_BITS;
  return out;
}

function emptyHistory(key: string, keys: string[], label: string): SupplierHistory {
  return {
    key,
    keys,
    label,
    orders: 0,
    rows: [],
    spendUsd: 0,
    firstDate: undefined,
    lastDate: undefined,
    onTime: 0,
    late: 0,
    overdue: 0,
    onTimeRate: undefined,
    atRiskUsd: 0,
    atRiskOrders: 0,
    oldestAtRiskDays: undefined,
    reusedTracking: [],
    payeeAccounts: [],
    payeeChanges: [],
    priceDrops: [],
  };
}

/** What is remembered of a supplier while walking its orders in date order. */
interface Walk {
  account: string | undefined;
  accountRow: number;
  accountText: string;
  accounts: Set<string>;
  /** Item → the lowest unit price paid before (USD), with the money and row. */
  prices: Map<string, { usd: number; unit: Money; row: number }> | undefined;
  reused: Set<string> | undefined;
}

/**
 * Every supplier's record, each order's money at risk on `asOf`, and the
 * reasons across orders, in one pass over the orders in date order.
 * @example ledgerHistory(orders, { settings, asOf: new Date("2026-12-02") }).suppliers[0].atRiskUsd // 8333
 */
export function ledgerHistory(orders: readonly Order[], options: HistoryOptions): LedgerHistory {
  const { settings, asOf, fields } = options;
  const n = orders.length;
  const now: RiskNow[] = new Array<RiskNow>(n);
  for (let i = 0; i < n; i++) {
    const order = orders[i] as Order;
    now[i] = options.now?.[i] ?? moneyAtRiskOn(order, settings, asOf, fields);
  }
  const groups = groupSuppliers(orders);
  const shared = (options.batch ?? batchFacts(orders)).trackingSuppliers;
  const histories = groups.keys.map((keys, g) => {
    const s = groups.first[g];
    const label = s?.name ?? s?.memberId ?? s?.shopUrl ?? s?.uscc ?? keys[0] ?? "";
    return emptyHistory(keys[0] ?? "", keys, label);
  });
  const walks: Walk[] = histories.map(() => ({
    account: undefined,
    accountRow: 0,
    accountText: "",
    accounts: new Set(),
    prices: undefined,
    reused: undefined,
  }));
  const reasons = new Array<Reason[] | undefined>(n).fill(undefined);
  const { payeeChangePoints, priceDropShare, priceDropPoints } = settings.history;
  const asOfDay = dayOf(asOf);

  for (const i of chronological(orders)) {
    const g = groups.groupOf[i] as number;
    const order = orders[i] as Order;
    // Orders placed after the as-of date are not part of the record on that day.
    if (g < 0 || isLater(order, asOf)) continue;
    const h = histories[g] as SupplierHistory;
    const walk = walks[g] as Walk;
    h.rows.push(order.row);
    const previous = i > 0 ? orders[i - 1] : undefined;
    // Lines of one order: same order id on consecutive rows.
    const firstLine =
      order.orderId === undefined ||
      previous === undefined ||
      previous.orderId !== order.orderId ||
      groups.groupOf[i - 1] !== g;
    const history = order.history;
    if (firstLine) {
      countOrder(h, order, now[i] as RiskNow, settings, asOf, asOfDay, fields);
      const number = order.trackingNumber;
      if (number !== undefined && shared.size > 0) {
        const set = shared.get(compactTracking(number));
        if (set !== undefined && set.size > 1) (walk.reused ??= new Set()).add(number);
      }
      const account = history?.payeeAccount;
      if (account !== undefined) {
        const key = accountKey(account);
        if (walk.account !== undefined && key !== walk.account) {
          const change: PayeeChange = {
            row: order.row,
            from: walk.accountText,
            to: account,
            date: history?.orderDate ?? history?.paidDate,
          };
          h.payeeChanges.push(change);
          (reasons[i] ??= []).push(
            reason("payee-change", "payee_account_changed", payeeChangePoints, {
              account,
              previous: walk.accountText,
              previousRow: walk.accountRow,
            }),
          );
        }
        if (!walk.accounts.has(key)) {
          walk.accounts.add(key);
          h.payeeAccounts.push(account);
        }
        walk.account = key;
        walk.accountText = account;
        walk.accountRow = order.row;
      }
    }
    const item = history?.item;
    const unit = order.unitPrice;
    if (item !== undefined && unit !== undefined) {
      const usd = toUsd(unit, settings);
      if (usd !== undefined && usd > 0) {
        const prices = (walk.prices ??= new Map());
        const before = prices.get(item);
        if (before === undefined || usd < before.usd) prices.set(item, { usd, unit, row: order.row });
        if (before !== undefined && usd <= before.usd * (1 - priceDropShare) + 1e-9) {
          const below = Math.round((1 - usd / before.usd) * 1000) / 1000;
          h.priceDrops.push({
            row: order.row,
            item,
            unit,
            earlier: before.unit,
            earlierRow: before.row,
            below,
          });
          (reasons[i] ??= []).push(
            reason("price-drop", "price_below_history", priceDropPoints, {
              item,
              unit: unit.amount,
              unitCurrency: unit.currency,
              earlier: before.unit.amount,
              earlierCurrency: before.unit.currency,
              earlierRow: before.row,
              below,
            }),
          );
        }
      }
    }
  }
  for (let g = 0; g < histories.length; g++) {
    const h = histories[g] as SupplierHistory;
    const due = h.onTime + h.late + h.overdue;
    h.onTimeRate = due > 0 ? h.onTime / due : undefined;
    const reused = (walks[g] as Walk).reused;
    if (reused !== undefined) h.reusedTracking = [...reused];
    h.rows.sort((a, b) => a - b);
  }
  const order = histories.map((_, g) => g);
  order.sort(
    (a, b) =>
      (histories[b] as SupplierHistory).atRiskUsd - (histories[a] as SupplierHistory).atRiskUsd ||
      (histories[b] as SupplierHistory).spendUsd - (histories[a] as SupplierHistory).spendUsd ||
      a - b,
  );
  const rank = new Int32Array(order.length);
  order.forEach((g, k) => (rank[g] = k));
  const supplierIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groups.groupOf[i] as number;
    supplierIndex[i] = g < 0 ? -1 : (rank[g] as number);
  }
  return { asOf, suppliers: order.map((g) => histories[g] as SupplierHistory), now, supplierIndex, reasons };
}

/** Adds one order (its first line) to its supplier's counts. */
function countOrder(
  h: SupplierHistory,
  order: Order,
  now: RiskNow,
  settings: Settings,
  asOf: Date,
  asOfDay: number,
  fields: ReadonlySet<string> | undefined,
): void {
  h.orders++;
  const total = order.total ?? order.amountPaid;
  const usd = total === undefined ? undefined : toUsd(total, settings);
  if (usd !== undefined) h.spendUsd += usd;
  const history = order.history;
  const date =
    history === undefined ? undefined : (history.orderDate ?? history.paidDate ?? history.shippedDate);
  if (date !== undefined) {
    if (h.firstDate === undefined || date < h.firstDate) h.firstDate = date;
    if (h.lastDate === undefined || date > h.lastDate) h.lastDate = date;
  }
  const promised = history?.promisedDate;
  if (promised !== undefined) {
    const received = history?.receivedDate;
    if (received !== undefined && receivedBy(order, asOf) === true) {
      if (dayOf(received) <= dayOf(promised)) h.onTime++;
      else h.late++;
    } else if (dayOf(promised) < asOfDay && isOpen(order, asOf, fields)) h.overdue++;
  }
  if (now.usd !== undefined && now.usd > 0) {
    h.atRiskUsd += now.usd;
    h.atRiskOrders++;
    if (now.days !== undefined && (h.oldestAtRiskDays === undefined || now.days > h.oldestAtRiskDays))
      h.oldestAtRiskDays = now.days;
  }
}

/**
 * The verdict with reasons added (the history's reasons across orders): the
 * score is the sum again, capped at 100 (100 stays 100 for a blacklisted supplier).
 */
export function withReasons(
  verdict: Verdict,
  extra: readonly Reason[] | undefined,
  settings: Settings,
): Verdict {
  if (extra === undefined || extra.length === 0) return verdict;
  const reasons = [...verdict.reasons, ...extra];
  const listed = reasons.some((r) => r.rule === "blacklisted");
  const sum = reasons.reduce((total, r) => total + r.points, 0);
  const score = listed ? 100 : Math.min(100, Math.round(sum));
  return { score, level: levelOf(score, settings), reasons };
}

/** Every supplier's record (ledgerHistory's `suppliers`). */
export function supplierHistory(orders: readonly Order[], options: HistoryOptions): SupplierHistory[] {
  return ledgerHistory(orders, options).suppliers;
}
