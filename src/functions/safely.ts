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
 * Runs a custom function's body and maps the caller's mistakes to Excel
 * errors: InputError and SettingsError to #VALUE!, NotAvailable to #N/A.
 * Anything else is a bug and is rethrown, never swallowed.
 */
export function safely<T>(body: () => T): T | CellErrorLike {
  try {
    return body();
  } catch (e) {
    return toCellError(e);
  }
}

/** The Excel error for a caller's mistake; rethrows anything else. */
export function toCellError(e: unknown): CellErrorLike {
  if (e instanceof InputError) return cellError("value", bilingual(e.message, e.messageZh));
  if (e instanceof SettingsError) return cellError("value", e.message);
  if (e instanceof NotAvailable) return cellError("na", bilingual(e.message, e.messageZh));
  throw e;
}
