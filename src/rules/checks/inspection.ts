import type { Check } from "./check";
import { evidence, reason } from "./check";

/**
 * Third-party inspection (Bureau Veritas, Intertek, SGS) for 5,000 USD or more: 5 points without one.
 * @example inspection.run({ ...order, total: { amount: 6000, currency: "USD" }, inspection: false }, ctx) // code "no_inspection"
 */
export const inspection: Check = {
  id: "inspection",
  fields: ["inspection"],
  run(order, ctx) {
    const { minUsd, points } = ctx.settings.inspection;
    const totalUsd = ctx.atRisk.totalUsd;
    if (totalUsd === undefined || totalUsd < minUsd) return undefined;
    if (evidence(order.inspection, "inspection", ctx) !== "no") return undefined;
    return reason("inspection", "no_inspection", points, { totalUsd: Math.round(totalUsd), minUsd });
  },
};
