/**
 * What Excel (en-US) makes of a string written to a cell through
 * Range.values when the cell is not formatted as text ("@"): a string that
 * looks like a number becomes a number (leading zeros gone, digits after the
 * 15th turned to zeros), an ISO or M/D/YYYY date becomes a date serial, TRUE/FALSE
 * become booleans. Everything else stays text. The mock host applies it so
 * tests see what Excel would store.
 */
import type { CellValue } from "../../rules/types";

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Excel's serial number of a calendar date (1900 date system), or undefined for no such date. */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  if (year < 1900 || year > 9999) return undefined;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Keeps the first 15 significant digits of a plain decimal, the rest becoming zeros (Excel cuts, it does not round). */
function fifteen(decimal: string): string {
  let seen = 0;
  let started = false;
  return decimal.replace(/\d/g, (d) => {
    if (!started && d === "0") return d;
    started = true;
    return ++seen > 15 ? "0" : d;
  });
}

/** The value Excel stores for `text` typed into a General-formatted cell. */
export function coerceInput(text: string): CellValue {
  const s = text.trim();
  if (s === "") return text;
  const upper = s.toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  if (/\d/.test(s) && NUMBER.test(s)) {
    const percent = s.endsWith("%");
    const [mantissa = "", exponent] = s.replace(/[,%]/g, "").split(/[eE]/);
    const n = Number(exponent === undefined ? fifteen(mantissa) : `${fifteen(mantissa)}e${exponent}`);
    if (Number.isFinite(n)) return percent ? n / 100 : n;
  }
  const iso = ISO_DATE.exec(s);
  const us = iso ? undefined : US_DATE.exec(s);
  const serial = iso
    ? dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : us
      ? dateSerial(Number(us[3]), Number(us[1]), Number(us[2]))
      : undefined;
  return serial ?? text;
}
