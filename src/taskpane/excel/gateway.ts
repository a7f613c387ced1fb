/**
 * The task pane's only door to Excel: every `Excel.run` of the add-in is here.
 * Each operation reads what it needs in at most two syncs, decides with pure
 * code (./plan.ts), validates everything, then queues all its writes and
 * syncs once more. The number of syncs never depends on the number of rows,
 * and an operation that fails before its last sync has written nothing.
 */
import type { CellValue } from "../../rules/types";
import { settingsFromPairs } from "../../rules/settings";
import { neutralize } from "../model/injection";
import { parseAddress, type Region, regionAddress } from "./address";
import { GUARD_SHEET, type GuardTable, RISK_HEADERS, TABLE, TABLE_LAYOUT } from "./layout";
import {
  type FlagRule,
  type FlagScope,
  isOurFlag,
  type Ledger,
  locateLedger,
  planFlags,
  planRiskColumns,
  type SheetState,
} from "./plan";

type Ctx = Excel.RequestContext;

/** A Guard table as read: its region and its values, header row first. */
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

/** An operation refused for a reason the user can act on; nothing was written. */
export class GatewayError extends Error {
  constructor(
    readonly code: "no_ledger" | "already_added" | "not_empty" | "no_risk_columns" | "stale" | "empty_entry",
    readonly detail = "",
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "GatewayError";
  }
}

interface LoadOptions {
  ledger?: boolean;
  tables?: readonly GuardTable[];
  /** Also read the conditional formats of the active sheet (for flags). */
  formats?: boolean;
}

interface Loaded {
  state: SheetState;
  tables: Partial<Record<GuardTable, TableState>>;
  guardSheetExists: boolean;
  /** Conditional formats the task pane added, with their formula (only with `formats`). */
  ourFormats: Excel.ConditionalFormat[];
  sheet: Excel.Worksheet;
}

const asCells = (values: unknown): CellValue[][] => values as CellValue[][];

/** Two syncs: what exists, then the ranges of what exists. */
async function load(ctx: Ctx, options: LoadOptions): Promise<Loaded> {
  const { workbook } = ctx;
  const sheet = workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const guardSheet = workbook.worksheets.getItemOrNullObject(GUARD_SHEET);
  guardSheet.load("name");
  const used = options.ledger ? sheet.getUsedRangeOrNullObject() : undefined;
  used?.load("address,values,formulas");
  const sheetTables = options.ledger ? sheet.tables : undefined;
  sheetTables?.load("items/name");
  const active = options.ledger ? workbook.getActiveCell() : undefined;
  active?.load("address");
  const guard = (options.tables ?? []).map((name) => {
    const table = workbook.tables.getItemOrNullObject(name);
    table.load("name");
    return { name, table };
  });
  const formats = options.formats ? sheet.getRange().conditionalFormats : undefined;
  formats?.load("items/id,items/type");
  await ctx.sync();

  const tableRanges = (sheetTables?.items ?? []).map((t) => {
    const range = t.getRange();
    range.load("address");
    return { name: t.name, range };
  });
  const guardRanges = guard
    .filter((g) => !g.table.isNullObject)
    .map((g) => {
      const range = g.table.getRange();
      range.load("address,values");
      return { name: g.name, range };
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
    tables: tableRanges.map((t) => ({ name: t.name, region: parseAddress(t.range.address) })),
  };
  if (used && !used.isNullObject) {
    state.used = {
      region: parseAddress(used.address),
      values: asCells(used.values),
      formulas: asCells(used.formulas),
    };
  }
  if (active) {
    const cell = parseAddress(active.address);
    if (cell.sheet === "" || cell.sheet === sheet.name)
      state.selection = { row: cell.row, column: cell.column };
  }
  const tables: Partial<Record<GuardTable, TableState>> = {};
  for (const g of guardRanges)
    tables[g.name] = { region: parseAddress(g.range.address), values: asCells(g.range.values) };
  return {
    state,
    tables,
    guardSheetExists: !guardSheet.isNullObject,
    ourFormats: custom.filter((f) => isOurFlag(f.custom.rule.formula)),
    sheet,
  };
}

/** Reads the ledger on the active sheet and the Guard tables: two syncs. */
export async function readWorkbook(): Promise<WorkbookSnapshot> {
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { ledger: true, tables: Object.values(TABLE) });
    const snapshot: WorkbookSnapshot = { sheet: loaded.state.sheet, tables: loaded.tables };
    const ledger = locateLedger(loaded.state);
    if (ledger) snapshot.ledger = ledger;
    return snapshot;
  });
}

function requireLedger(loaded: Loaded): Ledger {
  const ledger = locateLedger(loaded.state);
  if (!ledger) throw new GatewayError("no_ledger", loaded.state.sheet);
  return ledger;
}

/** Text from the user, made safe for a cell: formula-like text is neutralised. */
function safe(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "string" ? neutralize(value) : value;
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
  const address = regionAddress(region, false);
  sheet.getRange(address).values = [
    [...layout.columns],
    ...body.map((r) => layout.columns.map((_, j) => safe(r[j]))),
  ];
  const table = sheet.tables.add(`${regionAddress(region)}`, true);
  table.name = name;
}

const isBlankRow = (row: readonly CellValue[] | undefined): boolean =>
  row === undefined || row.every((v) => v === null || v === undefined || v === "");

/** Queues rows appended to a Guard table (created when missing; its one blank row reused). */
function queueAppend(ctx: Ctx, loaded: Loaded, name: GuardTable, rows: CellValue[][]): void {
  if (rows.length === 0) return;
  const existing = loaded.tables[name];
  const width = TABLE_LAYOUT[name].columns.length;
  const clean = rows.map((r) => Array.from({ length: width }, (_, j) => safe(r[j])));
  if (!existing) {
    queueCreateTable(ctx, loaded, name, clean);
    return;
  }
  const table = ctx.workbook.tables.getItem(name);
  const body = existing.values.slice(1);
  if (body.length === 1 && isBlankRow(body[0])) {
    const [first, ...rest] = clean;
    table.getDataBodyRange().getRow(0).values = [first ?? []];
    if (rest.length > 0) table.rows.add(undefined, rest);
  } else {
    table.rows.add(undefined, clean);
  }
}

export type AddRiskColumnsResult = { address: string; rows: number };

/**
 * Appends Risk score, Risk level and Reasons to the right of the ledger as
 * GUARD formulas (calculated columns in an Excel table). Creates the Guard
 * settings and blacklist tables the formulas read when they are missing.
 * Refuses (GatewayError "not_empty") when any target cell holds something.
 */
export async function addRiskColumns(
  defaultSettings: Array<[string, string | number]>,
): Promise<AddRiskColumnsResult> {
  return Excel.run(async (ctx) => {
    const loaded = await load(ctx, { ledger: true, tables: [TABLE.settings, TABLE.blacklist] });
    const ledger = requireLedger(loaded);
    const plan = planRiskColumns(ledger, loaded.state);
    if (!plan.ok) throw new GatewayError(plan.code, plan.address);

    if (!loaded.tables.GuardSettings) queueCreateTable(ctx, loaded, TABLE.settings, defaultSettings);
    if (!loaded.tables.GuardBlacklist) queueCreateTable(ctx, loaded, TABLE.blacklist, []);
    if (ledger.table !== undefined) {
      const table = ctx.workbook.tables.getItem(ledger.table);
      RISK_HEADERS.forEach((header, k) => {
        table.columns.add(
          undefined,
          plan.values.map((row) => [row[k] ?? header]),
          header,
        );
      });
    } else {
      loaded.sheet.getRange(regionAddress(plan.region, false)).formulas = plan.values;
    }
    await ctx.sync();
    return { address: regionAddress(plan.region), rows: ledger.rowCount };
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
    const loaded = await load(ctx, { ledger: true, formats: true });
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
  const registration = await Excel.run(async (ctx) => {
    const result = ctx.workbook.worksheets.getItem(sheet).onSelectionChanged.add((event) => {
      onSelect(event.address);
      return Promise.resolve();
    });
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
      for (const u of updates) data.getCell(u.index, 1).values = [[safe(u.value)]];
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
    queueAppend(ctx, loaded, TABLE.blacklist, rows);
    await ctx.sync();
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
    queueAppend(
      ctx,
      loaded,
      TABLE.log,
      items.map((i) => [...(body[i.index] ?? []).slice(0, 7), removedOn, removedBy]),
    );
    const table = ctx.workbook.tables.getItem(TABLE.blacklist);
    const order = [...items].sort((a, b) => b.index - a.index);
    if (order.length === body.length) {
      // Excel keeps at least one data row: clear the last one instead of deleting it.
      for (const item of order.slice(0, -1)) table.rows.getItemAt(item.index).delete();
      table.getDataBodyRange().getRow(0).clear("Contents");
    } else {
      for (const item of order) table.rows.getItemAt(item.index).delete();
    }
    await ctx.sync();
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
      ctx.workbook.tables.getItem(TABLE.suppliers).getDataBodyRange().getRow(index).values = [
        Array.from({ length: width }, (_, j) => safe(row[j])),
      ];
    } else {
      queueAppend(ctx, loaded, TABLE.suppliers, [row]);
    }
    await ctx.sync();
    return existing && index >= 0 ? "updated" : "added";
  });
}
