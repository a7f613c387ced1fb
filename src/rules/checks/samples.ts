import type { Check } from "./check";
import { evidence, reason } from "./check";

/**
 * Bulk without a sample or trial order first (the guide: samples, then 50-100
 * units): more than 100 units and no sample recorded, 10 points.
 * @example samples.run({ ...order, quantity: 500, sample: false }, ctx) // code "no_sample"
 */
export const samples: Check = {
  id: "samples",
  fields: ["sample"],
  run(order, ctx) {
    const { quantity, points } = ctx.settings.samples;
    if (order.quantity === undefined || order.quantity <= quantity) return undefined;
    if (evidence(order.sample, "sample", ctx) !== "no") return undefined;
    return reason("samples", "no_sample", points, { quantity: order.quantity, limit: quantity });
  },
};
