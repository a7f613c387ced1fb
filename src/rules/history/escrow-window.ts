import { reason } from "../checks/check";
import type { Check } from "../checks/check";
import { compactTracking, validateTracking } from "../identifiers/tracking";
import { memoizeString } from "../memo";
import { isDedicatedLine } from "../checks/tracking";
import type { Facts } from "../types";
import { addDays, daysBetween, isoDay } from "./dates";
import { isOpen } from "./open";

/** Whether a number (with its carrier cell) fails the carrier check, memoised per distinct pair. */
const failsCarrierCheck = memoizeString((key: string) => {
  const cut = key.indexOf("\u0000");
  const number = key.slice(0, cut);
  const carrier = key.slice(cut + 1);
  if (carrier !== "" && isDedicatedLine(carrier)) return true;
  let result = validateTracking(number, carrier || undefined);
  if (result.code === "unknown_carrier") result = validateTracking(number);
  return !result.valid;
}, 4096);

/**
 * An order still open whose tracking number fails its carrier check or is used
 * by another supplier too: the fake-tracking trick, posted so that 1688 escrow
 * confirms receipt by itself (`history.autoConfirmDays` after shipping, 10) and
 * pays the seller. The reason names the window, and the day it closes when the
 * ship date is known: dispute before then.
 * @example escrowWindow.run(openOrderWithFakeTracking, ctx) // code "fake_tracking_open"
 */
export const escrowWindow: Check = {
  id: "escrow-window",
  fields: ["trackingNumber"],
  run(order, ctx) {
    const asOf = ctx.asOf;
    const number = order.trackingNumber?.trim();
    if (asOf === undefined || !number || !isOpen(order, asOf, ctx.fields)) return undefined;
    const suppliers = ctx.batch?.trackingSuppliers.get(compactTracking(number));
    const reused = suppliers !== undefined && suppliers.size > 1;
    if (!reused && !failsCarrierCheck(`${number}\u0000${order.carrier?.trim() ?? ""}`)) return undefined;
    const { autoConfirmDays, escrowPoints } = ctx.settings.history;
    const facts: Facts = { number, autoConfirmDays, escrow: order.payment === "escrow" };
    const shipped = order.history?.shippedDate;
    if (shipped !== undefined) {
      const release = addDays(shipped, autoConfirmDays);
      facts.shipped = isoDay(shipped);
      facts.release = isoDay(release);
      facts.daysLeft = daysBetween(asOf, release);
    }
    return reason(
      "escrow-window",
      reused ? "reused_tracking_open" : "fake_tracking_open",
      escrowPoints,
      facts,
    );
  },
};
