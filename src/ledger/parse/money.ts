import type { CellValue, CurrencyCode, Money } from "../../rules/types";
import { decimalFailure, isWithinMagnitude, numberText, readDecimal, tooLarge } from "./number";
import { fail, ok, quote, type Parsed } from "./parsed";
import { excelErrorFailure, isExcelErrorValue, isPlaceholder, normalizeText } from "./text";

/**
 * Currency marks, longest first so "US$" wins over "$" and "美元" over "元".
 * ¥ is read as yuan: on 1688 it always is (JPY must be written JPY or 日元).
 */
const CURRENCY_WORDS: ReadonlyArray<readonly [string, CurrencyCode]> = [
  ["人民币", "CNY"],
  ["dollars", "USD"],
  ["dollar", "USD"],
  ["euros", "EUR"],
  ["euro", "EUR"],
  ["yuan", "CNY"],
  ["us$", "USD"],
  ["hk$", "HKD"],
  ["rmb", "CNY"],
  ["cny", "CNY"],
  ["usd", "USD"],
  ["eur", "EUR"],
  ["gbp", "GBP"],
  ["hkd", "HKD"],
  ["jpy", "JPY"],
  ["美元", "USD"],
  ["美金", "USD"],
  ["欧元", "EUR"],
  ["英镑", "GBP"],
  ["港币", "HKD"],
  ["港元", "HKD"],
  ["日元", "JPY"],
  ["元整", "CNY"],
  ["块钱", "CNY"],
  ["元", "CNY"],
  ["块", "CNY"],
  ["¥", "CNY"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["$", "USD"],
];

const CURRENCY_PATTERN = new RegExp(
  CURRENCY_WORDS.map(([w]) =>
    w.replace(/[$]/g, "\\$").replace("us\\$", "us ?\\$").replace("hk\\$", "hk ?\\$"),
  ).join("|"),
  "gi",
);
const CURRENCY_BY_WORD = new Map(CURRENCY_WORDS.map(([w, c]) => [w, c]));
/** Quick test before the currency scan: any letter or currency sign at all. */
const HAS_MARK = /[^\d.,\s()+-]/;
/** A price per unit: "¥12.50/件", "$3/pc". */
const PER_UNIT = /\s*\/\s*(?:件|个|只|双|套|箱|台|条|张|包|盒|pcs|pc|piece|unit|set)$/i;
const NOTHING: ReadonlySet<string> = new Set(["无", "没有", "none", "nil"]);

/**
 * Currency signs written straight before an amount ("¥6,688.00"), by
 * character code: the one-character marks of CURRENCY_WORDS that are not
 * letters, and the full-width ￥ (which NFKC, the general parser's first step,
 * turns into ¥).
 */
const SIGN_CURRENCY: ReadonlyMap<number, CurrencyCode> = new Map<number, CurrencyCode>([
  ...CURRENCY_WORDS.filter(([w]) => w.length === 1 && !/\p{L}/u.test(w)).map(
    ([w, code]) => [w.charCodeAt(0), code] as const,
  ),
  ["￥".charCodeAt(0), "CNY"],
]);

/**
 * The common shapes of money text, read without the general parser: an
 * optional currency sign straight before a plain amount or one grouped in
 * threes with commas ("6688", "¥6,688.00", "$12.5"). Anything else (spaces,
 * words, signs, 万, full-width digits) is left to the general parser:
 * `undefined`. For every text it accepts, it gives what the general parser
 * gives (a test compares them).
 */
export function quickMoney(text: string, defaultCurrency: CurrencyCode): Money | undefined {
  const n = text.length;
  let i = 0;
  let currency = defaultCurrency;
  const sign = SIGN_CURRENCY.get(text.charCodeAt(0));
  if (sign !== undefined) {
    currency = sign;
    i = 1;
  }
  const start = i;
  // Integer part: digits, with a comma before every group of exactly three when there are commas.
  let run = 0; // digits since the start or the last comma
  let commas = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) run++;
    else if (c === 0x2c) {
      if (run === 0 || (commas === 0 ? run > 3 : run !== 3)) return undefined;
      commas++;
      run = 0;
    } else break;
  }
  if (run === 0 || (commas > 0 && run !== 3)) return undefined;
  // Fraction: a point and at least one digit.
  if (i < n) {
    if (text.charCodeAt(i) !== 0x2e || i + 1 === n) return undefined;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) return undefined;
    }
  }
  const digits = commas === 0 ? text.slice(start) : text.slice(start).replace(/,/g, "");
  return { amount: Number(digits), currency };
}

function readMoneyText(raw: string, defaultCurrency: CurrencyCode): Parsed<Money> {
  const quick = quickMoney(raw, defaultCurrency);
  if (quick !== undefined) return isWithinMagnitude(quick.amount) ? ok(quick) : tooLarge(quote(raw));
  const text = normalizeText(raw);
  if (text === "" || isPlaceholder(text)) return ok(undefined);
  if (NOTHING.has(text.toLowerCase())) return ok({ amount: 0, currency: defaultCurrency });
  let currency: CurrencyCode | undefined;
  let conflict: string | undefined;
  let core = text;
  if (HAS_MARK.test(core)) {
    core = core
      .replace(PER_UNIT, "")
      .replace(CURRENCY_PATTERN, (word) => {
        const code = CURRENCY_BY_WORD.get(word.toLowerCase().replace(" ", ""));
        if (code !== undefined) {
          if (currency !== undefined && currency !== code) conflict = `${currency}/${code}`;
          currency = code;
        }
        return " ";
      })
      .trim();
    if (conflict !== undefined) {
      return fail(
        `${quote(text)} names two currencies (${conflict})`,
        `${quote(text)} 含有两种货币（${conflict}）`,
      );
    }
    if (core.includes("  ") || core.startsWith("- ") || core.startsWith("( "))
      core = normalizeText(core).replace(/^([-(]) /, "$1");
    if (core.endsWith(" )")) core = `${core.slice(0, -2)})`;
  }
  if (core === "") return fail(`${quote(text)} has no amount`, `${quote(text)} 没有金额`);
  const amount = readDecimal(core);
  if (typeof amount !== "number") {
    if (amount === "grouping") return decimalFailure(text, amount);
    return fail(`${quote(text)} is not an amount of money`, `${quote(text)} 不是金额`);
  }
  if (!isWithinMagnitude(amount)) return tooLarge(quote(text));
  return ok({ amount, currency: currency ?? defaultCurrency });
}

/**
 * Reads an amount of money. Numbers are in `defaultCurrency` (the column's
 * header currency when it has one); text may name its own currency
 * before or after the amount (¥ 元 块 RMB CNY 人民币, US$ USD $ 美元, € EUR,
 * £ GBP, HK$ HKD: "6688元", "500块", "RMB 1,200", "800美元"), use thousands
 * separators in groups of three, 万 (1.2万 = 12,000), full-width digits and
 * negatives written "-500" or "(500)". An amount beyond 10^15 (MAX_MAGNITUDE) is not read.
 */
export function parseMoney(v: CellValue, defaultCurrency: CurrencyCode): Parsed<Money> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return fail("not a finite amount", "不是有效金额");
    return isWithinMagnitude(v) ? ok({ amount: v, currency: defaultCurrency }) : tooLarge(numberText(v));
  }
  if (v === null || v === undefined) return ok(undefined);
  if (typeof v === "boolean")
    return fail(
      `${String(v).toUpperCase()} is not an amount of money`,
      `${String(v).toUpperCase()} 不是金额`,
    );
  if (v instanceof Date) return fail("a date is not an amount of money", "日期不是金额");
  if (isExcelErrorValue(v)) return excelErrorFailure(v);
  return readMoneyText(v, defaultCurrency);
}
