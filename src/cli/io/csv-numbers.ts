import { FIELD_BY_ID } from "../../ledger/fields";
import type { HeaderMap } from "../../ledger/header";

/**
 * Which csv cells the audited xlsx writes as numbers. Every csv cell is text;
 * written as text, a column of amounts cannot be summed or sorted in Excel.
 * A cell becomes a number only when it is written as a plain number (digits,
 * an optional minus and decimal point: "6688", "12.50", "-3") and its column
 * holds numbers:
 *
 * - `number`: money, counts, shares and years columns (金额, 数量, 预付比例,
 *   诚信通年限): plain numbers up to 15 digits (what a double holds exactly);
 * - `text`: identifier, text and every other mapped column (订单编号, 运单号,
 *   统一社会信用代码, phone numbers, dates, yes/no): always text, so a tracking
 *   number or an order id is never rounded or shown as 3.46E+18;
 * - `auto`: columns the ledger reader does not know: plain numbers of at most 7
 *   integer digits (quantities, prices), never longer ones (ids, phone numbers).
 *
 * A leading zero ("0571", "007") keeps a cell text in every column: it is a
 * code, not a quantity. Decimals keep their look ("12.50" is shown 12.50).
 */

export type ColumnClass = "number" | "text" | "auto";

const NUMERIC_KINDS: ReadonlySet<string> = new Set(["money", "number", "share", "years"]);
/** Digits a double holds exactly. */
const MAX_DIGITS = 15;
/** Integer digits an unknown column's number may have (above: an id or a phone number). */
const MAX_AUTO_INTEGER_DIGITS = 7;
/** Integer digits Excel's General format shows in full. */
const GENERAL_DIGITS = 11;

/** The class of each column (0-based), from the header map; columns it does not name are `auto`. */
export function columnClasses(header: HeaderMap): (index: number) => ColumnClass {
  const classes = new Map<number, ColumnClass>();
  for (const c of header.columns) {
    if (c.field === undefined) continue;
    classes.set(c.index, NUMERIC_KINDS.has(FIELD_BY_ID[c.field].kind) ? "number" : "text");
  }
  return (index) => classes.get(index) ?? "auto";
}

export interface CsvNumber {
  value: number;
  /** A number format that shows the number as it was written, when General would not. */
  numFmt?: string;
}

/** A plain number: optional minus, digits, optional point and digits. */
function plainParts(text: string): { int: string; frac: string } | undefined {
  let i = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const start = i;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  const int = text.slice(start, i);
  if (int === "") return undefined;
  if (i === text.length) return { int, frac: "" };
  if (text.charCodeAt(i) !== 0x2e) return undefined;
  const fracStart = ++i;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  if (i !== text.length || i === fracStart) return undefined;
  return { int, frac: text.slice(fracStart) };
}

/** The number a csv cell holds, when it is to be written as one (see above); undefined to keep it text. */
export function csvNumber(text: string, cls: ColumnClass): CsvNumber | undefined {
  if (cls === "text" || text.length === 0 || text.length > MAX_DIGITS + 2) return undefined;
  const parts = plainParts(text);
  if (parts === undefined) return undefined;
  const { int, frac } = parts;
  if (int.length > 1 && int.charCodeAt(0) === 0x30) return undefined;
  if (int.length + frac.length > MAX_DIGITS) return undefined;
  if (cls === "auto" && int.length > MAX_AUTO_INTEGER_DIGITS) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  if (frac.length > 0) return { value, numFmt: `0.${"0".repeat(frac.length)}` };
  return int.length > GENERAL_DIGITS ? { value, numFmt: "0" } : { value };
}
