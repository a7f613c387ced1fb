/**
 * The task pane's only door to Excel: every `Excel.run` of the add-in is here.
 * Each operation reads what it needs, decides with pure code (./plan.ts),
 * validates everything, then writes. Excel on the web refuses a request or a
 * response over 5 MB (./payload.ts), so cell reads and writes go in chunks of
 * rows, one sync per chunk, each sized to stay well under the limit: the
 * syncs per chunk never change, only the number of chunks grows with the
 * ledger. A write that needs several chunks is undone when one fails, and
 * what could not be undone is named (GatewayError "partial_write").
 *
 * Text keeps its type: cells the pane writes text into get the text number
 * format ("@") before their values, so Excel does not turn a member id, a
 * USCC or a date typed as text into a number or a date serial.
 */
import type { CellValue } from "../../rules/types";
import { settingsFromPairs } from "../../rules/settings";
import { neutralize } from "../model/injection";
import { parseAddress, type Region, regionAddress } from "./address";
import { FROZEN_MARK, GUARD_SHEET, type GuardTable, RISK_HEADERS, TABLE, TABLE_LAYOUT } from "./layout";
import { jsonBytes, PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT } from "./payload";
import {
  type FlagRule,
  type FlagScope,
  isOurFlag,
  type Ledger,
  ledgerRowsRegion,
  locateLedger,
  pickTable,
  planFlags,
  planRiskColumns,
  riskFormulas,
  riskRegion,
  type SheetState,
} from "./plan";

type Ctx = Excel.RequestContext;

/** A Guard table as read: its region and its values, header row first (a totals row left out of both). */
export interface TableState {
  region: Region;
  values: CellValue[][];
}

/** What the pane shows: the ledger on the active sheet and the Guard tables. */
export interface WorkbookSnapshot {
  sheet: string;
  ledger?: Ledger;
  tables: Partial<Record<GuardTable, TableState>>;
}

/** An operation refused or undone for a reason the user can act on. */
export class GatewayError extends Error {
  constructor(
    readonly code:
      | "no_ledger"
      | "already_added"
      | "not_empty"
      | "no_risk_columns"
      | "stale"
      | "empty_entry"
      /** A write failed; what was written before it was undone (detail: Excel's message). */
      | "write_failed"
      /** A write failed and undoing it failed too (detail: the cells left written). */
      | "partial_write"
      /** Freeze: the risk columns hold values already (detail: their cells). */
      | "already_frozen"
      /** Unfreeze: the risk columns hold their formulas (detail: their cells). */
      | "not_frozen"
      /** Freeze: a risk cell shows an error such as #BUSY! or #NAME? instead of a result (detail: the cell). */
      | "not_computed"
      /** Freeze: the Risk score header has a comment already, so the note cannot go there (detail: the cell). */
      | "comment_exists",
    readonly detail = "",
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "GatewayError";
  }
}

/** What one write request may carry: a fifth of Excel on the web's 5 MB, room for the protocol around the data. */
export const CHUNK_BYTES = Math.floor(PAYLOAD_LIMIT_BYTES / 5);
/**
 * What one read chunk aims at: two fifths of the 5 MB. Reads are sized from
 * the rows read before, so a chunk may come out larger; one Excel refuses is
 * read again in halves.
 */
export const READ_CHUNK_BYTES = Math.floor((PAYLOAD_LIMIT_BYTES * 2) / 5);
/** Cells in the first chunk of a read, before the size of a row is known. */
const FIRST_READ_CELLS = 20_000;

const LIMIT_ERRORS = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);
const isLimitError = (e: unknown): boolean =>
  typeof e === "object" && e !== null && LIMIT_ERRORS.has(String((e as { code?: unknown }).code));

const asCells = (values: unknown): CellValue[][] => values as CellValue[][];

/**
 * Reads a region's values (or formulas) in chunks of rows, one sync each. The
 * first chunk holds about FIRST_READ_CELLS cells; later ones are sized from
 * the bytes a row took so far to come near READ_CHUNK_BYTES. A chunk Excel still
 * finds too large is read again in halves.
 */
async function readRows(ctx: Ctx, region: Region, property: "values" | "formulas"): Promise<CellValue[][]> {
  const sheet = ctx.workbook.worksheets.getItem(region.sheet);
  const maxRows = Math.max(1, Math.floor(READ_CELL_LIMIT / region.columnCount));
  let rows = Math.min(maxRows, Math.max(1, Math.floor(FIRST_READ_CELLS / region.columnCount)));
  let bytes = 0;
  const out: CellValue[][] = [];
  while (out.length < region.rowCount) {
    const n = Math.min(rows, region.rowCount - out.length);
    const range = sheet.getRange(
      regionAddress({ ...region, row: region.row + out.length, rowCount: n }, false),
    );
    range.load(property);
    try {
      await ctx.sync();
    } catch (e) {
      if (!isLimitError(e) || n === 1) throw e;
      rows = Math.ceil(n / 2);
      continue;
    }
    const chunk = asCells(range[property]);
    for (const line of chunk) out.push(line);
    bytes += jsonBytes(chunk);
    rows = Math.min(maxRows, Math.max(1, Math.floor(READ_CHUNK_BYTES / (bytes / out.length))));
  }
  return out;
}

/** Splits rows into runs whose JSON (with `extra` bytes a row, e.g. its formats) stays under CHUNK_BYTES. */
function chunkRows<T>(rows: readonly T[], extra: (row: T) => number = () => 0): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const row of rows) {
    const bytes = jsonBytes(row) + extra(row) + 1;
    if (current.length > 0 && size + bytes > CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(row);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

interface LoadOptions {
  /** "cells": the ledger with every cell; "shape": where it is and its headers, read cheaply. */
  ledger?: "cells" | "shape";
  tables?: readonly GuardTable[];
  /** Also read the conditional formats of the active sheet (for flags). */
  formats?: boolean;
}

interface Loaded {
  state: SheetState;
  ledger?: Ledger;
  tables: Partial<Record<GuardTable, TableState>>;
  guardSheetExists: boolean;
  /** Conditional formats the task pane added, with their formula (only with `formats`). */
  ourFormats: Excel.ConditionalFormat[];
  sheet: Excel.Worksheet;
}

/**
 * The last plain-range ledger read in full, to serve actions that need only
 * where the ledger is: valid while the sheet's used range, its tables and the
 * ledger's header row read the same (the cheap change signal). A table ledger
 * needs no cache: the table says where it is.
 */
let shapeCache: { key: string; header: string; ledger: Ledger } | undefined;

const shapeKey = (state: SheetState, usedAddress: string): string =>
  JSON.stringify([state.sheet, usedAddress, state.tables]);

/** The header row across the ledger and the three columns after it. */
const headerRegion = (ledger: Ledger): Region => ({
  sheet: ledger.sheet,
  row: ledger.headerRow,
  column: ledger.firstColumn,
  rowCount: 1,
  columnCount: ledger.columnCount + RISK_HEADERS.length,
});

/**
 * Two syncs for what exists and where, then the cells in chunks: the Guard
 * tables asked for and, with `ledger`, the ledger ("cells": the used range's
 * values; "shape": the header row only, when the table or the cache says
 * where the ledger is).
 */
async function load(ctx: Ctx, options: LoadOptions): Promise<Loaded> {
  const { workbook } = ctx;
  const sheet = workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const guardSheet = workbook.worksheets.getItemOrNullObject(GUARD_SHEET);
  guardSheet.load("name");
  const used = options.ledger ? sheet.getUsedRangeOrNullObject() : undefined;
  used?.load("address");
  const sheetTables = options.ledger ? sheet.tables : undefined;
  sheetTables?.load("items/name,items/showTotals");
  const active = options.ledger ? workbook.getActiveCell() : undefined;
  active?.load("address");
  const guard = (options.tables ?? []).map((name) => {
    const table = workbook.tables.getItemOrNullObject(name);
    table.load("name,showTotals");
    return { name, table };
  });
  const formats = options.formats ? sheet.getRange().conditionalFormats : undefined;
  formats?.load("items/id,items/type");
  await ctx.sync();

  const tableRanges = (sheetTables?.items ?? []).map((t) => {
    const range = t.getRange();
    range.load("address");
    return { name: t.name, showTotals: t.showTotals, range };
  });
  const guardRanges = guard
    .filter((g) => !g.table.isNullObject)
    .map((g) => {
      const range = g.table.getRange();
      range.load("address");
      return { name: g.name, showTotals: g.table.showTotals, range };
    });
  const custom = (formats?.items ?? [])
    .filter((f) => f.type === "Custom")
    .map((f) => {
      f.custom.rule.load("formula");
      return f;
    });
  await ctx.sync();

  const state: SheetState = {
    sheet: sheet.name,
    tables: tableRanges.map((t) => ({
      name: t.name,
      region: parseAddress(t.range.address),
      ...(t.showTotals ? { showTotals: true } : {}),
    })),
  };
  if (active) {
    const cell = parseAddress(active.address);
    if (cell.sheet === "" || cell.sheet === sheet.name)
      state.selection = { row: cell.row, column: cell.column };
  }
  const tables: Partial<Record<GuardTable, TableState>> = {};
  for (const g of guardRanges) {
    const whole = parseAddress(g.range.address);
    const region = { ...whole, rowCount: whole.rowCount - (g.showTotals ? 1 : 0) };
    tables[g.name] = { region, values: await readRows(ctx, region, "values") };
  }
  const loaded: Loaded = {
    state,
    tables,
    guardSheetExists: !guardSheet.isNullObject,
    ourFormats: custom.filter((f) => isOurFlag(f.custom.rule.formula)),
    sheet,
  };
  if (used && !used.isNullObject) {
    const ledger = await readLedger(ctx, state, used.address, options.ledger ?? "cells");
    if (ledger) loaded.ledger = ledger;
  }
  return loaded;
}

/** Finds the ledger, reading every cell ("cells") or as little as tells where it is ("shape"). */
async function readLedger(
  ctx: Ctx,
  state: SheetState,
  usedAddress: string,
  need: "cells" | "shape",
): Promise<Ledger | undefined> {
  const region = { ...parseAddress(usedAddress), sheet: state.sheet };
  const key = shapeKey(state, usedAddress);
  if (need === "shape") {
    const table = pickTable(state);
    if (table) {
      // A table says where the ledger is: its header row is all there is to read.
      const header = { ...table.region, rowCount: 1 };
      state.used = { region: header, values: await readRows(ctx, header, "values") };
      return locateLedger(state);
    }
    const cached = shapeCache;
    if (cached && cached.key === key) {
      const header = await readRows(ctx, headerRegion(cached.ledger), "values");
      if (JSON.stringify(header) === cached.header) return cached.ledger;
    }
    const edges = await readEdges(ctx, region);
    if (edges) {
      state.used = { region, values: edges.values };
      const ledger = locateLedger(state, { cells: false });
      // Trailing blank rows are trimmed from the bottom: past the rows read, read it all.
      if (ledger && ledger.headerRow + ledger.rowCount >= edges.bottomFrom) return ledger;
    }
  }
  // A table ledger needs only the table's cells; a plain one, the used range's.
  const cells = pickTable(state)?.region ?? region;
  const values = await readRows(ctx, cells, "values");
  state.used = { region: cells, values };
  const ledger = locateLedger(state);
  if (ledger && ledger.table === undefined) {
    const at = headerRegion(ledger);
    const header = [
      Array.from(
        { length: at.columnCount },
        (_, j) => values[at.row - cells.row]?.[at.column - cells.column + j] ?? "",
      ),
    ];
    shapeCache = { key, header: JSON.stringify(header), ledger };
  }
  return ledger;
}

/** Rows read from the top of the used range to find the header row (the engine looks at 30). */
const SHAPE_TOP_ROWS = 40;
/** Rows read from the bottom of the used range to find the ledger's last row. */
const SHAPE_BOTTOM_ROWS = 200;

/**
 * Where a plain-range ledger is without reading its cells: the top rows (for the
 * header row) and the bottom rows (for the last row), two small reads instead of
 * the whole used range. The values come back at their places in an array as long
 * as the used range, the rows between left unread. Undefined for a used range
 * small enough to read whole.
 */
async function readEdges(
  ctx: Ctx,
  region: Region,
): Promise<{ values: CellValue[][]; bottomFrom: number } | undefined> {
  if (region.rowCount <= SHAPE_TOP_ROWS + SHAPE_BOTTOM_ROWS) return undefined;
  const top = await readRows(ctx, { ...region, rowCount: SHAPE_TOP_ROWS }, "values");
  const bottomRows = {
    ...region,
    row: region.row + region.rowCount - SHAPE_BOTTOM_ROWS,
    rowCount: SHAPE_BOTTOM_ROWS,
  };
  const bottom = await readRows(ctx, bottomRows, "values");
  const values: CellValue[][] = new Array<CellValue[]>(region.rowCount);
  top.forEach((row, i) => (values[i] = row));
  bottom.forEach((row, i) => (values[region.rowCount - SHAPE_BOTTOM_ROWS + i] = row));
  return { values, bottomFrom: bottomRows.row };
}

/**
 * Reads the ledger on the active sheet (every cell: the pane scores each row)
 * and the Guard tables: two syncs, then one per chunk of rows.
 */
export async function readWorkbook(): Promise<WorkbookSnapshot> {
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { ledger: "cells", tables: Object.values(TABLE) });
    const snapshot: WorkbookSnapshot = { sheet: loaded.state.sheet, tables: loaded.tables };
    if (loaded.ledger) snapshot.ledger = loaded.ledger;
    return snapshot;
  });
}

/**
 * Reads only the Guard tables (two syncs, then one per chunk): what the pane
 * re-reads after a change to them, the ledger being as it was.
 */
export async function readGuardTables(): Promise<WorkbookSnapshot["tables"]> {
  return Excel.run(async (ctx) => (await load(ctx, { tables: Object.values(TABLE) })).tables);
}

function requireLedger(loaded: Loaded): Ledger {
  if (!loaded.ledger) throw new GatewayError("no_ledger", loaded.state.sheet);
  return loaded.ledger;
}

/** Text from the user, made safe for a cell: formula-like text is neutralised. */
function safe(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "string" ? neutralize(value) : value;
}

/** The number format that keeps a value as written: text ("@") for strings, General otherwise. */
const formatOf = (value: string | number | boolean): string => (typeof value === "string" ? "@" : "General");

/** Queues typed values into a range: number formats first, so Excel keeps text as text. */
function queueTyped(range: Excel.Range, rows: Array<Array<string | number | boolean>>): void {
  range.numberFormat = rows.map((r) => r.map(formatOf));
  range.values = rows;
}

/**
 * Queues the creation of a Guard table holding `rows` (an empty table gets
 * one blank row, as Excel gives it), creating the Guard sheet if needed.
 */
function queueCreateTable(ctx: Ctx, loaded: Loaded, name: GuardTable, rows: CellValue[][]): void {
  const layout = TABLE_LAYOUT[name];
  let sheet: Excel.Worksheet;
  if (loaded.guardSheetExists) sheet = ctx.workbook.worksheets.getItem(GUARD_SHEET);
  else {
    sheet = ctx.workbook.worksheets.add(GUARD_SHEET);
    loaded.guardSheetExists = true;
  }
  const body = rows.length > 0 ? rows : [layout.columns.map(() => "")];
  const region: Region = {
    sheet: GUARD_SHEET,
    row: 0,
    column: layout.column,
    rowCount: body.length + 1,
    columnCount: layout.columns.length,
  };
  queueTyped(sheet.getRange(regionAddress(region, false)), [
    [...layout.columns],
    ...body.map((r) => layout.columns.map((_, j) => safe(r[j]))),
  ]);
  const table = sheet.tables.add(`${regionAddress(region)}`, true);
  table.name = name;
}

const isBlankRow = (row: readonly CellValue[] | undefined): boolean =>
  row === undefined || row.every((v) => v === null || v === undefined || v === "");

/** One write of a multi-sync change: what it queues, how to undo it, and the cells written once it is done. */
interface WriteStep {
  queue: () => void;
  undo: Undo;
  written: string;
}

/**
 * Loads whether `object` (got "or null object") exists; the function returned
 * deletes it if it does. For what a failed step may or may not have made.
 */
function deleteIfThere(object: Excel.Worksheet | Excel.Table | Excel.TableColumn): () => void {
  object.load("name");
  return () => {
    if (!object.isNullObject) object.delete();
  };
}

/**
 * The steps that append rows to a Guard table (created when missing; its one
 * blank row reused): one step per chunk of rows under CHUNK_BYTES. New rows
 * are added blank, then formatted and filled by address, so their text keeps
 * its type. Each step's undo deletes the rows it added (or the table it made).
 */
function appendSteps(ctx: Ctx, loaded: Loaded, name: GuardTable, rows: CellValue[][]): WriteStep[] {
  if (rows.length === 0) return [];
  const width = TABLE_LAYOUT[name].columns.length;
  const clean = rows.map((r) => Array.from({ length: width }, (_, j) => safe(r[j])));
  // Each cell also sends its number format ("@", or "General" at most 10 bytes; text is the common case).
  const chunks = chunkRows(clean, (r) => r.length * 10);
  const steps: WriteStep[] = [];
  let table = loaded.tables[name];
  let reuse = table !== undefined && table.values.length === 2 && isBlankRow(table.values[1]);
  if (!table) {
    const first = chunks.shift() ?? [];
    const createdSheet = !loaded.guardSheetExists;
    const region: Region = {
      sheet: GUARD_SHEET,
      row: 0,
      column: TABLE_LAYOUT[name].column,
      rowCount: first.length + 1,
      columnCount: width,
    };
    steps.push({
      queue: () => queueCreateTable(ctx, loaded, name, first),
      undo: (c) =>
        deleteIfThere(
          createdSheet
            ? c.workbook.worksheets.getItemOrNullObject(GUARD_SHEET)
            : c.workbook.tables.getItemOrNullObject(name),
        ),
      written: regionAddress(region),
    });
    table = { region, values: [] };
  }
  const { region } = table;
  const firstWritten = reuse ? region.row + region.rowCount - 1 : region.row + region.rowCount;
  let next = firstWritten;
  for (const chunk of chunks) {
    const at: Region = { ...region, row: next, rowCount: chunk.length };
    const reused = reuse ? 1 : 0;
    reuse = false;
    const added: Region = { ...at, row: at.row + reused, rowCount: chunk.length - reused };
    steps.push({
      queue: () => {
        if (added.rowCount > 0)
          ctx.workbook.tables.getItem(name).rows.add(
            undefined,
            Array.from({ length: added.rowCount }, () => Array<string>(width).fill("")),
          );
        queueTyped(ctx.workbook.worksheets.getItem(region.sheet).getRange(regionAddress(at, false)), chunk);
      },
      undo: (c) => () => {
        const sheet = c.workbook.worksheets.getItem(region.sheet);
        if (added.rowCount > 0) sheet.getRange(regionAddress(added, false)).delete("Up");
        if (reused) sheet.getRange(regionAddress({ ...at, rowCount: 1 }, false)).clear("Contents");
      },
      written: regionAddress({ ...region, row: firstWritten, rowCount: next + chunk.length - firstWritten }),
    });
    next += chunk.length;
  }
  return steps;
}

/** Queues small appends in the current batch (a settings row, a supplier): no chunks needed. */
function queueAppend(ctx: Ctx, loaded: Loaded, name: GuardTable, rows: CellValue[][]): void {
  for (const step of appendSteps(ctx, loaded, name, rows)) step.queue();
}

export type AddRiskColumnsResult = { address: string; rows: number };

/**
 * Undoes what one write step put in the workbook, in two phases: it queues
 * only reads (does the table or column it added exist? is the workbook as the
 * step left it?), and returns what to queue once they are back. That part may
 * throw to say the step cannot be undone safely; nothing is queued after it.
 */
type Undo = (ctx: Ctx) => () => void;

/**
 * Runs write steps one sync each. When one fails, the undo steps of what was
 * queued so far run (two syncs: look, then undo) and GatewayError
 * "write_failed" says nothing was changed; when undoing fails too,
 * "partial_write" names what was left written.
 */
async function writeSteps(ctx: Ctx, steps: WriteStep[]): Promise<void> {
  const undos: Undo[] = [];
  let done = "";
  for (const step of steps) {
    undos.push(step.undo);
    try {
      step.queue();
      await ctx.sync();
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      try {
        const finish = undos.reverse().map((undo) => undo(ctx));
        await ctx.sync();
        for (const f of finish) f();
        await ctx.sync();
      } catch {
        // The failed step is taken as not written (Excel refuses a request whole for its size or a
        // lock); when the first step failed, its own cells are named, as they may be there.
        throw new GatewayError("partial_write", done || step.written);
      }
      throw new GatewayError("write_failed", message);
    }
    done = step.written;
  }
}

/**
 * Appends Risk score, Risk level and Reasons to the right of the ledger as
 * GUARD formulas (calculated columns in an Excel table, whose totals row gets
 * none). Creates the Guard settings and blacklist tables the formulas read
 * when they are missing. Refuses (GatewayError "not_empty") when any target
 * cell holds something. The formulas go in chunks of rows, one sync each; a
 * failed chunk undoes everything this call wrote.
 */
export async function addRiskColumns(
  defaultSettings: Array<[string, string | number]>,
): Promise<AddRiskColumnsResult> {
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { ledger: "shape", tables: [TABLE.settings, TABLE.blacklist] });
    const ledger = requireLedger(loaded);
    const target = riskRegion(ledger);
    const formulas = ledger.riskColumn === undefined ? await readRows(ctx, target, "formulas") : [];
    const plan = planRiskColumns(ledger, formulas);
    if (!plan.ok) throw new GatewayError(plan.code, plan.address);

    const createdSheet = !loaded.guardSheetExists;
    const created = [
      ...(loaded.tables.GuardSettings ? [] : [TABLE.settings]),
      ...(loaded.tables.GuardBlacklist ? [] : [TABLE.blacklist]),
    ];
    const sheet = ctx.workbook.worksheets.getItem(ledger.sheet);
    const table = ledger.table !== undefined ? ctx.workbook.tables.getItem(ledger.table) : undefined;
    const headerCells = regionAddress({ ...plan.region, rowCount: 1 });
    const steps: WriteStep[] = [
      {
        // The Guard tables the formulas read, and the three headers (table columns without values:
        // a table's totals row stays empty under them).
        queue: () => {
          if (created.includes(TABLE.settings))
            queueCreateTable(ctx, loaded, TABLE.settings, defaultSettings);
          if (created.includes(TABLE.blacklist)) queueCreateTable(ctx, loaded, TABLE.blacklist, []);
          if (table) for (const header of RISK_HEADERS) table.columns.add(undefined, undefined, header);
          else
            sheet.getRange(regionAddress({ ...plan.region, rowCount: 1 }, false)).values = [
              [...RISK_HEADERS],
            ];
        },
        undo: (c) => {
          const columns = table ? RISK_HEADERS.map((h) => table.columns.getItemOrNullObject(h)) : [];
          const guard = createdSheet
            ? [c.workbook.worksheets.getItemOrNullObject(GUARD_SHEET)]
            : created.map((name) => c.workbook.tables.getItemOrNullObject(name));
          const deletes = [...columns, ...guard].map(deleteIfThere);
          return () => {
            if (!table)
              sheet.getRange(regionAddress({ ...plan.region, rowCount: 1 }, false)).clear("Contents");
            for (const d of deletes) d();
          };
        },
        written: headerCells,
      },
    ];
    let row = plan.region.row + 1;
    for (const chunk of chunkRows(plan.values.slice(1))) {
      const region: Region = { ...plan.region, row, rowCount: chunk.length };
      steps.push({
        queue: () => {
          sheet.getRange(regionAddress(region, false)).formulas = chunk;
        },
        // A table's columns go with the first step's undo; a plain range's cells are cleared (they were empty).
        undo: () => () => {
          if (!table) sheet.getRange(regionAddress(region, false)).clear("Contents");
        },
        written: regionAddress({ ...plan.region, rowCount: row + chunk.length - plan.region.row }),
      });
      row += chunk.length;
    }
    await writeSteps(ctx, steps);
    shapeCache = undefined;
    return { address: regionAddress(plan.region), rows: ledger.rowCount };
  });
}

/** The data cells of the three risk columns (the header row left out). */
const riskData = (ledger: Ledger): Region => {
  const region = riskRegion(ledger);
  return { ...region, row: region.row + 1, rowCount: ledger.rowCount };
};

/** The Risk score header's cell, where the frozen note goes ("采购台账!R3"). */
const noteCell = (ledger: Ledger): string =>
  regionAddress({ ...riskRegion(ledger), rowCount: 1, columnCount: 1 });

const isFormula = (v: CellValue): boolean => typeof v === "string" && v.startsWith("=");
const isErrorValue = (v: CellValue): boolean => typeof v === "string" && /^#[A-Z0-9/!?.]+$/.test(v);

/** The ledger with its risk columns, or GatewayError "no_risk_columns". */
function requireRiskColumns(loaded: Loaded): Ledger {
  const ledger = requireLedger(loaded);
  if (ledger.riskColumn === undefined) throw new GatewayError("no_risk_columns");
  return ledger;
}

/**
 * Steps that write `rows` over `region` in chunks, each undone by writing
 * back what the cells held before (`before`: their formulas as read).
 */
function overwriteSteps(
  sheet: Excel.Worksheet,
  region: Region,
  rows: Array<Array<string | number | boolean>>,
  before: CellValue[][],
  property: "values" | "formulas",
): WriteStep[] {
  const steps: WriteStep[] = [];
  let offset = 0;
  for (const chunk of chunkRows(rows)) {
    const at: Region = { ...region, row: region.row + offset, rowCount: chunk.length };
    // As read: formulas go back as formulas, constants as themselves.
    const old = before
      .slice(offset, offset + chunk.length)
      .map((r) => r.map((v) => (v === null || v === undefined || v instanceof Date ? "" : v)));
    steps.push({
      queue: () => {
        sheet.getRange(regionAddress(at, false))[property] = chunk;
      },
      undo: () => () => {
        sheet.getRange(regionAddress(at, false)).formulas = old;
      },
      written: regionAddress({ ...region, rowCount: offset + chunk.length }),
    });
    offset += chunk.length;
  }
  return steps;
}

export interface FreezeResult {
  /** The risk columns' data cells. */
  address: string;
  rows: number;
  /** The cell holding the note; undefined where Excel cannot add comments (before ExcelApi 1.10). */
  note: string | undefined;
}

/**
 * Freeze results: turns the risk columns' formulas into the values they show,
 * so a workbook opened without the add-in shows results instead of #NAME?,
 * and adds `note` (when and how they were computed) as a comment on the Risk
 * score header where Excel has comments (ExcelApi 1.10). Refuses when the
 * columns are values already, when a cell shows an error instead of a result
 * (#BUSY! while Excel computes, #NAME? without the add-in), or when the
 * header has a comment already; a failed chunk puts the formulas back.
 */
export async function freezeRiskColumns(note: string): Promise<FreezeResult> {
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { ledger: "shape" });
    const ledger = requireRiskColumns(loaded);
    const region = riskData(ledger);
    const formulas = await readRows(ctx, region, "formulas");
    if (!formulas.some((row) => row.some(isFormula)))
      throw new GatewayError("already_frozen", regionAddress(region));
    const values = await readRows(ctx, region, "values");
    for (let i = 0; i < values.length; i++) {
      const j = (values[i] ?? []).findIndex((v, k) => isFormula(formulas[i]?.[k]) && isErrorValue(v));
      if (j >= 0)
        throw new GatewayError(
          "not_computed",
          `${regionAddress({ ...region, row: region.row + i, column: region.column + j, rowCount: 1, columnCount: 1 })} ${String(values[i]?.[j])}`,
        );
    }
    const sheet = ctx.workbook.worksheets.getItem(ledger.sheet);
    const cell = noteCell(ledger);
    let noted: string | undefined;
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.10")) {
      // The note first, alone: Excel refuses a second comment on a cell, and then nothing is written.
      ctx.workbook.comments.add(cell, note);
      try {
        await ctx.sync();
      } catch {
        throw new GatewayError("comment_exists", cell);
      }
      noted = cell;
    }
    const frozen = values.map((row, i) =>
      row.map((v, j) => safe(isFormula(formulas[i]?.[j]) ? v : formulas[i]?.[j])),
    );
    try {
      await writeSteps(ctx, overwriteSteps(sheet, region, frozen, formulas, "values"));
    } catch (e) {
      if (noted !== undefined && Office.context.requirements.isSetSupported("ExcelApi", "1.10")) {
        ctx.workbook.comments.getItemByCell(noted).delete();
        await ctx.sync().catch(() => undefined);
      }
      throw e;
    }
    shapeCache = undefined;
    return { address: regionAddress(region), rows: ledger.rowCount, note: noted };
  });
}

/**
 * Unfreeze: writes the GUARD formulas back into the risk columns (they
 * recompute) and removes the note Freeze results left on the Risk score
 * header, if it is there. Refuses when the columns hold their formulas.
 */
export async function unfreezeRiskColumns(): Promise<AddRiskColumnsResult> {
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { ledger: "shape" });
    const ledger = requireRiskColumns(loaded);
    const region = riskData(ledger);
    const before = await readRows(ctx, region, "formulas");
    if (before.every((row) => row.every(isFormula)))
      throw new GatewayError("not_frozen", regionAddress(region));
    const formulas = Array.from({ length: ledger.rowCount }, (_, i) => riskFormulas(ledger, i));
    const sheet = ctx.workbook.worksheets.getItem(ledger.sheet);
    await writeSteps(ctx, overwriteSteps(sheet, region, formulas, before, "formulas"));
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.10")) {
      const comment = ctx.workbook.comments.getItemByCell(noteCell(ledger));
      comment.load("content");
      try {
        await ctx.sync();
        if (comment.content.includes(FROZEN_MARK)) {
          comment.delete();
          await ctx.sync();
        }
      } catch {
        // No comment on the header (Excel answers ItemNotFound): nothing to remove.
      }
    }
    shapeCache = undefined;
    return { address: regionAddress(region), rows: ledger.rowCount };
  });
}

export interface FlagResult {
  removed: number;
  added: number;
}

function queueDeleteOurs(loaded: Loaded): number {
  for (const f of loaded.ourFormats) f.delete();
  return loaded.ourFormats.length;
}

/**
 * Flags risky rows with custom-formula conditional formats (blacklisted,
 * HIGH, MEDIUM) over whole rows or the score column. Replaces the flags it
 * added before, so running it twice leaves one set; other rules are kept.
 */
export async function flagRiskyRows(scope: FlagScope): Promise<FlagResult> {
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { ledger: "shape", formats: true });
    const ledger = requireLedger(loaded);
    const rules = planFlags(ledger, scope);
    if (!rules) throw new GatewayError("no_risk_columns", ledger.sheet);
    const removed = queueDeleteOurs(loaded);
    rules.forEach((rule: FlagRule, priority) => {
      const range = loaded.sheet.getRange(regionAddress(rule.region, false));
      const format = range.conditionalFormats.add("Custom");
      format.custom.rule.formula = rule.formula;
      format.custom.format.fill.color = rule.fill;
      format.custom.format.font.color = rule.font;
      format.priority = priority;
      format.stopIfTrue = true;
    });
    await ctx.sync();
    return { removed, added: rules.length };
  });
}

/** Removes the conditional formats the task pane added on the active sheet, and only those. */
export async function removeFlags(): Promise<number> {
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { formats: true });
    const removed = queueDeleteOurs(loaded);
    await ctx.sync();
    return removed;
  });
}

/** Selects a whole ledger row (0-based sheet row) across the ledger's columns. */
export async function selectRow(
  sheet: string,
  row: number,
  column: number,
  columnCount: number,
): Promise<void> {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(regionAddress({ sheet, row, column, rowCount: 1, columnCount }, false)).select();
    await ctx.sync();
  });
}

/**
 * Calls `onSelect` with the selected range's address ("B6", "A6:Q6", "6:6")
 * each time the selection on `sheet` changes (Worksheet.onSelectionChanged,
 * ExcelApi 1.2). Registering costs one sync; an event costs none, since the
 * address comes with it. Resolves to a function that unregisters.
 */
export async function watchSelection(
  sheet: string,
  onSelect: (address: string) => void,
): Promise<() => Promise<void>> {
  return register((ctx) =>
    ctx.workbook.worksheets.getItem(sheet).onSelectionChanged.add((event) => {
      onSelect(event.address);
      return Promise.resolve();
    }),
  );
}

/**
 * Registers an event handler (one sync) and resolves to a function that
 * removes it again, on the context it was added on.
 */
async function register(
  add: (ctx: Excel.RequestContext) => OfficeExtension.EventHandlerResult<unknown>,
): Promise<() => Promise<void>> {
  const registration = await Excel.run(async (ctx) => {
    const result = add(ctx);
    await ctx.sync();
    return result;
  });
  return async () => {
    await Excel.run(registration.context, async (ctx) => {
      registration.remove();
      await ctx.sync();
    });
  };
}

/** What Worksheet.onChanged reports of an edit: where, and what kind of change. */
export interface SheetChange {
  address: string;
  changeType: string;
}

/**
 * Calls `onChange` with the address and change type of each change on `sheet`
 * (Worksheet.onChanged, ExcelApi 1.7: typing, pasting, clearing, and the
 * add-in's own writes). Registering costs one sync; an event costs none.
 * Resolves to a function that unregisters.
 */
export async function watchChanges(
  sheet: string,
  onChange: (change: SheetChange) => void,
): Promise<() => Promise<void>> {
  return register((ctx) =>
    ctx.workbook.worksheets.getItem(sheet).onChanged.add((event) => {
      onChange({ address: event.address, changeType: String(event.changeType) });
      return Promise.resolve();
    }),
  );
}

/**
 * Reads data rows `from`... of the ledger again (its own columns), in chunks
 * under the request limits: what an edit of those rows asks for, one sync for
 * a few rows, instead of the whole ledger.
 */
export async function readLedgerRows(ledger: Ledger, from: number, count: number): Promise<CellValue[][]> {
  if (count <= 0) return [];
  return Excel.run((ctx) => readRows(ctx, ledgerRowsRegion(ledger, from, count), "values"));
}

const keyOf = (v: CellValue): string =>
  String(v ?? "")
    .trim()
    .toLowerCase();

/**
 * Sets settings keys in the GuardSettings table (updating rows in place,
 * appending new keys; "" clears a value). The merged table is validated with
 * the engine first: a bad value throws SettingsError and nothing is written.
 */
export async function writeSettings(
  changes: Array<[string, string | number]>,
  defaults: Array<[string, string | number]>,
): Promise<void> {
  await Excel.run(async (ctx) => {
    const loaded = await load(ctx, { tables: [TABLE.settings] });
    const existing = loaded.tables.GuardSettings;
    const body: CellValue[][] = existing
      ? existing.values.slice(1).map((r) => [...r])
      : defaults.map(([k, v]) => [k, v]);
    const updates: Array<{ index: number; value: string | number }> = [];
    const appended: CellValue[][] = [];
    for (const [key, value] of changes) {
      const index = body.findIndex((r) => keyOf(r[0]) === keyOf(key));
      if (index >= 0) {
        body[index] = [body[index]?.[0] ?? key, value];
        updates.push({ index, value });
      } else {
        body.push([key, value]);
        appended.push([key, value]);
      }
    }
    settingsFromPairs(body); // throws SettingsError naming the key: nothing is queued yet
    if (!existing) {
      queueCreateTable(ctx, loaded, TABLE.settings, body);
    } else {
      const table = ctx.workbook.tables.getItem(TABLE.settings);
      const data = table.getDataBodyRange();
      for (const u of updates) queueTyped(data.getCell(u.index, 1), [[safe(u.value)]]);
      queueAppend(ctx, loaded, TABLE.settings, appended);
    }
    await ctx.sync();
  });
}

/** One blacklist row in the GuardBlacklist column order. */
export type BlacklistRow = [
  supplier: string,
  shopLink: string,
  memberId: string,
  uscc: string,
  reason: string,
  dateAdded: string,
  addedBy: string,
];

/** Appends entries to GuardBlacklist (created when missing). Each entry needs a supplier, link, member id or USCC. */
export async function addBlacklistEntries(rows: BlacklistRow[]): Promise<number> {
  if (rows.some((r) => r.slice(0, 4).every((v) => v.trim() === ""))) throw new GatewayError("empty_entry");
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { tables: [TABLE.blacklist] });
    // One sync per chunk (an import can be long); a failed chunk undoes the others.
    await writeSteps(ctx, appendSteps(ctx, loaded, TABLE.blacklist, rows));
    return rows.length;
  });
}

/**
 * Removes blacklist entries (data-row indexes as last read, with the row
 * expected there) and appends them to GuardBlacklistLog with the date and who
 * removed them. If the table changed since it was read, nothing is written.
 */
export async function removeBlacklistEntries(
  items: Array<{ index: number; row: CellValue[] }>,
  removedOn: string,
  removedBy: string,
): Promise<number> {
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { tables: [TABLE.blacklist, TABLE.log] });
    const body = loaded.tables.GuardBlacklist?.values.slice(1) ?? [];
    for (const item of items) {
      const current = body[item.index];
      if (!current || item.row.some((v, j) => keyOf(v) !== keyOf(current[j])))
        throw new GatewayError("stale", String(item.index));
    }
    const logged = appendSteps(
      ctx,
      loaded,
      TABLE.log,
      items.map((i) => [...(body[i.index] ?? []).slice(0, 7), removedOn, removedBy]),
    );
    const table = ctx.workbook.tables.getItem(TABLE.blacklist);
    const order = [...items].sort((a, b) => b.index - a.index);
    // The removal goes last: if it or a chunk of the log fails, the log is undone.
    logged.push({
      queue: () => {
        if (order.length === body.length) {
          // Excel keeps at least one data row: clear the last one instead of deleting it.
          for (const item of order.slice(0, -1)) table.rows.getItemAt(item.index).delete();
          table.getDataBodyRange().getRow(0).clear("Contents");
        } else {
          for (const item of order) table.rows.getItemAt(item.index).delete();
        }
      },
      // Removed entries cannot be put back: when some went, the log keeps them (undo stops here, named).
      undo: (c) => {
        const rows = c.workbook.tables.getItem(TABLE.blacklist).getDataBodyRange();
        rows.load("values");
        return () => {
          if (JSON.stringify(rows.values) !== JSON.stringify(body)) throw new Error("entries were removed");
        };
      },
      written: logged.at(-1)?.written ?? "",
    });
    await writeSteps(ctx, logged);
    return items.length;
  });
}

/** Saves one supplier record to GuardSuppliers: the row with the same key (first column) is updated in place, else appended. */
export async function saveSupplier(row: CellValue[]): Promise<"updated" | "added"> {
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { tables: [TABLE.suppliers] });
    const existing = loaded.tables.GuardSuppliers;
    const index = existing
      ? existing.values.slice(1).findIndex((r) => keyOf(r[0]) !== "" && keyOf(r[0]) === keyOf(row[0]))
      : -1;
    if (existing && index >= 0) {
      const width = TABLE_LAYOUT.GuardSuppliers.columns.length;
      queueTyped(ctx.workbook.tables.getItem(TABLE.suppliers).getDataBodyRange().getRow(index), [
        Array.from({ length: width }, (_, j) => safe(row[j])),
      ]);
    } else {
      queueAppend(ctx, loaded, TABLE.suppliers, [row]);
    }
    await ctx.sync();
    return existing && index >= 0 ? "updated" : "added";
  });
}
