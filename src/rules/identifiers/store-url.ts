import { memoizeString } from "../memo";
import { parseUrl, type ParsedUrl } from "./url";

/**
 * 1688 store and offer links: genuine, lookalike, or not a link at all.
 *
 * Parsing follows the WHATWG URL Standard with the engine's own parser (url.ts),
 * not the host's `URL`, which Excel's JavaScript-only runtime lacks. The
 * decision compares the registrable domain: a host is genuine only
 * when it is `1688.com` or ends with `.1688.com` (after the parser has
 * lower-cased it and turned any Unicode into punycode). Everything else that
 * is a link is a lookalike: `1688.com.evil.top`, `1688-com.top`, `l688.com`,
 * `1688.cn`, homoglyph (`xn--`) hosts, IP addresses, links with credentials
 * (`https://1688.com@evil.top`) and non-http schemes. A link to any other site
 * is reported the same way: in a shop-link column it is not a 1688 store.
 */

/**
 * `other_site`: a real marketplace other than 1688 (Taobao, Tmall, Alibaba.com,
 * AliExpress, JD, Pinduoduo): not a 1688 store, but no phishing either.
 */
export type StoreUrlCode = "genuine" | "lookalike" | "other_site" | "not_url";

export interface StoreUrlResult {
  input: string;
  code: StoreUrlCode;
  genuine: boolean;
  /** Lower-case host as the URL parser reads it (punycode for Unicode hosts). */
  host?: string;
  /** The shop's own sub-domain label: `shop1234567890`, `gzxinyi`. */
  shopKey?: string;
  /** 1688 member id (`b2b-2201234567890abcd`), lower case. */
  memberId?: string;
  /** Offer (product) id from `detail.1688.com/offer/<id>.html`. */
  offerId?: string;
  message: string;
  messageZh: string;
}

/** 1688's own sub-domains: a link there is genuine but names no shop. */
const SITE_SUBDOMAINS = new Set([
  "www",
  "detail",
  "m",
  "winport",
  "s",
  "search",
  "login",
  "work",
  "trade",
  "order",
  "cart",
  "air",
  "page",
  "dj",
  "show",
  "sale",
  "club",
  "info",
  "p4p",
  "exodus",
  "re",
  "img",
  "cbu01",
  "shop",
  "home",
  "mobile",
  "h5",
  "open",
]);

/** Real marketplaces a buyer may link to instead of 1688. */
const OTHER_MARKETS = [
  "taobao.com",
  "tmall.com",
  "alibaba.com",
  "aliexpress.com",
  "jd.com",
  "pinduoduo.com",
  "yangkeduo.com",
];

/** The most characters an Excel cell holds. */
const MAX_CELL = 32767;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const URL_TOKEN = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/i;

/** Characters of a top-level domain label: a-z, 0-9, "-". */
function isLabelChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

/** Whether `text.slice(0, end)` ends in ".tld" or ".tld:port" (a tld of two or more label characters) after at least one character. */
function endsInDomain(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && text.charCodeAt(i - 1) >= 0x30 && text.charCodeAt(i - 1) <= 0x39) i--;
  if (i < end && i > 0 && text.charCodeAt(i - 1) === 0x3a) i--;
  else i = end;
  const labelEnd = i;
  while (i > 0 && isLabelChar(text.charCodeAt(i - 1))) i--;
  return labelEnd - i >= 2 && i >= 2 && text.charCodeAt(i - 1) === 0x2e;
}

/**
 * Whether a text without spaces reads as a link without its scheme: a host ending in a
 * top-level domain ("shop1.1688.com", "user@1688.com.evil.top:8080"), then nothing or a
 * path, query or fragment. One pass over the text (a pattern that backtracks would take
 * seconds on a 32,767-character cell): the host ends at the first "/", or earlier at a
 * "?" or "#".
 */
function isHostToken(text: string): boolean {
  if (/\s/.test(text)) return false;
  const slash = text.indexOf("/");
  const end = slash < 0 ? text.length : slash;
  if (endsInDomain(text, end)) return true;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x3f || c === 0x23) && endsInDomain(text, i)) return true;
  }
  return false;
}

/** The link inside the text: the whole text, or the first URL-looking token of a longer cell. */
function extractLink(text: string): string | undefined {
  const t = text.normalize("NFKC").trim();
  if (!t) return undefined;
  if (!/\s/.test(t)) return t;
  return URL_TOKEN.exec(t)?.[0] ?? t.split(/\s+/).find((w) => /\.1688\.com|1688\.com/i.test(w));
}

function memberIdFrom(url: ParsedUrl): string | undefined {
  for (const key of ["memberId", "memberid", "member_id", "loginId"]) {
    const v = url.searchParams.get(key);
    if (v && v.trim()) return v.trim().toLowerCase();
  }
  const m = /\/(b2b-[0-9a-z]+)(?:\.html)?(?:\/|$)/i.exec(url.pathname);
  return m?.[1]?.toLowerCase();
}

function lookalike(input: string, host: string | undefined, en: string, zh: string): StoreUrlResult {
  const r: StoreUrlResult = { input, code: "lookalike", genuine: false, message: en, messageZh: zh };
  if (host !== undefined) r.host = host;
  return r;
}

/**
 * Says whether a shop or offer link is a genuine 1688 address, and reads the
 * shop, member and offer ids from it.
 *
 * @example checkStoreUrl("https://shop1234567890.1688.com").shopKey // "shop1234567890"
 * @example checkStoreUrl("https://1688.com.shop-verify.top/offer/1.html").code // "lookalike"
 */
function checkStoreUrlUncached(text: string): StoreUrlResult {
  // Work is bounded by what an Excel cell holds: a longer text (a csv cell) is judged by
  // its first 32,767 characters, where its host is.
  const link = extractLink(text.length > MAX_CELL ? text.slice(0, MAX_CELL) : text);
  const notUrl: StoreUrlResult = {
    input: text,
    code: "not_url",
    genuine: false,
    message: "not a link",
    messageZh: "不是链接",
  };
  if (!link) return notUrl;

  const scheme = SCHEME.exec(link)?.[1]?.toLowerCase();
  let candidate = link;
  if (!scheme || !link.includes("://")) {
    // "detail.1688.com/offer/1.html" or "shop1.1688.com": a bare host; "abc:def" is not a link.
    if (!isHostToken(link)) {
      if (scheme && /^(javascript|data|file|ftp|vbscript|mailto)$/.test(scheme)) {
        return lookalike(text, undefined, `"${scheme}:" is not a web link`, `“${scheme}:”不是网页链接`);
      }
      return notUrl;
    }
    candidate = `http://${link}`;
  }
  const url = parseUrl(candidate);
  if (!url || !url.hostname) return notUrl;

  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return lookalike(text, host, `"${url.protocol}" is not a web link`, `“${url.protocol}”不是网页链接`);
  }
  if (url.username || url.password) {
    return lookalike(
      text,
      host,
      `the link hides its real host (${host}) behind a user name`,
      `链接用“用户名@”隐藏了真实网址（${host}）`,
    );
  }
  const genuine = host === "1688.com" || host.endsWith(".1688.com");
  const market = OTHER_MARKETS.find((d) => host === d || host.endsWith(`.${d}`));
  if (!genuine && market) {
    return {
      input: text,
      code: "other_site",
      genuine: false,
      host,
      message: `${host} is ${market}, not a 1688.com store`,
      messageZh: `${host} 属于 ${market}，不是 1688.com 店铺`,
    };
  }
  if (!genuine) {
    const imitates = /1688|l688|i688|168b|xn--/.test(host);
    return imitates
      ? lookalike(
          text,
          host,
          `${host} imitates 1688.com but is another site`,
          `${host} 冒充 1688.com，实为其他网站`,
        )
      : lookalike(text, host, `${host} is not a 1688.com address`, `${host} 不是 1688.com 的网址`);
  }

  const result: StoreUrlResult = {
    input: text,
    code: "genuine",
    genuine: true,
    host,
    message: "genuine 1688.com address",
    messageZh: "真实的 1688.com 网址",
  };
  const labels = host.split(".");
  const sub = labels.length === 3 ? labels[0] : undefined;
  if (sub && /^b2b-[0-9a-z]+$/.test(sub)) result.memberId = sub;
  else if (sub && !SITE_SUBDOMAINS.has(sub)) result.shopKey = sub;
  const memberId = result.memberId ?? memberIdFrom(url);
  if (memberId) result.memberId = memberId;
  const offer = /\/offer\/(\d+)\.html?$/i.exec(url.pathname);
  if (offer?.[1]) result.offerId = offer[1];
  return result;
}

export function isGenuineStoreUrl(text: string): boolean {
  return checkStoreUrl(text).genuine;
}

/** Memoised per distinct input (see memo.ts). */
export const checkStoreUrl: (text: string) => StoreUrlResult = memoizeString(checkStoreUrlUncached);
