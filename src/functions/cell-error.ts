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
    readonly code: string,
    readonly message: string,
  ) {}
}

interface RuntimeErrors {
  Error: new (code: string, message?: string) => CellErrorLike;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

/** The error codes a custom function may return without a message (CustomFunctionsRuntime 1.3). */
const CODES_WITHOUT_MESSAGE: ReadonlySet<string> = new Set(["#DIV/0!", "#NUM!", "#NULL!"]);

function runtime(): RuntimeErrors | undefined {
  // The global by name: ES2016 runtimes have no globalThis.
  const cf: Partial<RuntimeErrors> | undefined =
    typeof CustomFunctions === "undefined"
      ? undefined
      : (CustomFunctions as unknown as Partial<RuntimeErrors>);
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

/**
 * The error to answer for an error value a function received: the same error, as Excel's
 * own functions do. #VALUE! and #N/A carry the message; #DIV/0!, #NUM! and #NULL! cannot
 * carry one; the codes a custom function may not return (#REF!, #NAME?, #SPILL!...)
 * become #VALUE! with the message, which names the code.
 */
export function passOnError(code: string, message: string): CellErrorLike {
  if (code === "#N/A") return cellError("na", message);
  if (!CODES_WITHOUT_MESSAGE.has(code)) return cellError("value", message);
  const cf = runtime();
  return cf ? new cf.Error(code) : new CellError(code, "");
}

/** Whether a value handed to a function is an Excel error (object or text such as "#N/A"). */
export function isCellError(v: unknown): v is CellErrorLike {
  if (v instanceof CellError) return true;
  if (v === null || typeof v !== "object") return false;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}
