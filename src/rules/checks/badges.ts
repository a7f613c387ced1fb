import type { Badge } from "../types";
import type { Check } from "./check";
import { hasField, reason } from "./check";

/** Badges the guide recognises as verification. 诚信通 alone is only the paid membership. */
export const RECOGNISED_BADGES = [
  "powerful_merchant",
  "super_factory",
  "deep_audit",
  "brand_authorization",
  "source_factory",
  "certified_factory",
] as const satisfies readonly Badge[];

const RECOGNISED: ReadonlySet<Badge> = new Set<Badge>(RECOGNISED_BADGES);

/**
 * No Deep Factory Audit, Powerful Merchant, Brand Authorization or similar badge: 10 points.
 * @example badges.run({ ...order, supplier: { badges: ["trustpass"] } }, ctx) // code "no_badge"
 */
export const badges: Check = {
  id: "badges",
  fields: ["badges"],
  run(order, ctx) {
    if (!hasField("badges", ctx)) return undefined;
    const list = order.supplier.badges ?? [];
    if (list.some((b) => RECOGNISED.has(b))) return undefined;
    return reason("badges", "no_badge", ctx.settings.badges.points, { badges: list.join(", ") });
  },
};
