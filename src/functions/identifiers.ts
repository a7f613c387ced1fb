import { validateTracking, resolveCarrier } from "../rules/identifiers/tracking";
import { integerDigits } from "../rules/digits";
import { validateUscc } from "../rules/identifiers/uscc";
import { checkStoreUrl } from "../rules/identifiers/store-url";
import { supplierKey } from "../rules/identifiers/supplier-key";
import { blacklistFor } from "../rules/blacklist";
import { isBlank } from "../ledger/parse/text";
import { asRange, badArgument, isLeftOut, isOmitted, toScalar } from "./args";
import { NotAvailable } from "./safely";

/** The most characters an Excel cell holds. */
const EXCEL_MAX_TEXT = 32767;

/** A required text argument (numbers become their digits: tracking numbers are often typed as numbers). */
function text(argument: string, v: unknown): string {
  const cell = toScalar(v, argument);
  if (isBlank(cell)) return badArgument(argument, "is empty", "为空");
  if (typeof cell === "number") return Number.isInteger(cell) ? integerDigits(cell) : String(cell);
  if (cell instanceof Date) return badArgument(argument, "is a date, not text", "是日期而不是文本");
  return String(cell);
}

function optionalText(argument: string, v: unknown): string | undefined {
  return isOmitted(v) ? undefined : String(toScalar(v, argument)).trim() || undefined;
}

/** TRACKINGVALID: the number fits a known carrier (and the stated one, when given). */
export function trackingValid(number: unknown, carrier: unknown): boolean {
  const n = text("number", number);
  const c = optionalText("carrier", carrier);
  if (c !== undefined && resolveCarrier(c) === undefined) {
    return badArgument(
      "carrier",
      `"${c}" is not a known carrier (e.g. sf, 顺丰, ups, ems)`,
      `“${c}”不是已知快递（如 sf、顺丰、ups、ems）`,
    );
  }
  return validateTracking(n, c).valid;
}

/** TRACKINGCARRIER: the carrier(s) a number fits, comma-separated; #N/A when none. */
export function trackingCarrier(number: unknown): string {
  const result = validateTracking(text("number", number));
  if (!result.valid || result.carriers.length === 0) throw new NotAvailable(result.message, result.messageZh);
  return [...new Set(result.carriers.map((c) => c.name))].join(", ");
}

/** USCCVALID: the 18-character code passes GB 32100's check. */
export function usccValid(code: unknown): boolean {
  return validateUscc(text("code", code)).valid;
}

/** USCCINFO: the decoded parts, or why the code fails. */
export function usccInfo(code: unknown): string {
  const result = validateUscc(text("code", code));
  if (!result.parts) throw new NotAvailable(result.message, result.messageZh);
  const p = result.parts;
  const parts = [
    `${p.departmentName.en} / ${p.departmentName.zh}`,
    `${p.categoryName.en} / ${p.categoryName.zh}`,
    `${p.division} ${p.province.en} / ${p.province.zh}`,
    `org. code ${p.organizationCode}`,
  ];
  // A Fujian pilot-form code off GB 32100, or a forged inner check: say so, not just "valid".
  const status = !result.valid
    ? `INVALID (${result.message})`
    : result.warning
      ? `CHECK (${result.message} / ${result.messageZh})`
      : "valid";
  return `${status}; ${parts.join("; ")}; check at ${result.gsxtUrl}`;
}

/** STOREURLOK: TRUE for a genuine 1688 address, FALSE for a lookalike, #VALUE! for text that is no URL. */
export function storeUrlOk(url: unknown): boolean {
  const result = checkStoreUrl(text("url", url));
  if (result.code === "not_url") return badArgument("url", result.message, result.messageZh);
  return result.genuine;
}

/** SUPPLIERID: the normalised key used for matching. */
export function supplierId(urlOrName: unknown): string {
  const key = supplierKey(text("urlOrName", urlOrName));
  if (key === undefined)
    throw new NotAvailable("nothing to identify a supplier by", "没有可识别供应商的内容");
  if (key.length > EXCEL_MAX_TEXT) {
    return badArgument(
      "urlOrName",
      `is too long: its key would not fit in a cell (${EXCEL_MAX_TEXT} characters)`,
      `过长：其标识放不进一个单元格（${EXCEL_MAX_TEXT} 个字符）`,
    );
  }
  return key;
}

/** BLACKLISTED: the supplier matches an entry on any identifier they share. */
export function blacklisted(
  supplier: unknown,
  blacklist: unknown,
  shopLink: unknown,
  uscc: unknown,
): boolean {
  if (isLeftOut(blacklist)) return false;
  const index = blacklistFor(asRange(blacklist));
  const name = optionalText("supplier", supplier);
  const link = optionalText("shopLink", shopLink);
  const code = optionalText("uscc", uscc);
  if (name === undefined && link === undefined && code === undefined) {
    return badArgument(
      "supplier",
      "is empty; give a name, shop link or USCC",
      "为空；请提供名称、店铺链接或信用代码",
    );
  }
  const query: { name?: string; shopUrl?: string; uscc?: string; memberId?: string } = {};
  if (name !== undefined) {
    // A member id or a shop link typed in the supplier column matches as such.
    if (/^b2b-[0-9a-z]+$/i.test(name)) query.memberId = name;
    else if (checkStoreUrl(name).code !== "not_url") query.shopUrl = name;
    else query.name = name;
  }
  if (link !== undefined) query.shopUrl = link;
  if (code !== undefined) query.uscc = code;
  return index.match(query) !== undefined;
}
