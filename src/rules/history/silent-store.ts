import { reason } from "../checks/check";
import type { Check } from "../checks/check";
import { formatMoneyFacts } from "./facts";
import { isoDay } from "./dates";

/**
 * A deposit paid N days ago (`history.silentDays`, 7) and still no tracking
 * number: the store that takes the money and goes quiet. Only money that has
 * reached the seller counts (see at-risk-now.ts); unknown dates stay silent.
 * @example silentStore.run(depositPaid30DaysAgoNoTracking, ctx) // code "deposit_no_tracking", 20 points
 */
export const silentStore: Check = {
  id: "silent-store",
  run(order, ctx) {
    const now = ctx.now;
    if (now === undefined || now.usd === undefined || now.usd <= 0 || now.days === undefined)
      return undefined;
    if (now.basis === "auto_released" || order.shipped === true || order.trackingNumber !== undefined)
      return undefined;
    const { silentDays, silentPoints } = ctx.settings.history;
    if (now.days < silentDays) return undefined;
    return reason("silent-store", "deposit_no_tracking", silentPoints, {
      days: now.days,
      since: now.since === undefined ? "" : isoDay(now.since),
      silentDays,
      ...formatMoneyFacts(now),
    });
  },
};
