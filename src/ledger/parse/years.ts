import type { CellValue } from "../../rules/types";
import { isWithinMagnitude, numberText, tooLarge } from "./number";
import { fail, ok, quote, type Parsed } from "./parsed";
import { excelErrorFailure, isExcelErrorValue, isPlaceholder, normalizeText } from "./text";

/**
 * "4", "4年", "4 years", "4 yrs", "诚信通4年", "第4年", "4年以上", "4+",
 * "TrustPass 4 years", "4年6个月" (4.5), "6个月" (0.5).
 */
const YEARS =
  /^(?:诚信通|trustpass|trust pass|tp|cxt)?\s*(?:第)?\s*([+-]?\d+(?:\.\d+)?)\s*(?:年|years?|yrs?|y)?\s*(?:(\d+(?:\.\d+)?)\s*(?:个月|月|months?|mos?))?\s*(?:以上|多|\+|plus)?$/i;
const MONTHS = /^([+-]?\d+(?:\.\d+)?)\s*(?:个月|月|months?|mos?)$/i;

/** Longer than any way of writing a store's years ("TrustPass 12 years 6 months or more"). */
const MAX_YEARS_TEXT = 64;

function negative(shown: string): Parsed<number> {
  return fail(`${shown}: years cannot be negative`, `${shown}：年限不能为负数`);
}

/** Reads years on 1688 (诚信通年限). Negative is an error. */
export function parseYears(v: CellValue): Parsed<number> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return fail("not a finite number", "不是有效数字");
    if (!isWithinMagnitude(v)) return tooLarge(numberText(v));
    return v < 0 ? negative(String(v)) : ok(v);
  }
  if (v === null || v === undefined) return ok(undefined);
  if (typeof v === "boolean")
    return fail(`${String(v).toUpperCase()} is not a number of years`, `${String(v).toUpperCase()} 不是年限`);
  if (v instanceof Date) return fail("a date is not a number of years", "日期不是年限");
  if (isExcelErrorValue(v)) return excelErrorFailure(v);
  const text = normalizeText(v);
  if (text === "" || isPlaceholder(text)) return ok(undefined);
  // A years cell is short ("诚信通4年6个月"); YEARS would try every split of a long run of digits.
  if (text.length > MAX_YEARS_TEXT)
    return fail(`${quote(text)} is not a number of years`, `${quote(text)} 不是年限`);
  const m = YEARS.exec(text);
  if (m) {
    const years = Number(m[1]) + (m[2] === undefined ? 0 : Number(m[2]) / 12);
    if (!isWithinMagnitude(years)) return tooLarge(quote(text));
    return years < 0 ? negative(quote(text)) : ok(years);
  }
  const months = MONTHS.exec(text);
  if (months) {
    const years = Number(months[1]) / 12;
    if (!isWithinMagnitude(years)) return tooLarge(quote(text));
    return years < 0 ? negative(quote(text)) : ok(years);
  }
  return fail(`${quote(text)} is not a number of years`, `${quote(text)} 不是年限`);
}
