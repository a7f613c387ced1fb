/**
 * The gateway's decisions, kept pure so they are tested without Excel: where
 * the ledger is, what "Add risk columns" writes and whether it may, which
 * conditional formats "Flag risky rows" adds.
 */
import { findHeaderRow } from "../../ledger/header";
import type { CellValue } from "../../rules/types";
import { columnLetters, escapeColumnName, parseAddress, type Region, regionAddress } from "./address";
import {
  BLACKLIST_REF,
  BLACKLIST_WORDS,
  FLAG_COLORS,
  FLAG_MARKER,
  GUARD_SHEET,
  RISK_HEADERS,
  SETTINGS_REF,
  TABLE,
} from "./layout";

/** The active sheet as the gateway read it. */
export interface SheetState {
  sheet: string;
  /**
   * The used range (undefined for an empty sheet) and the values read from it:
   * rows from its top; rows not read count as blank.
   */
  used?: { region: Region; values: CellValue[][] };
  /** Excel tables on this sheet (region: header row to totals row). */
  tables: SheetTable[];
  /** The selected cell (top-left of the selection) when it is on this sheet. */
  selection?: { row: number; column: number };
}

/** An Excel table as the gateway read it. */
export interface SheetTable {
  name: string;
  /** The whole table: header row, data rows, and the totals row when shown. */
  region: Region;
  /** The table shows a totals row (its last row): not a ledger row. */
  showTotals?: boolean;
}

/** Where a ledger is, and its cells. Rows and columns are 0-based sheet positions. */
export interface Ledger {
  sheet: string;
  /** The Excel table holding the ledger, when it is one. */
  table?: string;
  headerRow: number;
  firstColumn: number;
  /** The ledger's own columns (the risk columns are not among them). */
  columnCount: number;
  /** Data rows under the header. */
  rowCount: number;
  headers: string[];
  /**
   * Header row then data rows, own columns only: the engine's input. A ledger
   * located for an action that only writes beside it (`locateLedger` without
   * cells) has the header row alone.
   */
  cells: CellValue[][];
  /** Sheet column of "Risk score" when the risk columns follow the ledger. */
  riskColumn?: number;
  /** Index into the data rows of the selected row, when the selection is inside the ledger. */
  selectedIndex?: number;
}

const isBlank = (v: CellValue): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const text = (v: CellValue): string => (isBlank(v) ? "" : String(v).trim());
const isRiskHeader = (h: string): boolean => (RISK_HEADERS as readonly string[]).includes(h);

function cellAt(state: SheetState, row: number, column: number): CellValue {
  const used = state.used;
  if (!used) return undefined;
  return used.values[row - used.region.row]?.[column - used.region.column];
}

function build(
  state: SheetState,
  headerRow: number,
  firstColumn: number,
  width: number,
  lastRow: number,
  table?: string,
  withCells = true,
): Ledger {
  const allHeaders = Array.from({ length: width }, (_, j) => text(cellAt(state, headerRow, firstColumn + j)));
  const riskAt = allHeaders.findIndex(isRiskHeader);
  const columnCount = riskAt >= 0 ? riskAt : width;
  const headers = allHeaders.slice(0, columnCount);
  const riskComplete = riskAt >= 0 && RISK_HEADERS.every((h, k) => allHeaders[riskAt + k] === h);
  // Without cells (where the ledger is, for an action that writes beside it): the header row only.
  const cells: CellValue[][] = [];
  const last = withCells ? lastRow : headerRow;
  for (let r = headerRow; r <= last; r++) {
    const row = state.used?.values[r - (state.used?.region.row ?? 0)];
    const offset = firstColumn - (state.used?.region.column ?? 0);
    cells.push(Array.from({ length: columnCount }, (_, j) => row?.[offset + j] ?? null));
  }
  const ledger: Ledger = {
    sheet: state.sheet,
    headerRow,
    firstColumn,
    columnCount,
    rowCount: lastRow - headerRow,
    headers,
    cells,
  };
  if (table !== undefined) ledger.table = table;
  if (riskComplete) ledger.riskColumn = firstColumn + riskAt;
  const sel = state.selection;
  if (
    sel &&
    sel.row > headerRow &&
    sel.row <= lastRow &&
    sel.column >= firstColumn &&
    sel.column < firstColumn + width
  ) {
    ledger.selectedIndex = sel.row - headerRow - 1;
  }
  return ledger;
}

/**
 * The Excel table holding the ledger: the one holding the selection, else the
 * sheet's first table (Guard tables aside). Needs no cell values.
 */
export function pickTable(state: SheetState): SheetTable | undefined {
  if (state.sheet === GUARD_SHEET) return undefined;
  const guardNames = new Set<string>(Object.values(TABLE));
  const tables = state.tables.filter((t) => !guardNames.has(t.name));
  const sel = state.selection;
  return (
    tables.find(
      (t) =>
        sel !== undefined &&
        sel.row >= t.region.row &&
        sel.row < t.region.row + t.region.rowCount &&
        sel.column >= t.region.column &&
        sel.column < t.region.column + t.region.columnCount,
    ) ?? tables[0]
  );
}

/**
 * Finds the ledger on the sheet: the Excel table holding the selection, else
 * the sheet's first table, else the used range with its header row found the
 * way the engine finds it. A table's totals row is not a ledger row. The Guard
 * sheet never holds a ledger.
 */
export function locateLedger(state: SheetState, options: { cells?: boolean } = {}): Ledger | undefined {
  const withCells = options.cells !== false;
  if (state.sheet === GUARD_SHEET || !state.used) return undefined;
  const table = pickTable(state);
  if (table) {
    const r = table.region;
    const lastRow = r.row + r.rowCount - 1 - (table.showTotals ? 1 : 0);
    return build(state, r.row, r.column, r.columnCount, lastRow, table.name, withCells);
  }
  const used = state.used;
  const found = findHeaderRow(used.values);
  if (found === undefined || found < 0) return undefined;
  const headerRow = used.region.row + found;
  const headerCells = used.values[found] ?? [];
  const first = headerCells.findIndex((v) => !isBlank(v));
  let last = headerCells.length - 1;
  while (last >= 0 && isBlank(headerCells[last])) last--;
  if (first < 0) return undefined;
  const firstColumn = used.region.column + first;
  const width = last - first + 1;
  let lastRow = used.region.row + used.region.rowCount - 1;
  const ownWidth = (() => {
    const idx = headerCells.slice(first, last + 1).findIndex((v) => isRiskHeader(text(v)));
    return idx >= 0 ? idx : width;
  })();
  while (
    lastRow > headerRow &&
    Array.from({ length: ownWidth }, (_, j) => cellAt(state, lastRow, firstColumn + j)).every(isBlank)
  ) {
    lastRow--;
  }
  return build(state, headerRow, firstColumn, width, lastRow, undefined, withCells);
}

/** The region the three risk columns occupy (header row included). */
export function riskRegion(ledger: Ledger): Region {
  return {
    sheet: ledger.sheet,
    row: ledger.headerRow,
    column: ledger.firstColumn + ledger.columnCount,
    rowCount: ledger.rowCount + 1,
    columnCount: RISK_HEADERS.length,
  };
}

/** The formulas of one data row for Risk score, Risk level and Reasons. */
export function riskFormulas(ledger: Ledger, dataIndex: number): [string, string, string] {
  let headersRef: string;
  let rowRef: string;
  if (ledger.table !== undefined) {
    const first = escapeColumnName(ledger.headers[0] ?? "");
    const last = escapeColumnName(ledger.headers[ledger.columnCount - 1] ?? "");
    const span = first === last ? `[${first}]` : `[${first}]:[${last}]`;
    headersRef = `${ledger.table}[[#Headers],${span}]`;
    rowRef = `${ledger.table}[@${span}]`;
  } else {
    const a = columnLetters(ledger.firstColumn);
    const b = columnLetters(ledger.firstColumn + ledger.columnCount - 1);
    const h = ledger.headerRow + 1;
    const r = ledger.headerRow + 2 + dataIndex;
    headersRef = `$${a}$${h}:$${b}$${h}`;
    rowRef = `$${a}${r}:$${b}${r}`;
  }
  const args = `${headersRef},${rowRef},${BLACKLIST_REF},${SETTINGS_REF}`;
  return [`=GUARD.RISKSCORE(${args})`, `=GUARD.RISKLEVEL(${args})`, `=GUARD.RISKREASONS(${args})`];
}

export type RiskColumnsPlan =
  | { ok: true; region: Region; values: string[][] }
  | { ok: false; code: "already_added" | "not_empty"; address: string };

/**
 * What "Add risk columns" writes: the three headers and one row of formulas
 * per data row, to the right of the ledger. Refuses when the columns exist
 * or when any target cell holds something: `target` is the risk region's
 * `formulas` as read (a constant reads as itself, a formula as its text).
 */
export function planRiskColumns(ledger: Ledger, target: CellValue[][]): RiskColumnsPlan {
  const region = riskRegion(ledger);
  if (ledger.riskColumn !== undefined)
    return { ok: false, code: "already_added", address: regionAddress(region) };
  for (let i = 0; i < region.rowCount; i++) {
    for (let j = 0; j < region.columnCount; j++) {
      if (!isBlank(target[i]?.[j])) {
        return {
          ok: false,
          code: "not_empty",
          address: regionAddress({
            ...region,
            row: region.row + i,
            column: region.column + j,
            rowCount: 1,
            columnCount: 1,
          }),
        };
      }
    }
  }
  const values: string[][] = [[...RISK_HEADERS]];
  for (let i = 0; i < ledger.rowCount; i++) values.push(riskFormulas(ledger, i));
  return { ok: true, region, values };
}

export type FlagScope = "row" | "score";

/** One conditional format to add. */
export interface FlagRule {
  kind: "blacklisted" | "HIGH" | "MEDIUM";
  region: Region;
  formula: string;
  fill: string;
  font: string;
}

/** True for a conditional-format formula the task pane wrote. */
export function isOurFlag(formula: string | undefined): boolean {
  return formula !== undefined && formula.includes(FLAG_MARKER);
}

/**
 * The conditional formats that flag risky rows, in priority order (blacklisted
 * first, then HIGH, then MEDIUM). They read the Risk level and Reasons cells,
 * so the flags follow the formulas live. Needs the risk columns.
 */
export function planFlags(ledger: Ledger, scope: FlagScope): FlagRule[] | undefined {
  if (ledger.riskColumn === undefined || ledger.rowCount === 0) return undefined;
  const firstDataRow = ledger.headerRow + 2; // 1-based row of the first data row
  const level = `$${columnLetters(ledger.riskColumn + 1)}${firstDataRow}`;
  const reasons = `$${columnLetters(ledger.riskColumn + 2)}${firstDataRow}`;
  const region: Region =
    scope === "row"
      ? {
          sheet: ledger.sheet,
          row: ledger.headerRow + 1,
          column: ledger.firstColumn,
          rowCount: ledger.rowCount,
          columnCount: ledger.columnCount + RISK_HEADERS.length,
        }
      : {
          sheet: ledger.sheet,
          row: ledger.headerRow + 1,
          column: ledger.riskColumn,
          rowCount: ledger.rowCount,
          columnCount: 1,
        };
  const blacklisted = `OR(${BLACKLIST_WORDS.map((w) => `ISNUMBER(SEARCH("${w}",${reasons}))`).join(",")})`;
  return [
    {
      kind: "blacklisted",
      region,
      formula: `=AND(${blacklisted},${FLAG_MARKER})`,
      ...FLAG_COLORS.blacklisted,
    },
    { kind: "HIGH", region, formula: `=AND(${level}="HIGH",${FLAG_MARKER})`, ...FLAG_COLORS.HIGH },
    { kind: "MEDIUM", region, formula: `=AND(${level}="MEDIUM",${FLAG_MARKER})`, ...FLAG_COLORS.MEDIUM },
  ];
}

const WHOLE_ROWS = /^\$?(\d+)(?::\$?(\d+))?$/;

/**
 * The data-row index a selection lands on, from the address a selection event
 * reports ("B6", "A6:Q9", "6:6" for whole rows; the first area of a
 * multi-area selection counts): its top-left cell must be inside the ledger's
 * data rows and its columns (risk columns included). Undefined otherwise.
 */
export function selectedIndexAt(ledger: Ledger, address: string): number | undefined {
  const first = (address.split(",")[0] ?? "").replace(/^.*!/, "").trim();
  let row: number;
  let column: number | undefined;
  const rows = WHOLE_ROWS.exec(first);
  if (rows) row = Math.min(Number(rows[1]), Number(rows[2] ?? rows[1])) - 1;
  else {
    try {
      ({ row, column } = parseAddress(first));
    } catch {
      return undefined; // whole columns ("B:B") or a name: not a row of the ledger
    }
  }
  const lastColumn =
    ledger.riskColumn !== undefined
      ? ledger.riskColumn + RISK_HEADERS.length - 1
      : ledger.firstColumn + ledger.columnCount - 1;
  const inRows = row > ledger.headerRow && row <= ledger.headerRow + ledger.rowCount;
  const inColumns = column === undefined || (column >= ledger.firstColumn && column <= lastColumn);
  return inRows && inColumns ? row - ledger.headerRow - 1 : undefined;
}

/** What an edit on the ledger's sheet asks of the pane (see planEdit). */
export type EditPlan =
  /** Nothing the pane shows changed (a cell beside the ledger, the risk columns' own formulas). */
  | { kind: "none" }
  /** Data rows `from` to `from + count - 1` (0-based, under the header) are read again; past the end they are new rows. */
  | { kind: "rows"; from: number; count: number }
  /** The ledger's shape may have changed (its header, rows inserted or deleted): read it all again. */
  | { kind: "all" };

/**
 * What an edit reported by Worksheet.onChanged (its address and change type) asks
 * of the pane: cells edited in the ledger's data rows are read again, those rows
 * only; new rows typed under a plain-range ledger are read and added; anything
 * that can move the ledger (its header row, rows or columns inserted or deleted,
 * an edit under a table, a multi-area or whole-column address) is a full read.
 */
export function planEdit(ledger: Ledger, address: string, changeType: string): EditPlan {
  if (changeType !== "RangeEdited") return { kind: "all" };
  const text = address.replace(/^.*!/, "").trim();
  if (text.includes(",")) return { kind: "all" };
  let region: { row: number; column: number; rowCount: number; columnCount: number };
  const whole = WHOLE_ROWS.exec(text);
  if (whole) {
    const a = Number(whole[1]) - 1;
    const b = Number(whole[2] ?? whole[1]) - 1;
    region = {
      row: Math.min(a, b),
      rowCount: Math.abs(b - a) + 1,
      column: 0,
      columnCount: Number.MAX_SAFE_INTEGER,
    };
  } else {
    try {
      region = parseAddress(text);
    } catch {
      return { kind: "all" }; // whole columns ("B:B"): the header row is in them
    }
  }
  const first = ledger.firstColumn;
  const last = first + ledger.columnCount - 1;
  const end = region.row + region.rowCount - 1;
  const touchesColumns = region.column <= last && region.column + region.columnCount - 1 >= first;
  if (region.row <= ledger.headerRow && end >= ledger.headerRow) {
    // The header row: a header of the ledger's own, or a new one right of it, moves the mapping.
    return region.column + region.columnCount - 1 >= first ? { kind: "all" } : { kind: "none" };
  }
  if (!touchesColumns || end < ledger.headerRow) return { kind: "none" };
  const from = region.row - ledger.headerRow - 1;
  const to = end - ledger.headerRow - 1;
  if (to >= ledger.rowCount && ledger.table !== undefined) return { kind: "all" };
  // New rows under a plain ledger: the rows between its end and the edit are read too.
  const start = Math.min(from, ledger.rowCount);
  return { kind: "rows", from: start, count: to - start + 1 };
}

/**
 * The ledger with data rows `from`... replaced by `rows` (rows past the end are
 * added). Every other row keeps its array, so the pane reads and scores only the
 * rows that changed (see model/rows.ts).
 */
export function patchLedger(ledger: Ledger, from: number, rows: CellValue[][]): Ledger {
  const cells = ledger.cells.slice();
  rows.forEach((row, k) => {
    const line = row.slice(0, ledger.columnCount).map((v) => v ?? null);
    while (line.length < ledger.columnCount) line.push(null);
    cells[1 + from + k] = line;
  });
  return { ...ledger, cells, rowCount: Math.max(ledger.rowCount, from + rows.length) };
}

/** The sheet region of data rows `from`... of the ledger, its own columns. */
export function ledgerRowsRegion(ledger: Ledger, from: number, count: number): Region {
  return {
    sheet: ledger.sheet,
    row: ledger.headerRow + 1 + from,
    column: ledger.firstColumn,
    rowCount: count,
    columnCount: ledger.columnCount,
  };
}
