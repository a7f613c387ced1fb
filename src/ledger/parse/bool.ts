import type { CellValue } from "../../rules/types";
import { fail, ok, quote, type Parsed } from "./parsed";
import { excelErrorFailure, isExcelErrorValue, isPlaceholder, normalizeText } from "./text";

const YES = [
  "是",
  "有",
  "已",
  "对",
  "要",
  "需要",
  "y",
  "yes",
  "true",
  "t",
  "ok",
  "1",
  "done",
  "✓",
  "✔",
  "√",
  "☑",
  "✅",
  "☒",
  "已完成",
  "完成",
  "已签",
  "已签署",
  "已签订",
  "已提供",
  "已收到",
  "已做",
  "已验",
  "已验货",
  "已开",
  "已开票",
  "signed",
  "received",
  "provided",
  "completed",
  "passed",
  "checked",
  "available",
  "included",
];
const NO = [
  "否",
  "无",
  "没有",
  "没",
  "未",
  "不",
  "不是",
  "不要",
  "不需要",
  "n",
  "no",
  "false",
  "f",
  "0",
  "none",
  "nope",
  "✗",
  "✘",
  "×",
  "☐",
  "❌",
  "未完成",
  "未签",
  "未签署",
  "未提供",
  "未收到",
  "未做",
  "未验",
  "待定",
  "pending",
  "missing",
  "not yet",
  "not done",
  "unsigned",
  "n/a",
];

const WORDS: ReadonlyMap<string, boolean> = new Map([
  ...YES.map((w): [string, boolean] => [w, true]),
  ...NO.map((w): [string, boolean] => [w, false]),
]);

/** Chinese prefixes that settle a phrase: 已签合同 (done), 未提供 / 没有 / 无发票 / 待签 (not). */
function byPrefix(text: string): boolean | undefined {
  const c = text.charAt(0);
  if (c === "已") return true;
  if (c === "未" || c === "没" || c === "无" || c === "待" || c === "否" || c === "不") return false;
  const lower = text.toLowerCase();
  if (lower.startsWith("yes") && !/^yes[a-z]/.test(lower)) return true;
  if (/^(?:no|not|none)\b/.test(lower)) return false;
  return undefined;
}

/** Reads the yes/no words of both languages and the check marks people use. */
export function readYesNoText(text: string): boolean | undefined {
  const exact = WORDS.get(text) ?? WORDS.get(text.toLowerCase());
  return exact ?? byPrefix(text);
}

/**
 * Reads yes or no: 是/否, 有/无/没有, 已/未, Y/N, yes/no, TRUE/FALSE (and
 * boolean cells), ✓/✗, √/×, 1/0, done/none, 已完成/未完成, 已签/未签, and phrases
 * that start with 已 (done) or 未/没/无/待 (not). Other text is an error.
 */
export function parseYesNo(v: CellValue): Parsed<boolean> {
  if (typeof v === "boolean") return ok(v);
  if (v === null || v === undefined) return ok(undefined);
  if (typeof v === "number") {
    if (v === 1) return ok(true);
    if (v === 0) return ok(false);
    return fail(`${v} is not yes or no (use 1 or 0)`, `${v} 不是“是/否”（请用 1 或 0）`);
  }
  if (v instanceof Date) return fail("a date is not yes or no", "日期不是“是/否”");
  if (isExcelErrorValue(v)) return excelErrorFailure(v);
  const text = normalizeText(v);
  if (text === "") return ok(undefined);
  const value = readYesNoText(text);
  if (value !== undefined) return ok(value);
  if (isPlaceholder(text)) return ok(undefined);
  return fail(`${quote(text)} is not yes or no`, `${quote(text)} 不是“是/否”`);
}
