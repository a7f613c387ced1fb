import type { Money, Order } from "./types";
import type { Settings } from "./settings";
import { toUsd } from "./money";

/**
 * How much money has reached the seller before the goods were received
 * (DOMAIN.md "Money at risk"). Money held in 1688 escrow is protected and does
 * not count; staged deposits, credit released early, and anything paid outside
 * escrow does.
 */
export interface MoneyAtRisk {
  /** At-risk amount in the order's currency, when known. */
  amount?: Money;
  /** At-risk amount in USD, when known. */
  usd?: number;
  /** Order total in USD, when known. */
  totalUsd?: number;
  /** At-risk share of the order total (0..1), when known. */
  share?: number;
  basis: "received" | "escrow" | "credit" | "stated" | "share" | "paid" | "staged_default" | "unknown";
}

/** 1688's staged payment releases the deposit (the "3" of 3/7) to the seller. */
const STAGED_DEFAULT_SHARE = 0.3;

function scaled(total: Money | undefined, share: number): Money | undefined {
  return total ? { amount: total.amount * share, currency: total.currency } : undefined;
}

/** Computes the money at risk for one order. */
export function moneyAtRisk(order: Order, settings: Settings): MoneyAtRisk {
  const totalUsd = order.total ? toUsd(order.total, settings) : undefined;
  const base = totalUsd === undefined ? {} : { totalUsd };
  if (order.received === true) return { ...base, usd: 0, share: 0, basis: "received" };
  if (order.payment === "escrow") return { ...base, usd: 0, share: 0, basis: "escrow" };

  let amount: Money | undefined;
  let basis: MoneyAtRisk["basis"] = "unknown";
  if (order.paidUpfront) {
    amount = order.paidUpfront;
    basis = "stated";
  } else if (order.paidShare !== undefined && order.total) {
    amount = scaled(order.total, order.paidShare);
    basis = "share";
  } else if (order.payment === "credit") {
    return { ...base, usd: 0, share: 0, basis: "credit" };
  } else if (order.payment === "staged" && order.total) {
    amount = scaled(order.total, STAGED_DEFAULT_SHARE);
    basis = "staged_default";
  } else if (order.amountPaid && order.payment !== "unknown") {
    amount = order.amountPaid;
    basis = "paid";
  }
  if (order.payment === "credit" && basis === "unknown")
    return { ...base, usd: 0, share: 0, basis: "credit" };

  if (!amount) {
    if (order.paidShare !== undefined) return { ...base, share: order.paidShare, basis: "share" };
    return { ...base, basis };
  }
  const usd = toUsd(amount, settings);
  const result: MoneyAtRisk = { ...base, amount, basis };
  if (usd !== undefined) result.usd = usd;
  if (usd !== undefined && totalUsd !== undefined && totalUsd > 0) result.share = usd / totalUsd;
  else if (order.paidShare !== undefined) result.share = order.paidShare;
  return result;
}
