import { findHeaderRow, mapHeaders, type HeaderMap, type HeaderOverrides } from "../../ledger/header";
import { isBlank } from "../../ledger/parse/text";
import type { CellValue } from "../../rules/types";
import type { DelimitedRow } from "./csv";

/**
 * A ledger that arrives as a stream of rows (a csv read in chunks), cut into
 * the pieces `readOrders` and `scoreOrders` take, as scoreLedger cuts a
 * ledger held whole: the header row is looked for in the first
 * `HEADER_SCAN_ROWS` rows, and the rows below it come in chunks of about
 * `chunkRows`, each cut only where a row has its own order id, so a 1688
 * order's continuation rows are read with the row they continue.
 */

/** How many rows the header row is looked for in, as scoreLedger does. */
export const HEADER_SCAN_ROWS = 30;

/** Rows below the header, read and scored together. */
export interface LedgerChunk {
  /** Sheet row number (1-based) of `rows[0]`. */
  firstRow: number;
  rows: CellValue[][];
}

export interface StreamedLedger {
  /** 0-based index of the header row (its sheet row is this + 1). */
  headerRowIndex: number;
  header: HeaderMap;
  /** The rows below the header; consume once. */
  chunks: AsyncGenerator<LedgerChunk>;
}

export interface StreamLedgerOptions {
  overrides?: Record<string, string | null> | undefined;
  /** Rows per chunk (a chunk runs on to the next order's first row). */
  chunkRows: number;
}

/**
 * Finds the header row among the first rows of `source` and maps it (an
 * unknown field in `overrides` throws UnknownFieldError, as mapHeaders does);
 * undefined when there is none. The header's chunks then read on from where
 * the search stopped.
 */
export async function streamLedger(
  source: AsyncIterable<DelimitedRow[]>,
  options: StreamLedgerOptions,
): Promise<StreamedLedger | undefined> {
  const iterator = source[Symbol.asyncIterator]();
  const first: DelimitedRow[] = [];
  let done = false;
  while (first.length < HEADER_SCAN_ROWS) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    for (const row of next.value) first.push(row);
  }
  const headerRowIndex = findHeaderRow(
    first.slice(0, HEADER_SCAN_ROWS).map((r) => r.values),
    HEADER_SCAN_ROWS,
    options.overrides as HeaderOverrides | undefined,
  );
  if (headerRowIndex < 0) {
    await iterator.return?.();
    return undefined;
  }
  const header = mapHeaders(
    first[headerRowIndex]?.values ?? [],
    options.overrides as HeaderOverrides | undefined,
  );
  const below = first.slice(headerRowIndex + 1);
  return {
    headerRowIndex,
    header,
    chunks: chunksOf(below, done ? undefined : iterator, header.byField.orderId, options.chunkRows),
  };
}

async function* chunksOf(
  start: DelimitedRow[],
  rest: AsyncIterator<DelimitedRow[]> | undefined,
  idColumn: number | undefined,
  size: number,
): AsyncGenerator<LedgerChunk> {
  let pending: CellValue[][] = [];
  let firstRow = 0;
  const take = (row: DelimitedRow): LedgerChunk | undefined => {
    let ready: LedgerChunk | undefined;
    if (pending.length >= size && (idColumn === undefined || !isBlank(row.values[idColumn]))) {
      ready = { firstRow, rows: pending };
      pending = [];
    }
    if (pending.length === 0) firstRow = row.rowNumber;
    pending.push(row.values);
    return ready;
  };
  for (const row of start) {
    const ready = take(row);
    if (ready) yield ready;
  }
  if (rest !== undefined) {
    try {
      for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
        for (const row of next.value) {
          const ready = take(row);
          if (ready) yield ready;
        }
      }
    } finally {
      await rest.return?.();
    }
  }
  if (pending.length > 0) yield { firstRow, rows: pending };
}
