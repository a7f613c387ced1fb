import { validateUscc } from "../identifiers/uscc";
import type { Check } from "./check";
import { hasField, reason } from "./check";

/**
 * The business licence: a missing USCC is 5 points, one that fails its check
 * character (or is malformed) 20. A code shaped like an early Fujian pilot code
 * (region 35, organization code M0...) whose check character does not follow
 * GB 32100 is real or a typo: a few points and "confirm on gsxt.gov.cn".
 * @example license.run({ ...order, supplier: { uscc: "91330100MA27XXXXX0" } }, ctx) // code "uscc_invalid"
 */
export const license: Check = {
  id: "license",
  fields: ["uscc"],
  run(order, ctx) {
    if (!hasField("uscc", ctx)) return undefined;
    const { missingPoints, invalidPoints, pilotPoints } = ctx.settings.license;
    const code = order.supplier.uscc;
    if (code === undefined || code.trim() === "") return reason("license", "uscc_missing", missingPoints);
    const result = validateUscc(code);
    if (result.valid) {
      if (result.warning !== "fujian_pilot") return undefined;
      return reason("license", "uscc_check_unconfirmed", pilotPoints, { uscc: code });
    }
    return reason("license", "uscc_invalid", invalidPoints, { uscc: code, failure: result.code });
  },
};
