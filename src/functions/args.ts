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
 *
 * A linked data type (functions.json has allowCustomDataForDataTypeAny, the metadata
 * generator's default) arrives as its JSON object (Excel's CellValue types): a formatted
 * number `{ type: "FormattedNumber" | "Double", basicValue: 48000, numberFormat }`, text
 * or a boolean with their `basicValue`, an entity or linked entity (a company, a stock)
 * `{ type: "Entity", text: "义乌市宏达贸易有限公司", properties, basicValue: "#VALUE!" }`. It
 * is read as the value the cell shows: the basic value, an entity's `text`. One whose
 * basic value is an error (an image, an entity without text, an Error value) is that error.
 */

/** An error value, by its code ("#N/A"), as read from a CustomFunctions.Error or a data type. */
interface ErrorCode {
  readonly errorCode: string;
}

function isErrorCode(v: CellValue | ErrorCode): v is ErrorCode {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

/** Error codes are short: "#GETTING_DATA" is the longest Excel has. */
function errorCodeText(v: unknown): string {
  return typeof v === "string" && v.startsWith("#") && v.length <= 20 ? v : "#VALUE!";
}

const ENTITY_TYPES: ReadonlySet<string> = new Set(["Entity", "LinkedEntity"]);

/** The value of one argument or cell: a plain value, or the error it stands for. */
function readValue(v: unknown): CellValue | ErrorCode {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (isCellError(v)) return { errorCode: errorCodeText(v.code) };
  if (typeof v !== "object") return { errorCode: "#VALUE!" };
  const data = v as {
    type?: unknown;
    text?: unknown;
    basicValue?: unknown;
    basicType?: unknown;
    elements?: unknown;
  };
  if (data.type === "Empty") return null;
  if (typeof data.type === "string" && ENTITY_TYPES.has(data.type) && typeof data.text === "string")
    return data.text;
  if (data.type === "Array" && Array.isArray(data.elements)) {
    const first: unknown = data.elements[0];
    return readValue(Array.isArray(first) ? first[0] : first);
  }
  const basic = data.basicValue;
  if (data.type === "Error" || data.basicType === "Error") return { errorCode: errorCodeText(basic) };
  if (typeof basic === "string" || typeof basic === "number" || typeof basic === "boolean") return basic;
  return { errorCode: "#VALUE!" };
}

/** The code of an error value (a CustomFunctions.Error or a data type whose value is an error), else undefined. */
export function errorCodeOf(v: unknown): string | undefined {
  if (v === null || typeof v !== "object" || v instanceof Date) return undefined;
  const read = readValue(v);
  return isErrorCode(read) ? read.errorCode : undefined;
}

/** Turns whatever Excel passed into a cell value; an error value becomes its code ("#N/A"). */
export function toCell(v: unknown): CellValue {
  const read = readValue(v);
  return isErrorCode(read) ? read.errorCode : read;
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
  if (typeof v === "object" && !(v instanceof Date)) {
    const read = readValue(v);
    return read === null || read === "";
  }
  return false;
}

/**
 * A scalar argument: the first cell when a range is passed. An error value throws
 * ErrorValueArgument, which the function answers with the same error.
 */
export function toScalar(v: unknown, argument: string): CellValue {
  let x = v;
  while (Array.isArray(x)) x = x[0];
  const read = readValue(x);
  if (isErrorCode(read)) throw new ErrorValueArgument(argument, read.errorCode);
  return read;
}

/** Throws the InputError for a bad argument, with both languages. */
export function badArgument(argument: string, en: string, zh: string): never {
  throw new InputError(argument, `${argument}: ${en}`, `${argument}：${zh}`);
}

/**
 * A range argument as it came, without copying: for the large ranges a
 * function only looks up in (the blacklist), where a copy per call would cost
 * O(range size) on every one of thousands of calls. Cells other than text,
 * numbers and booleans (error values, dates) are read as blank there. A range
 * that holds data types (a linked company entity) is copied with their values read.
 */
export function asRange(v: unknown): readonly (readonly CellValue[])[] {
  if (Array.isArray(v) && (v.length === 0 || Array.isArray(v[0]))) {
    return holdsDataTypes(v as unknown[][]) ? toMatrix(v) : (v as CellValue[][]);
  }
  return toMatrix(v);
}

/** Whether a range holds a data type object (an error value does not count: it reads as blank either way). */
function holdsDataTypes(rows: readonly unknown[][]): boolean {
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    for (const cell of row) {
      if (typeof cell === "object" && cell !== null && !(cell instanceof Date) && !isCellError(cell))
        return true;
    }
  }
  return false;
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
