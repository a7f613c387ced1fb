import {
  findHeaderRow,
  mapHeaders,
  UnknownFieldError,
  type HeaderMap,
  type HeaderOverrides,
} from "../../ledger/header";
import { LedgerDates, type DateColumnReport } from "../../ledger/dates";
import { readOrders, type RowResult } from "../../ledger/read";
import type { BlacklistIndex } from "../../rules/blacklist";
import { ledgerHistory, moneyAtRiskOn, withReasons, type LedgerHistory } from "../../rules/history";
import type { BatchFacts } from "../../rules/checks/check";
import { scoreOrders, TrackingUse } from "../../rules/score";
import type { Settings } from "../../rules/settings";
import type { CellValue, Order } from "../../rules/types";
import { CliError, formatLocation, locateIssue } from "../errors";
import type { RowOutcome } from "./audit-summary";

/**
 * Scores a ledger that arrives row by row, in chunks, so memory stays flat
 * however long the sheet is: rows are held until the header row is found
 * (in the first `HEADER_SCAN_ROWS`), then `chunkSize` rows at a time are read
 * into orders, scored and handed back in sheet order with their outcome.
 *
 * What chunking keeps and loses:
 * - a chunk is cut only where a new order starts (a non-empty order-id cell),
 *   so a 1688 order's continuation rows are always read with their first row;
 * - facts across rows (one tracking number used by different suppliers) are
 *   collected in one running map over every chunk read so far: a reuse is
 *   flagged on every row of the chunk that completes it and on later rows,
 *   but not back on rows of earlier chunks (already handed back), and
 *   `factsChangedLate` then says so: the audit writes its copy again with the
 *   whole ledger's `facts()` as `known`. With `chunkSize` = Infinity, or a first
 *   pass over the whole ledger (`readOnly`, then `facts()` or `record()` handed
 *   to the second as `known`), nothing is lost.
 */

/** Unreadable cells kept with their location for stderr (the rest are counted). */
export const MAX_KEPT_WARNINGS = 20;

/** How many rows the header row is looked for in (a title, notes or blank rows may come first). */
export const HEADER_SCAN_ROWS = 30;

export interface SheetRow {
  /** 1-based sheet row number. */
  rowNumber: number;
  values: CellValue[];
  /** The row's XML as read from the sheet, for writing it back with cells appended (xlsx only). */
  xml?: string | undefined;
  /** The same XML as the bytes read, when the sheet reader kept them (see XlsxRow.bytes). */
  bytes?: Uint8Array | undefined;
  /** Text between the previous row's XML and this one's. */
  lead?: string | undefined;
}

/**
 * The rows' cells, in an array built by push: Array.prototype.map hands back
 * a packed array from one of its paths and a holey one from another, and each
 * switch cost V8 the optimized code of what reads the chunk (readOrders).
 */
function valuesOf(rows: readonly SheetRow[]): CellValue[][] {
  const cells: CellValue[][] = [];
  for (let i = 0; i < rows.length; i++) cells.push(rows[i]!.values);
  return cells;
}

export interface ScoredRow extends SheetRow {
  /** Undefined for rows above or at the header and for rows that hold no order (blank). */
  outcome?: RowOutcome | undefined;
}

export interface ChunkedScorerOptions {
  file: string;
  sheet: string;
  settings: Settings;
  blacklist?: BlacklistIndex | undefined;
  overrides?: HeaderOverrides | undefined;
  chunkSize: number;
  /** Called once, when the header row has been found and mapped. */
  onHeader?: ((header: HeaderMap) => void) | undefined;
  /**
   * Judge the ledger on this day (`--as-of`): the history checks join the
   * verdicts, each outcome carries its money at risk, and `history()` gives
   * every supplier's record. The reasons across orders (payee account changed,
   * price far below the team's earlier price) go on the rows when the ledger is
   * scored in one chunk, or chunk by chunk with a first pass's record (`known`);
   * otherwise they are on the Suppliers sheet only.
   */
  asOf?: Date | undefined;
  /**
   * What a first pass over the whole ledger found (`ChunkedScorer.facts`, or with `asOf`
   * `ChunkedScorer.record`): every chunk is scored on the whole ledger's facts, and with
   * `asOf` the record's reasons across orders and each order's money at risk go on the rows as
   * they are scored chunk by chunk, so the ledger need not be held in one chunk.
   */
  known?: KnownFacts | undefined;
  /**
   * Read the rows into orders only (a first pass for `known`): no verdicts, no outcomes. The
   * orders are kept only with `asOf` (for the supplier records).
   */
  readOnly?: boolean | undefined;
}

/** What a first pass over the whole ledger found that a pass scoring it chunk by chunk learns too late for its first chunks. */
export interface KnownFacts {
  /** The tracking numbers more than one supplier used, over the whole ledger: every row of them is flagged. */
  batch: BatchFacts;
  /** The date columns' evidence over the whole ledger: every row is read in the day order it shows. */
  dates: LedgerDates | undefined;
}

/** A first pass's supplier records, and where each sheet row's order sits in them (with `asOf`). */
export interface KnownHistory extends KnownFacts {
  ledger: LedgerHistory;
  /** Sheet row -> index into `ledger.reasons` and `ledger.now`. */
  byRow: Map<number, number>;
}

/** The supplier records of what a first pass found, when it made them. */
function historyIn(known: KnownFacts | undefined): KnownHistory | undefined {
  return known !== undefined && "ledger" in known ? (known as KnownHistory) : undefined;
}

/** The name the Summary groups a supplier under. */
export function supplierLabel(order: Order): string | undefined {
  const s = order.supplier;
  return s.name?.trim() || s.memberId?.trim() || s.shopUrl?.trim() || undefined;
}

export class ChunkedScorer {
  private pending: SheetRow[] = [];
  private nextRow = 1;
  private headerMap: HeaderMap | undefined;
  private headerRowNumber = 0;
  private fields: ReadonlySet<string> = new Set();
  private orderIdIndex: number | undefined;
  private readonly tracking = new TrackingUse();
  /** The first `MAX_KEPT_WARNINGS` unreadable cells, with their full location. */
  readonly warnings: string[] = [];
  /** How many cells could not be read, in how many rows. */
  warningCells = 0;
  warningRows = 0;
  /** Every order read, kept for the supplier records (only with asOf). */
  private readonly orders: Order[] = [];
  private ledger: LedgerHistory | undefined;
  /**
   * The date columns: each chunk's dates join the evidence for the day order
   * before the chunk is read (a streamed ledger decides from the rows seen so
   * far), then are counted for the column report.
   */
  private dates: LedgerDates | undefined;

  constructor(private readonly options: ChunkedScorerOptions) {}

  /** The header map, once the header row has been found. */
  get header(): HeaderMap | undefined {
    return this.headerMap;
  }

  /** 1-based row number of the header row (0 until found). */
  get headerRow(): number {
    return this.headerRowNumber;
  }

  /** Adds the next row (row numbers must increase); returns the rows ready to write, in order. */
  push(row: SheetRow): ScoredRow[] {
    // Rows missing from the sheet (never written) become empty rows: positions stay exact.
    while (this.nextRow < row.rowNumber) this.pending.push({ rowNumber: this.nextRow++, values: [] });
    this.pending.push(row);
    this.nextRow = row.rowNumber + 1;
    if (!this.headerMap) {
      return this.pending.length >= HEADER_SCAN_ROWS ? this.detectHeader(false) : [];
    }
    if (this.pending.length >= this.options.chunkSize && this.startsOrder(row)) {
      const last = this.pending.pop() as SheetRow;
      const out = this.scoreChunk(this.pending);
      this.pending = [last];
      return out;
    }
    return [];
  }

  /** With `asOf`, once `finish` has run: every supplier's record (undefined without `asOf`). */
  history(): LedgerHistory | undefined {
    const asOf = this.options.asOf;
    if (asOf === undefined) return undefined;
    const known = historyIn(this.options.known);
    if (known !== undefined) return known.ledger;
    this.ledger ??= ledgerHistory(this.orders, {
      settings: this.options.settings,
      asOf,
      fields: this.fields,
      batch: this.tracking.facts(),
    });
    return this.ledger;
  }

  /**
   * With `asOf`, once `finish` has run on a read-only pass: every supplier's record and where
   * each row's order is in it, for a second pass (`known`). The orders themselves are let go.
   */
  record(): KnownHistory | undefined {
    const ledger = this.history();
    if (ledger === undefined) return undefined;
    const byRow = new Map<number, number>();
    this.orders.forEach((order, i) => byRow.set(order.row, i));
    this.orders.length = 0;
    return { ledger, byRow, batch: this.tracking.facts(), dates: this.dates };
  }

  /** The facts over every row read so far (after `finish`: the whole ledger's), for a pass that comes after. */
  facts(): KnownFacts {
    return { batch: this.options.known?.batch ?? this.tracking.facts(), dates: this.dates };
  }

  /**
   * Whether a chunk changed the facts of rows an earlier chunk had already been scored on
   * (a tracking number of theirs turned up under another supplier): those rows were judged
   * short of what the whole ledger shows, and only a second pass with `facts()` as `known`
   * judges every row on it. Never with `known` (the facts were whole from the start).
   */
  get factsChangedLate(): boolean {
    return this.options.known === undefined && this.tracking.changedLate;
  }

  /** Each date column's day order and the dates it could not read, over the rows scored so far. */
  dateReport(): DateColumnReport[] {
    return this.dates?.report() ?? [];
  }

  /** Scores what is left; returns the last rows. */
  finish(): ScoredRow[] {
    const out = this.headerMap ? [] : this.detectHeader(true);
    const rest = this.scoreChunk(this.pending);
    this.pending = [];
    return [...out, ...rest];
  }

  /** An order's money at risk on the day: from the whole ledger's record when there is one. */
  private nowOf(order: Order, i: number, asOf: Date): RowOutcome["now"] {
    const known = historyIn(this.options.known);
    if (known !== undefined) {
      const at = known.byRow.get(order.row);
      if (at !== undefined) return known.ledger.now[at];
    }
    return this.ledger?.now[i] ?? moneyAtRiskOn(order, this.options.settings, asOf, this.fields);
  }

  private startsOrder(row: SheetRow): boolean {
    if (this.orderIdIndex === undefined) return true;
    const v = row.values[this.orderIdIndex];
    return v !== null && v !== undefined && String(v).trim() !== "";
  }

  private detectHeader(atEnd: boolean): ScoredRow[] {
    const cells = valuesOf(this.pending);
    const index = findHeaderRow(cells, HEADER_SCAN_ROWS, this.options.overrides);
    if (index < 0) {
      const where = formatLocation({ file: this.options.file, sheet: this.options.sheet });
      const rows = atEnd ? `${this.pending.length} row(s)` : `the first ${HEADER_SCAN_ROWS} rows`;
      throw new CliError(
        `${where}: not a purchase ledger: no header row found in ${rows} (expected headers such as 订单编号, 供应商, 付款方式, Supplier, Order total)`,
      );
    }
    let header: HeaderMap;
    try {
      header = mapHeaders(cells[index] ?? [], this.options.overrides);
    } catch (error) {
      if (error instanceof UnknownFieldError) {
        throw new CliError(`settings "columns": ${error.message}`);
      }
      throw error;
    }
    this.headerMap = header;
    this.dates = new LedgerDates(header, { asOf: this.options.asOf });
    // A second pass starts from the first one's evidence (counting its own unread dates afresh).
    const known = this.options.known?.dates;
    if (known !== undefined) this.dates.adopt(known);
    this.headerRowNumber = index + 1;
    this.options.onHeader?.(header);
    this.fields = new Set(Object.keys(header.byField));
    this.orderIdIndex = header.byField.orderId;
    const ready = this.pending.slice(0, index + 1);
    this.pending = this.pending.slice(index + 1);
    return ready;
  }

  private scoreChunk(rows: SheetRow[]): ScoredRow[] {
    const header = this.headerMap;
    if (!header || rows.length === 0) return rows;
    const first = rows[0] as SheetRow;
    const { settings, asOf } = this.options;
    const cells = valuesOf(rows);
    // A second pass has the whole ledger's evidence already (see `known`).
    const dates =
      this.options.known?.dates !== undefined ? this.dates : this.dates?.observe(cells, first.rowNumber);
    const results: RowResult[] = readOrders(header, cells, {
      settings,
      firstRow: first.rowNumber,
      history: asOf !== undefined,
      asOf,
      dates,
    });
    if (this.options.readOnly !== true) dates?.count(cells, first.rowNumber);
    const orders: Order[] = [];
    for (let i = 0; i < results.length; i++) orders.push(results[i]!.order);
    const batch = this.options.known?.batch ?? this.tracking.add(orders).facts();
    if (this.options.readOnly === true) {
      if (asOf !== undefined) for (const o of orders) this.orders.push(o);
      return rows;
    }
    const verdicts = scoreOrders(orders, {
      settings,
      blacklist: this.options.blacklist,
      fields: this.fields,
      batch,
      asOf,
    });
    const known = historyIn(this.options.known);
    if (asOf !== undefined && known !== undefined) {
      // The first pass's record: its reasons across orders and money at risk for these rows.
      for (let i = 0; i < orders.length; i++) {
        const at = known.byRow.get(orders[i]!.row);
        if (at !== undefined) verdicts[i] = withReasons(verdicts[i]!, known.ledger.reasons[at], settings);
      }
    } else if (asOf !== undefined) {
      for (const o of orders) this.orders.push(o);
      // Scored in one chunk: the record across orders is complete, so its reasons go on the rows.
      if (this.options.chunkSize === Number.POSITIVE_INFINITY) {
        this.ledger = ledgerHistory(orders, { settings, asOf, fields: this.fields, batch });
        for (let i = 0; i < orders.length; i++)
          verdicts[i] = withReasons(verdicts[i]!, this.ledger.reasons[i], settings);
      }
    }
    const byRow = new Map<number, RowOutcome>();
    const at = { file: this.options.file, sheet: this.options.sheet };
    orders.forEach((order, i) => {
      const verdict = verdicts[i];
      if (!verdict) return;
      const outcome: RowOutcome = {
        row: order.row,
        supplier: supplierLabel(order),
        orderId: order.orderId,
        verdict,
        warnings: undefined,
        now: asOf === undefined ? undefined : this.nowOf(order, i, asOf),
      };
      const issues = order.issues;
      if (issues !== undefined) {
        // The row is scored without these cells; each is named with its place.
        outcome.warnings = issues.map((issue) => locateIssue(at, header.columns, order.row, issue));
        this.warningRows++;
        this.warningCells += issues.length;
        for (const w of outcome.warnings) if (this.warnings.length < MAX_KEPT_WARNINGS) this.warnings.push(w);
      }
      byRow.set(order.row, outcome);
    });
    // The outcome goes on the row objects themselves: no copy of each row per chunk.
    for (const r of rows) (r as ScoredRow).outcome = byRow.get(r.rowNumber);
    return rows;
  }
}
