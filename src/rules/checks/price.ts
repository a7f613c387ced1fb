import { toUsd } from "../money";
import type { Check } from "./check";
import { reason } from "./check";

/**
 * A unit price 30% or more below the team's reference price is a common scam sign: 10 points.
 * @example price.run({ ...order, unitPrice: { amount: 6, currency: "CNY" }, referencePrice: { amount: 10, currency: "CNY" } }, ctx) // code "price_too_low"
 */
export const price: Check = {
  id: "price",
  fields: ["referencePrice"],
  run(order, ctx) {
    const { unitPrice, referencePrice } = order;
    if (!unitPrice || !referencePrice) return undefined;
    const unit =
      unitPrice.currency === referencePrice.currency ? unitPrice.amount : toUsd(unitPrice, ctx.settings);
    const ref =
      unitPrice.currency === referencePrice.currency
        ? referencePrice.amount
        : toUsd(referencePrice, ctx.settings);
    if (unit === undefined || ref === undefined || ref <= 0) return undefined;
    const below = (ref - unit) / ref;
    const { belowShare, points } = ctx.settings.price;
    if (below < belowShare - 1e-9) return undefined;
    return reason("price", "price_too_low", points, {
      unit: unitPrice.amount,
      unitCurrency: unitPrice.currency,
      reference: referencePrice.amount,
      currency: referencePrice.currency,
      below: Math.round(below * 1000) / 1000,
    });
  },
};
