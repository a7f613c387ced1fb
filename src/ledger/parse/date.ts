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
 * Which comes first in a date written with numbers only and the year last
 * ("03/04/2025", "1/9/25", "9.1.2025"): the day ("dmy") or the month ("mdy").
 * A ledger's column decides it from its own dates (see src/ledger/dates.ts);
 * "conflict" when that column has dates that can only be read one way and
 * others that can only be read the other.
 */
export type DayOrder = "dmy" | "mdy";

/** What a date is read against: the as-of day for a date without a year, the column's day order. */
export interface DateContext {
  /** The day the ledger is read as of (today when left out). */
  asOf?: Date | undefined;
  /** Day or month first in the cell's column; left out, a date that reads both ways is refused. */
  order?: DayOrder | "conflict" | undefined;
  /**
   * The column holds days still to come (a promised delivery date): a date
   * without a year takes the year that puts it nearest the as-of day, instead
   * of never after it.
   */
  ahead?: boolean | undefined;
}

/** Year first: 2025-05-20, 2025/5/20, 2025.5.20, 2025年5月20日, 2025年5月20号, 25年5月20日. */
const YMD = /^(\d{4}|\d{2}(?=\s*年))\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?$/;
/** Year last: 03/04/2025, 1/9/25, 9.1.2025, 20-05-2025 (one separator throughout). */
const XXY = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
/** No year: 5/20, 20/5, 5.20. */
const XX = /^(\d{1,2})\s*[/.]\s*(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A month and day with no year: "3月5日", "3月5号", "3月5". */
const MONTH_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
/** A time after the date: " 14:30", "T14:30:05", " 2:30 PM", " 14:30:05.123+08:00". */
const TIME =
  /(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|[+-]\d{2}:?\d{2})?$/i;
/** 日 or 号 with the time straight after it. */
const TIME_AFTER_DAY = /([日号])(?=\d{1,2}:)/;
/** Day, month name, year: "20 Jan 2025", "20-Jan-25", "20th January, 2025", "20 Jan". */
const D_MON_Y = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]*([a-z]{3,9})\.?(?:[\s\-/.,]+(\d{4}|\d{2}))?$/;
/** Month name, day, year: "Jan 20, 2025", "January 20 2025", "Jan-20-25", "Jan 20". */
const MON_D_Y = /^([a-z]{3,9})\.?[\s\-/.,]*(\d{1,2})(?:st|nd|rd|th)?(?:[\s\-/.,]+(\d{4}|\d{2}))?$/;
/** Year, month name, day: "2025-Jan-20", "2025 Jan 20". */
const Y_MON_D = /^(\d{4})[\s\-/.,]*([a-z]{3,9})\.?[\s\-/.,]*(\d{1,2})$/;
/** A weekday before the date: "Mon, 20 Jan 2025", "Monday January 20, 2025". */
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+/;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Excel serials read from text only between these (1990-01-01 and 2099-12-31): "45678" is a date, "123" is not. */
const TEXT_SERIAL_MIN = 32_874;
const TEXT_SERIAL_MAX = 73_050;
const TEXT_SERIAL = /^\d{5}(?:\.\d+)?$/;

const DAY_MS = 86_400_000;

/** Days either way of the as-of day that a yearless promised date is read within. */
const HALF_YEAR_DAYS = 183;

/**
 * A two-digit year is in 2000-2099: a ledger of 1688 orders (1688.com opened
 * in 1999) holds no earlier date, and none this century reads as 19xx.
 */
function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/**
 * A date written without its year ("3月5日", "5/20", "Jan 20"): the year of
 * the as-of day, or the year before when that would put it after the as-of
 * day (a ledger records what has happened: read on 10 January 2027,
 * "12月28日" is 28 December 2026). A column of days to come (`ahead`) takes
 * the year that puts it nearest the as-of day.
 */
function yearless(month: number, day: number, context: DateContext | undefined): Date | undefined {
  const asOf = context?.asOf ?? new Date();
  const year = asOf.getUTCFullYear();
  const date = utc(year, month, day);
  if (context?.ahead === true) {
    const gap = date === undefined ? 0 : (date.getTime() - asOf.getTime()) / DAY_MS;
    if (gap > HALF_YEAR_DAYS) return utc(year - 1, month, day);
    if (gap < -HALF_YEAR_DAYS) return utc(year + 1, month, day);
    return date ?? utc(year - 1, month, day);
  }
  if (date !== undefined && date.getTime() <= asOf.getTime()) return date;
  // 29 February of a year that has none: the last leap year before the as-of day.
  return utc(year - 1, month, day) ?? (month === 2 && day === 29 ? lastLeapDay(year) : undefined);
}

function lastLeapDay(year: number): Date | undefined {
  for (let y = year - 2; y > year - 9; y--) {
    const d = utc(y, 2, 29);
    if (d !== undefined) return d;
  }
  return undefined;
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

/** A time of day after a date, in milliseconds, and the zone offset in minutes. */
interface TimeOfDay {
  ms: number;
  zoneMinutes: number | undefined;
}

/** Splits "2025/5/20 14:30" into the date and its time; the time is undefined when there is none, null when it is not a time. */
function splitTime(text: string): [string, TimeOfDay | undefined | null] {
  if (!text.includes(":")) return [text, undefined];
  // "2025年5月20日14:30": the time straight after 日 or 号.
  const source = TIME_AFTER_DAY.test(text) ? text.replace(TIME_AFTER_DAY, "$1 ") : text;
  const m = TIME.exec(source);
  if (!m) return [text, null];
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = Number(m[3] ?? 0);
  const half = m[5]?.toLowerCase().replace(/\./g, "");
  if (half !== undefined) {
    if (h < 1 || h > 12) return [text, null];
    h = (h % 12) + (half === "pm" ? 12 : 0);
  }
  if (h > 23 || mi > 59 || sec > 59) return [text, null];
  const ms = ((h * 60 + mi) * 60 + sec) * 1000 + Number((m[4] ?? "0").padEnd(3, "0"));
  let zoneMinutes: number | undefined;
  const zone = m[6]?.toUpperCase();
  if (zone !== undefined && zone !== "Z") {
    const z = zone.replace(":", "");
    zoneMinutes = (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * (z[0] === "-" ? -1 : 1);
  } else if (zone === "Z") zoneMinutes = 0;
  return [source.slice(0, m.index).trim(), { ms, zoneMinutes }];
}

/** A date written with numbers that reads two ways (month or day first). */
interface Ambiguous {
  first: number;
  second: number;
  /** Undefined for a date without a year. */
  year: number | undefined;
}

type TextRead = Date | Ambiguous | undefined;

/** Day `a`, month `b` or the other way round, as the column's order says; Ambiguous when only that could tell. */
function dayMonth(
  a: number,
  b: number,
  year: number | undefined,
  context: DateContext | undefined,
): TextRead {
  const make = (month: number, day: number): Date | undefined =>
    year === undefined ? yearless(month, day, context) : utc(year, month, day);
  if (a > 12 && b > 12) return undefined;
  if (a > 12) return make(b, a);
  if (b > 12 || a === b) return make(a, b);
  const order = context?.order;
  if (order === "dmy") return make(b, a);
  if (order === "mdy") return make(a, b);
  return { first: a, second: b, year };
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name];
}

/** The date part of a cell (its time taken off): every form but the time. */
function readDayText(text: string, context: DateContext | undefined): TextRead {
  const first = text.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    const ymd = YMD.exec(text);
    if (ymd) return utc(fullYear(ymd[1] as string), Number(ymd[2]), Number(ymd[3]));
    const c = COMPACT.exec(text);
    if (c) return utc(Number(c[1]), Number(c[2]), Number(c[3]));
    const x = XXY.exec(text);
    if (x) return dayMonth(Number(x[1]), Number(x[3]), fullYear(x[4] as string), context);
    const md = text.includes("月") ? MONTH_DAY.exec(text) : null;
    if (md) return yearless(Number(md[1]), Number(md[2]), context);
    const xx = XX.exec(text);
    if (xx) return dayMonth(Number(xx[1]), Number(xx[2]), undefined, context);
  }
  const lower = text.toLowerCase().replace(WEEKDAY, "");
  const dmy = D_MON_Y.exec(lower);
  const mdy = dmy ? null : MON_D_Y.exec(lower);
  const named = dmy ? [dmy[2], dmy[1], dmy[3]] : mdy ? [mdy[1], mdy[2], mdy[3]] : undefined;
  if (named !== undefined) {
    const month = monthNumber(named[0] as string);
    if (month === undefined) return undefined;
    const day = Number(named[1]);
    return named[2] === undefined ? yearless(month, day, context) : utc(fullYear(named[2]), month, day);
  }
  const ymon = Y_MON_D.exec(lower);
  if (ymon) {
    const month = monthNumber(ymon[2] as string);
    return month === undefined ? undefined : utc(Number(ymon[1]), month, Number(ymon[3]));
  }
  return undefined;
}

function readDateText(text: string, context: DateContext | undefined): TextRead {
  const fast = readIsoFast(text);
  if (fast !== undefined) return fast;
  const [day, time] = splitTime(text);
  if (time === null) return undefined;
  const read = readDayText(day, context);
  if (!(read instanceof Date) || time === undefined) return read;
  const at = read.getTime() + time.ms;
  return new Date(time.zoneMinutes === undefined ? at : at - time.zoneMinutes * 60_000);
}

/**
 * The day order a cell shows when it can be read only one way: "13/04/2025"
 * is day first, "04/13/2025" month first; undefined for every other cell
 * ("03/04/2025", "2025-04-03", "Jan 20, 2025", a number).
 */
export function dayOrderOf(v: CellValue): DayOrder | undefined {
  if (typeof v !== "string") return undefined;
  // Most date cells are ISO days or timestamps: four digits first, so year first.
  if (v.length >= 8 && isDigit(v, 0) && isDigit(v, 1) && isDigit(v, 2) && isDigit(v, 3)) return undefined;
  const text = normalizeText(v);
  const first = text.charCodeAt(0);
  if (first < 0x30 || first > 0x39) return undefined;
  const [day] = splitTime(text);
  const x = XXY.exec(day);
  const m = x ?? XX.exec(day);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(x ? x[3] : m[2]);
  if (a > 12 && a <= 31 && b >= 1 && b <= 12) return "dmy";
  if (b > 12 && b <= 31 && a >= 1 && a <= 12) return "mdy";
  return undefined;
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/** Whether text (normalised) is written as a date of numbers with the year last or none: "3/4/2025", "5/20", "9.1.25". */
export function hasDateShape(text: string): boolean {
  const [day] = splitTime(text);
  return XXY.test(day) || XX.test(day);
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function ambiguousFailure(text: string, a: Ambiguous, order: DateContext["order"]): Parsed<Date> {
  const y = a.year === undefined ? "" : ` ${a.year}`;
  const yZh = a.year === undefined ? "" : `${a.year}年`;
  const one = `${a.first} ${MONTH_NAMES[a.second - 1] ?? ""}${y}`;
  const other = `${a.second} ${MONTH_NAMES[a.first - 1] ?? ""}${y}`;
  const oneZh = `${yZh}${a.second}月${a.first}日`;
  const otherZh = `${yZh}${a.first}月${a.second}日`;
  const iso = (month: number, day: number): string =>
    `${a.year ?? "YYYY"}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const both = `${iso(a.second, a.first)} or ${iso(a.first, a.second)}`;
  const bothZh = `${iso(a.second, a.first)} 或 ${iso(a.first, a.second)}`;
  const why =
    order === "conflict"
      ? "its column has dates written day first and others month first"
      : "nothing in its column says which comes first (no date there with a day above 12)";
  const whyZh =
    order === "conflict" ? "本列的日期有的先写日、有的先写月" : "本列没有能判断日月先后的日期（日大于 12）";
  return fail(
    `${quote(text)} is ambiguous: ${one} or ${other}? ${why}; write it as ${both}`,
    `${quote(text)} 有歧义：${oneZh}还是${otherZh}？${whyZh}；请写成 ${bothZh}`,
  );
}

/**
 * Reads a date as a UTC `Date`, as clerks write them:
 * - Date cells, Excel serial numbers (1900 system, including its phantom
 *   1900-02-29), and serials typed as text between 1990 and 2099 ("45678");
 * - year first: "2025-05-20", "2025/5/20", "2025.5.20", "20250520" (text or
 *   number), "2025年5月20日", "2025年5月20号", "25年5月20日";
 * - year last: "20/05/2025", "5/20/2025", "9.1.2025", "1/9/25" (a two-digit
 *   year is 20xx): read day first or month first as `context.order` says,
 *   unless one part is above 12 (then it reads one way only); a date that
 *   reads two ways with no order given is refused as ambiguous;
 * - month names: "Jan 20, 2025", "20 Jan 2025", "January 20 2025",
 *   "20-Jan-25", "Mon, 20 Jan 2025";
 * - no year: "5月6日", "5/6", "Jan 20" take the year of `context.asOf`
 *   (today when left out), or the year before when that would put them after
 *   it (the nearest year for a column of days to come, `context.ahead`);
 * - a time after any of them: "2025/5/20 14:30", "2025-05-20T14:30",
 *   "5/20/2025 2:30 PM", with an optional zone (Z, +08:00).
 * A time without a zone is taken as written (wall-clock time stored as UTC):
 * the 1688 export writes Beijing time and the ledger compares dates, not
 * instants. Full-width digits are read as digits.
 */
export function parseDate(v: CellValue, context?: DateContext): Parsed<Date> {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? fail("an invalid date", "无效日期") : ok(v);
  if (typeof v === "number") {
    // 20250520 typed into a General cell is a number, not serial 20 million.
    if (Number.isInteger(v) && v >= 19_000_101 && v <= 20_991_231) {
      const date = utc(Math.floor(v / 10_000), Math.floor(v / 100) % 100, v % 100);
      if (date !== undefined) return ok(date);
    }
    const date = fromExcelSerial(v);
    return date === undefined ? serialFailure(String(v)) : ok(date);
  }
  if (v === null || v === undefined) return ok(undefined);
  if (typeof v === "boolean")
    return fail(`${String(v).toUpperCase()} is not a date`, `${String(v).toUpperCase()} 不是日期`);
  if (isExcelErrorValue(v)) return excelErrorFailure(v);
  const text = normalizeText(v);
  if (text === "" || isPlaceholder(text)) return ok(undefined);
  const read = readDateText(text, context);
  if (read instanceof Date) return ok(read);
  if (read !== undefined) return ambiguousFailure(text, read, context?.order);
  if (TEXT_SERIAL.test(text)) {
    const serial = Number(text);
    if (serial >= TEXT_SERIAL_MIN && serial < TEXT_SERIAL_MAX + 1) return ok(fromExcelSerial(serial));
  }
  return fail(
    `${quote(text)} is not a date (write it as 2025-05-20)`,
    `${quote(text)} 不是日期（请写成 2025-05-20）`,
  );
}
