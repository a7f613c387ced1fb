/**
 * Formula injection (CSV injection): a cell whose text starts with = + - @,
 * a tab or a carriage return can be read by a spreadsheet as a formula. So can
 * one whose sign follows spaces, a byte-order mark, an ideographic space (U+3000)
 * or a line break (" =cmd|' /C calc'!A0"), since the text is trimmed on its way
 * into a cell, and the full-width signs ＝ ＋ － ＠ that an IME types.
 * Text that crosses into or out of a workbook goes through here.
 */

const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]);

/** What trimming takes off the start of a cell: white space (incl. U+3000, U+00A0), byte-order marks, zero-width spaces. */
const LEADING_INVISIBLE = /^[\s\uFEFF\u200B\u2060]+/;

/** True when a spreadsheet could read the text as a formula, now or once it is trimmed. */
export function isFormulaLike(text: string): boolean {
  if (text.length === 0) return false;
  if (TRIGGERS.has(text.charAt(0))) return true;
  const trimmed = text.replace(LEADING_INVISIBLE, "");
  return trimmed !== text && TRIGGERS.has(trimmed.charAt(0));
}

/**
 * Makes text inert for a spreadsheet: a leading apostrophe (Excel's own "this
 * is text" mark) before a formula-like start; when the sign follows invisible
 * characters, they are taken off (so no later trim can bring the sign back to the
 * front unguarded). Other text is returned as is.
 */
export function neutralize(text: string): string {
  if (!isFormulaLike(text)) return text;
  return TRIGGERS.has(text.charAt(0)) ? `'${text}` : `'${text.replace(LEADING_INVISIBLE, "")}`;
}

/** One neutralised cell, for the import report. */
export interface NeutralizedCell {
  /** 1-based line of the source file. */
  line: number;
  column: string;
  original: string;
}
