import { checkStoreUrl } from "./store-url";
import { memoizeString } from "../memo";

/**
 * One stable key per supplier, for the blacklist and for grouping orders.
 *
 * Key formats (stable, lower case):
 * - `member:<id>`  a 1688 member id (`member:b2b-2201234567890abcd`), from a
 *   `b2b-<id>.1688.com` host, a `memberId=` parameter or a bare `b2b-...` token;
 * - `shop:<label>` a shop sub-domain (`shop:shop1234567890`, `shop:gzxinyi`);
 * - `offer:<id>`   a genuine offer link that names no shop or member;
 * - `host:<host>`  a link that is not a genuine 1688 address (a lookalike);
 * - `name:<name>`  anything else: the company name normalised by
 *   `normalizeCompanyName`.
 */

/** Legal-form suffixes dropped from the end of a Chinese name, longest first. */
const ZH_SUFFIXES = ["股份有限公司", "有限责任公司", "有限公司", "公司"];

/** Legal-form words dropped from the end of a Latin-script name. */
const EN_SUFFIXES = new Set([
  "co",
  "company",
  "ltd",
  "limited",
  "inc",
  "incorporated",
  "llc",
  "corp",
  "corporation",
  "plc",
  "gmbh",
]);

const PUNCTUATION = /[\p{P}\p{S}]+/gu;

/**
 * A company name reduced to what identifies it: NFKC (full-width to
 * half-width), case-folded, legal-form suffixes dropped (有限公司, 有限责任公司,
 * 股份有限公司, 公司, Co., Ltd., Limited, Inc., LLC, Corp...), then every space and
 * punctuation mark removed. Bracketed parts such as （深圳） are kept (only
 * the brackets go): 腾讯科技（深圳）and 腾讯科技（北京）are different legal
 * entities, and a blacklist must not catch a sister company. 厂 (factory) is
 * kept too: it is part of the registered name, not a legal form.
 *
 * @example normalizeCompanyName("Yiwu Hongda Trading Co., Ltd.") // "yiwuhongdatrading"
 * @example normalizeCompanyName("义乌市宏达贸易有限公司") // "义乌市宏达贸易"
 */
function normalizeCompanyNameUncached(name: string): string {
  let s = name.normalize("NFKC").toLowerCase().replace(PUNCTUATION, " ").trim();
  let changed = true;
  while (changed && s) {
    changed = false;
    const words = s.split(/\s+/);
    const last = words[words.length - 1] ?? "";
    if (words.length > 1 && EN_SUFFIXES.has(last)) {
      s = words.slice(0, -1).join(" ");
      changed = true;
      continue;
    }
    const compact = s.replace(/\s+/g, "");
    const zh = ZH_SUFFIXES.find((suffix) => compact.length > suffix.length && compact.endsWith(suffix));
    if (zh) {
      s = compact.slice(0, -zh.length);
      changed = true;
    }
  }
  return s.replace(/\s+/g, "");
}

const MEMBER_TOKEN = /^b2b-[0-9a-z]+$/i;

/**
 * The supplier key of a shop link, member id or company name (formats above),
 * or undefined when the text names nothing.
 *
 * @example supplierKey("https://b2b-2201234567890abcd.1688.com") // "member:b2b-2201234567890abcd"
 * @example supplierKey("义乌市宏达贸易有限公司") // "name:义乌市宏达贸易"
 */
export function supplierKey(urlOrName: string): string | undefined {
  const text = urlOrName.normalize("NFKC").trim();
  if (!text) return undefined;
  if (MEMBER_TOKEN.test(text)) return `member:${text.toLowerCase()}`;
  const url = checkStoreUrl(text);
  if (url.code === "genuine") {
    if (url.memberId) return `member:${url.memberId}`;
    if (url.shopKey) return `shop:${url.shopKey}`;
    if (url.offerId) return `offer:${url.offerId}`;
    return undefined;
  }
  if (url.code === "lookalike") return url.host ? `host:${url.host}` : undefined;
  const name = normalizeCompanyName(text);
  return name ? `name:${name}` : undefined;
}

/** Memoised per distinct input (see memo.ts). */
export const normalizeCompanyName: (text: string) => string = memoizeString(normalizeCompanyNameUncached);
