import { normalizeCompanyName } from "../identifiers/supplier-key";
import type { Check } from "./check";
import { reason } from "./check";

const HAN = /\p{Script=Han}/u;

/**
 * Money sent to a payee other than the supplier's company (a person, another
 * firm: "our account is frozen, pay this one") is the private-transfer trap: 25 points.
 * @example payee.run({ ...order, supplier: { name: "义乌市晨光饰品有限公司" }, payee: "张伟" }, ctx) // code "payee_mismatch"
 */
export const payee: Check = {
  id: "payee",
  fields: ["payee"],
  run(order, ctx) {
    const name = order.supplier.name;
    const to = order.payee;
    if (!name || !to) return undefined;
    const a = normalizeCompanyName(name);
    const b = normalizeCompanyName(to);
    if (a === "" || b === "" || a === b || a.includes(b) || b.includes(a)) return undefined;
    // A Chinese name and its English rendering cannot be compared letter by letter.
    if (HAN.test(a) !== HAN.test(b)) return undefined;
    return reason("payee", "payee_mismatch", ctx.settings.payee.points, { payee: to, supplier: name });
  },
};
