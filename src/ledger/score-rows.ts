import type { BlacklistIndex } from "../rules/blacklist";
import { BatchScorer } from "../rules/score";
import type { Settings } from "../rules/settings";
import type { CellValue, Order, Verdict } from "../rules/types";
import { ledgerHistory, withReasons, type LedgerHistory, type RiskNow } from "../rules/history";
import { LedgerDates, readsDatesAlways, type DateColumnReport } from "./dates";
import { findHeaderRow, mapHeaders, type HeaderMap } from "./header";
import { readOrders, type LedgerRead, type ReadLedgerOptions, type RowResult } from "./read";
import { isBlank } from "./parse/text";

/**
 * Reading and scoring a ledger together. Rows are read a chunk at a time and
 * each chunk's orders are scored straight away, while the cells and orders
 * are still in the processor's cache: read in full first and scored after,
 * every order is fetched from memory twice. The verdicts are those of
 * readOrders followed by scoreOrders on the whole range (a test compares
 * them), facts across rows included.
 */

/** Rows per chunk: a chunk's cells and orders (about 1 KB a row) stay within a typical L2/L3 cache. */
const CHUNK_ROWS = 2048;

export interface ScoreRowsOptions {
  settings: Settings;
  blacklist?: BlacklistIndex | undefined;
  /** Sheet row number (1-based) of `rows[0]`. */
  firstRow: number;
  /** Rows per chunk (tests use small ones). */
  chunkRows?: number | undefined;
  /**
   * Judge the ledger on this day: the history checks join the score (deposit
   * and no tracking, late delivery, fake tracking in the escrow window, payee
   * account changed, price far below the team's earlier price) and `history`
   * is filled in. Without it nothing changes.
   */
  asOf?: Date | undefined;
  /** Count each date column's dates and those not read (`dates` in the result): the column report. */
  reportDates?: boolean | undefined;
}

export interface ScoredRows {
  results: RowResult[];
  /** The verdict of each readable row, at its index in `results`; undefined where the row could not be read. */
  verdicts: (Verdict | undefined)[];
  /** With `asOf`: the money at risk of each readable row on that day, at its index in `results`. */
  now?: (RiskNow | undefined)[] | undefined;
  /** With `asOf`: every supplier's record (its per-order arrays follow the readable rows in sheet order). */
  history?: LedgerHistory | undefined;
  /** With `reportDates`: each date column's day order and the dates it could not read. */
  dates?: DateColumnReport[] | undefined;
}

/**
 * Reads the data rows under a header map into orders (as readOrders does) and
 * scores them (as scoreOrders does), chunk by chunk. A chunk ends only where
 * a row has its own order id, so a 1688 order's continuation rows are read
 * with the row they continue.
 */
export function scoreRows(
  map: HeaderMap,
  rows: readonly (readonly CellValue[])[],
  options: ScoreRowsOptions,
): ScoredRows {
  const { settings, asOf } = options;
  const size = Math.max(1, options.chunkRows ?? CHUNK_ROWS);
  const fields = new Set(Object.keys(map.byField));
  const scorer = new BatchScorer({
    settings,
    blacklist: options.blacklist,
    fields,
    capacity: rows.length,
    asOf,
  });
  const all: Order[] | undefined = asOf === undefined ? undefined : [];
  const idColumn = map.byField.orderId;
  // Every row's dates settle each date column's day order before any row is read
  // (unless no date is read: without asOf, order and payment dates are not).
  const dates =
    asOf !== undefined || options.reportDates === true || readsDatesAlways(map)
      ? new LedgerDates(map, { asOf }).observe(rows, options.firstRow)
      : undefined;
  const report = options.reportDates === true ? dates?.count(rows, options.firstRow).report() : undefined;
  // Made once at their largest (every row an order), then cut to length: grown
  // row by row, a 100,000-row ledger's arrays would be copied a dozen times over.
  const results = new Array<RowResult>(rows.length);
  let resultCount = 0;
  let start = 0;
  while (start < rows.length) {
    let end = Math.min(start + size, rows.length);
    if (idColumn !== undefined) while (end < rows.length && isBlank(rows[end]?.[idColumn])) end++;
    const chunk = readOrders(map, rows.slice(start, end), {
      settings,
      firstRow: options.firstRow + start,
      history: asOf !== undefined,
      asOf,
      dates,
    });
    const orders = [];
    // Every row read is an order (a cell that cannot be read only leaves its field unknown),
    // so the verdicts, money at risk and history follow `results` index for index.
    for (const r of chunk) {
      orders.push(r.order);
      results[resultCount++] = r;
    }
    scorer.add(orders);
    if (all !== undefined) for (const o of orders) all.push(o);
    start = end;
  }
  const scored = scorer.finish();
  results.length = resultCount;
  const verdicts: (Verdict | undefined)[] = scored;
  if (all === undefined || asOf === undefined) return { results, verdicts, dates: report };
  const history = ledgerHistory(all, { settings, asOf, fields, batch: scorer.facts() });
  const now = new Array<RiskNow | undefined>(results.length).fill(undefined);
  for (let k = 0; k < all.length; k++) {
    now[k] = history.now[k];
    verdicts[k] = withReasons(verdicts[k] as Verdict, history.reasons[k], settings);
  }
  return { results, verdicts, now, history, dates: report };
}

export interface ScoreLedgerOptions extends ReadLedgerOptions {
  blacklist?: BlacklistIndex | undefined;
  chunkRows?: number | undefined;
  /** See ScoreRowsOptions.asOf. */
  asOf?: Date | undefined;
  /** See ScoreRowsOptions.reportDates. */
  reportDates?: boolean | undefined;
}

export interface ScoredLedger extends LedgerRead, ScoredRows {}

/**
 * Finds the header row (rows above it are ignored), maps it, and reads and
 * scores every row below it: readLedger and scoreOrders in one.
 */
export function scoreLedger(
  cells: readonly (readonly CellValue[])[],
  options: ScoreLedgerOptions,
): ScoredLedger {
  const headerRowIndex = findHeaderRow(cells, options.maxScan ?? 30, options.overrides);
  if (headerRowIndex < 0) return { headerRowIndex, header: mapHeaders([]), results: [], verdicts: [] };
  const header = mapHeaders(cells[headerRowIndex] ?? [], options.overrides);
  const scored = scoreRows(header, cells.slice(headerRowIndex + 1), {
    settings: options.settings,
    blacklist: options.blacklist,
    firstRow: (options.firstSheetRow ?? 1) + headerRowIndex + 1,
    chunkRows: options.chunkRows,
    asOf: options.asOf,
    reportDates: options.reportDates,
  });
  return { headerRowIndex, header, ...scored };
}
