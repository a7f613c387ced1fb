import type { Check } from "./check";
import { evidence, reason } from "./check";

/**
 * Large orders want 1688's e-contract: 2,000 USD or more without one, 5 points.
 * @example contract.run({ ...order, total: { amount: 20000, currency: "CNY" }, contract: false }, ctx) // code "no_contract"
 */
export const contract: Check = {
  id: "contract",
  fields: ["contract"],
  run(order, ctx) {
    const { minUsd, points } = ctx.settings.contract;
    const totalUsd = ctx.atRisk.totalUsd;
    if (totalUsd === undefined || totalUsd < minUsd) return undefined;
    if (evidence(order.contract, "contract", ctx) !== "no") return undefined;
    return reason("contract", "no_contract", points, { totalUsd: Math.round(totalUsd), minUsd });
  },
};
