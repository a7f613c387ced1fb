import type { Check } from "./check";
import { reason } from "./check";

/**
 * The guide's 30/70 rule: at most 30% before receipt, unless the order is under
 * 500 USD. Escrow-held money is not "paid upfront" (see at-risk.ts). 20 points
 * over the limit, 30 for 100% upfront.
 * @example deposit.run(fullyPrepaid48000YuanOrder, ctx) // code "prepaid_full", 30 points
 */
export const deposit: Check = {
  id: "deposit",
  run(order, ctx) {
    const { share, usd, totalUsd, amount } = ctx.atRisk;
    const { maxShare, tolerance, smallOrderUsd, points, fullPoints } = ctx.settings.deposit;
    if (share === undefined || share <= maxShare + tolerance) return undefined;
    if (totalUsd === undefined || totalUsd < smallOrderUsd) return undefined;
    const full = share >= 1 - tolerance;
    const facts: Record<string, string | number> = {
      share: Math.round(share * 1000) / 1000,
      maxShare,
      totalUsd: Math.round(totalUsd),
    };
    if (usd !== undefined) facts.paidUsd = Math.round(usd);
    if (amount) {
      facts.paid = amount.amount;
      facts.currency = amount.currency;
    }
    if (order.total) {
      facts.total = order.total.amount;
      facts.totalCurrency = order.total.currency;
    }
    return reason("deposit", full ? "prepaid_full" : "prepaid_over_limit", full ? fullPoints : points, facts);
  },
};
