/**
 * The result of reading one cell: a value (or `undefined` for an empty cell),
 * or a message saying why the cell could not be read. Parsers never throw.
 */
export type Parsed<T> =
  { ok: true; value: T | undefined } | { ok: false; message: string; messageZh?: string };

/** The failed branch of `Parsed`, for code that only passes failures on. */
export type ParseFailure = Extract<Parsed<unknown>, { ok: false }>;

const EMPTY = Object.freeze({ ok: true, value: undefined }) as { ok: true; value: undefined };

export function ok<T>(value: T | undefined): Parsed<T> {
  return value === undefined ? EMPTY : { ok: true, value };
}

export function fail(message: string, messageZh?: string): ParseFailure {
  return messageZh === undefined ? { ok: false, message } : { ok: false, message, messageZh };
}

/** Quotes a cell for a message, shortened so one bad cell cannot flood a report. */
export function quote(text: string): string {
  const t = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `"${t}"`;
}
