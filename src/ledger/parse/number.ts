import type { CellValue } from "../../rules/types";
import { fail, ok, quote, type Parsed } from "./parsed";
import { excelErrorFailure, isExcelErrorValue, isPlaceholder, normalizeText } from "./text";

/**
 * Plain decimal numbers, and numbers whose commas separate groups of three
 * digits. "1,5" is neither: a comma is never read as a decimal point, because
 * "1,500" and "1,5" would then mean wildly different sums.
 */
const PLAIN = /^\d+(?:\.\d*)?$|^\.\d+$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SIGN_SPACE = /^([+-]) /;
const INNER_SEPARATOR = /[ ']/g;

/**
 * The largest magnitude a ledger figure may have: 10^15 (a thousand trillion yuan, units or
 * days). Excel holds numbers to 9.99e307, but no purchase is that large, and the checks
 * multiply and add figures (a price times a quantity, money converted at a rate, cents when
 * formatting), which would overflow to Infinity. A figure beyond it is a cell that cannot be
 * read, named as such, never a number the checks use.
 */
export const MAX_MAGNITUDE = 1e15;

/** Whether a number is finite and within MAX_MAGNITUDE either way. */
export function isWithinMagnitude(n: number): boolean {
  return n <= MAX_MAGNITUDE && n >= -MAX_MAGNITUDE;
}

/** The message for a figure beyond MAX_MAGNITUDE ("9.99E+307", as Excel shows it). */
export function tooLarge(shown: string): Extract<Parsed<never>, { ok: false }> {
  return fail(
    `${shown} is too large to be read (more than 10^15)`,
    `${shown} 数值过大，无法读取（超过 10^15）`,
  );
}

/** A number as Excel shows it in a message: 9.99E+307. */
export function numberText(n: number): string {
  return String(n).replace(/e\+?/, (e) => (e === "e" ? "E" : "E+"));
}

/** Why a numeric text could not be read: commas in the wrong places, or not a number at all. */
export type DecimalError = "grouping" | "format";

/** Chinese and informal multipliers written after a number: 1.2万 = 12,000. */
const MULTIPLIERS: Readonly<Record<string, number>> = { 万: 4, w: 4, W: 4, 亿: 8, k: 3, K: 3, 千: 3 };

/** Moves the decimal point of a plain decimal text `places` to the right, exactly. */
function shiftDecimal(text: string, places: number): number {
  const dot = text.indexOf(".");
  const int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? "" : text.slice(dot + 1);
  const padded = frac.padEnd(places, "0");
  return Number(`${int}${padded.slice(0, places)}.${padded.slice(places) || "0"}`);
}

/**
 * Reads a number from normalised text with no currency or unit left in it:
 * sign or parentheses, thousands separators (commas, spaces or apostrophes in
 * groups of three), a trailing 万/亿/k multiplier.
 */
export function readDecimal(input: string): number | DecimalError {
  let s = input;
  if (PLAIN.test(s)) return Number(s);
  let negative = false;
  if (s.length > 2 && s.charCodeAt(0) === 0x28 && s.charCodeAt(s.length - 1) === 0x29) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const first = s.charAt(0);
  if (first === "-" || first === "+" || first === "\u2212") {
    if (first !== "+") negative = !negative;
    s = s.slice(1).trimStart();
  }
  if (s.includes(" ") || s.includes("'")) s = s.replace(SIGN_SPACE, "$1").replace(INNER_SEPARATOR, ",");
  let places = 0;
  const last = s.charAt(s.length - 1);
  const multiplier = MULTIPLIERS[last];
  if (multiplier !== undefined && s.length > 1) {
    places = multiplier;
    s = s.slice(0, -1).trimEnd();
  }
  if (!PLAIN.test(s)) {
    if (!GROUPED.test(s)) return /^[\d.,]+$/.test(s) && s.includes(",") ? "grouping" : "format";
    s = s.replace(/,/g, "");
  }
  const value = places === 0 ? Number(s) : shiftDecimal(s, places);
  if (!Number.isFinite(value)) return "format";
  return negative && value !== 0 ? -value : value;
}

/** The message for a text that `readDecimal` refused. */
export function decimalFailure(text: string, error: DecimalError): Extract<Parsed<never>, { ok: false }> {
  if (error === "grouping") {
    return fail(
      `${quote(text)}: commas must separate groups of three digits (6,688.00); write a decimal with a point (1.5)`,
      `${quote(text)}：逗号只能用作千位分隔（6,688.00），小数请用小数点（1.5）`,
    );
  }
  return fail(`${quote(text)} is not a number`, `${quote(text)} 不是数字`);
}

/** Units people write after counts, scores and day counts ("100件", "4.8分", "7天", "200+"), longest first. */
const TRAILING_UNITS = [
  "件",
  "个",
  "只",
  "双",
  "套",
  "箱",
  "台",
  "条",
  "张",
  "包",
  "盒",
  "袋",
  "份",
  "pcs",
  "pc",
  "pieces",
  "piece",
  "units",
  "unit",
  "sets",
  "set",
  "天",
  "days",
  "day",
  "日",
  "分",
  "次",
  "笔",
  "单",
  "条评价",
  "评价",
  "reviews",
  "+",
].sort((a, b) => b.length - a.length);

/** The units by their last character. */
const UNITS_BY_LAST = new Map<string, string[]>();
for (const unit of TRAILING_UNITS) {
  const last = unit.charAt(unit.length - 1);
  UNITS_BY_LAST.set(last, [...(UNITS_BY_LAST.get(last) ?? []), unit]);
}

/**
 * The text without the run of units at its end and the spaces before it ("100 件" → "100").
 * Suffix by suffix, not with a pattern: `\s*(?:件|…)+$` tries every start position, and a
 * 32,767-character cell of 件 took half a minute.
 */
function withoutTrailingUnits(text: string): string {
  let end = text.length;
  for (;;) {
    const units = UNITS_BY_LAST.get(text.charAt(end - 1).toLowerCase());
    const unit = units?.find((u) => u.length <= end && text.slice(end - u.length, end).toLowerCase() === u);
    if (unit === undefined) break;
    end -= unit.length;
  }
  if (end === text.length) return text;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}
const LEADING_APPROX = /^(?:约|大约|~|≈)\s*/;

/** A plain number: counts, scores, days. Accepts thousands separators, 万 and trailing units. */
export function parseNumber(v: CellValue): Parsed<number> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return fail("not a finite number", "不是有效数字");
    return isWithinMagnitude(v) ? ok(v) : tooLarge(numberText(v));
  }
  if (v === null || v === undefined) return ok(undefined);
  if (typeof v === "boolean")
    return fail(`${String(v).toUpperCase()} is not a number`, `${String(v).toUpperCase()} 不是数字`);
  if (v instanceof Date) return fail("a date is not a number", "日期不是数字");
  if (isExcelErrorValue(v)) return excelErrorFailure(v);
  const text = normalizeText(v);
  if (text === "" || isPlaceholder(text)) return ok(undefined);
  const value = PLAIN.test(text)
    ? Number(text)
    : readDecimal(withoutTrailingUnits(text.replace(LEADING_APPROX, "")));
  if (typeof value !== "number") return decimalFailure(text, value);
  return isWithinMagnitude(value) ? ok(value) : tooLarge(quote(text));
}
