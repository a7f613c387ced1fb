import type { Check } from "./check";
import { reason } from "./check";

/**
 * The team's blacklist: a match on any identifier (name, member id, shop link,
 * USCC) makes the order 100 whatever else it shows.
 * @example blacklisted.run(order, { ...ctx, blacklist }) // { rule: "blacklisted", code: "on_blacklist", points: 100, ... }
 */
export const blacklisted: Check = {
  id: "blacklisted",
  run(order, ctx) {
    if (!ctx.blacklist || ctx.blacklist.size === 0) return undefined;
    const entry = ctx.blacklist.match(order.supplier);
    if (!entry) return undefined;
    const facts: Record<string, string | number> = { supplier: order.supplier.name ?? entry.name ?? "" };
    if (entry.name) facts.entry = entry.name;
    if (entry.reason) facts.why = entry.reason;
    return reason("blacklisted", "on_blacklist", 100, facts);
  },
};
