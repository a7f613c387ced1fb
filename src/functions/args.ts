import type { CellValue } from "../rules/types";
import { InputError } from "../rules/input-error";
import { isCellError } from "./cell-error";
import { ErrorValueArgument } from "./safely";

/**
 * Coercion of custom-function arguments, at the edge. A range argument arrives
 * as a 2-D array; an omitted optional argument as null or undefined; an error
 * cell (functions.json sets allowErrorForDataTypeAny) as a CustomFunctions.Error
 * with its `code` ("#N/A") and an empty message. In a range it becomes its text
 * ("#N/A"), so the ledger layer reports it against its row and column; as a
 * single value it is answered with the same error (see toScalar).
 */

/** Turns whatever Excel passed into a cell value. */
export function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (isCellError(v)) return v.code;
  return String(v);
}

/** A range argument as a matrix of cell values; a single value becomes a 1x1 range. */
export function toMatrix(v: unknown): CellValue[][] {
  if (!Array.isArray(v)) return [[toCell(v)]];
  return v.map((row: unknown) => (Array.isArray(row) ? row.map(toCell) : [toCell(row)]));
}

/** Whether an optional argument was left out (omitted, or an empty cell/range). */
export function isOmitted(v: unknown): boolean {
  if (v === null || v === undefined || v === "") return true;
  if (Array.isArray(v))
    return v.every((row: unknown) => (Array.isArray(row) ? row.every(isOmitted) : isOmitted(row)));
  return false;
}

/**
 * A scalar argument: the first cell when a range is passed. An error value throws
 * ErrorValueArgument, which the function answers with the same error.
 */
export function toScalar(v: unknown, argument: string): CellValue {
  let x = v;
  while (Array.isArray(x)) x = x[0];
  if (isCellError(x)) throw new ErrorValueArgument(argument, x.code);
  return toCell(x);
}

/** Throws the InputError for a bad argument, with both languages. */
export function badArgument(argument: string, en: string, zh: string): never {
  throw new InputError(argument, `${argument}: ${en}`, `${argument}：${zh}`);
}

/**
 * A range argument as it came, without copying: for the large ranges a
 * function only looks up in (the blacklist), where a copy per call would cost
 * O(range size) on every one of thousands of calls. Cells other than text,
 * numbers and booleans (error values, dates) are read as blank there.
 */
export function asRange(v: unknown): readonly (readonly CellValue[])[] {
  if (Array.isArray(v) && (v.length === 0 || Array.isArray(v[0]))) return v as CellValue[][];
  return toMatrix(v);
}

/** Whether a range argument was left out: omitted, or a single blank cell. O(1), unlike isOmitted. */
export function isLeftOut(v: unknown): boolean {
  if (v === null || v === undefined || v === "") return true;
  if (!Array.isArray(v)) return false;
  if (v.length === 0) return true;
  const first: unknown = v[0];
  if (v.length === 1 && Array.isArray(first) && first.length <= 1) return isOmitted(first[0]);
  return false;
}
