/**
 * Formula injection (CSV injection): a cell whose text starts with = + - @,
 * a tab or a carriage return can be read by a spreadsheet as a formula.
 * Text that crosses into or out of a workbook goes through here.
 */

const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** True when a spreadsheet could read the text as a formula. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0] ?? "");
}

/**
 * Makes text inert for a spreadsheet: a leading apostrophe (Excel's own "this
 * is text" mark) before a formula-like start. Other text is returned as is.
 */
export function neutralize(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** One neutralised cell, for the import report. */
export interface NeutralizedCell {
  /** 1-based line of the source file. */
  line: number;
  column: string;
  original: string;
}
