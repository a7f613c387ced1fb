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

/** Nothing at risk: received, held in escrow, or on credit terms. */
function nothing(basis: MoneyAtRisk["basis"], totalUsd: number | undefined): MoneyAtRisk {
  const r: MoneyAtRisk = { usd: 0, share: 0, basis };
  if (totalUsd !== undefined) r.totalUsd = totalUsd;
  return r;
}

/** The at-risk amount as recorded: a stated amount, a stated share of the total, or what the channel implies. */
function recorded(order: Order): { amount?: Money; basis: MoneyAtRisk["basis"] } {
  if (order.paidUpfront) return { amount: order.paidUpfront, basis: "stated" };
  const total = order.total;
  if (order.paidShare !== undefined && total) {
    return { amount: { amount: total.amount * order.paidShare, currency: total.currency }, basis: "share" };
  }
  if (order.payment === "staged" && total) {
    return {
      amount: { amount: total.amount * STAGED_DEFAULT_SHARE, currency: total.currency },
      basis: "staged_default",
    };
  }
  if (order.amountPaid && order.payment !== "unknown" && order.payment !== "credit") {
    return { amount: order.amountPaid, basis: "paid" };
  }
  return { basis: "unknown" };
}

/** Computes the money at risk for one order. */
export function moneyAtRisk(order: Order, settings: Settings): MoneyAtRisk {
  const totalUsd = order.total ? toUsd(order.total, settings) : undefined;
  if (order.received === true) return nothing("received", totalUsd);
  if (order.payment === "escrow") return nothing("escrow", totalUsd);
  const { amount, basis } = recorded(order);
  if (!amount) {
    if (order.payment === "credit") return nothing("credit", totalUsd);
    const r: MoneyAtRisk = { basis };
    if (totalUsd !== undefined) r.totalUsd = totalUsd;
    if (order.paidShare !== undefined) {
      r.share = order.paidShare;
      r.basis = "share";
    }
    return r;
  }
  const result: MoneyAtRisk = { amount, basis };
  if (totalUsd !== undefined) result.totalUsd = totalUsd;
  const usd = toUsd(amount, settings);
  if (usd !== undefined) {
    result.usd = usd;
    if (totalUsd !== undefined && totalUsd > 0) result.share = usd / totalUsd;
  }
  if (result.share === undefined && order.paidShare !== undefined) result.share = order.paidShare;
  return result;
}
