import type { BlacklistIndex } from "../rules/blacklist";
import {
  findPossibleMatches,
  type AllowList,
  type LedgerParty,
  type PossibleResult,
} from "../rules/blacklist-possible";
import { ledgerHistory, type LedgerHistory } from "../rules/history/ledger";
import { payVerdict } from "../rules/pay/verdict";
import type { PayFacts, PayVerdict } from "../rules/pay/types";
import type { Settings } from "../rules/settings";
import type { CellValue, Money, Order } from "../rules/types";
import type { HeaderMap } from "./header";
import { readPayFacts } from "./pay-facts";
import { readOrders } from "./read";
import { normalizeText } from "./parse/text";

/**
 * A ledger read for the pay verdict and the dossier: its orders with their
 * history facts, the pay facts of each row, and the fields it has columns
 * for. What every front end (GUARD.PAYCHECK, `guard pay`, the pane's card)
 * reads before judging one payment.
 */
export interface PayLedger {
  map: HeaderMap;
  orders: Order[];
  facts: PayFacts[];
  fields: ReadonlySet<string>;
  /** The ledger's history per as-of day (ISO day, or "" for none), computed once. */
  histories: Map<string, LedgerHistory>;
}

/** Reads the data rows under `map` (sheet row `firstRow` first), history facts included. */
export function readPayLedger(
  map: HeaderMap,
  rows: readonly (readonly CellValue[])[],
  options: { settings: Settings; firstRow: number },
): PayLedger {
  const orders = readOrders(map, rows, {
    settings: options.settings,
    firstRow: options.firstRow,
    history: true,
  }).map((r) => r.order);
  return {
    map,
    orders,
    facts: readPayFacts(map, rows, orders, options.firstRow),
    fields: new Set(Object.keys(map.byField)),
    histories: new Map(),
  };
}

/** Position of the first line of the order with this id (as written, full-width or not), or -1. */
export function findOrder(ledger: PayLedger, id: string): number {
  const wanted = normalizeText(id);
  return ledger.orders.findIndex((o) => o.orderId !== undefined && normalizeText(o.orderId) === wanted);
}

/** Position of the order read from this sheet row, or -1. */
export function findRow(ledger: PayLedger, row: number): number {
  return ledger.orders.findIndex((o) => o.row === row);
}

export interface JudgeOptions {
  settings: Settings;
  amount?: Money | undefined;
  asOf?: Date | undefined;
  blacklist?: BlacklistIndex | undefined;
  /** "Not the same company" entries that silence possible blacklist matches. */
  allow?: AllowList | undefined;
}

const FAR = new Date(Date.UTC(9999, 11, 31));

/** The ledger's history on a day, computed once per ledger and day. */
export function historyOn(ledger: PayLedger, settings: Settings, asOf: Date | undefined): LedgerHistory {
  const key = asOf === undefined ? "" : asOf.toISOString().slice(0, 10);
  let h = ledger.histories.get(key);
  if (h === undefined) {
    h = ledgerHistory(ledger.orders, { settings, asOf: asOf ?? FAR, fields: ledger.fields });
    ledger.histories.set(key, h);
  }
  return h;
}

/** Every order as a party to blacklist matching: supplier, payee account, phone. */
function partiesOf(ledger: PayLedger): LedgerParty[] {
  return ledger.orders.map((o, i) => ({
    supplier: o.supplier,
    row: o.row,
    payeeAccount: o.history?.payeeAccount,
    phone: ledger.facts[i]?.phone,
  }));
}

/**
 * The possible blacklist matches of order `index`'s supplier: by its name, and
 * by the payee accounts, phones, USCC and member id of all its orders.
 */
export function possibleMatchesOf(
  ledger: PayLedger,
  index: number,
  blacklist: BlacklistIndex,
  history: LedgerHistory,
  allow?: AllowList | undefined,
): PossibleResult {
  const order = ledger.orders[index];
  if (order === undefined) return { possible: [], allowed: [] };
  const parties = partiesOf(ledger);
  const group = history.supplierIndex[index] ?? -1;
  const own =
    group < 0
      ? [parties[index] as LedgerParty]
      : parties.filter((_, i) => history.supplierIndex[i] === group);
  return findPossibleMatches(order.supplier, blacklist, { own, ledger: parties, allow });
}

/**
 * The verdict on paying order `index` of the ledger (see payVerdict).
 * Throws InputError when the amount cannot be known.
 */
export function judgePayment(ledger: PayLedger, index: number, options: JudgeOptions): PayVerdict {
  const { settings, asOf, blacklist } = options;
  const history = historyOn(ledger, settings, asOf);
  const found = blacklist ? possibleMatchesOf(ledger, index, blacklist, history, options.allow) : undefined;
  return payVerdict(ledger.orders, index, {
    settings,
    amount: options.amount,
    asOf,
    fields: ledger.fields,
    blacklist: options.blacklist,
    possible: found?.possible,
    allowed: found?.allowed,
    facts: ledger.facts,
    history,
  });
}
