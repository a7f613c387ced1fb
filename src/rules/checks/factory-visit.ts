import type { Badge } from "../types";
import type { Check } from "./check";
import { hasField, reason } from "./check";

/** Badges that are themselves evidence of a real factory. */
const AUDITED: ReadonlySet<Badge> = new Set<Badge>(["deep_audit", "super_factory", "certified_factory"]);

/**
 * A supplier that refuses a video call or visit, or claims to be the factory
 * with no visit and no audit badge, may be a trading or fake company: 10 points.
 * @example factoryVisit.run({ ...order, supplier: { factoryVisit: "refused" } }, ctx) // code "visit_refused"
 */
export const factoryVisit: Check = {
  id: "factory-visit",
  fields: ["factoryVisit"],
  run(order, ctx) {
    const s = order.supplier;
    const points = ctx.settings.factoryVisit.points;
    if (s.factoryVisit === "refused") return reason("factory-visit", "visit_refused", points);
    const claims =
      s.claimsFactory === true ||
      s.businessModel === "manufacturer" ||
      (s.badges ?? []).includes("source_factory");
    if (!claims || s.factoryVisit === "done") return undefined;
    if ((s.badges ?? []).some((b) => AUDITED.has(b))) return undefined;
    if (!hasField("factoryVisit", ctx)) return undefined;
    return reason("factory-visit", "factory_unverified", points);
  },
};
