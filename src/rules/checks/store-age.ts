import type { Check } from "./check";
import { reason } from "./check";

/**
 * Young stores: the guide wants at least 3 years on 1688. Points scale with
 * the missing years: 20 x (3 - years) / 3.
 * @example storeAge.run({ ...order, supplier: { years: 1 } }, ctx) // 13.3 points
 */
export const storeAge: Check = {
  id: "store-age",
  fields: ["storeYears"],
  run(order, ctx) {
    const years = order.supplier.years;
    const { minYears, points } = ctx.settings.storeAge;
    if (years === undefined || years >= minYears) return undefined;
    return reason("store-age", "young_store", (points * (minYears - years)) / minYears, {
      years,
      minYears,
    });
  },
};
