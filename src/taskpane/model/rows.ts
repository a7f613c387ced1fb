/**
 * A ledger's data rows read into orders, kept so that the next version of the
 * cells is read only where its rows changed.
 *
 * An edit in Excel reaches the pane as the few rows it touched: the gateway
 * re-reads those and the snapshot gets a new array for each of them, sharing
 * every other row's array with the snapshot before. A row whose array is the
 * same one as last time, at the same index (its sheet row number is part of
 * its result) and, for a continuation line, under the same order row, keeps
 * its result; only the others are read again. A 100,000-row ledger with one
 * cell edited is then read in one row's time plus one pass of comparisons.
 *
 * The results are exactly those of `readOrders` over the whole ledger:
 * continuation lines (a blank order id under an order row) take their order
 * row's order-level values, here by reading the two rows together.
 */
import type { HeaderMap } from "../../ledger/header";
import { LedgerDates } from "../../ledger/dates";
import { readOrders, type RowResult } from "../../ledger/read";
import type { Settings } from "../../rules/settings";
import type { CellValue } from "../../rules/types";

type Row = readonly CellValue[];

export interface ReadRowsOptions {
  settings: Settings;
  /**
   * Read the history columns too (readOrders' `history`). Their dates are read in the
   * day order each date column shows across the whole ledger, as readOrders reads them.
   */
  history?: boolean | undefined;
  /** The day the ledger is read as of: a date without a year takes its year (today when left out). */
  asOf?: Date | undefined;
}

export interface ReadRows {
  readonly header: HeaderMap;
  readonly settings: Settings;
  readonly history: boolean;
  /** The as-of day and each date column's day order the rows were read with (see dateKey). */
  readonly dateKey: string;
  /** The data rows (under the header row) these results are of. */
  readonly data: readonly Row[];
  /** Each row read on its own, as its GUARD.RISKSCORE formula reads it; undefined for a blank or totals row. */
  readonly alone: ReadonlyArray<RowResult | undefined>;
  /** For a continuation line, the index of the order row it continues; -1 otherwise. */
  readonly parentOf: Int32Array;
  /** Each row as `readOrders` reads the whole ledger (a continuation line with its order's values). */
  readonly together: ReadonlyArray<RowResult | undefined>;
  /** How many rows were read (not taken over from the previous read). */
  readonly rowsRead: number;
  /**
   * The data rows whose results are not those of the previous read (alone or
   * together), in order; undefined when there was no previous read to take over
   * from or the number of rows changed.
   */
  readonly changed: number[] | undefined;
}

const isBlank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * Reads `data` under `header`, taking over from `previous` (same header map,
 * settings and history option) the results of every row whose cells are the
 * same array at the same index, under the same order row.
 */
export function readRows(
  header: HeaderMap,
  data: readonly Row[],
  options: ReadRowsOptions,
  previous?: ReadRows,
): ReadRows {
  const history = options.history === true;
  const settings = options.settings;
  const asOf = options.asOf;
  // Dates read in the day order their column shows across the ledger (history reads, as
  // readOrders reads a whole ledger); each row read alone takes its own otherwise, as its
  // formula does.
  const dates = history ? new LedgerDates(header, { asOf }).observe(data, 2) : undefined;
  const dateKey = dateKeyOf(header, dates, asOf);
  const prev =
    previous &&
    previous.header === header &&
    previous.settings === settings &&
    previous.history === history &&
    previous.dateKey === dateKey
      ? previous
      : undefined;
  const read = (rows: readonly Row[], firstRow: number) =>
    readOrders(header, rows, { settings, firstRow, history, asOf, dates });
  const idColumn = header.byField.orderId;
  const n = data.length;
  const alone: Array<RowResult | undefined> = new Array<RowResult | undefined>(n);
  const together: Array<RowResult | undefined> = new Array<RowResult | undefined>(n);
  const parentOf = new Int32Array(n);
  const same = (i: number): boolean => prev !== undefined && i < prev.data.length && prev.data[i] === data[i];
  let rowsRead = 0;
  const changed: number[] = [];
  let parent = -1; // the order row that a blank-id row would continue; -1 after a blank row
  for (let i = 0; i < n; i++) {
    const row = data[i] as Row;
    let own: RowResult | undefined;
    if (same(i)) own = prev?.alone[i];
    else {
      own = read([row], i + 2)[0];
      rowsRead++;
    }
    alone[i] = own;
    parentOf[i] = -1;
    if (own === undefined) {
      parent = -1;
      if (prev !== undefined && (prev.alone[i] !== undefined || prev.together[i] !== undefined))
        changed.push(i);
      continue;
    }
    if (idColumn !== undefined && parent >= 0 && isBlank(row[idColumn])) {
      parentOf[i] = parent;
      const kept =
        prev !== undefined && same(i) && prev.parentOf[i] === parent && same(parent)
          ? prev.together[i]
          : undefined;
      if (kept !== undefined) together[i] = kept;
      else {
        together[i] = readOrders(header, [data[parent] as Row, row], {
          settings,
          firstRow: i + 1,
          history,
        })[1];
        rowsRead++;
      }
    } else {
      together[i] = own;
      if (idColumn !== undefined) parent = i;
    }
    if (prev !== undefined && (prev.alone[i] !== own || prev.together[i] !== together[i])) changed.push(i);
  }
  const comparable = prev !== undefined && prev.data.length === n;
  return {
    header,
    settings,
    history,
    dateKey,
    data,
    alone,
    parentOf,
    together,
    rowsRead,
    changed: comparable ? changed : undefined,
  };
}

/**
 * What the dates of a read depend on besides the cells: the as-of day and each date
 * column's day order. A row is taken over from a previous read only when this is the
 * same (an edit that settles a column's day order reads every row again).
 */
function dateKeyOf(header: HeaderMap, dates: LedgerDates | undefined, asOf: Date | undefined): string {
  const orders = dates ? header.columns.map((c) => dates.contextFor(c.index)?.order ?? "") : [];
  return `${asOf?.getTime() ?? "today"}|${orders.join(",")}`;
}
