import type { CellValue } from "../../rules/types";
import { decimalFailure, readDecimal } from "./number";
import { fail, ok, quote, type Parsed } from "./parsed";
import { excelErrorFailure, isExcelErrorValue, isPlaceholder, normalizeText } from "./text";

/** "3/7", "30/70": a deposit split, read as the first part's share. */
const SPLIT = /^(\d+(?:\.\d+)?)\s*[/:]\s*(\d+(?:\.\d+)?)$/;
/** "3成" (three tenths). */
const TENTHS = /^(\d+(?:\.\d+)?)\s*成$/;

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

/**
 * Reads a share as a fraction 0..1: "30%", "30 %", "３０％" and 0.3 are 0.3;
 * a bare number above 1 is percentage points ("30" and 30 are 0.3; 100 is 1).
 * "3/7" and "30/70" are deposit splits (0.3); "3成" is 0.3. Above 100% is an error.
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
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x25 /* % */ || last === 0x2030 /* ‰ */) {
    const value = readDecimal(text.slice(0, -1).trimEnd());
    if (typeof value !== "number") return decimalFailure(text, value);
    if (value < 0) return fail(`${quote(text)} is negative`, `${quote(text)} 是负数`);
    const share = last === 0x25 ? value / 100 : value / 1000;
    return share > 1 ? tooBig(quote(text)) : ok(share);
  }
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
  const tenths = TENTHS.exec(text);
  if (tenths) {
    const n = Number(tenths[1]);
    return n > 10 ? tooBig(quote(text)) : ok(n / 10);
  }
  const value = readDecimal(text);
  if (typeof value !== "number") return decimalFailure(text, value);
  return fromNumber(value, quote(text));
}
