import type { CellValue } from "../rules/types";
import { FIELD_BY_ID, type FieldId } from "./fields";
import type { HeaderMap } from "./header";
import {
  dayOrderOf,
  hasDateShape,
  parseDate,
  readIsoFast,
  type DateContext,
  type DayOrder,
} from "./parse/date";
import { normalizeText } from "./parse/text";

/**
 * How a ledger's date columns are read: which comes first, the day or the
 * month, in each column ("03/04/2025"), and how many of each column's dates
 * could not be read.
 *
 * A column's day order comes from its own dates that can be read only one way
 * ("13/04/2025" is day first, "04/13/2025" month first). A column with none
 * takes the order the ledger's other date columns show, when they agree (one
 * clerk writes every date of a sheet the same way). A column with both kinds is
 * named, and its dates that read two ways are refused. With no evidence at all,
 * a date that reads two ways ("03/04/2025", "1/9/25") is refused as ambiguous,
 * never guessed: neither English nor Chinese ledgers keep one convention for
 * day-month order (year-first forms, "2025/4/3", "2025年4月3日", read one way).
 */

/** Field kinds whose cells may hold dates. */
const DATE_KINDS: ReadonlySet<string> = new Set(["date", "shipped", "received"]);

/** A quantity received ("500", "12.5"), not a date, in a receipt column. */
const QUANTITY = /^\d+(?:\.\d+)?$/;

/** A cell of a date column, for a report: its sheet row and its text as written. */
export interface DateExample {
  row: number;
  text: string;
}

/** What one date column holds and how much of it was read. */
export interface DateColumnReport {
  index: number;
  /** The header as written. */
  header: string;
  field: FieldId;
  /** Cells holding a date, read or not (in a ship or receipt column: cells written as dates). */
  dates: number;
  /** Those that could not be read. */
  unread: number;
  /** The first that could not be read. */
  example?: DateExample | undefined;
  /** Day or month first, when known; where that came from; the first date that showed it. */
  order?: DayOrder | undefined;
  orderFrom?: "column" | "ledger" | undefined;
  evidence?: DateExample | undefined;
  /** Dates that read only day first and others only month first, both in this column. */
  conflict?: { dmy: DateExample; mdy: DateExample } | undefined;
}

interface DateColumn {
  index: number;
  header: string;
  field: FieldId;
  /** Only cells written as dates count (ship and receipt columns also hold yes/no and quantities). */
  mixed: boolean;
  dmy: number;
  mdy: number;
  firstDmy: DateExample | undefined;
  firstMdy: DateExample | undefined;
  context: DateContext;
  dates: number;
  unread: number;
  example: DateExample | undefined;
}

export interface LedgerDatesOptions {
  /** The day the ledger is read as of: a date without a year takes its year (today when left out). */
  asOf?: Date | undefined;
}

/**
 * A ledger's date columns: the evidence for their day order (`observe`), the
 * context each is read in (`contextFor`), and what could not be read
 * (`count`, `report`). Observe rows before reading them; rows observed later
 * can only settle an order, never change a date read before (a streamed
 * ledger decides from the rows seen so far).
 */
export class LedgerDates {
  private readonly columns: DateColumn[] = [];
  private readonly byIndex = new Map<number, DateColumn>();
  private readonly asOf: Date | undefined;

  constructor(map: HeaderMap, options: LedgerDatesOptions = {}) {
    this.asOf = options.asOf;
    for (const c of map.columns) {
      if (c.field === undefined) continue;
      const kind = FIELD_BY_ID[c.field].kind;
      if (!DATE_KINDS.has(kind)) continue;
      const column: DateColumn = {
        index: c.index,
        header: c.header,
        field: c.field,
        mixed: kind !== "date",
        dmy: 0,
        mdy: 0,
        firstDmy: undefined,
        firstMdy: undefined,
        context: this.contextOf(c.field, undefined),
        dates: 0,
        unread: 0,
        example: undefined,
      };
      this.columns.push(column);
      this.byIndex.set(c.index, column);
    }
  }

  /** Whether the ledger has a column that may hold dates. */
  get hasColumns(): boolean {
    return this.columns.length > 0;
  }

  private contextOf(field: FieldId, order: DateContext["order"]): DateContext {
    return Object.freeze({ asOf: this.asOf, order, ahead: field === "promisedDate" });
  }

  /** Takes the day order each date column shows in `rows` (sheet row of rows[0]: `firstRow`). */
  observe(rows: readonly (readonly CellValue[] | undefined)[], firstRow: number): this {
    if (this.columns.length === 0) return this;
    for (const c of this.columns) {
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i]?.[c.index];
        if (typeof v !== "string") continue;
        const order = dayOrderOf(v);
        if (order === "dmy") {
          if (c.dmy++ === 0) c.firstDmy = { row: firstRow + i, text: v.trim() };
        } else if (order === "mdy") {
          if (c.mdy++ === 0) c.firstMdy = { row: firstRow + i, text: v.trim() };
        }
      }
    }
    this.decide();
    return this;
  }

  /**
   * Takes another reading's evidence of the same columns (a first pass over the whole ledger),
   * so this one reads every row in the order the whole ledger shows; its counts stay its own.
   */
  adopt(other: LedgerDates): this {
    for (const c of this.columns) {
      const o = other.byIndex.get(c.index);
      if (o === undefined) continue;
      c.dmy = o.dmy;
      c.mdy = o.mdy;
      c.firstDmy = o.firstDmy;
      c.firstMdy = o.firstMdy;
    }
    this.decide();
    return this;
  }

  /** The ledger's order across its date columns, when every column that shows one shows the same. */
  private ledgerOrder(): DayOrder | undefined {
    let dmy = false;
    let mdy = false;
    for (const c of this.columns) {
      if (c.dmy > 0) dmy = true;
      if (c.mdy > 0) mdy = true;
    }
    return dmy === mdy ? undefined : dmy ? "dmy" : "mdy";
  }

  private decide(): void {
    const ledger = this.ledgerOrder();
    for (const c of this.columns) {
      const own: DateContext["order"] =
        c.dmy > 0 && c.mdy > 0 ? "conflict" : c.dmy > 0 ? "dmy" : c.mdy > 0 ? "mdy" : ledger;
      // A new context only when the order changes: readers remember parsed cells per context.
      if (own !== c.context.order) c.context = this.contextOf(c.field, own);
    }
  }

  /** What the cells of column `index` are read against; undefined for a column that holds no dates. */
  contextFor(index: number): DateContext | undefined {
    return this.byIndex.get(index)?.context;
  }

  /** Counts the dates of `rows` and those that cannot be read (observe them first). */
  count(rows: readonly (readonly CellValue[] | undefined)[], firstRow: number): this {
    for (const c of this.columns) {
      const seen = new Map<string, boolean | undefined>();
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i]?.[c.index];
        if (v === null || v === undefined || v === "" || typeof v === "boolean") continue;
        let read: boolean | undefined;
        if (typeof v === "string") {
          // ISO days and the 1688 export's timestamps (mostly unique): read at once, not remembered.
          if (readIsoFast(v) !== undefined) read = true;
          else if (seen.has(v)) read = seen.get(v);
          else {
            read = this.readsAsDate(c, v);
            seen.set(v, read);
          }
        } else if (v instanceof Date || !c.mixed) {
          read = parseDate(v, c.context).ok;
        }
        if (read === undefined) continue;
        c.dates++;
        if (!read) {
          if (c.unread++ === 0) c.example = { row: firstRow + i, text: String(v).trim() };
        }
      }
    }
    return this;
  }

  /** Whether a text cell reads as a date (true), is a date not read (false), or is no date at all (undefined). */
  private readsAsDate(c: DateColumn, v: string): boolean | undefined {
    const parsed = parseDate(v, c.context);
    if (!c.mixed) return parsed.ok ? (parsed.value === undefined ? undefined : true) : false;
    // A ship or receipt column also holds yes/no, notes and quantities: only dates count.
    const text = normalizeText(v);
    if (parsed.ok) return parsed.value === undefined || QUANTITY.test(text) ? undefined : true;
    return hasDateShape(text) ? false : undefined;
  }

  /** Every date column, in sheet order, with what it held and how it was read. */
  report(): DateColumnReport[] {
    const ledger = this.ledgerOrder();
    return this.columns.map((c) => {
      const order = c.context.order;
      const r: DateColumnReport = {
        index: c.index,
        header: c.header,
        field: c.field,
        dates: c.dates,
        unread: c.unread,
      };
      if (c.example !== undefined) r.example = c.example;
      if (order === "conflict") {
        r.conflict = { dmy: c.firstDmy as DateExample, mdy: c.firstMdy as DateExample };
      } else if (order !== undefined) {
        r.order = order;
        const own = c.dmy + c.mdy > 0;
        r.orderFrom = own ? "column" : "ledger";
        r.evidence = own ? (order === "dmy" ? c.firstDmy : c.firstMdy) : this.firstEvidence(ledger);
      }
      return r;
    });
  }

  private firstEvidence(order: DayOrder | undefined): DateExample | undefined {
    for (const c of this.columns) {
      const e = order === "dmy" ? c.firstDmy : order === "mdy" ? c.firstMdy : undefined;
      if (e !== undefined) return e;
    }
    return undefined;
  }
}

/** Fields whose dates are read with or without an as-of day (the rest only for the history checks). */
const ALWAYS_READ: ReadonlySet<FieldId> = new Set<FieldId>(["receivedDate", "shippedDate", "received"]);

/** Whether reading `map`'s rows reads dates even without an as-of day (a ship or receipt column). */
export function readsDatesAlways(map: HeaderMap): boolean {
  return map.columns.some((c) => c.field !== undefined && ALWAYS_READ.has(c.field));
}

/**
 * Reads the date columns of the data rows under a header map for the column
 * report: each column's day order and how many of its dates could not be read.
 */
export function reportDates(
  map: HeaderMap,
  rows: readonly (readonly CellValue[] | undefined)[],
  options: LedgerDatesOptions & { firstRow: number },
): DateColumnReport[] {
  return new LedgerDates(map, options).observe(rows, options.firstRow).count(rows, options.firstRow).report();
}
