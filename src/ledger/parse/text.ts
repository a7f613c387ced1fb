import type { CellValue } from "../../rules/types";
import { fail, type ParseFailure } from "./parsed";

/**
 * True when a character can change under NFKC or is whitespace to collapse.
 * ASCII letters and digits, CJK ideographs and the common CJK punctuation are
 * stable, so most cells skip the (comparatively slow) normalisation.
 */
function needsWork(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) <= 0x20 || s.charCodeAt(n - 1) <= 0x20) return true;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c <= 0x20) {
        if (c !== 0x20 || prevSpace) return true;
        prevSpace = true;
      } else {
        prevSpace = false;
      }
      continue;
    }
    prevSpace = false;
    if (c >= 0x4e00 && c <= 0x9fff) continue; // CJK unified ideographs
    if (c >= 0x3001 && c <= 0x3037) continue; // 、。〈〉《》「」【】〔〕 ...
    return true;
  }
  return false;
}

const SPACES = /\s+/g;

/**
 * Full-width digits, letters, brackets and punctuation become their ASCII
 * forms (NFKC: "１２３" → "123", "（元）" → "(元)", "￥" → "¥"), ends are trimmed
 * and runs of whitespace (including the ideographic space) become one space.
 */
export function normalizeText(s: string): string {
  if (!needsWork(s)) return s;
  return s.normalize("NFKC").replace(SPACES, " ").trim();
}

/** Every error value Excel shows in a cell. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

/** True for an Excel error value ("#N/A", "#VALUE!", "#REF!"...) handed over as text. */
export function isExcelErrorValue(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const first = v.charCodeAt(0);
  if (first !== 0x23 /* # */ && first > 0x20) return false;
  const t = v.trim();
  if (t.charCodeAt(0) !== 0x23 || t.length > 14) return false;
  return EXCEL_ERRORS.has(t.toUpperCase());
}

/** The failure every parser returns for an Excel error value. */
export function excelErrorFailure(v: string): ParseFailure {
  const t = v.trim();
  return fail(`the cell holds the Excel error ${t}`, `单元格是 Excel 错误值 ${t}`);
}

/** True for null, undefined and text that is only whitespace. */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 0x20 && c !== 0x3000 && c !== 0xa0 && c !== 0xfeff) return false;
  }
  return true;
}

const PLACEHOLDERS: ReadonlySet<string> = new Set([
  "-",
  "--",
  "---",
  "—",
  "——",
  "–",
  "/",
  "n/a",
  "na",
  "null",
  "nil",
  "tbd",
  "?",
]);

/** True for the marks people type for "nothing here" ("-", "—", "/", "N/A", "TBD"). */
export function isPlaceholder(normalized: string): boolean {
  return normalized.length <= 4 && PLACEHOLDERS.has(normalized.toLowerCase());
}
