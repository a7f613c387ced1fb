import type { CellValue } from "../../rules/types";
import { decimalFailure, readDecimal } from "./number";
import { fail, ok, quote, type Parsed } from "./parsed";
import { excelErrorFailure, isExcelErrorValue, isPlaceholder, normalizeText } from "./text";

/** "3/7", "30/70": a deposit split, read as the first part's share. */
const SPLIT = /^(\d+(?:\.\d+)?)\s*[/:]\s*(\d+(?:\.\d+)?)$/;
/** "3成" (three tenths). */
const TENTHS = /^(\d+(?:\.\d+)?)\s*成$/;
/** "三成": tenths written in Chinese numerals (十成 is the whole). */
const CHINESE_TENTHS = "一二三四五六七八九十";

/**
 * Words for the whole or half of an order, as clerks write them in a paid
 * column: 全款 / 付清 / 已结清 (paid in full), 半款 (half).
 */
const SHARE_WORDS: ReadonlyMap<string, number> = new Map([
  ["全款", 1],
  ["全额", 1],
  ["付清", 1],
  ["已付清", 1],
  ["已结清", 1],
  ["结清", 1],
  ["已付全款", 1],
  ["付全款", 1],
  ["全款已付", 1],
  ["已全款", 1],
  ["全付", 1],
  ["paid in full", 1],
  ["in full", 1],
  ["full", 1],
  ["full payment", 1],
  ["半款", 0.5],
  ["付一半", 0.5],
  ["一半", 0.5],
  ["half", 0.5],
]);

/** Words before or after a share that only say what it is: 定金30%, 30%定金, 付3成, 预付 50%. */
const SHARE_PREFIX = /^(?:已付|先付|预付款?|首付款?|定金|订金|付款?|deposit|prepaid|paid|upfront)\s*:?\s*/i;
const SHARE_SUFFIX = /\s*(?:定金|订金|预付款?|首付款?|付款|已付|deposit|upfront|prepaid|paid)$/i;

/** Nothing paid: 无, 没有, 未付 in a share column. */
const NOTHING_PAID: ReadonlySet<string> = new Set(["无", "没有", "未付", "未付款", "none", "nil"]);

function tooBig(shown: string): Parsed<number> {
  return fail(`${shown} is more than 100%`, `${shown} 超过 100%`);
}

/** A share written as a number: 0..1 as is, above 1 (up to 100) as percentage points. */
function fromNumber(n: number, shown: string): Parsed<number> {
  if (!Number.isFinite(n)) return fail("not a finite number", "不是有效数字");
  if (n < 0) return fail(`${shown} is negative`, `${shown} 是负数`);
  if (n <= 1) return ok(n);
  if (n <= 100) return ok(n / 100);
  return tooBig(shown);
}

/** "30%", "30 %", "5‰" (text already normalised); undefined when the text has no such sign. */
function readPercentText(text: string): Parsed<number> | undefined {
  const last = text.charCodeAt(text.length - 1);
  if (last !== 0x25 /* % */ && last !== 0x2030 /* ‰ */) return undefined;
  const value = readDecimal(text.slice(0, -1).trimEnd());
  if (typeof value !== "number") return decimalFailure(text, value);
  if (value < 0) return fail(`${quote(text)} is negative`, `${quote(text)} 是负数`);
  const share = last === 0x25 ? value / 100 : value / 1000;
  return share > 1 ? tooBig(quote(text)) : ok(share);
}

/** "3成", "三成", "3.5成"; undefined when the text does not end in 成. */
function readTenthsText(text: string): Parsed<number> | undefined {
  if (text.charCodeAt(text.length - 1) !== 0x6210 /* 成 */) return undefined;
  const tenths = TENTHS.exec(text);
  if (tenths) {
    const n = Number(tenths[1]);
    return n > 10 ? tooBig(quote(text)) : ok(n / 10);
  }
  const i = text.length === 2 ? CHINESE_TENTHS.indexOf(text.charAt(0)) : -1;
  return i < 0 ? undefined : ok((i + 1) / 10);
}

/**
 * A share written so that it cannot be an amount: a share word (全款, 全额,
 * 付清, 已付清, 已结清 = 1; 半款 = 0.5), a percentage or tenths (30%, 3成, 三成),
 * alone or with the words that only name it (定金30%, 30%定金, 付3成, 预付50%).
 * `text` is normalised. Undefined for anything else (a plain number, an
 * amount): a paid-amount column reads those as money.
 */
export function readShareMark(text: string): Parsed<number> | undefined {
  const word = SHARE_WORDS.get(text) ?? SHARE_WORDS.get(text.toLowerCase());
  if (word !== undefined) return ok(word);
  // Most shares are a bare "30%" or "3成": no words to take off.
  const first = text.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    const direct = readPercentText(text) ?? readTenthsText(text);
    if (direct !== undefined) return direct;
  }
  const core = text.replace(SHARE_PREFIX, "").replace(SHARE_SUFFIX, "");
  if (core === "") return undefined;
  if (core === text) return readTenthsText(text);
  const named = SHARE_WORDS.get(core);
  return named !== undefined ? ok(named) : (readPercentText(core) ?? readTenthsText(core));
}

/**
 * Reads a share as a fraction 0..1: "30%", "30 %", "３０％" and 0.3 are 0.3;
 * a bare number above 1 is percentage points ("30" and 30 are 0.3; 100 is 1).
 * "3/7" and "30/70" are deposit splits (0.3); "3成" and "三成" are 0.3. Share words
 * and the words around a share are read as `readShareMark` reads them (全款 = 1,
 * 半款 = 0.5, 定金30% = 0.3); 无 / 没有 / 未付 are 0. Above 100% is an error.
 */
export function parseShare(v: CellValue): Parsed<number> {
  if (typeof v === "number") return fromNumber(v, String(v));
  if (v === null || v === undefined) return ok(undefined);
  if (typeof v === "boolean")
    return fail(`${String(v).toUpperCase()} is not a percentage`, `${String(v).toUpperCase()} 不是百分比`);
  if (v instanceof Date) return fail("a date is not a percentage", "日期不是百分比");
  if (isExcelErrorValue(v)) return excelErrorFailure(v);
  const text = normalizeText(v);
  if (text === "" || isPlaceholder(text)) return ok(undefined);
  const marked = readShareMark(text);
  if (marked !== undefined) return marked;
  const percent = readPercentText(text);
  if (percent !== undefined) return percent;
  const split = SPLIT.exec(text);
  if (split) {
    const a = Number(split[1]);
    const b = Number(split[2]);
    if (a + b === 10 || a + b === 100) return ok(a / (a + b));
    return fail(
      `${quote(text)} is not a split such as 3/7 or 30/70`,
      `${quote(text)} 不是 3/7 或 30/70 这样的比例`,
    );
  }
  const value = readDecimal(text);
  if (typeof value === "number") return fromNumber(value, quote(text));
  if (NOTHING_PAID.has(text.toLowerCase())) return ok(0);
  // "定金 30": the words around a bare number.
  const core = text.replace(SHARE_PREFIX, "").replace(SHARE_SUFFIX, "");
  const bare = core !== text && core !== "" ? readDecimal(core) : value;
  return typeof bare === "number" ? fromNumber(bare, quote(text)) : decimalFailure(text, value);
}
