/**
 * A fake of the slice of the Excel JavaScript API the gateway uses, with
 * Office.js's batching: methods and property writes queue operations,
 * `load` queues a read, and `context.sync()` runs the queue in order. Reading
 * a property that was not loaded throws PropertyNotLoaded, as Excel does, so
 * code that forgets a load fails here too. Excel's limits are enforced: a
 * request or response over 5 MB of JSON (Excel on the web) and a range read
 * of more than 5,000,000 cells throw with Excel's error codes; strings
 * written to cells not formatted as text are coerced as Excel coerces them.
 */
import type { CellValue } from "../../rules/types";
import { parseAddress, type Region, regionAddress } from "../excel/address";
import { jsonBytes, PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT } from "../excel/payload";
import { coerceInput } from "./coerce";
import {
  compareApiVersions,
  dataRegion,
  isEmptyCell,
  type MockCell,
  type MockComment,
  MockError,
  type MockFormat,
  type MockChangedHandler,
  type MockSelectionHandler,
  type MockSheet,
  type MockTable,
  MockWorkbook,
} from "./workbook";

/** Computes a formula cell's value. */
export type Evaluator = (
  book: MockWorkbook,
  sheet: MockSheet,
  row: number,
  column: number,
  formula: string,
) => CellValue;

/** A queued operation, its share of the request (bytes of JSON) and whether it changes the workbook. */
interface Op {
  run: () => void;
  bytes: number;
  write: boolean;
}
const SHEET_ROWS = 1048576;
const SHEET_COLUMNS = 16384;
/** What one queued action adds to a request besides its arguments (object path, method, ids). */
export const ACTION_BYTES = 100;

export class MockRequestContext {
  readonly queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  /** Bytes of the values the running sync loads (its response). */
  responseBytes = 0;
  constructor(
    readonly book: MockWorkbook,
    readonly evaluate: Evaluator,
    private readonly failures: string[],
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Queues an operation: `bytes` is the size of its arguments; `write` when it changes the workbook. */
  enqueue(run: () => void, bytes = 0, write = false): void {
    this.queue.push({ run, bytes: ACTION_BYTES + bytes, write });
  }

  /**
   * Runs the queued operations in order; the first failure rejects and drops
   * the rest. A request over the payload limit is refused before anything
   * runs; a response over it rejects after the batch ran (its writes stay).
   */
  async sync(): Promise<void> {
    this.book.syncCount++;
    const ops = this.queue.splice(0);
    // An empty string in the failure list lets one sync pass (to fail a later one).
    const failure = this.failures.shift();
    if (failure) throw new MockError("GeneralException", failure);
    const request = ops.reduce((n, op) => n + op.bytes, 0);
    if (request > PAYLOAD_LIMIT_BYTES) {
      throw new MockError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${request} bytes).`,
      );
    }
    if (ops.some((op) => op.write)) {
      const writeFailure = this.book.nextWriteSync();
      if (writeFailure !== undefined) throw new MockError("GeneralException", writeFailure);
    }
    this.responseBytes = 0;
    for (const op of ops) op.run();
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new MockError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.responseBytes} bytes).`,
      );
    }
  }
}

const split = (props: string | string[] | undefined): string[] =>
  (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);

abstract class ClientObject<T> {
  private readonly loaded = new Map<string, unknown>();
  private synced = false;
  private isNull = false;
  constructor(
    protected readonly ctx: MockRequestContext,
    protected readonly resolver: () => T | null,
  ) {}

  protected abstract read(target: T, prop: string): unknown;

  load(props?: string | string[]): this {
    const names = split(props);
    this.ctx.enqueue(() => this.applyLoad(names), names.join(",").length);
    return this;
  }

  /** Reads the named properties now (what a queued load does when the batch runs). */
  applyLoad(names: string[]): void {
    const target = this.resolver();
    this.synced = true;
    this.isNull = target === null;
    if (target === null) return;
    for (const name of names) {
      const value = this.read(target, name);
      this.ctx.responseBytes += jsonBytes(value);
      this.loaded.set(name, value);
    }
  }

  get isNullObject(): boolean {
    if (!this.synced) throw new MockError("PropertyNotLoaded", "isNullObject read before load and sync");
    return this.isNull;
  }

  protected value<V>(name: string): V {
    if (!this.loaded.has(name)) throw new MockError("PropertyNotLoaded", `property "${name}" was not loaded`);
    return this.loaded.get(name) as V;
  }

  protected target(): T {
    const t = this.resolver();
    if (t === null) throw new MockError("ItemNotFound", "the requested item does not exist");
    return t;
  }

  /** Queues a change; `args` are what goes over the wire with it (they count toward the request size). */
  protected queue(op: (target: T) => void, args?: unknown): void {
    this.ctx.enqueue(() => op(this.target()), jsonBytes(args), true);
  }
}

/** Refuses an API the host's ExcelApi version lacks, as Excel does (ApiNotFound). */
function requireApi(book: MockWorkbook, version: string, api: string): void {
  if (compareApiVersions(book.excelApi, version) < 0)
    throw new MockError("ApiNotFound", `${api} needs ExcelApi ${version}; this host has ${book.excelApi}`);
}

/** The one cell a comment address names; Excel refuses a range of several cells or no sheet. */
function commentCell(book: MockWorkbook, address: string): { sheet: MockSheet; row: number; column: number } {
  const region = parseAddress(address);
  const sheet = region.sheet === "" ? undefined : book.sheet(region.sheet);
  if (region.sheet === "")
    throw new MockError("InvalidArgument", `a comment address names its sheet (got ${address})`);
  if (!sheet) throw new MockError("ItemNotFound", `no sheet named ${region.sheet}`);
  if (region.rowCount !== 1 || region.columnCount !== 1)
    throw new MockError("InvalidArgument", `a comment belongs to one cell (got ${address})`);
  return { sheet, row: region.row, column: region.column };
}

class CommentCollectionProxy {
  constructor(private readonly ctx: MockRequestContext) {}
  /** Excel refuses a comment on a cell that has one (there is no "or replace"). */
  add(cellAddress: string, content: string): void {
    const book = this.ctx.book;
    this.ctx.enqueue(
      () => {
        requireApi(book, "1.10", "CommentCollection.add");
        const at = commentCell(book, cellAddress);
        if (book.comments.some((c) => c.sheet === at.sheet && c.row === at.row && c.column === at.column))
          throw new MockError("InvalidArgument", `cell ${cellAddress} has a comment already`);
        book.comments.push({ ...at, content });
      },
      jsonBytes([cellAddress, content]),
      true,
    );
  }
  /** The comment on a cell; loading it throws ItemNotFound when the cell has none, as Excel does. */
  getItemByCell(cellAddress: string): CommentProxy {
    const book = this.ctx.book;
    return new CommentProxy(this.ctx, () => {
      requireApi(book, "1.10", "CommentCollection.getItemByCell");
      const at = commentCell(book, cellAddress);
      const found = book.comments.find(
        (c) => c.sheet === at.sheet && c.row === at.row && c.column === at.column,
      );
      if (!found) throw new MockError("ItemNotFound", `no comment on ${cellAddress}`);
      return found;
    });
  }
}

class CommentProxy extends ClientObject<MockComment> {
  protected read(comment: MockComment, prop: string): unknown {
    if (prop === "content") return comment.content;
    throw new MockError("InvalidArgument", `the mock comment cannot load "${prop}"`);
  }
  get content(): string {
    return this.value("content");
  }
  delete(): void {
    this.queue((comment) => {
      const book = this.ctx.book;
      book.comments.splice(book.comments.indexOf(comment), 1);
    });
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly comments: CommentCollectionProxy;
  constructor(private readonly ctx: MockRequestContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, () => null);
    this.comments = new CommentCollectionProxy(ctx);
  }
  getActiveCell(): RangeProxy {
    const book = this.ctx.book;
    return new RangeProxy(this.ctx, () => ({
      sheet: book.activeSheet,
      region: {
        sheet: book.activeSheet.name,
        row: book.selection.row,
        column: book.selection.column,
        rowCount: 1,
        columnCount: 1,
      },
    }));
  }
  getSelectedRange(): RangeProxy {
    const book = this.ctx.book;
    return new RangeProxy(this.ctx, () => ({
      sheet: book.activeSheet,
      region: { sheet: book.activeSheet.name, ...book.selection },
    }));
  }
}

class WorksheetCollectionProxy {
  constructor(private readonly ctx: MockRequestContext) {}
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.activeSheet);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const sheet = this.ctx.book.sheet(name);
      if (!sheet) throw new MockError("ItemNotFound", `no sheet named ${name}`);
      return sheet;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(name) ?? null);
  }
  add(name: string): WorksheetProxy {
    let created: MockSheet | null = null;
    this.ctx.enqueue(
      () => {
        created = this.ctx.book.addSheet(name);
      },
      jsonBytes(name),
      true,
    );
    return new WorksheetProxy(this.ctx, () => created);
  }
}

class WorksheetProxy extends ClientObject<MockSheet> {
  protected read(sheet: MockSheet, prop: string): unknown {
    if (prop === "name") return sheet.name;
    throw new MockError("InvalidArgument", `the mock worksheet cannot load "${prop}"`);
  }
  get name(): string {
    return this.value("name");
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, () => this.target());
  }
  activate(): void {
    this.queue((sheet) => {
      this.ctx.book.activeSheet = sheet;
    });
  }
  /** Deletes the sheet and the tables on it. */
  delete(): void {
    this.queue((sheet) => this.ctx.book.deleteSheet(sheet));
  }
  /** Handlers take effect at the next sync; `remove` is queued on the same context. */
  get onChanged(): {
    add: (handler: MockChangedHandler) => { context: MockRequestContext; remove: () => void };
  } {
    return {
      add: (handler) => {
        let off: (() => void) | undefined;
        this.queue((sheet) => {
          off = this.ctx.book.onChanged(sheet, handler);
        });
        return {
          context: this.ctx,
          remove: () => this.ctx.enqueue(() => off?.()),
        };
      },
    };
  }
  get onSelectionChanged(): {
    add: (handler: MockSelectionHandler) => { context: MockRequestContext; remove: () => void };
  } {
    return {
      add: (handler) => {
        let off: (() => void) | undefined;
        this.queue((sheet) => {
          off = this.ctx.book.onSelectionChanged(sheet, handler);
        });
        return {
          context: this.ctx,
          remove: () => this.ctx.enqueue(() => off?.()),
        };
      },
    };
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.target();
      const region = address
        ? { ...parseAddress(address), sheet: sheet.name }
        : { sheet: sheet.name, row: 0, column: 0, rowCount: SHEET_ROWS, columnCount: SHEET_COLUMNS };
      return { sheet, region };
    });
  }
  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.target();
      const region = sheet.usedRegion();
      return region ? { sheet, region } : null;
    });
  }
  getUsedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.target();
      return {
        sheet,
        region: sheet.usedRegion() ?? { sheet: sheet.name, row: 0, column: 0, rowCount: 1, columnCount: 1 },
      };
    });
  }
}

interface RangeTarget {
  sheet: MockSheet;
  region: Region;
}

/**
 * Writes a value or formula the way Excel reads typed input: a leading
 * apostrophe marks text; in a cell formatted as text ("@") the input is kept
 * as given; otherwise "=..." is a formula and other strings are coerced
 * (numbers, dates, TRUE/FALSE). The cell keeps its number format.
 */
function writeCell(sheet: MockSheet, row: number, column: number, input: unknown): void {
  const format = sheet.cell(row, column)?.format;
  const keep = format !== undefined ? { format } : {};
  const put = (cell: MockCell | undefined): void =>
    sheet.setCell(row, column, cell ?? (format !== undefined ? { value: "", format } : undefined));
  if (input === "" || input === null || input === undefined) put(undefined);
  else if (typeof input === "string" && input.startsWith("'")) put({ value: input.slice(1), ...keep });
  else if (typeof input !== "string" || format === "@") put({ value: input as CellValue, ...keep });
  else if (input.startsWith("=")) put({ value: null, formula: input, ...keep });
  else put({ value: coerceInput(input), ...keep });
}

/** Sets number formats ("@" is text, "General" none). */
function writeFormats(t: RangeTarget, input: unknown): void {
  eachCell(t, input, (row, column, v) => {
    const { format: _old, ...rest } = t.sheet.cell(row, column) ?? { value: "" };
    const format = typeof v === "string" && v !== "General" ? v : undefined;
    if (format !== undefined) t.sheet.setCell(row, column, { ...rest, format });
    else t.sheet.setCell(row, column, isEmptyCell(rest) ? undefined : rest);
  });
}

/** Clears what `applyTo` names ("All" by default, as Range.clear does). */
function clearGrid(t: RangeTarget, applyTo: string): void {
  eachCell(t, "", (row, column) => {
    const cell = t.sheet.cell(row, column);
    if (!cell) return;
    if (applyTo === "Contents")
      t.sheet.setCell(
        row,
        column,
        cell.format !== undefined ? { value: "", format: cell.format } : undefined,
      );
    else if (applyTo === "Formats") {
      const { format: _format, ...rest } = cell;
      t.sheet.setCell(row, column, isEmptyCell(rest) ? undefined : rest);
    } else t.sheet.setCell(row, column, undefined);
  });
}

/** Calls `write` for each cell of the target with its input (a 2D array matching the range, or one value for all). */
function eachCell(
  t: RangeTarget,
  input: unknown,
  write: (row: number, column: number, v: unknown) => void,
): void {
  const { row, column, rowCount, columnCount } = t.region;
  if (Array.isArray(input)) {
    if (input.length !== rowCount || input.some((r) => !Array.isArray(r) || r.length !== columnCount)) {
      throw new MockError(
        "InvalidArgument",
        `the array does not match the size of the range ${regionAddress(t.region)}`,
      );
    }
  }
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < columnCount; c++) {
      write(row + r, column + c, Array.isArray(input) ? (input[r] as unknown[])[c] : input);
    }
  }
}

function writeGrid(t: RangeTarget, input: unknown): void {
  eachCell(t, input, (row, column, v) => writeCell(t.sheet, row, column, v));
}

class RangeProxy extends ClientObject<RangeTarget> {
  protected read(t: RangeTarget, prop: string): unknown {
    const grid = (pick: (r: number, c: number) => unknown): unknown[][] => {
      const cells = t.region.rowCount * t.region.columnCount;
      this.ctx.book.cellsRead += cells;
      if (cells > READ_CELL_LIMIT) {
        throw new MockError(
          "RangeExceedsLimit",
          `The cell count in the range has exceeded the maximum supported number (${cells} cells).`,
        );
      }
      return Array.from({ length: t.region.rowCount }, (_, i) =>
        Array.from({ length: t.region.columnCount }, (_, j) => pick(t.region.row + i, t.region.column + j)),
      );
    };
    switch (prop) {
      case "address":
        return regionAddress(t.region);
      case "rowIndex":
        return t.region.row;
      case "columnIndex":
        return t.region.column;
      case "rowCount":
        return t.region.rowCount;
      case "columnCount":
        return t.region.columnCount;
      case "values":
        return grid((r, c) => {
          const cell = t.sheet.cell(r, c);
          if (!cell) return "";
          if (cell.formula !== undefined)
            return this.ctx.evaluate(this.ctx.book, t.sheet, r, c, cell.formula) ?? "";
          return cell.value ?? "";
        });
      case "formulas":
        return grid((r, c) => {
          const cell = t.sheet.cell(r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      case "numberFormat":
        return grid((r, c) => t.sheet.cell(r, c)?.format ?? "General");
      default:
        throw new MockError("InvalidArgument", `the mock range cannot load "${prop}"`);
    }
  }
  get address(): string {
    return this.value("address");
  }
  get values(): unknown[][] {
    return this.value("values");
  }
  set values(input: unknown) {
    this.queue((t) => {
      writeGrid(t, input);
      this.ctx.book.changed(t.sheet, t.region);
    }, input);
  }
  get formulas(): unknown[][] {
    return this.value("formulas");
  }
  set formulas(input: unknown) {
    this.queue((t) => {
      writeGrid(t, input);
      this.ctx.book.changed(t.sheet, t.region);
    }, input);
  }
  get numberFormat(): unknown[][] {
    return this.value("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.queue((t) => writeFormats(t, input), input);
  }
  get conditionalFormats(): FormatCollectionProxy {
    return new FormatCollectionProxy(this.ctx, () => this.target());
  }
  getRow(index: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.target();
      return { sheet: t.sheet, region: { ...t.region, row: t.region.row + index, rowCount: 1 } };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.target();
      return {
        sheet: t.sheet,
        region: {
          ...t.region,
          row: t.region.row + row,
          column: t.region.column + column,
          rowCount: 1,
          columnCount: 1,
        },
      };
    });
  }
  select(): void {
    this.queue((t) => this.ctx.book.select(t.sheet, t.region));
  }
  /**
   * Deletes the cells, shifting the cells below up. Rows of a table's data
   * body taken across all its columns leave the table; any other cut through
   * a table is refused, as Excel refuses it.
   */
  delete(shift: "Up" | "Left"): void {
    this.queue((t) => {
      if (shift !== "Up") throw new MockError("InvalidArgument", "the mock host deletes with shift Up only");
      const r = t.region;
      const hit = this.ctx.book.tables.filter((x) => x.sheet === t.sheet && overlaps(x.region, r));
      for (const table of hit) {
        const body = dataRegion(table);
        const rows =
          r.column === body.column &&
          r.columnCount === body.columnCount &&
          r.row >= body.row &&
          r.row + r.rowCount <= body.row + body.rowCount;
        if (!rows) throw new MockError("InvalidOperation", "This operation would shift cells in a table.");
      }
      for (const table of hit) table.region.rowCount -= r.rowCount;
      t.sheet.deleteCellsUp(r.row, r.column, r.columnCount, r.rowCount);
      this.ctx.book.changed(t.sheet, r, "CellDeleted");
    }, shift);
  }
  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.queue((t) => {
      clearGrid(t, applyTo);
      if (applyTo !== "Formats") this.ctx.book.changed(t.sheet, t.region);
    }, applyTo);
  }
}

class TableCollectionProxy extends ClientObject<MockTable[]> {
  private itemList: TableProxy[] | undefined;
  constructor(
    ctx: MockRequestContext,
    private readonly sheetOf: () => MockSheet | null,
  ) {
    super(ctx, () => {
      const sheet = sheetOf();
      return ctx.book.tables.filter((t) => sheet === null || t.sheet === sheet);
    });
  }
  protected read(): unknown {
    return undefined;
  }
  override load(props?: string | string[]): this {
    const names = split(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      this.itemList = this.target().map((table) => {
        const proxy = new TableProxy(this.ctx, () => table);
        proxy.applyLoad(names);
        return proxy;
      });
    }, names.join(",").length);
    return this;
  }
  get items(): TableProxy[] {
    if (!this.itemList) throw new MockError("PropertyNotLoaded", "items was not loaded");
    return this.itemList;
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => {
      const table = this.ctx.book.table(name);
      if (!table) throw new MockError("ItemNotFound", `no table named ${name}`);
      return table;
    });
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.ctx.book.table(name) ?? null);
  }
  add(address: string, hasHeaders: boolean): TableProxy {
    let created: MockTable | null = null;
    this.ctx.enqueue(
      () => {
        const region = parseAddress(address);
        const sheet =
          (region.sheet ? this.ctx.book.sheet(region.sheet) : this.sheetOf()) ?? this.ctx.book.activeSheet;
        if (!hasHeaders)
          throw new MockError("InvalidArgument", "the mock host only creates tables with headers");
        if (this.ctx.book.tables.some((t) => t.sheet === sheet && overlaps(t.region, region))) {
          throw new MockError("InvalidOperation", "a table cannot overlap another table");
        }
        // Excel gives a header-only table one empty data row.
        const rowCount = Math.max(region.rowCount, 2);
        created = {
          name: `Table${this.ctx.book.tables.length + 1}`,
          sheet,
          region: { ...region, sheet: sheet.name, rowCount },
        };
        this.ctx.book.tables.push(created);
      },
      jsonBytes(address),
      true,
    );
    return new TableProxy(this.ctx, () => created);
  }
}

function overlaps(a: Region, b: Region): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

class TableProxy extends ClientObject<MockTable> {
  private newName: string | undefined;
  protected read(table: MockTable, prop: string): unknown {
    if (prop === "name") return table.name;
    if (prop === "showTotals") return table.showTotals === true;
    throw new MockError("InvalidArgument", `the mock table cannot load "${prop}"`);
  }
  get name(): string {
    return this.newName ?? this.value("name");
  }
  get showTotals(): boolean {
    return this.value("showTotals");
  }
  /** Deletes the table and its cells (Table.delete). */
  delete(): void {
    this.queue((table) => {
      this.ctx.book.tables.splice(this.ctx.book.tables.indexOf(table), 1);
      clearGrid({ sheet: table.sheet, region: table.region }, "All");
    });
  }
  set name(name: string) {
    this.newName = name;
    this.queue((table) => {
      if (this.ctx.book.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase())) {
        throw new MockError("InvalidArgument", `a table named ${name} exists`);
      }
      table.name = name;
    });
  }
  private range(pick: (t: MockTable) => Region): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const table = this.target();
      return { sheet: table.sheet, region: pick(table) };
    });
  }
  getRange(): RangeProxy {
    return this.range((t) => t.region);
  }
  getHeaderRowRange(): RangeProxy {
    return this.range((t) => ({ ...t.region, rowCount: 1 }));
  }
  getDataBodyRange(): RangeProxy {
    return this.range(dataRegion);
  }
  getTotalRowRange(): RangeProxy {
    return this.range((t) => {
      if (!t.showTotals) throw new MockError("InvalidOperation", `table ${t.name} has no totals row`);
      return { ...t.region, row: t.region.row + t.region.rowCount - 1, rowCount: 1 };
    });
  }
  private column(name: string, orNull: boolean): ColumnTarget | null {
    const table = this.target();
    const index = this.ctx.book.tableHeaders(table).indexOf(name);
    if (index >= 0) return { table, index };
    if (orNull) return null;
    throw new MockError("ItemNotFound", `no column ${name} in ${table.name}`);
  }
  /**
   * Table columns: `add` appends a column (cells to its right shift right);
   * `values`, when given, cover the whole column, header and totals row
   * included. Without values the new column's cells are empty, its totals
   * cell too. `getItem(name).delete()` removes a column, shifting cells left.
   */
  get columns(): {
    add: (index: number | undefined, values?: unknown[][], name?: string) => void;
    getItem: (name: string) => TableColumnProxy;
    getItemOrNullObject: (name: string) => TableColumnProxy;
  } {
    return {
      add: (_index, values, name) =>
        this.queue(
          (table) => {
            const r = table.region;
            const column = r.column + r.columnCount;
            table.sheet.insertCellsRight(r.row, r.rowCount, column, 1);
            const body = values ?? [[name ?? `Column${r.columnCount + 1}`]];
            if (values && values.length !== r.rowCount)
              throw new MockError("InvalidArgument", "the column values do not match the table's rows");
            body.forEach((row, i) =>
              writeCell(table.sheet, r.row + i, column, i === 0 && name ? name : row[0]),
            );
            r.columnCount++;
          },
          [values, name],
        ),
      getItem: (name) => new TableColumnProxy(this.ctx, () => this.column(name, false)),
      getItemOrNullObject: (name) => new TableColumnProxy(this.ctx, () => this.column(name, true)),
    };
  }
  get rows(): {
    add: (index: number | undefined, values: unknown[][]) => void;
    getItemAt: (index: number) => { delete: () => void };
  } {
    return {
      // New rows go after the last data row (above the totals row), shifting the cells below down.
      add: (_index, values) =>
        this.queue((table) => {
          const r = table.region;
          if (values.some((row) => row.length !== r.columnCount))
            throw new MockError("InvalidArgument", "the row does not match the table's columns");
          const at = r.row + r.rowCount - (table.showTotals ? 1 : 0);
          table.sheet.insertCellsDown(at, r.column, r.columnCount, values.length);
          values.forEach((row, i) => row.forEach((v, j) => writeCell(table.sheet, at + i, r.column + j, v)));
          r.rowCount += values.length;
        }, values),
      getItemAt: (index) => ({
        delete: () =>
          this.queue((table) => {
            const r = table.region;
            if (index < 0 || index >= dataRegion(table).rowCount)
              throw new MockError("ItemNotFound", `no row ${index}`);
            table.sheet.deleteCellsUp(r.row + 1 + index, r.column, r.columnCount);
            r.rowCount--;
          }),
      }),
    };
  }
}

interface ColumnTarget {
  table: MockTable;
  index: number;
}

/** A table column: its name, and `delete` (cells to its right shift left). */
class TableColumnProxy extends ClientObject<ColumnTarget> {
  protected read(t: ColumnTarget, prop: string): unknown {
    if (prop === "name") return this.ctx.book.tableHeaders(t.table)[t.index];
    throw new MockError("InvalidArgument", `the mock table column cannot load "${prop}"`);
  }
  get name(): string {
    return this.value("name");
  }
  delete(): void {
    this.queue(({ table, index }) => {
      const r = table.region;
      table.sheet.deleteCellsLeft(r.row, r.rowCount, r.column + index);
      r.columnCount--;
    });
  }
}

class FormatCollectionProxy extends ClientObject<RangeTarget> {
  private itemList: FormatProxy[] | undefined;
  protected read(): unknown {
    return undefined;
  }
  override load(): this {
    this.ctx.enqueue(() => {
      const t = this.target();
      this.itemList = t.sheet.formats
        .filter((f) => overlaps(f.region, t.region))
        .map(
          (f) =>
            new FormatProxy(
              this.ctx,
              () => (t.sheet.formats.includes(f) ? { sheet: t.sheet, format: f } : null),
              f,
            ),
        );
    });
    return this;
  }
  get items(): FormatProxy[] {
    if (!this.itemList) throw new MockError("PropertyNotLoaded", "items was not loaded");
    return this.itemList;
  }
  add(type: string): FormatProxy {
    if (type !== "Custom")
      throw new MockError(
        "InvalidArgument",
        `the mock host only supports custom conditional formats, not ${type}`,
      );
    let created: { sheet: MockSheet; format: MockFormat } | null = null;
    this.queue((t) => {
      const format: MockFormat = {
        id: this.ctx.book.newId(),
        type: "Custom",
        region: t.region,
        formula: "",
        priority: 0,
        stopIfTrue: false,
      };
      t.sheet.formats.unshift(format);
      created = { sheet: t.sheet, format };
    });
    return new FormatProxy(this.ctx, () => created, undefined);
  }
}

interface CustomFormatProxy {
  rule: { formula: string; load: (p?: string) => void };
  format: { fill: { color: string }; font: { color: string } };
}

interface FormatTarget {
  sheet: MockSheet;
  format: MockFormat;
}

class FormatProxy extends ClientObject<FormatTarget> {
  constructor(
    ctx: MockRequestContext,
    resolver: () => FormatTarget | null,
    private readonly known: MockFormat | undefined,
  ) {
    super(ctx, resolver);
  }
  protected read(): unknown {
    return undefined;
  }
  get id(): string {
    if (!this.known) throw new MockError("PropertyNotLoaded", "id was not loaded");
    return this.known.id;
  }
  get type(): string {
    if (!this.known) throw new MockError("PropertyNotLoaded", "type was not loaded");
    return this.known.type;
  }
  set priority(p: number) {
    this.queue(({ sheet, format }) => {
      sheet.formats.splice(sheet.formats.indexOf(format), 1);
      sheet.formats.splice(Math.min(p, sheet.formats.length), 0, format);
      sheet.formats.forEach((f, i) => (f.priority = i));
    });
  }
  set stopIfTrue(v: boolean) {
    this.queue(({ format }) => {
      format.stopIfTrue = v;
    });
  }
  private customProxy: CustomFormatProxy | undefined;
  get custom(): CustomFormatProxy {
    this.customProxy ??= this.makeCustom();
    return this.customProxy;
  }
  private makeCustom(): CustomFormatProxy {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    let loadedFormula: string | undefined;
    return {
      rule: {
        get formula(): string {
          if (loadedFormula === undefined) throw new MockError("PropertyNotLoaded", "formula was not loaded");
          return loadedFormula;
        },
        set formula(f: string) {
          self.queue(({ format }) => {
            format.formula = f;
          });
        },
        load: () => {
          self.ctx.enqueue(() => {
            loadedFormula = self.target().format.formula;
          });
        },
      },
      format: {
        fill: {
          get color(): string {
            throw new MockError("PropertyNotLoaded", "color was not loaded");
          },
          set color(c: string) {
            self.queue(({ format }) => {
              format.fill = c;
            });
          },
        },
        font: {
          get color(): string {
            throw new MockError("PropertyNotLoaded", "color was not loaded");
          },
          set color(c: string) {
            self.queue(({ format }) => {
              format.font = c;
            });
          },
        },
      },
    };
  }
  delete(): void {
    this.queue(({ sheet, format }) => {
      sheet.formats.splice(sheet.formats.indexOf(format), 1);
    });
  }
}

export type Batch<T> = (context: MockRequestContext) => Promise<T>;

/**
 * The fake `Excel` namespace: `run(batch)` hands a fresh request context to
 * the batch; `run(context, batch)` reuses an earlier one (as an event
 * registration's `remove` needs).
 */
export function createExcelApi(book: MockWorkbook, evaluate: Evaluator, failures: string[]) {
  return {
    async run<T>(
      first: Batch<T> | { context: MockRequestContext } | MockRequestContext,
      second?: Batch<T>,
    ): Promise<T> {
      book.runCount++;
      if (typeof first === "function") return first(new MockRequestContext(book, evaluate, failures));
      if (!second) throw new MockError("InvalidArgument", "Excel.run(context, batch) needs a batch");
      return second(first instanceof MockRequestContext ? first : first.context);
    },
    ConditionalFormatType: { custom: "Custom" },
  };
}
