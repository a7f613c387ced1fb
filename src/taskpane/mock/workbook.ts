/**
 * The state behind the mock Excel host: sheets of cells, tables and
 * conditional formats. Plain data plus the few operations the fake API
 * needs; formulas are evaluated on read by the evaluator given to it.
 */
import type { CellValue } from "../../rules/types";
import { type Region, regionAddress } from "../excel/address";

export interface MockCell {
  value: CellValue;
  formula?: string;
  /** The cell's number format when not "General" ("@" is text). */
  format?: string;
}

export interface MockTable {
  name: string;
  sheet: MockSheet;
  /** Whole table: header row, data rows and, with `showTotals`, the totals row last. */
  region: Region;
  /** The table shows a totals row (the last row of `region`). */
  showTotals?: boolean;
}

/** A table's data rows: between the header row and the totals row (when shown). */
export function dataRegion(table: MockTable): Region {
  const r = table.region;
  return { ...r, row: r.row + 1, rowCount: r.rowCount - 1 - (table.showTotals ? 1 : 0) };
}

/** True for a cell with no value and no formula (and, unless `ignoreFormat`, no number format). */
export const isEmptyCell = (cell: MockCell | undefined, ignoreFormat = false): boolean =>
  !cell ||
  (cell.formula === undefined &&
    (cell.value === "" || cell.value === null || cell.value === undefined) &&
    (ignoreFormat || cell.format === undefined || cell.format === "General"));

export interface MockFormat {
  id: string;
  type: "Custom";
  region: Region;
  formula: string;
  fill?: string;
  font?: string;
  priority: number;
  stopIfTrue: boolean;
}

export class MockSheet {
  readonly rows: Array<Array<MockCell | undefined> | undefined> = [];
  formats: MockFormat[] = [];
  constructor(public name: string) {}

  cell(row: number, column: number): MockCell | undefined {
    return this.rows[row]?.[column];
  }

  setCell(row: number, column: number, cell: MockCell | undefined): void {
    const line = (this.rows[row] ??= []);
    line[column] = cell;
  }

  /**
   * The smallest region holding every non-empty cell, or undefined for an
   * empty sheet. As in Excel, a cell with only a number format counts (unless
   * `valuesOnly`).
   */
  usedRegion(valuesOnly = false): Region | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.rows.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (isEmptyCell(cell, valuesOnly)) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    if (bottom < 0) return undefined;
    return {
      sheet: this.name,
      row: top,
      column: left,
      rowCount: bottom - top + 1,
      columnCount: right - left + 1,
    };
  }

  /** Inserts `count` empty cells at (row, column) within rows [row, row+rowCount), shifting the rest right. */
  insertCellsRight(row: number, rowCount: number, column: number, count: number): void {
    for (let r = row; r < row + rowCount; r++) {
      const line = this.rows[r];
      if (line && line.length > column)
        line.splice(column, 0, ...new Array<MockCell | undefined>(count).fill(undefined));
    }
  }

  /** Inserts `count` empty rows of cells at `row` within columns [column, column+columnCount), shifting the cells below down. */
  insertCellsDown(row: number, column: number, columnCount: number, count: number): void {
    for (let r = this.rows.length - 1; r >= row; r--) {
      for (let c = column; c < column + columnCount; c++) this.setCell(r + count, c, this.rows[r]?.[c]);
    }
    for (let r = row; r < row + count; r++) {
      for (let c = column; c < column + columnCount; c++) this.setCell(r, c, undefined);
    }
  }

  /** Deletes one column of cells at `column` within rows [row, row+rowCount), shifting the cells to its right left. */
  deleteCellsLeft(row: number, rowCount: number, column: number): void {
    for (let r = row; r < row + rowCount; r++) this.rows[r]?.splice(column, 1);
  }

  /** Deletes `count` rows of cells within columns [column, column+columnCount), shifting the cells below up. */
  deleteCellsUp(row: number, column: number, columnCount: number, count = 1): void {
    const last = this.rows.length - 1;
    for (let r = row; r <= last; r++) {
      for (let c = column; c < column + columnCount; c++) this.setCell(r, c, this.rows[r + count]?.[c]);
    }
  }
}

/** What Worksheet.onSelectionChanged hands its handlers. */
export interface MockSelectionEvent {
  address: string;
  type: "WorksheetSelectionChanged";
  worksheetId: string;
}

export type MockSelectionHandler = (event: MockSelectionEvent) => Promise<unknown>;

/** What Worksheet.onChanged hands its handlers (the fields the task pane reads). */
export interface MockChangedEvent {
  address: string;
  changeType: "RangeEdited" | "RowInserted" | "RowDeleted" | "CellInserted" | "CellDeleted";
  source: "Local";
  type: "WorksheetChanged";
  worksheetId: string;
}

export type MockChangedHandler = (event: MockChangedEvent) => Promise<unknown>;

/** A comment (Excel's threaded comment) on one cell. */
export interface MockComment {
  sheet: MockSheet;
  row: number;
  column: number;
  content: string;
}

/** Compares API set versions by number ("1.10" is above "1.9"). */
export function compareApiVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class MockWorkbook {
  sheets: MockSheet[] = [];
  tables: MockTable[] = [];
  comments: MockComment[] = [];
  /** The highest ExcelApi requirement set the host supports: "1.7" plays an Excel without comments (1.10). */
  excelApi = "1.17";
  activeSheet!: MockSheet;
  /** The selection, on the active sheet. */
  selection: { row: number; column: number; rowCount: number; columnCount: number } = {
    row: 0,
    column: 0,
    rowCount: 1,
    columnCount: 1,
  };
  syncCount = 0;
  runCount = 0;
  /** Cells whose values, formulas or formats were loaded so far (what reads cost). */
  cellsRead = 0;
  /** Syncs so far whose batch changed the workbook. */
  writeSyncCount = 0;
  private readonly writeFailures = new Map<number, string>();
  private nextId = 1;
  private readonly selectionHandlers: Array<{ sheet: MockSheet; handler: MockSelectionHandler }> = [];
  private readonly changedHandlers: Array<{ sheet: MockSheet; handler: MockChangedHandler }> = [];

  /** Registers a change handler on one sheet; the returned function removes it. */
  onChanged(sheet: MockSheet, handler: MockChangedHandler): () => void {
    const entry = { sheet, handler };
    this.changedHandlers.push(entry);
    return () => {
      const at = this.changedHandlers.indexOf(entry);
      if (at >= 0) this.changedHandlers.splice(at, 1);
    };
  }

  /** How many change handlers are registered (all sheets). */
  get changedHandlerCount(): number {
    return this.changedHandlers.length;
  }

  /**
   * Tells `sheet`'s change handlers that `region` changed, after the current
   * batch, as Excel raises Worksheet.onChanged for a user's edit and for an
   * add-in's write alike.
   */
  changed(
    sheet: MockSheet,
    region: { row: number; column: number; rowCount: number; columnCount: number },
    changeType: MockChangedEvent["changeType"] = "RangeEdited",
  ): void {
    const handlers = this.changedHandlers.filter((h) => h.sheet === sheet);
    if (handlers.length === 0) return;
    const event: MockChangedEvent = {
      address: regionAddress({ sheet: sheet.name, ...region }, false),
      changeType,
      source: "Local",
      type: "WorksheetChanged",
      worksheetId: sheet.name,
    };
    setTimeout(() => {
      for (const { handler } of handlers) void handler(event);
    }, 0);
  }

  /** A user typing or pasting `values` at (row, column) of `sheet`: the cells change and the sheet's change handlers hear of it. */
  edit(sheet: MockSheet, row: number, column: number, values: unknown[][]): void {
    values.forEach((line, i) =>
      line.forEach((v, j) =>
        sheet.setCell(
          row + i,
          column + j,
          v === "" || v === null || v === undefined ? undefined : { value: v as string | number | boolean },
        ),
      ),
    );
    this.changed(sheet, {
      row,
      column,
      rowCount: values.length,
      columnCount: Math.max(1, ...values.map((l) => l.length)),
    });
  }

  /** Registers a selection handler on one sheet; the returned function removes it. */
  onSelectionChanged(sheet: MockSheet, handler: MockSelectionHandler): () => void {
    const entry = { sheet, handler };
    this.selectionHandlers.push(entry);
    return () => {
      const at = this.selectionHandlers.indexOf(entry);
      if (at >= 0) this.selectionHandlers.splice(at, 1);
    };
  }

  /** How many selection handlers are registered (all sheets). */
  get selectionHandlerCount(): number {
    return this.selectionHandlers.length;
  }

  /**
   * Selects a range, activating its sheet, and tells that sheet's selection
   * handlers (as Excel does for a click and for Range.select()).
   */
  select(
    sheet: MockSheet,
    region: { row: number; column: number; rowCount: number; columnCount: number },
  ): void {
    this.activeSheet = sheet;
    this.selection = {
      row: region.row,
      column: region.column,
      rowCount: region.rowCount,
      columnCount: region.columnCount,
    };
    const event: MockSelectionEvent = {
      address: regionAddress({ sheet: sheet.name, ...this.selection }, false),
      type: "WorksheetSelectionChanged",
      worksheetId: sheet.name,
    };
    for (const { handler } of this.selectionHandlers.filter((h) => h.sheet === sheet)) void handler(event);
  }

  /** The `nth` sync from now that changes the workbook (1 = the next one) fails with `message`, writing nothing. */
  failWriteSync(nth: number, message: string): void {
    this.writeFailures.set(this.writeSyncCount + nth, message);
  }

  /** Counts a sync that changes the workbook; the failure planned for it, if any. */
  nextWriteSync(): string | undefined {
    this.writeSyncCount++;
    const failure = this.writeFailures.get(this.writeSyncCount);
    this.writeFailures.delete(this.writeSyncCount);
    return failure;
  }

  /** Removes a sheet and its tables. */
  deleteSheet(sheet: MockSheet): void {
    if (this.sheets.length === 1) throw new MockError("InvalidOperation", "a workbook keeps one sheet");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? sheet;
  }

  newId(): string {
    return `{mock-cf-${this.nextId++}}`;
  }

  sheet(name: string): MockSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): MockSheet {
    if (this.sheet(name)) throw new MockError("ItemAlreadyExists", `sheet ${name} exists`);
    const sheet = new MockSheet(name);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  table(name: string): MockTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /** Table header texts, in column order. */
  tableHeaders(table: MockTable): string[] {
    return Array.from({ length: table.region.columnCount }, (_, j) =>
      String(table.sheet.cell(table.region.row, table.region.column + j)?.value ?? ""),
    );
  }
}

/** An error shaped like Office.js's: a code and a message. */
export class MockError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}
