import { reason } from "../checks/check";
import type { Check } from "../checks/check";
import { daysBetween, isoDay } from "./dates";
import { isOpen } from "./open";
import { formatMoneyFacts } from "./facts";

/**
 * The promised delivery date (交货日期 / 约定交期 / ETA) has passed and the
 * goods are not received. Silent when the date is missing or unreadable, or
 * the ledger cannot tell whether the goods arrived.
 * @example lateDelivery.run(promisedTwoWeeksAgoNotReceived, ctx) // code "delivery_overdue", 15 points
 */
export const lateDelivery: Check = {
  id: "late-delivery",
  fields: ["promisedDate"],
  run(order, ctx) {
    const asOf = ctx.asOf;
    const promised = order.history?.promisedDate;
    if (asOf === undefined || promised === undefined) return undefined;
    const days = daysBetween(promised, asOf);
    if (days <= 0 || !isOpen(order, asOf, ctx.fields)) return undefined;
    const facts = { days, promised: isoDay(promised), ...(ctx.now ? formatMoneyFacts(ctx.now) : {}) };
    return reason("late-delivery", "delivery_overdue", ctx.settings.history.latePoints, facts);
  },
};
