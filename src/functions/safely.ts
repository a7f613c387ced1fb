import { InputError } from "../rules/input-error";
import { SettingsError } from "../rules/settings";
import { cellError, type CellErrorLike } from "./cell-error";

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

/** "English message / 中文信息", or one of them when both say the same. */
export function bilingual(en: string, zh: string | undefined): string {
  return zh === undefined || zh === en ? en : `${en} / ${zh}`;
}

/**
 * Runs a custom function's body and turns the caller's mistakes into the
 * Excel error Excel shows: InputError and SettingsError become #VALUE!,
 * NotAvailable #N/A, each thrown with its message (the documented way for a
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
  throw e;
}
