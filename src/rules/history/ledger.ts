import { reason, type BatchFacts } from "../checks/check";
import { compactTracking } from "../identifiers/tracking";
import { memoizeString } from "../memo";
import { toUsd } from "../money";
import { hashOf, levelOf } from "../score";
import type { Settings } from "../settings";
import type { Money, Order, Reason, Verdict } from "../types";
import { moneyAtRiskOn, placedLater, type RiskNow } from "./at-risk-now";
import { dayOf } from "./dates";
import { isLater, isOpen, receivedBy } from "./open";
import { groupSuppliers, type SupplierGroups } from "./suppliers";
import { hashPair, itemPrices, setLowest, slotOf, startSupplier } from "./item-prices";

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

/** An account number as compared: NFKC, no spaces or dashes, upper case (each distinct text once). */
const accountKey = memoizeString(
  (account: string): string =>
    account
      .normalize("NFKC")
      .replace(/[\s\-_.]/g, "")
      .toUpperCase(),
  65_536,
);

/** The date an order is placed in time by: ordered, else paid, else shipped. */
function dateOfOrder(order: Order): Date | undefined {
  const h = order.history;
  return h === undefined ? undefined : (h.orderDate ?? h.paidDate ?? h.shippedDate);
}

/** The day an order is placed in time (see dateOfOrder); undefined without a date. */
function dayOfOrder(order: Order): number | undefined {
  const date = dateOfOrder(order);
  return date === undefined ? undefined : dayOf(date);
}

/** Undated orders sort after dated ones, in sheet order. */
const UNDATED = 2 ** 30;
const INDEX_BITS = 2 ** 22;

/**
 * Positions in `days` sorted by (day, position): a counting sort over the dated
 * days when they span few days (a ledger's year), else one typed sort of packed keys.
 */
function chronological(days: ArrayLike<number>): Int32Array {
  const m = days.length;
  const out = new Int32Array(m);
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < m; k++) {
    const day = days[k] as number;
    if (day === UNDATED) continue;
    if (day < min) min = day;
    if (day > max) max = day;
  }
  if (max < min || max - min <= 4 * m + 1024) {
    // Undated orders last (bucket after every day), each bucket in sheet order.
    const width = max < min ? 1 : max - min + 2;
    const base = max < min ? 0 : min;
    const slot = (day: number): number => (day === UNDATED ? width - 1 : day - base);
    const count = new Int32Array(width + 1);
    for (let k = 0; k < m; k++) (count[slot(days[k] as number) + 1] as number)++;
    for (let d = 1; d <= width; d++) count[d] = (count[d] as number) + (count[d - 1] as number);
    for (let k = 0; k < m; k++) out[(count[slot(days[k] as number)] as number)++] = k;
    return out;
  }
  if (m >= INDEX_BITS) {
    const sorted = Array.from({ length: m }, (_, k) => k).sort(
      (a, b) => (days[a] as number) - (days[b] as number) || a - b,
    );
    out.set(sorted);
    return out;
  }
  const packed = new Float64Array(m);
  for (let k = 0; k < m; k++) packed[k] = ((days[k] as number) + 2 ** 20) * INDEX_BITS + k;
  packed.sort();
  for (let k = 0; k < m; k++) out[k] = (packed[k] as number) % INDEX_BITS;
  return out;
}

/** The walked orders grouped by supplier (`start[g]` to `start[g + 1]`), each supplier's in time order. */
function bySupplierInTime(
  walk: ArrayLike<number>,
  days: ArrayLike<number>,
  groupOf: Int32Array,
  groupCount: number,
): { order: Int32Array; start: Int32Array } {
  const m = walk.length;
  const start = new Int32Array(groupCount + 1);
  for (let k = 0; k < m; k++) (start[(groupOf[walk[k] as number] as number) + 1] as number)++;
  for (let g = 0; g < groupCount; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const fill = start.slice(0, groupCount);
  const order = new Int32Array(m);
  const chrono = chronological(days);
  for (let k = 0; k < m; k++) {
    const i = walk[chrono[k] as number] as number;
    order[(fill[groupOf[i] as number] as number)++] = i;
  }
  return { order, start };
}

/**
 * Per supplier, what its orders add up to: one typed array per figure, the
 * records made from them at the end. Objects here are each built by one
 * literal with every key and never change shape after (see at-risk.ts): a
 * record filled in field by field changed its fields' kinds (0 to a fraction,
 * undefined to a date), and V8 threw away the compiled history at the next
 * garbage collection, every ledger.
 */
interface Figures {
  orders: Int32Array;
  spendUsd: Float64Array;
  onTime: Int32Array;
  late: Int32Array;
  overdue: Int32Array;
  atRiskUsd: Float64Array;
  atRiskOrders: Int32Array;
  /** -Infinity until an order at risk has its days. */
  oldestDays: Float64Array;
  /** The orders whose dates are the supplier's first and last (-1 for none), and those dates' times. */
  firstAt: Int32Array;
  lastAt: Int32Array;
  firstTime: Float64Array;
  lastTime: Float64Array;
}

function figuresFor(groups: number): Figures {
  return {
    orders: new Int32Array(groups),
    spendUsd: new Float64Array(groups),
    onTime: new Int32Array(groups),
    late: new Int32Array(groups),
    overdue: new Int32Array(groups),
    atRiskUsd: new Float64Array(groups),
    atRiskOrders: new Int32Array(groups),
    oldestDays: new Float64Array(groups).fill(-Infinity),
    firstAt: new Int32Array(groups).fill(-1),
    lastAt: new Int32Array(groups).fill(-1),
    firstTime: new Float64Array(groups),
    lastTime: new Float64Array(groups),
  };
}

/** Adds one order (its first line) to supplier `g`'s figures. */
function countOrder(
  f: Figures,
  g: number,
  i: number,
  order: Order,
  now: RiskNow,
  settings: Settings,
  asOf: Date,
  asOfDay: number,
  fields: ReadonlySet<string> | undefined,
): void {
  (f.orders[g] as number)++;
  const total = order.total ?? order.amountPaid;
  const usd = total === undefined ? undefined : toUsd(total, settings);
  if (usd !== undefined) f.spendUsd[g] = (f.spendUsd[g] as number) + usd;
  const history = order.history;
  const date = dateOfOrder(order);
  if (date !== undefined) {
    const time = date.getTime();
    if ((f.firstAt[g] as number) < 0 || time < (f.firstTime[g] as number)) {
      f.firstAt[g] = i;
      f.firstTime[g] = time;
    }
    if ((f.lastAt[g] as number) < 0 || time > (f.lastTime[g] as number)) {
      f.lastAt[g] = i;
      f.lastTime[g] = time;
    }
  }
  const promised = history?.promisedDate;
  if (promised !== undefined) {
    const received = history?.receivedDate;
    if (received !== undefined && receivedBy(order, asOf) === true) {
      if (dayOf(received) <= dayOf(promised)) (f.onTime[g] as number)++;
      else (f.late[g] as number)++;
    } else if (dayOf(promised) < asOfDay && isOpen(order, asOf, fields)) (f.overdue[g] as number)++;
  }
  if (now.usd !== undefined && now.usd > 0) {
    f.atRiskUsd[g] = (f.atRiskUsd[g] as number) + now.usd;
    (f.atRiskOrders[g] as number)++;
    if (now.days !== undefined && now.days > (f.oldestDays[g] as number)) f.oldestDays[g] = now.days;
  }
}

/** What a supplier's orders in time order show: its payee accounts and their changes, and its price drops. */
interface Walked {
  payeeAccounts: string[];
  payeeChanges: PayeeChange[];
  priceDrops: PriceDrop[];
}

/** Supplier `g`'s record, made once with every figure. */
function recordOf(
  f: Figures,
  g: number,
  orders: readonly Order[],
  keys: string[],
  label: string,
  rows: number[],
  walked: Walked,
  reusedTracking: string[],
): SupplierHistory {
  const onTime = f.onTime[g] as number;
  const late = f.late[g] as number;
  const overdue = f.overdue[g] as number;
  const due = onTime + late + overdue;
  const first = f.firstAt[g] as number;
  const last = f.lastAt[g] as number;
  const oldest = f.oldestDays[g] as number;
  return {
    key: keys[0] ?? "",
    keys,
    label,
    orders: f.orders[g] as number,
    rows,
    spendUsd: f.spendUsd[g] as number,
    firstDate: first < 0 ? undefined : dateOfOrder(orders[first] as Order),
    lastDate: last < 0 ? undefined : dateOfOrder(orders[last] as Order),
    onTime,
    late,
    overdue,
    onTimeRate: due > 0 ? onTime / due : undefined,
    atRiskUsd: f.atRiskUsd[g] as number,
    atRiskOrders: f.atRiskOrders[g] as number,
    oldestAtRiskDays: oldest === -Infinity ? undefined : oldest,
    reusedTracking,
    payeeAccounts: walked.payeeAccounts,
    payeeChanges: walked.payeeChanges,
    priceDrops: walked.priceDrops,
  };
}

/**
 * Every supplier's record, each order's money at risk on `asOf`, and the
 * reasons across orders: one pass over the orders in sheet order (each order
 * read once, what later steps need kept in typed arrays), then each supplier's
 * orders in date order for the payee account and the price over time.
 * @example ledgerHistory(orders, { settings, asOf: new Date("2026-12-02") }).suppliers[0].atRiskUsd // 8333
 */
export function ledgerHistory(orders: readonly Order[], options: HistoryOptions): LedgerHistory {
  const { settings, asOf, fields } = options;
  const n = orders.length;
  const groups = groupSuppliers(orders);
  const groupOf = groups.groupOf;
  const groupCount = groups.keys.length;
  const given = options.batch?.trackingSuppliers;
  /** Without the facts given: which first lines carry a tracking number, and its compact text hashed. */
  const hashes = given === undefined ? new Int32Array(n) : undefined;
  const hasNumber = given === undefined ? new Uint8Array(n) : undefined;
  let numbered = 0;
  const reasons = new Array<Reason[] | undefined>(n).fill(undefined);
  const { payeeChangePoints, priceDropShare, priceDropPoints } = settings.history;
  const asOfDay = dayOf(asOf);
  const figures = figuresFor(groupCount);

  const now: RiskNow[] = new Array<RiskNow>(n);
  /** Per order in a record on the day (a supplier's, not placed later): 1, and its sheet row. */
  const counted = new Uint8Array(n);
  const rowOf = new Int32Array(n);
  const lineCount = new Int32Array(groupCount);
  /** Per order: its payee account's number (accounts compared as keys, -1 for none). */
  const accountOf = new Int32Array(n).fill(-1);
  const accountIds = new Map<string, number>();
  /**
   * Per supplier, the hashes of the account text of its last order in sheet order, and that
   * account's number (-1 for none yet): the same text as the order before, the usual case, is
   * neither compared nor normalised again. Two texts whose two hashes both agree (about one
   * chance in 10^19) would read as one account; see item-prices.ts.
   */
  const lastHash = new Int32Array(2 * groupCount);
  const lastId = new Int32Array(groupCount).fill(-1);
  const pair = new Int32Array(2);
  /** Per order: its unit price in USD (0 for none) and its item's two hashes (see item-prices.ts). */
  const unitUsd = new Float64Array(n);
  const itemH1 = new Int32Array(n);
  const itemH2 = new Int32Array(n);
  /** The orders the walk reads (with an account or a priced item), in sheet order, and their days. */
  const walk = new Int32Array(n);
  const walkDays = new Int32Array(n);
  let walked = 0;
  for (let i = 0; i < n; i++) {
    const order = orders[i] as Order;
    const passed = options.now?.[i];
    const risk = passed ?? moneyAtRiskOn(order, settings, asOf, fields);
    now[i] = risk;
    const g = groupOf[i] as number;
    // Orders placed after the as-of date are not part of the record on that day.
    if (g < 0 || (passed === undefined ? placedLater(risk) : isLater(order, asOf))) continue;
    counted[i] = 1;
    rowOf[i] = order.row;
    (lineCount[g] as number)++;
    const previous = i > 0 ? orders[i - 1] : undefined;
    // Lines of one order: same order id on consecutive rows.
    const firstLine =
      order.orderId === undefined ||
      previous === undefined ||
      previous.orderId !== order.orderId ||
      groupOf[i - 1] !== g;
    const history = order.history;
    let walks = false;
    if (firstLine) {
      countOrder(figures, g, i, order, risk, settings, asOf, asOfDay, fields);
      const number = order.trackingNumber;
      const compact = hashes === undefined || number === undefined ? "" : compactTracking(number);
      if (hashes !== undefined && hasNumber !== undefined && compact !== "") {
        hashes[i] = hashOf(compact);
        hasNumber[i] = 1;
        numbered++;
      }
      const account = history?.payeeAccount;
      if (account !== undefined) {
        // The same text as the supplier's order before has the same key: normalised once per change.
        hashPair(account, pair);
        if (lastId[g] === -1 || pair[0] !== lastHash[2 * g] || pair[1] !== lastHash[2 * g + 1]) {
          lastHash[2 * g] = pair[0] as number;
          lastHash[2 * g + 1] = pair[1] as number;
          const key = accountKey(account);
          let id = accountIds.get(key);
          if (id === undefined) accountIds.set(key, (id = accountIds.size));
          lastId[g] = id;
        }
        accountOf[i] = lastId[g] as number;
        walks = true;
      }
    }
    const item = history?.item;
    const unit = order.unitPrice;
    if (item !== undefined && unit !== undefined) {
      const usd = toUsd(unit, settings);
      if (usd !== undefined && usd > 0) {
        hashPair(item, pair);
        itemH1[i] = pair[0] as number;
        itemH2[i] = pair[1] as number;
        unitUsd[i] = usd;
        walks = true;
      }
    }
    if (walks) {
      walk[walked] = i;
      walkDays[walked++] = dayOfOrder(order) ?? UNDATED;
    }
  }
  // Each record's rows, in sheet order.
  const rows = new Array<number[]>(groupCount);
  for (let g = 0; g < groupCount; g++) rows[g] = new Array<number>(lineCount[g] as number);
  lineCount.fill(0);
  for (let i = 0; i < n; i++) {
    if (counted[i] === 0) continue;
    const g = groupOf[i] as number;
    (rows[g] as number[])[(lineCount[g] as number)++] = rowOf[i] as number;
  }
  // Tracking numbers another supplier's orders carry too, under each supplier that used them.
  const reused = reusedNumbers(orders, groups, given, hashes, hasNumber, numbered);

  // Then each supplier's orders together, in date order: the payee account and the price over time.
  const seq = bySupplierInTime(walk.subarray(0, walked), walkDays.subarray(0, walked), groupOf, groupCount);
  const start = seq.start;
  const accountText = (i: number): string => (orders[i] as Order).history?.payeeAccount as string;
  let most = 0;
  for (let g = 0; g < groupCount; g++) most = Math.max(most, (start[g + 1] as number) - (start[g] as number));
  const prices = itemPrices(most);
  const histories = new Array<SupplierHistory>(groupCount);
  for (let g = 0; g < groupCount; g++) {
    const found: Walked = { payeeAccounts: [], payeeChanges: [], priceDrops: [] };
    let account = -1;
    let accountAt = -1;
    let seen: Set<number> | undefined;
    startSupplier(prices, (start[g + 1] as number) - (start[g] as number));
    for (let k = start[g] as number; k < (start[g + 1] as number); k++) {
      const i = seq.order[k] as number;
      const key = accountOf[i] as number;
      if (key >= 0) {
        if (accountAt >= 0 && key !== account) {
          const history = (orders[i] as Order).history;
          const from = accountText(accountAt);
          const text = accountText(i);
          found.payeeChanges.push({
            row: rowOf[i] as number,
            from,
            to: text,
            date: history?.orderDate ?? history?.paidDate,
          });
          (reasons[i] ??= []).push(
            reason("payee-change", "payee_account_changed", payeeChangePoints, {
              account: text,
              previous: from,
              previousRow: rowOf[accountAt] as number,
            }),
          );
        }
        if (key !== account && !(seen ??= new Set()).has(key)) {
          seen.add(key);
          found.payeeAccounts.push(accountText(i));
        }
        account = key;
        accountAt = i;
      }
      const usd = unitUsd[i] as number;
      if (usd === 0) continue;
      const h1 = itemH1[i] as number;
      const h2 = itemH2[i] as number;
      const slot = slotOf(prices, h1, h2);
      if (slot < 0) {
        setLowest(prices, ~slot, h1, h2, usd, i);
        continue;
      }
      const lowest = prices.usd[slot] as number;
      const at = prices.at[slot] as number;
      if (usd < lowest) setLowest(prices, slot, h1, h2, usd, i);
      if (usd > lowest * (1 - priceDropShare) + 1e-9) continue;
      // Reported only when the two items' texts are the same (hashes alone could merge two).
      const item = (orders[i] as Order).history?.item as string;
      if ((orders[at] as Order).history?.item !== item) continue;
      const order = orders[i] as Order;
      const unit = order.unitPrice as Money;
      const earlier = (orders[at] as Order).unitPrice as Money;
      const below = Math.round((1 - usd / lowest) * 1000) / 1000;
      const earlierRow = rowOf[at] as number;
      found.priceDrops.push({ row: order.row, item, unit, earlier, earlierRow, below });
      (reasons[i] ??= []).push(
        reason("price-drop", "price_below_history", priceDropPoints, {
          item,
          unit: unit.amount,
          unitCurrency: unit.currency,
          earlier: earlier.amount,
          earlierCurrency: earlier.currency,
          earlierRow,
          below,
        }),
      );
    }
    const keys = groups.keys[g] as string[];
    const s = groups.first[g];
    const label = s?.name ?? s?.memberId ?? s?.shopUrl ?? s?.uscc ?? keys[0] ?? "";
    histories[g] = recordOf(figures, g, orders, keys, label, rows[g] as number[], found, reused[g] ?? []);
  }
  // Most money at risk first, then most spend.
  const order = Array.from({ length: groupCount }, (_, g) => g);
  const { atRiskUsd, spendUsd } = figures;
  order.sort(
    (a, b) =>
      (atRiskUsd[b] as number) - (atRiskUsd[a] as number) ||
      (spendUsd[b] as number) - (spendUsd[a] as number) ||
      a - b,
  );
  const rank = new Int32Array(groupCount);
  for (let k = 0; k < groupCount; k++) rank[order[k] as number] = k;
  const supplierIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] as number;
    supplierIndex[i] = g < 0 ? -1 : (rank[g] as number);
  }
  return { asOf, suppliers: order.map((g) => histories[g] as SupplierHistory), now, supplierIndex, reasons };
}

/**
 * Per supplier, the tracking numbers that another supplier's orders carry too:
 * from the facts when given (scoring found them), else found here.
 */
function reusedNumbers(
  orders: readonly Order[],
  groups: SupplierGroups,
  given: BatchFacts["trackingSuppliers"] | undefined,
  hashes: Int32Array | undefined,
  hasNumber: Uint8Array | undefined,
  numbered: number,
): (string[] | undefined)[] {
  const reusedBy = new Map<string, Set<number>>();
  if (hashes !== undefined && hasNumber !== undefined && numbered > 1)
    findReused(orders, hashes, hasNumber, numbered, groups.groupOf, reusedBy);
  // Numbers used by more than one supplier are few: put each under the suppliers that used it.
  if (given !== undefined && given.size > 0) {
    const groupOfKey = new Map<string, number>();
    groups.keys.forEach((keys, g) => keys.forEach((k) => groupOfKey.set(k, g)));
    for (const [number, keys] of given) {
      if (keys.size < 2) continue;
      const set = new Set<number>();
      for (const key of keys) {
        const g = groupOfKey.get(key);
        if (g !== undefined) set.add(g);
      }
      reusedBy.set(number, set);
    }
  }
  const out = new Array<string[] | undefined>(groups.keys.length);
  for (const [number, set] of reusedBy) {
    for (const g of set) {
      if (g < 0) continue;
      const list = (out[g] ??= []);
      if (!list.includes(number)) list.push(number);
    }
  }
  return out;
}

/**
 * The tracking numbers orders of different suppliers carry, without a table of
 * every number: the (hash, order) pairs are sorted once and only orders whose
 * hashes meet are compared (as BatchScorer does for the scores); their numbers
 * are compacted again there, which is rare.
 */
function findReused(
  orders: readonly Order[],
  hashes: Int32Array,
  hasNumber: Uint8Array,
  count: number,
  groupOf: Int32Array,
  into: Map<string, Set<number>>,
): void {
  const n = orders.length;
  const span = 2 ** Math.max(1, Math.ceil(Math.log2(n)));
  const shift = Math.max(0, 32 - (53 - Math.log2(span)));
  const packed = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (hasNumber[i] === 1) packed[k++] = ((hashes[i] as number) >>> shift) * span + i;
  }
  packed.sort();
  for (let a = 0; a < count;) {
    const hash = Math.floor((packed[a] as number) / span);
    let b = a + 1;
    while (b < count && Math.floor((packed[b] as number) / span) === hash) b++;
    if (b - a > 1) {
      // Orders whose hashes meet: group them by number, keep the numbers of two suppliers or more.
      const run = new Map<string, Set<number>>();
      for (let x = a; x < b; x++) {
        const i = (packed[x] as number) % span;
        const number = compactTracking((orders[i] as Order).trackingNumber as string);
        let set = run.get(number);
        if (set === undefined) run.set(number, (set = new Set()));
        set.add(groupOf[i] as number);
      }
      for (const [number, set] of run) {
        if (set.size < 2) continue;
        const known = into.get(number);
        if (known === undefined) into.set(number, set);
        else for (const g of set) known.add(g);
      }
    }
    a = b;
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
