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
  amount?: Money | undefined;
  /** At-risk amount in USD, when known. */
  usd?: number | undefined;
  /** Order total in USD, when known. */
  totalUsd?: number | undefined;
  /** At-risk share of the order total (0..1), when known. */
  share?: number | undefined;
  basis: "received" | "escrow" | "credit" | "stated" | "share" | "paid" | "staged_default" | "unknown";
}

/** 1688's staged payment releases the deposit (the "3" of 3/7) to the seller. */
const STAGED_DEFAULT_SHARE = 0.3;

/**
 * Every result is built by this one literal, with every key: one object shape,
 * which the literal keeps alive for as long as the module lives. (Keys added
 * one by one made shapes that lived only as long as some result did: a garbage
 * collection between two ledgers took them, and with them the compiled code of
 * the checks that read them.)
 */
function atRisk(
  basis: MoneyAtRisk["basis"],
  amount: Money | undefined,
  usd: number | undefined,
  totalUsd: number | undefined,
  share: number | undefined,
): MoneyAtRisk {
  return { amount, usd, totalUsd, share, basis };
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
  // Nothing at risk: received, held in escrow, or on credit terms.
  if (order.received === true) return atRisk("received", undefined, 0, totalUsd, 0);
  if (order.payment === "escrow") return atRisk("escrow", undefined, 0, totalUsd, 0);
  const { amount, basis } = recorded(order);
  if (!amount) {
    if (order.payment === "credit") return atRisk("credit", undefined, 0, totalUsd, 0);
    if (order.paidShare !== undefined)
      return atRisk("share", undefined, undefined, totalUsd, order.paidShare);
    return atRisk(basis, undefined, undefined, totalUsd, undefined);
  }
  const usd = toUsd(amount, settings);
  let share = usd !== undefined && totalUsd !== undefined && totalUsd > 0 ? usd / totalUsd : undefined;
  if (share === undefined && order.paidShare !== undefined) share = order.paidShare;
  return atRisk(basis, amount, usd, totalUsd, share);
}
