import { moneyAtRisk, type MoneyAtRisk } from "../at-risk";
import { toUsd } from "../money";
import type { Settings } from "../settings";
import type { Money, Order } from "../types";
import { addDays, dayOf, daysBetween } from "./dates";
import { isLater, isOpen, receivedBy, startOf } from "./open";

/**
 * Money at risk on a date: what has reached the seller (paid outside escrow,
 * a staged deposit, credit released early) for goods not received by then, and
 * how many days it has been out. Builds on `moneyAtRisk` (at-risk.ts), which
 * says how much; this adds when, and one case only time reveals: money paid
 * into 1688 escrow is released to the seller `history.autoConfirmDays` after
 * shipping unless the buyer disputes, so an escrow order shipped longer ago than
 * that and still not received has money at risk too ("auto_released").
 */
export interface RiskNow {
  /** At-risk amount in USD: 0 when nothing is at risk, undefined when the ledger cannot tell. */
  usd: number | undefined;
  /** At-risk amount in the order's currency, when known. */
  amount: Money | undefined;
  /** Days the money has been at risk (since payment, or since escrow released it); undefined without a date. */
  days: number | undefined;
  /** The day the money went out (or escrow released it). */
  since: Date | undefined;
  basis: MoneyAtRisk["basis"] | "auto_released" | "not_yet";
}

/** One literal with every key (one object shape, see score.ts). */
function riskNow(
  basis: RiskNow["basis"],
  usd: number | undefined,
  amount: Money | undefined,
  since: Date | undefined,
  asOf: Date,
): RiskNow {
  const days = since === undefined || usd === undefined || usd <= 0 ? undefined : daysBetween(since, asOf);
  return { usd, amount, days, since, basis };
}

/** Nothing at risk, shared (frozen): most orders are received, held in escrow, or not placed yet. */
const nothing = (basis: RiskNow["basis"]): RiskNow =>
  Object.freeze({ usd: 0, amount: undefined, days: undefined, since: undefined, basis });
const RECEIVED = nothing("received");
const HELD_IN_ESCROW = nothing("escrow");
const NOT_YET = nothing("not_yet");

/** Whether `moneyAtRiskOn` found the order placed after the day (its answer for exactly those orders). */
export function placedLater(risk: RiskNow): boolean {
  return risk === NOT_YET;
}

/**
 * The money at risk of one order on `asOf`.
 * @example moneyAtRiskOn(wechatDepositOrder, settings, new Date("2026-12-02")) // { usd: 2000, days: 41, basis: "stated", ... }
 */
export function moneyAtRiskOn(
  order: Order,
  settings: Settings,
  asOf: Date,
  fields?: ReadonlySet<string> | undefined,
): RiskNow {
  if (isLater(order, asOf)) return NOT_YET;
  if (receivedBy(order, asOf) === true) return RECEIVED;
  if (order.payment === "escrow") return escrowOn(order, settings, asOf, fields);
  // Received after the as-of date: on that date it was not, so count it as moneyAtRisk would then.
  const base = moneyAtRisk(order.received === true ? { ...order, received: false } : order, settings);
  if (base.usd === undefined) return riskNow(base.basis, undefined, undefined, undefined, asOf);
  return riskNow(base.basis, base.usd, base.amount, startOf(order), asOf);
}

/** Escrow protects the money until the auto-confirm window after shipping closes. */
function escrowOn(order: Order, settings: Settings, asOf: Date, fields: ReadonlySet<string> | undefined) {
  const shipped = order.history?.shippedDate;
  if (shipped === undefined) return HELD_IN_ESCROW;
  // The window compared by days first (no date made for an order still inside it).
  const window = settings.history.autoConfirmDays;
  if (dayOf(shipped) + window > dayOf(asOf) || !isOpen(order, asOf, fields)) return HELD_IN_ESCROW;
  const amount = order.amountPaid ?? order.total;
  const usd = amount === undefined ? undefined : toUsd(amount, settings);
  return riskNow("auto_released", usd, amount, addDays(shipped, window), asOf);
}
