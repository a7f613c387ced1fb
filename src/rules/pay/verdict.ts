import { moneyAtRisk } from "../at-risk";
import type { BlacklistIndex } from "../blacklist";
import type { AllowedMatch, PossibleMatch } from "../blacklist-possible";
import type { CheckContext } from "../checks/check";
import { isDedicatedLine } from "../checks/tracking";
import { payee } from "../checks/payee";
import { moneyAtRiskOn, type RiskNow } from "../history/at-risk-now";
import { isoDay } from "../history/dates";
import { lateDelivery } from "../history/late-delivery";
import { ledgerHistory, type LedgerHistory } from "../history/ledger";
import { receivedBy } from "../history/open";
import { silentStore } from "../history/silent-store";
import { validateTracking } from "../identifiers/tracking";
import { InputError } from "../input-error";
import { toUsd } from "../money";
import type { Settings } from "../settings";
import type { Facts, Money, Order, PaymentChannel, Reason } from "../types";
import type { PayFacts, PayFinding, PayRuleId, PayVerdict } from "./types";

/**
 * The verdict on the next payment of one order, at the moment money leaves:
 *
 * - STOP: the payee account differs from the one this supplier was paid
 *   before (until the "payee confirmed" column says the new account was
 *   confirmed by phone); the payee is not the registered company; the
 *   supplier is on the blacklist.
 * - HOLD: the payment would take the money paid before receipt above the
 *   deposit share (30%; any share below 500 USD) with no shipping evidence (a
 *   tracking number that passes its carrier check, or an inspection); it goes
 *   outside escrow; the store is too young for the money it would then hold;
 *   a possible blacklist match; the order is overdue (promised date passed)
 *   or silent (deposit paid, no tracking number, `history.silentDays`).
 * - PAY otherwise, with what was checked.
 */
export interface PayOptions {
  settings: Settings;
  /** The payment; default the rest of the order (total less what was paid). */
  amount?: Money | undefined;
  /** The day of payment: the overdue and silent checks need it. */
  asOf?: Date | undefined;
  /** Field ids the ledger has columns for (see CheckContext.fields). */
  fields?: ReadonlySet<string> | undefined;
  blacklist?: BlacklistIndex | undefined;
  /** Possible blacklist matches of the order's supplier (blacklist-possible.ts), allow-listed ones left out. */
  possible?: readonly PossibleMatch[] | undefined;
  /** Possible matches an allow-list entry silenced (shown among what was checked). */
  allowed?: readonly AllowedMatch[] | undefined;
  /** Per order (same positions), the pay facts of its row. */
  facts?: readonly (PayFacts | undefined)[] | undefined;
  /** The ledger's history when already computed (with the same orders), else computed here. */
  history?: LedgerHistory | undefined;
}

/** A day after any ledger's: without an as-of date every order counts in the supplier's record. */
const FAR = new Date(Date.UTC(9999, 11, 31));

/** Channels whose money reaches the seller's own account at once (no 1688 escrow holds it). */
const OUTSIDE_ESCROW: ReadonlySet<PaymentChannel> = new Set<PaymentChannel>([
  "wechat",
  "personal_alipay",
  "bank_transfer",
  "personal_bank",
  "western_union",
  "cash",
  "platform_bank",
]);

/** Channels where the payment itself is not money in the seller's hands before receipt. */
const PROTECTED: ReadonlySet<PaymentChannel> = new Set<PaymentChannel>(["escrow", "credit"]);

function finding(rule: PayRuleId, code: string, action: PayFinding["action"], facts: Facts = {}): PayFinding {
  return { rule, code, action, facts };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** What was paid on the order so far, in the total's currency when the ledger says. */
function paidSoFar(order: Order): Money | undefined {
  if (order.amountPaid) return order.amountPaid;
  if (order.paidUpfront) return order.paidUpfront;
  if (order.paidShare !== undefined && order.total)
    return { amount: order.total.amount * order.paidShare, currency: order.total.currency };
  return undefined;
}

/**
 * The rest of the order: its total less what was paid (in one currency).
 * Throws InputError when the ledger cannot tell or nothing is left.
 */
export function restOfOrder(order: Order): Money {
  const total = order.total;
  if (total === undefined) {
    throw new InputError(
      "amount",
      `row ${order.row} has no order total: give the amount to pay`,
      `第 ${order.row} 行没有订单金额：请给出付款金额`,
    );
  }
  const paid = paidSoFar(order);
  const paidAmount = paid === undefined ? 0 : paid.currency === total.currency ? paid.amount : NaN;
  if (Number.isNaN(paidAmount)) {
    throw new InputError(
      "amount",
      `row ${order.row}: the paid amount is in ${paid?.currency ?? ""}, the total in ${total.currency}: give the amount to pay`,
      `第 ${order.row} 行：已付金额与订单金额币种不同：请给出付款金额`,
    );
  }
  const rest = round2(total.amount - paidAmount);
  if (rest <= 0) {
    throw new InputError(
      "amount",
      `row ${order.row} is paid in full already: give the amount to pay`,
      `第 ${order.row} 行已全额付款：请给出付款金额`,
    );
  }
  return { amount: rest, currency: total.currency };
}

/** A tracking number that passes its carrier check (a dedicated-line number never does). */
function shippingEvidence(order: Order): PayFinding | undefined {
  const number = order.trackingNumber?.trim();
  const carrier = order.carrier?.trim();
  if (number && !(carrier && isDedicatedLine(carrier))) {
    let result = validateTracking(number, carrier || undefined);
    if (result.code === "unknown_carrier") result = validateTracking(number);
    if (result.valid) {
      const carriers = result.carriers.map((c) => c.name).join(", ");
      return finding("deposit", "tracking_checks", "OK", { number, carrier: carriers || carrier || "" });
    }
  }
  if (order.inspection === true) return finding("deposit", "inspection_recorded", "OK");
  return undefined;
}

function moneyFacts(prefix: string, money: Money | undefined, usd: number | undefined): Facts {
  const facts: Facts = {};
  if (money !== undefined) {
    facts[prefix] = round2(money.amount);
    facts[`${prefix}Currency`] = money.currency;
  }
  if (usd !== undefined) facts[`${prefix}Usd`] = round2(usd);
  return facts;
}

/** The history reasons (late, silent) of the order on the day, as the scoring would give them. */
function overdue(order: Order, options: PayOptions, now: RiskNow): Reason[] {
  const asOf = options.asOf as Date;
  const ctx: CheckContext = {
    settings: options.settings,
    blacklist: undefined,
    fields: options.fields,
    batch: undefined,
    atRisk: moneyAtRisk(order, options.settings),
    asOf,
    now,
  };
  const found: Reason[] = [];
  for (const check of [lateDelivery, silentStore]) {
    const r = check.run(order, ctx);
    if (r === undefined) continue;
    for (const one of Array.isArray(r) ? r : [r]) found.push(one);
  }
  return found;
}

/**
 * The verdict on paying `options.amount` (default the rest) on `orders[index]`,
 * the other orders being the supplier's record (its previous payee account).
 * Throws InputError when the amount cannot be known or is not positive.
 * @example payVerdict(orders, 1, { settings, asOf }).verdict // "STOP" (new payee account, not confirmed)
 */
export function payVerdict(orders: readonly Order[], index: number, options: PayOptions): PayVerdict {
  const order = orders[index];
  if (order === undefined) throw new RangeError(`no order at position ${index}`);
  const { settings, asOf } = options;
  const amount = options.amount ?? restOfOrder(order);
  if (!(amount.amount > 0) || !Number.isFinite(amount.amount)) {
    throw new InputError("amount", "the amount to pay must be a positive number", "付款金额必须为正数");
  }
  const amountUsd = toUsd(amount, settings);
  const reasons: PayFinding[] = [];
  const checked: PayFinding[] = [];
  const add = (f: PayFinding): void => {
    (f.action === "STOP" || f.action === "HOLD" ? reasons : checked).push(f);
  };
  const facts = options.facts?.[index];

  // STOP: the supplier is on the blacklist.
  const listed = options.blacklist?.match(order.supplier);
  if (listed) {
    add(
      finding("blacklisted", "supplier_blacklisted", "STOP", {
        entry: listed.name ?? listed.memberId ?? listed.shopUrl ?? listed.uscc ?? "",
        entryRow: listed.row,
        why: listed.reason ?? "",
      }),
    );
  } else if (options.blacklist) {
    add(finding("blacklisted", "not_blacklisted", "OK", { entries: options.blacklist.size }));
  } else {
    add(finding("blacklisted", "no_blacklist", "UNKNOWN"));
  }

  // STOP: a payee account other than the one this supplier was paid before.
  const history =
    options.history ?? ledgerHistory(orders, { settings, asOf: asOf ?? FAR, fields: options.fields });
  const account = order.history?.payeeAccount;
  const change = history.reasons[index]?.find((r) => r.code === "payee_account_changed");
  if (change) {
    const base = {
      account: String(change.facts.account),
      previous: String(change.facts.previous),
      previousRow: change.facts.previousRow ?? "",
    };
    if (facts?.payeeConfirmed === true) {
      add(
        finding("payee-account", "payee_account_confirmed", "OK", {
          ...base,
          note: facts.payeeConfirmedNote ?? "",
        }),
      );
    } else {
      add(finding("payee-account", "payee_account_changed", "STOP", base));
    }
  } else if (account !== undefined) {
    const supplier = history.suppliers[history.supplierIndex[index] ?? -1];
    const known = supplier !== undefined && supplier.payeeAccounts.length > 0 && supplier.orders > 1;
    add(finding("payee-account", known ? "payee_account_same" : "payee_account_first", "OK", { account }));
  } else {
    add(finding("payee-account", "payee_account_unknown", "UNKNOWN"));
  }

  // STOP: the payee is not the registered company.
  const ctx: CheckContext = {
    settings,
    blacklist: undefined,
    fields: options.fields,
    batch: undefined,
    atRisk: moneyAtRisk(order, settings),
    asOf: undefined,
    now: undefined,
  };
  const mismatch = order.payee ? payee.run(order, ctx) : undefined;
  if (mismatch !== undefined && !Array.isArray(mismatch)) {
    add(finding("payee-company", "payee_not_company", "STOP", mismatch.facts));
  } else if (order.payee) {
    add(finding("payee-company", "payee_is_company", "OK", { payee: order.payee }));
  } else {
    add(finding("payee-company", "payee_unknown", "UNKNOWN"));
  }

  // HOLD: a possible blacklist match.
  const possible = options.possible ?? [];
  for (const m of possible) {
    add(
      finding("possible-match", `possible_${m.basis}`, "HOLD", {
        value: m.value,
        listed: m.listed,
        entry: m.entry.name ?? m.entry.memberId ?? m.entry.uscc ?? m.entry.shopUrl ?? "",
        entryRow: m.entry.row,
        via: m.via ?? "",
        viaRow: m.viaRow ?? "",
      }),
    );
  }
  for (const { match, allow } of options.allowed ?? []) {
    add(
      finding("possible-match", "possible_allowed", "OK", {
        value: match.value,
        listed: match.listed,
        entry: match.entry.name ?? match.entry.memberId ?? match.entry.uscc ?? "",
        by: allow.by,
        date: allow.date,
        note: allow.note,
      }),
    );
  }
  if (possible.length === 0 && (options.allowed ?? []).length === 0 && options.blacklist && !listed)
    add(finding("possible-match", "no_possible_match", "OK"));

  // HOLD: outside escrow.
  const channel = order.payment;
  if (OUTSIDE_ESCROW.has(channel)) {
    add(finding("channel", "outside_escrow", "HOLD", { channel, method: order.paymentText ?? "" }));
  } else if (channel === "unknown") {
    add(finding("channel", "channel_unknown", "HOLD"));
  } else {
    add(finding("channel", "on_platform", "OK", { channel, method: order.paymentText ?? "" }));
  }

  // HOLD: money paid before receipt above the deposit share with no shipping evidence; a store too young for it.
  const now = asOf === undefined ? undefined : moneyAtRiskOn(order, settings, asOf, options.fields);
  const received = asOf === undefined ? order.received === true : receivedBy(order, asOf) === true;
  const totalUsd = order.total ? toUsd(order.total, settings) : undefined;
  const before = now !== undefined ? now.usd : moneyAtRisk(order, settings).usd;
  const paymentAtRisk = !received && !PROTECTED.has(channel);
  const afterUsd =
    before === undefined || amountUsd === undefined ? undefined : before + (paymentAtRisk ? amountUsd : 0);
  const money = {
    ...moneyFacts("amount", amount, amountUsd),
    ...moneyFacts("total", order.total, totalUsd),
    beforeUsd: before === undefined ? "" : round2(before),
    afterUsd: afterUsd === undefined ? "" : round2(afterUsd),
  };
  const { maxShare, tolerance, smallOrderUsd } = settings.deposit;
  if (received) {
    add(finding("deposit", "goods_received", "OK"));
  } else if (!paymentAtRisk) {
    add(finding("deposit", "payment_protected", "OK", { channel, ...money }));
  } else if (afterUsd === undefined || totalUsd === undefined || totalUsd <= 0) {
    add(finding("deposit", "deposit_unknown", "UNKNOWN", money));
  } else if (totalUsd < smallOrderUsd) {
    add(finding("deposit", "small_order", "OK", { ...money, smallOrderUsd }));
  } else {
    const share = afterUsd / totalUsd;
    const facts = { ...money, share: Math.round(share * 1000) / 1000, maxShare };
    if (share <= maxShare + tolerance) add(finding("deposit", "within_deposit", "OK", facts));
    else {
      const evidence = shippingEvidence(order);
      if (evidence) add({ ...evidence, facts: { ...facts, ...evidence.facts } });
      else add(finding("deposit", "over_deposit_unshipped", "HOLD", facts));
    }
  }
  const years = order.supplier.years;
  if (afterUsd !== undefined && afterUsd > 0 && paymentAtRisk) {
    if (years === undefined) add(finding("exposure", "store_years_unknown", "UNKNOWN", money));
    else {
      const cap = years * settings.exposure.usdPerYear * settings.exposure.multiple;
      const f = { ...money, years, capUsd: round2(cap) };
      add(
        finding(
          "exposure",
          afterUsd > cap ? "store_too_young" : "store_covers",
          afterUsd > cap ? "HOLD" : "OK",
          f,
        ),
      );
    }
  } else if (years !== undefined) {
    add(finding("exposure", "nothing_exposed", "OK", { years }));
  }

  // HOLD: overdue (promised date passed, not received) or silent (deposit out, no tracking number).
  if (asOf === undefined || now === undefined) {
    add(finding("overdue", "no_date", "UNKNOWN"));
  } else {
    const late = overdue(order, options, now);
    for (const r of late) add(finding("overdue", r.code, "HOLD", r.facts));
    if (late.length === 0) add(finding("overdue", "not_overdue", "OK", { asOf: isoDay(asOf) }));
  }

  reasons.sort((a, b) => (a.action === b.action ? 0 : a.action === "STOP" ? -1 : 1));
  const verdict = reasons.some((r) => r.action === "STOP") ? "STOP" : reasons.length > 0 ? "HOLD" : "PAY";
  return { verdict, amount, amountUsd, reasons, checked };
}
