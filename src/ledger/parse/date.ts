import type { CellValue } from "../../rules/types";
import { fail, ok, quote, type Parsed } from "./parsed";
import { excelErrorFailure, isExcelErrorValue, isPlaceholder, normalizeText } from "./text";

/** 1899-12-30: day 0 of Excel's 1900 system for serials after the phantom 1900-02-29. */
const EPOCH_AFTER_BUG = Date.UTC(1899, 11, 30);
/** 1899-12-31: day 0 for serials 1..59, before the phantom day. */
const EPOCH_BEFORE_BUG = Date.UTC(1899, 11, 31);
/** 9999-12-31, the last day Excel knows. */
const MAX_SERIAL = 2_958_466;

/**
 * Year first, then month and day, separated by - / . or written 年 月 日, with an
 * optional time ("2024-03-05 14:22:01", "2024-03-05T14:22", "2024年3月5日 8:05")
 * and an optional zone (Z, +08:00).
 */
const YMD =
  /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
/** Month first or day first with a four-digit year: read only when one part exceeds 12. */
const XXY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
/** A month and day with no year: "3月5日", "3月5号", "3月5". */
const MONTH_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;

/** What a date without a year is read against. */
export interface DateContext {
  /** The day the ledger is read as of (today when left out). */
  asOf?: Date | undefined;
}

/** Days a yearless date may lie after the as-of day and still be this year's. */
const AHEAD_DAYS = 31;

/**
 * "3月5日" with the year of the as-of day, or of the year before when that
 * would put it more than a month after the as-of day: a ledger records what
 * has happened, so read on 10 January 2027, "12月28日" is 28 December 2026.
 */
function yearless(month: number, day: number, asOf: Date): Date | undefined {
  const year = asOf.getUTCFullYear();
  const date = utc(year, month, day);
  if (date !== undefined && date.getTime() - asOf.getTime() <= AHEAD_DAYS * 86_400_000) return date;
  return utc(year - 1, month, day) ?? date;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/** A UTC date, or undefined for a day that does not exist (2023-02-30) or a time past 23:59:59. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date | undefined {
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59)
    return undefined;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
}

/** Converts an Excel serial (1900 date system) to a UTC date, or undefined if out of range. */
export function fromExcelSerial(serial: number): Date | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL) return undefined;
  // Excel counts a 29 February 1900 that never was (serial 60), so serials before it start a day later.
  if (serial >= 60 && serial < 61) return undefined;
  const epoch = serial < 60 ? EPOCH_BEFORE_BUG : EPOCH_AFTER_BUG;
  return new Date(epoch + Math.round(serial * 86_400) * 1000);
}

function serialFailure(shown: string): Parsed<Date> {
  return fail(`${shown} is not a date Excel can show`, `${shown} 不是 Excel 能显示的日期`);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** "2024-03-05" and "2024-03-05 14:22:01" (the 1688 export's timestamps) without a regular expression. */
export function readIsoFast(s: string): Date | undefined {
  const n = s.length;
  if ((n !== 10 && n !== 19) || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return undefined;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || mo < 0 || d < 0) return undefined;
  if (n === 10) return utc(y, mo, d);
  const sep = s.charCodeAt(10);
  if ((sep !== 0x20 && sep !== 0x54) || s.charCodeAt(13) !== 0x3a || s.charCodeAt(16) !== 0x3a)
    return undefined;
  const h = digits(s, 11, 13);
  const mi = digits(s, 14, 16);
  const sec = digits(s, 17, 19);
  return h < 0 || mi < 0 || sec < 0 ? undefined : utc(y, mo, d, h, mi, sec);
}

function readDateText(text: string, context: DateContext | undefined): Date | undefined {
  const fast = readIsoFast(text);
  if (fast !== undefined) return fast;
  const md = text.includes("月") ? MONTH_DAY.exec(text) : null;
  if (md) return yearless(Number(md[1]), Number(md[2]), context?.asOf ?? new Date());
  const m = YMD.exec(text);
  if (m) {
    const date = utc(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      Number((m[7] ?? "0").padEnd(3, "0")),
    );
    if (date === undefined || m[8] === undefined || m[8].toUpperCase() === "Z") return date;
    const zone = m[8].replace(":", "");
    const minutes = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * (zone[0] === "-" ? -1 : 1);
    return new Date(date.getTime() - minutes * 60_000);
  }
  const c = COMPACT.exec(text);
  if (c) return utc(Number(c[1]), Number(c[2]), Number(c[3]));
  const x = XXY.exec(text);
  if (x) {
    const a = Number(x[1]);
    const b = Number(x[2]);
    if (a > 12 && b <= 12) return utc(Number(x[3]), b, a);
    if (b > 12 && a <= 12) return utc(Number(x[3]), a, b);
  }
  return undefined;
}

/**
 * Reads a date as a UTC `Date`: Date cells, Excel serial numbers (1900 system,
 * including its phantom 1900-02-29), ISO "2024-03-05" and "2024-03-05 14:22:01"
 * (1688 export timestamps), "2024/3/5", "2024.3.5", "2024年3月5日", "20240305".
 * A time without a zone is taken as written (wall-clock time stored as UTC):
 * the 1688 export writes Beijing time and the ledger compares dates, not instants.
 * "3/5/2024" is refused as ambiguous; "13/5/2024" is read day first.
 * "3月5日" (no year) takes the year of `context.asOf` (today when left out), or
 * the year before when it would fall more than 31 days after that day.
 */
export function parseDate(v: CellValue, context?: DateContext): Parsed<Date> {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? fail("an invalid date", "无效日期") : ok(v);
  if (typeof v === "number") {
    const date = fromExcelSerial(v);
    return date === undefined ? serialFailure(String(v)) : ok(date);
  }
  if (v === null || v === undefined) return ok(undefined);
  if (typeof v === "boolean")
    return fail(`${String(v).toUpperCase()} is not a date`, `${String(v).toUpperCase()} 不是日期`);
  if (isExcelErrorValue(v)) return excelErrorFailure(v);
  const text = normalizeText(v);
  if (text === "" || isPlaceholder(text)) return ok(undefined);
  const date = readDateText(text, context);
  if (date !== undefined) return ok(date);
  if (SERIAL.test(text) && !COMPACT.test(text)) {
    const serial = fromExcelSerial(Number(text));
    return serial === undefined ? serialFailure(quote(text)) : ok(serial);
  }
  if (XXY.test(text)) {
    return fail(
      `${quote(text)} is ambiguous (month or day first?); write it as 2024-03-05`,
      `${quote(text)} 有歧义（先月还是先日？），请写成 2024-03-05`,
    );
  }
  return fail(
    `${quote(text)} is not a date (write it as 2024-03-05)`,
    `${quote(text)} 不是日期（请写成 2024-03-05）`,
  );
}
