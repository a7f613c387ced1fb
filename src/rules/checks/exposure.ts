import type { Check } from "./check";
import { reason } from "./check";

/**
 * A big prepayment to a young store: the seller loses only its membership fee
 * by taking the money and closing. Flags money paid before receipt (USD) above
 * years x 1,000 USD x 2.
 * @example exposure.run(tenThousandUsdToOneYearStore, ctx) // code "exposure_over_cap"
 */
export const exposure: Check = {
  id: "exposure",
  fields: ["storeYears"],
  run(order, ctx) {
    const years = order.supplier.years;
    const atRisk = ctx.atRisk.usd;
    if (years === undefined || atRisk === undefined || atRisk <= 0) return undefined;
    const { usdPerYear, multiple, points } = ctx.settings.exposure;
    const cap = years * usdPerYear * multiple;
    if (atRisk <= cap) return undefined;
    return reason("exposure", "exposure_over_cap", points, {
      atRiskUsd: Math.round(atRisk),
      capUsd: Math.round(cap),
      years,
    });
  },
};
