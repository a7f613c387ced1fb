/**
 * Excel error values with a message. Only #VALUE! and #N/A carry a message in
 * Excel; inside Excel these are `CustomFunctions.Error` objects, elsewhere
 * (tests, the preview's mock host) a plain stand-in with the same fields.
 */

export type ErrorKind = "value" | "na";

export interface CellErrorLike {
  code: string;
  message?: string;
}

/** Stand-in used where the custom functions runtime is absent. */
export class CellError implements CellErrorLike {
  constructor(
    readonly code: "#VALUE!" | "#N/A",
    readonly message: string,
  ) {}
}

interface RuntimeErrors {
  Error: new (code: string, message?: string) => CellErrorLike;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

function runtime(): RuntimeErrors | undefined {
  const cf = (globalThis as { CustomFunctions?: Partial<RuntimeErrors> }).CustomFunctions;
  return cf && typeof cf.Error === "function" && cf.ErrorCode ? (cf as RuntimeErrors) : undefined;
}

/** Excel keeps custom messages short: the formula's error tooltip. */
const MAX_MESSAGE = 250;

/** #VALUE! (bad input) or #N/A (nothing to report) with a message. */
export function cellError(kind: ErrorKind, message: string): CellErrorLike {
  const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  const cf = runtime();
  if (cf) return new cf.Error(kind === "value" ? cf.ErrorCode.invalidValue : cf.ErrorCode.notAvailable, text);
  return new CellError(kind === "value" ? "#VALUE!" : "#N/A", text);
}

/** Whether a value handed to a function is an Excel error (object or text such as "#N/A"). */
export function isCellError(v: unknown): v is CellErrorLike {
  if (v instanceof CellError) return true;
  if (v === null || typeof v !== "object") return false;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}
