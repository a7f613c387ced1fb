import { compactTracking, validateTracking } from "../identifiers/tracking";
import { memoizeString } from "../memo";
import type { Reason } from "../types";
import type { Check } from "./check";
import { hasField, reason } from "./check";

/** Carrier cells that name a "dedicated line" (专线) rather than a carrier. */
const DEDICATED_LINE = /专线|專線|dedicated\s*line|special\s*line/i;

/** Carrier cells repeat on every row: each distinct text is tested once (bounded). */
export const isDedicatedLine = memoizeString((carrier: string) => DEDICATED_LINE.test(carrier), 1024);

/** The reason code for a number that is not valid, by the validator's code. */
const INVALID_CODE: Readonly<Record<string, string>> = {
  carrier_mismatch: "tracking_carrier_mismatch",
  placeholder: "tracking_placeholder",
};

/**
 * Tracking: shipped without a number (15), a number that fits no known carrier,
 * contradicts the carrier column (only when it cannot be that carrier's), is a
 * placeholder (0000000000, 123456789) or a "dedicated line" (20), and the
 * empty-parcel sign, one number on orders of different suppliers (30).
 * @example tracking.run({ ...order, shipped: true, trackingNumber: "ZX8812345" }, ctx) // code "tracking_invalid"
 */
export const tracking: Check = {
  id: "tracking",
  fields: ["trackingNumber"],
  run(order, ctx) {
    const { missingPoints, invalidPoints, reusedPoints } = ctx.settings.tracking;
    const number = order.trackingNumber?.trim();
    if (!number) {
      if (order.shipped === true && hasField("trackingNumber", ctx)) {
        return reason("tracking", "shipped_without_tracking", missingPoints);
      }
      return undefined;
    }
    let reasons: Reason[] | undefined;
    const carrier = order.carrier?.trim();
    let compact: string | undefined;
    if (carrier && isDedicatedLine(carrier)) {
      reasons = [reason("tracking", "dedicated_line", invalidPoints, { carrier, number })];
    } else {
      let result = validateTracking(number, carrier || undefined);
      // A carrier cell we cannot place says nothing: judge the number alone.
      if (result.code === "unknown_carrier") result = validateTracking(number);
      compact = result.compact;
      if (!result.valid) {
        const facts: Record<string, string> = { number, failure: result.code };
        if (carrier) facts.carrier = carrier;
        if (result.carriers.length > 0) {
          facts.fits = result.carriers.map((c) => c.name).join(", ");
          facts.fitsZh = result.carriers.map((c) => c.nameZh).join("、");
        }
        reasons = [reason("tracking", INVALID_CODE[result.code] ?? "tracking_invalid", invalidPoints, facts)];
      }
    }
    const suppliers = ctx.batch?.trackingSuppliers.get(compact ?? compactTracking(number));
    if (suppliers && suppliers.size > 1) {
      const reused = reason("tracking", "tracking_reused", reusedPoints, {
        number,
        suppliers: suppliers.size,
      });
      if (reasons === undefined) return reused;
      reasons.push(reused);
    }
    return reasons;
  },
};
