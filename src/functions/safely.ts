import { InputError } from "../rules/input-error";
import { SettingsError } from "../rules/settings";
import { cellError, passOnError, type CellErrorLike } from "./cell-error";

/** A lookup that found nothing to report: shown as #N/A with its message. */
export class NotAvailable extends Error {
  constructor(
    message: string,
    readonly messageZh: string = message,
  ) {
    super(message);
    this.name = "NotAvailable";
  }
}

/**
 * An argument that is an Excel error value (#N/A from a lookup, #REF!...). Such values
 * reach the functions because functions.json sets allowErrorForDataTypeAny; the function
 * answers with the same error, naming the argument.
 */
export class ErrorValueArgument extends Error {
  constructor(
    readonly argument: string,
    readonly code: string,
  ) {
    super(`${argument}: the cell holds the Excel error ${code}`);
    this.name = "ErrorValueArgument";
  }

  get messageZh(): string {
    return `${this.argument}：单元格是 Excel 错误值 ${this.code}`;
  }
}

/** "English message / 中文信息", or one of them when both say the same. */
export function bilingual(en: string, zh: string | undefined): string {
  return zh === undefined || zh === en ? en : `${en} / ${zh}`;
}

/**
 * Runs a custom function's body and turns the caller's mistakes into the
 * Excel error Excel shows: InputError and SettingsError become #VALUE!,
 * NotAvailable #N/A, an error value given as an argument the same error, each thrown with its message (the documented way for a
 * custom function to answer an error). Anything else is a bug and is
 * rethrown as it is, never swallowed.
 */
export function orError<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toCellError(e);
  }
}

/** The Excel error for a caller's mistake; rethrows anything else. */
export function toCellError(e: unknown): CellErrorLike {
  if (e instanceof InputError) return cellError("value", bilingual(e.message, e.messageZh));
  if (e instanceof SettingsError) return cellError("value", e.message);
  if (e instanceof NotAvailable) return cellError("na", bilingual(e.message, e.messageZh));
  if (e instanceof ErrorValueArgument) return passOnError(e.code, bilingual(e.message, e.messageZh));
  throw e;
}
