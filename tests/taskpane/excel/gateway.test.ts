import { DEFAULT_SETTINGS, flattenSettings, SettingsError } from "../../../src/rules/settings";
import type { CellValue } from "../../../src/rules/types";
import { parseAddress } from "../../../src/taskpane/excel/address";
import {
  addBlacklistEntries,
  addRiskColumns,
  type BlacklistRow,
  flagRiskyRows,
  freezeRiskColumns,
  GatewayError,
  readGuardTables,
  readWorkbook,
  removeBlacklistEntries,
  removeFlags,
  saveSupplier,
  selectRow,
  readLedgerRows,
  watchChanges,
  unfreezeRiskColumns,
  watchSelection,
  writeSettings,
} from "../../../src/taskpane/excel/gateway";
import { FLAG_MARKER, GUARD_SHEET } from "../../../src/taskpane/excel/layout";
import { type Ledger, riskFormulas } from "../../../src/taskpane/excel/plan";
import { createExcelApi } from "../../../src/taskpane/mock/excel-api";
import { installMockHost } from "../../../src/taskpane/mock/install";
import {
  createSampleWorkbook,
  SAMPLE_BLACKLIST,
  SAMPLE_HEADER_ROW,
  SAMPLE_HEADERS,
  SAMPLE_ROWS,
  SAMPLE_SHEET,
  SAMPLE_TABLE,
} from "../../../src/taskpane/mock/sample";
import type { MockWorkbook } from "../../../src/taskpane/mock/workbook";

const DEFAULTS = flattenSettings(DEFAULT_SETTINGS).filter(([k]) => !k.startsWith("columns."));
const g = globalThis as unknown as { Excel: unknown };

/** Installs the in-repo mock host (formulas evaluate to a marker: the engine is tested elsewhere). */
function useMockHost(book: MockWorkbook): string[] {
  const failures: string[] = [];
  g.Excel = createExcelApi(book, () => "=", failures);
  return failures;
}

/** A plain-range ledger (no table): a title, a blank row, then the header. */
function plainBook(rows: CellValue[][]): MockWorkbook {
  const book = createSampleWorkbook();
  book.tables = [];
  const sheet = book.activeSheet;
  sheet.rows.length = 0;
  sheet.setCell(0, 0, { value: "2025年3月 采购台账" });
  SAMPLE_HEADERS.forEach((h, j) => sheet.setCell(2, j, { value: h }));
  rows.forEach((row, i) =>
    row.forEach((v, j) => sheet.setCell(3 + i, j, v === "" ? undefined : { value: v })),
  );
  return book;
}

/** Where wideBook's ledger is: header on row 3, columns A:AN. */
const LEDGER_SHAPE: Ledger = {
  sheet: SAMPLE_SHEET,
  headerRow: 2,
  firstColumn: 0,
  columnCount: 40,
  rowCount: 0,
  headers: [],
  cells: [],
};

function manyRows(n: number): CellValue[][] {
  return Array.from({ length: n }, (_, i) => [...(SAMPLE_ROWS[i % SAMPLE_ROWS.length] ?? [])]);
}

/** Every non-empty cell of every sheet, its tables and formats, for "nothing changed" assertions. */
function dump(book: MockWorkbook): string {
  return JSON.stringify({
    sheets: book.sheets.map((s) => ({
      name: s.name,
      cells: s.rows.flatMap((line, r) =>
        (line ?? []).flatMap((cell, c) => (cell === undefined ? [] : [[r, c, cell]])),
      ),
      formats: s.formats,
    })),
    tables: book.tables.map((t) => ({ name: t.name, region: t.region, showTotals: t.showTotals })),
  });
}

describe("the gateway on the mock host", () => {
  it("finds the ledger table with its headers, rows and the selected row: two syncs, then one for its cells", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    const snapshot = await readWorkbook();
    expect(snapshot.ledger).toMatchObject({
      sheet: SAMPLE_SHEET,
      table: "Orders",
      headerRow: 2,
      rowCount: SAMPLE_ROWS.length,
      selectedIndex: 2,
    });
    expect(snapshot.ledger?.headers).toEqual([...SAMPLE_HEADERS]);
    expect(book.syncCount).toBe(3);
  });

  it("re-reads only the Guard tables when asked: two syncs, then one per table", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    useMockHost(book);
    const tables = await readGuardTables();
    expect(Object.keys(tables).sort()).toEqual(["GuardBlacklist", "GuardSettings"]);
    expect(tables.GuardBlacklist?.values[1]).toEqual(SAMPLE_BLACKLIST[0]);
    expect(book.syncCount).toBe(4);
  });

  it("finds a ledger in a plain range below a title row, as the engine finds the header", async () => {
    const book = plainBook(SAMPLE_ROWS.slice(0, 5));
    useMockHost(book);
    const snapshot = await readWorkbook();
    expect(snapshot.ledger).toMatchObject({
      headerRow: 2,
      firstColumn: 0,
      rowCount: 5,
      columnCount: SAMPLE_HEADERS.length,
    });
    expect(snapshot.ledger?.table).toBeUndefined();
  });

  it("adds the risk columns as calculated table columns referencing only the ledger's own columns", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    const result = await addRiskColumns(DEFAULTS);
    expect(result.rows).toBe(SAMPLE_ROWS.length);
    const sheet = book.activeSheet;
    const col = SAMPLE_HEADERS.length;
    expect([0, 1, 2].map((k) => sheet.cell(2, col + k)?.value)).toEqual([
      "Risk score",
      "Risk level",
      "Reasons",
    ]);
    expect(sheet.cell(3, col)?.formula).toBe(
      "=GUARD.RISKSCORE(Orders[[#Headers],[订单编号]:[合同]],Orders[@[订单编号]:[合同]],GuardBlacklist,GuardSettings)",
    );
    expect(sheet.cell(3, col + 2)?.formula).toMatch(/^=GUARD\.RISKREASONS\(/);
    expect(book.table("Orders")?.region.columnCount).toBe(SAMPLE_HEADERS.length + 3);
    expect(book.table("GuardSettings")).toBeDefined();
    expect(book.table("GuardBlacklist")).toBeDefined();
    expect(book.sheet(GUARD_SHEET)).toBeDefined();
    // Two syncs to find things, the header row, the target cells, the headers, one chunk of formulas.
    expect(book.syncCount).toBe(6);
  });

  it("writes one A1 formula per row in a plain range", async () => {
    const book = plainBook(SAMPLE_ROWS.slice(0, 3));
    useMockHost(book);
    await addRiskColumns(DEFAULTS);
    const col = SAMPLE_HEADERS.length;
    expect(book.activeSheet.cell(4, col + 1)?.formula).toBe(
      "=GUARD.RISKLEVEL($A$3:$Q$3,$A5:$Q5,GuardBlacklist,GuardSettings)",
    );
  });

  it("refuses to add the risk columns over a non-empty cell and writes nothing", async () => {
    const book = plainBook(SAMPLE_ROWS.slice(0, 3));
    book.activeSheet.setCell(4, SAMPLE_HEADERS.length + 1, { value: "my note" });
    useMockHost(book);
    const before = dump(book);
    await expect(addRiskColumns(DEFAULTS)).rejects.toMatchObject({
      code: "not_empty",
      detail: `'${SAMPLE_SHEET}'!S5`,
    });
    expect(dump(book)).toBe(before);
  });

  it("refuses a second time: the columns are already there", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    await addRiskColumns(DEFAULTS);
    await expect(addRiskColumns(DEFAULTS)).rejects.toMatchObject({ code: "already_added" });
  });

  it("flags twice without stacking rules, keeps the user's own rules, and removes only its own", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    await addRiskColumns(DEFAULTS);
    const sheet = book.activeSheet;
    sheet.formats.push({
      id: "user",
      type: "Custom",
      region: { sheet: sheet.name, row: 3, column: 8, rowCount: 20, columnCount: 1 },
      formula: "=$I4>10000",
      priority: 0,
      stopIfTrue: false,
    });
    expect(await flagRiskyRows("row")).toEqual({ removed: 0, added: 3 });
    expect(await flagRiskyRows("score")).toEqual({ removed: 3, added: 3 });
    const ours = sheet.formats.filter((f) => f.formula.includes(FLAG_MARKER));
    expect(ours).toHaveLength(3);
    expect(ours[0]?.formula).toContain('SEARCH("blacklist",$T4)');
    expect(ours.map((f) => f.fill)).toEqual(["#1F1F1F", "#F8CBAD", "#FFE699"]);
    expect(await removeFlags()).toBe(3);
    expect(sheet.formats.map((f) => f.id)).toEqual(["user"]);
  });

  it("will not flag before the risk columns exist", async () => {
    useMockHost(createSampleWorkbook());
    await expect(flagRiskyRows("row")).rejects.toMatchObject({ code: "no_risk_columns" });
  });

  it("rejects a bad setting naming the key and leaves the table as it was; saves a good one in place", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    useMockHost(book);
    const before = dump(book);
    const error = await writeSettings([["deposit.maxShare", "lots"]], DEFAULTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).issues[0]?.key).toBe("deposit.maxShare");
    expect(dump(book)).toBe(before);
    await writeSettings([["rates.CNY", 7.1]], DEFAULTS);
    const table = book.table("GuardSettings");
    const rows = (table?.region.rowCount ?? 0) - 1;
    expect(rows).toBe(DEFAULTS.length);
    const found = Array.from({ length: rows }, (_, i) => [
      book.sheet(GUARD_SHEET)?.cell(1 + i, 0)?.value,
      book.sheet(GUARD_SHEET)?.cell(1 + i, 1)?.value,
    ]).find(([k]) => k === "rates.CNY");
    expect(found?.[1]).toBe(7.1);
  });

  it("stores a column correction as a columns.<header> setting", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    useMockHost(book);
    await writeSettings([["columns.旺旺号", "memberId"]], DEFAULTS);
    const guard = book.sheet(GUARD_SHEET);
    const last = (book.table("GuardSettings")?.region.rowCount ?? 0) - 1;
    expect([guard?.cell(last, 0)?.value, guard?.cell(last, 1)?.value]).toEqual([
      "columns.旺旺号",
      "memberId",
    ]);
  });

  it("adds blacklist entries into a new table, neutralising formula-like text, and logs removals", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    await addBlacklistEntries([
      [
        "义乌市佳美饰品商行",
        "https://shop6683012.1688.com",
        "jiamei88",
        "",
        "=cmd|' /C calc'!A0",
        "2025-03-10",
        "Li",
      ],
      ["泉州市丰泽区鸿运箱包店", "", "", "", "no goods", "2025-03-11", "Li"],
    ]);
    const guard = book.sheet(GUARD_SHEET);
    expect(book.table("GuardBlacklist")?.region).toMatchObject({
      row: 0,
      column: 3,
      rowCount: 3,
      columnCount: 7,
    });
    expect(guard?.cell(1, 7)).toEqual({ value: "=cmd|' /C calc'!A0", format: "@" });
    expect(guard?.cell(1, 7)?.formula).toBeUndefined();

    const removed = ["泉州市丰泽区鸿运箱包店", "", "", "", "no goods", "2025-03-11", "Li"];
    await removeBlacklistEntries([{ index: 1, row: removed }], "2025-03-12", "Wang");
    expect(book.table("GuardBlacklist")?.region.rowCount).toBe(2);
    expect(book.table("GuardBlacklistLog")).toBeDefined();
    const log = book.table("GuardBlacklistLog");
    expect(guard?.cell((log?.region.row ?? 0) + 1, (log?.region.column ?? 0) + 0)?.value).toBe(
      "泉州市丰泽区鸿运箱包店",
    );
    expect(guard?.cell((log?.region.row ?? 0) + 1, (log?.region.column ?? 0) + 8)?.value).toBe("Wang");
  });

  it("refuses to remove an entry that changed since it was read, writing nothing", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    useMockHost(book);
    const before = dump(book);
    await expect(
      removeBlacklistEntries([{ index: 0, row: ["someone else"] }], "2025-03-12", "Wang"),
    ).rejects.toBeInstanceOf(GatewayError);
    expect(dump(book)).toBe(before);
  });

  it("refuses a blacklist entry with no identifier", async () => {
    useMockHost(createSampleWorkbook());
    await expect(addBlacklistEntries([["", "", "", "", "why", "2025-03-12", "Li"]])).rejects.toMatchObject({
      code: "empty_entry",
    });
  });

  it("saves a supplier once per key and updates it in place", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    expect(await saveSupplier(["name:义乌市鑫达日用品", "义乌市鑫达日用品有限公司", "", "", "", 8])).toBe(
      "added",
    );
    expect(await saveSupplier(["name:义乌市鑫达日用品", "义乌市鑫达日用品有限公司", "", "", "", 9])).toBe(
      "updated",
    );
    const t = book.table("GuardSuppliers");
    expect(t?.region.rowCount).toBe(2);
    expect(book.sheet(GUARD_SHEET)?.cell(1, (t?.region.column ?? 0) + 5)?.value).toBe(9);
  });

  it("leaves the workbook as it was when the first write batch fails", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    const before = dump(book);
    book.failWriteSync(1, "the workbook is locked for editing");
    await expect(addRiskColumns(DEFAULTS)).rejects.toMatchObject({
      code: "write_failed",
      detail: "the workbook is locked for editing",
    });
    expect(dump(book)).toBe(before);
  });

  it("reports selection changes on the ledger's sheet after one registration sync, and none after removal", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    const seen: string[] = [];
    const stop = await watchSelection(SAMPLE_SHEET, (address) => seen.push(address));
    expect(book.syncCount).toBe(1);
    const sheet = book.activeSheet;
    book.select(sheet, { row: 5, column: 1, rowCount: 1, columnCount: 1 });
    book.select(sheet, { row: 6, column: 0, rowCount: 1, columnCount: 17 });
    expect(seen).toEqual(["B6", "A7:Q7"]);
    expect(book.syncCount).toBe(1);
    await stop();
    expect(book.selectionHandlerCount).toBe(0);
    book.select(sheet, { row: 7, column: 1, rowCount: 1, columnCount: 1 });
    expect(seen).toHaveLength(2);
  });

  it("hears the pane's own row selection, as Excel reports Range.select()", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    const seen: string[] = [];
    await watchSelection(SAMPLE_SHEET, (address) => seen.push(address));
    await selectRow(SAMPLE_SHEET, 4, 0, SAMPLE_HEADERS.length);
    expect(seen).toEqual(["A5:Q5"]);
  });

  it("does not report selections on another sheet", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    useMockHost(book);
    const seen: string[] = [];
    await watchSelection(SAMPLE_SHEET, (address) => seen.push(address));
    const guard = book.sheet(GUARD_SHEET);
    if (!guard) throw new Error("no Guard sheet");
    book.select(guard, { row: 1, column: 1, rowCount: 1, columnCount: 1 });
    expect(seen).toEqual([]);
  });
});

describe("following edits: Worksheet.onChanged and reading only the rows an edit touched", () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it("reports a user's edit and the pane's own writes with their address, after one registration sync", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    useMockHost(book);
    const seen: Array<{ address: string; changeType: string }> = [];
    const stop = await watchChanges(SAMPLE_SHEET, (change) => seen.push(change));
    expect(book.syncCount).toBe(1);
    book.edit(book.activeSheet, SAMPLE_HEADER_ROW + 3, 9, [["¥1,000.00"]]);
    await tick();
    expect(seen).toEqual([{ address: `J${SAMPLE_HEADER_ROW + 4}`, changeType: "RangeEdited" }]);
    await addRiskColumns(DEFAULTS);
    await tick();
    expect(seen.length).toBeGreaterThan(1);
    await stop();
    expect(book.changedHandlerCount).toBe(0);
    book.edit(book.activeSheet, SAMPLE_HEADER_ROW + 3, 9, [["¥2,000.00"]]);
    await tick();
    expect(seen.filter((c) => c.address.startsWith("J"))).toHaveLength(1);
  });

  it("does not report edits on another sheet", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    useMockHost(book);
    const seen: unknown[] = [];
    await watchChanges(SAMPLE_SHEET, (change) => seen.push(change));
    const guard = book.sheet(GUARD_SHEET);
    if (!guard) throw new Error("no Guard sheet");
    book.edit(guard, 1, 1, [["x"]]);
    await tick();
    expect(seen).toEqual([]);
  });

  it("reads the rows an edit touched in one sync and a few hundred cells, not the ledger", async () => {
    const book = wideBook(50_000);
    useMockHost(book);
    const snapshot = await readWorkbook();
    const ledger = snapshot.ledger as Ledger;
    book.edit(book.activeSheet, ledger.headerRow + 1 + 30_000, 3, [["改过的备注"], ["第二行"]]);
    const syncs = book.syncCount;
    const cellsRead = book.cellsRead;
    const rows = await readLedgerRows(ledger, 30_000, 2);
    expect(book.syncCount - syncs).toBe(1);
    expect(book.cellsRead - cellsRead).toBe(2 * ledger.columnCount);
    expect(rows.map((r) => r[3])).toEqual(["改过的备注", "第二行"]);
  }, 120_000);
});

/** The sample ledger as the Orders table with `n` data rows (and a totals row when asked). */
function tableBook(n: number, totals = false): MockWorkbook {
  const book = createSampleWorkbook();
  const sheet = book.activeSheet;
  const rows = manyRows(n);
  rows.forEach((row, i) =>
    row.forEach((v, j) => sheet.setCell(SAMPLE_HEADER_ROW + 1 + i, j, v === "" ? undefined : { value: v })),
  );
  const table = book.table(SAMPLE_TABLE);
  if (!table) throw new Error("no Orders table");
  table.region.rowCount = n + 1;
  if (totals) {
    const at = SAMPLE_HEADER_ROW + 1 + n;
    sheet.setCell(at, 0, { value: "合计" });
    sheet.setCell(at, 12, { value: null, formula: "=SUBTOTAL(109,Orders[数量])" });
    table.region.rowCount++;
    table.showTotals = true;
  }
  return book;
}

/** A plain ledger of `n` rows and 40 columns: the sample's 17 and 23 of notes. */
function wideBook(n: number): MockWorkbook {
  const book = plainBook([]);
  const sheet = book.activeSheet;
  const extra = Array.from({ length: 40 - SAMPLE_HEADERS.length }, (_, k) => `备注${k + 1}`);
  extra.forEach((h, k) => sheet.setCell(2, SAMPLE_HEADERS.length + k, { value: h }));
  for (let i = 0; i < n; i++) {
    const row = [
      ...(SAMPLE_ROWS[i % SAMPLE_ROWS.length] ?? []),
      ...extra.map((_, k) => `第${i}行 备注 ${k}`),
    ];
    row.forEach((v, j) => sheet.setCell(3 + i, j, v === "" ? undefined : { value: v }));
  }
  return book;
}

describe("the gateway on a 50,000-row, 40-column ledger (Excel on the web's 5 MB a request)", () => {
  const rows = 50_000;
  let book: MockWorkbook;
  beforeAll(() => {
    book = wideBook(rows);
  });

  it("would fail reading the used range or writing the formulas in one request", async () => {
    useMockHost(book);
    const excel = g.Excel as ReturnType<typeof createExcelApi>;
    const read = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getUsedRange().load("values");
      await ctx.sync();
    });
    await expect(read).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    const write = excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      sheet.getRange(`AO4:AQ${rows + 3}`).formulas = Array.from({ length: rows }, (_, i) =>
        riskFormulas({ ...LEDGER_SHAPE, rowCount: rows }, i),
      );
      await ctx.sync();
    });
    await expect(write).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  }, 120_000);

  it("reads it, adds the risk columns and flags it in chunks that each stay under the limits", async () => {
    useMockHost(book);
    const snapshot = await readWorkbook();
    expect(snapshot.ledger).toMatchObject({ rowCount: rows, columnCount: 40 });
    expect(snapshot.ledger?.cells).toHaveLength(rows + 1);
    expect(snapshot.ledger?.cells[rows]?.[39]).toBe(`第${rows - 1}行 备注 22`);
    const result = await addRiskColumns(DEFAULTS);
    expect(result).toEqual({ address: `'${SAMPLE_SHEET}'!AO3:AQ${rows + 3}`, rows });
    const sheet = book.activeSheet;
    expect(sheet.cell(rows + 2, 40)?.formula).toBe(
      `=GUARD.RISKSCORE($A$3:$AN$3,$A${rows + 3}:$AN${rows + 3},GuardBlacklist,GuardSettings)`,
    );
    expect(sheet.cell(rows + 3, 40)).toBeUndefined();
    expect(await flagRiskyRows("row")).toEqual({ removed: 0, added: 3 });
    expect(book.activeSheet.formats[0]?.region).toMatchObject({ row: 3, rowCount: rows, columnCount: 43 });
  }, 120_000);
});

/** Cells the mock host loaded while `action` ran. */
async function cellsReadBy(book: MockWorkbook, action: () => Promise<unknown>): Promise<number> {
  const before = book.cellsRead;
  await action();
  return book.cellsRead - before;
}

describe("the gateway reads no more than an action needs", () => {
  it("reads a table ledger's cells, not the rest of the used range", async () => {
    const book = createSampleWorkbook();
    book.activeSheet.setCell(5_000, 30, { value: "a note far below" });
    useMockHost(book);
    await readWorkbook();
    const table = book.table(SAMPLE_TABLE)?.region;
    expect(book.cellsRead).toBe((table?.rowCount ?? 0) * (table?.columnCount ?? 0));
  });

  it("adds risk columns and flags a table ledger reading its header row and the target cells only", async () => {
    const book = tableBook(5_000);
    useMockHost(book);
    const width = SAMPLE_HEADERS.length;
    // The header row, then the target cells (header row included).
    expect(await cellsReadBy(book, () => addRiskColumns(DEFAULTS))).toBe(width + 3 * 5_001);
    expect(await cellsReadBy(book, () => flagRiskyRows("row"))).toBe(width + 3);
  });

  it("serves a plain ledger's actions from the last full read while its header row reads the same", async () => {
    const book = plainBook(manyRows(5_000));
    useMockHost(book);
    const width = SAMPLE_HEADERS.length;
    await readWorkbook();
    // The header row with the three cells after it, and the target cells.
    expect(await cellsReadBy(book, () => addRiskColumns(DEFAULTS))).toBe(width + 3 + 3 * 5_001);
    await readWorkbook();
    expect(await cellsReadBy(book, () => flagRiskyRows("row"))).toBe(width + 3);
  });

  it("finds a plain ledger for an action from its top and bottom rows when nothing was read before", async () => {
    const book = plainBook(manyRows(5_000));
    useMockHost(book);
    await addRiskColumns(DEFAULTS);
    const width = SAMPLE_HEADERS.length + 3;
    expect(await cellsReadBy(book, () => flagRiskyRows("row"))).toBe((40 + 200) * width);
    expect(book.activeSheet.formats[0]?.region).toMatchObject({ row: 3, rowCount: 5_000 });
  });

  it("reads a plain ledger whole when blank rows below it reach past the bottom rows read", async () => {
    const book = plainBook(manyRows(5_000));
    book.activeSheet.setCell(9_000, 30, { value: "a note far below" });
    useMockHost(book);
    await addRiskColumns(DEFAULTS);
    expect(await cellsReadBy(book, () => flagRiskyRows("row"))).toBeGreaterThan(9_000 * 31);
    expect(book.activeSheet.formats[0]?.region).toMatchObject({ row: 3, rowCount: 5_000 });
  });

  it("reads the whole ledger again for an action when its header row changed", async () => {
    const book = plainBook(manyRows(50));
    useMockHost(book);
    await readWorkbook();
    book.activeSheet.setCell(2, 0, { value: "订单号" });
    const read = await cellsReadBy(book, () => addRiskColumns(DEFAULTS));
    expect(read).toBeGreaterThan(50 * SAMPLE_HEADERS.length);
    expect(book.activeSheet.usedRegion()?.columnCount).toBe(SAMPLE_HEADERS.length + 3);
  });
});

describe("the gateway on Guard tables with a totals row", () => {
  it("leaves the totals row out of the blacklist and appends entries above it", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    const table = book.table("GuardBlacklist");
    const guard = book.sheet(GUARD_SHEET);
    if (!table || !guard) throw new Error("no blacklist");
    guard.setCell(table.region.row + table.region.rowCount, table.region.column, { value: "Total" });
    table.region.rowCount++;
    table.showTotals = true;
    useMockHost(book);
    expect((await readWorkbook()).tables.GuardBlacklist?.values).toHaveLength(2);
    await addBlacklistEntries([["义乌市佳美饰品商行", "", "jiamei88", "", "", "2025-03-10", "Li"]]);
    const values = (await readWorkbook()).tables.GuardBlacklist?.values;
    expect(values?.map((r) => r[0])).toEqual(["Supplier", SAMPLE_BLACKLIST[0]?.[0], "义乌市佳美饰品商行"]);
    expect(guard.cell(table.region.row + table.region.rowCount - 1, table.region.column)?.value).toBe(
      "Total",
    );
  });
});

describe("the gateway keeps text as text", () => {
  const entry: BlacklistRow = [
    "TRUE",
    "https://shop6683012.1688.com",
    "00123",
    "123456789012345678",
    "收款后关店",
    "2025-03-10",
    "Li",
  ];

  it("writes blacklist entries (new table, then appended rows) that read back exactly as typed", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    await addBlacklistEntries([entry]);
    await addBlacklistEntries([
      ["义乌市佳美饰品商行", "", "0088", "91330782MA2E4K7L6U", "", "3/10/2025", "Wang"],
    ]);
    const snapshot = await readWorkbook();
    expect(snapshot.tables.GuardBlacklist?.values.slice(1)).toEqual([
      [...entry],
      ["义乌市佳美饰品商行", "", "0088", "91330782MA2E4K7L6U", "", "3/10/2025", "Wang"],
    ]);
  });

  it("removes an entry whose date and ids it wrote (they read back unchanged), logging the removal as text", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    await addBlacklistEntries([entry, [...entry.slice(0, 6), "Wang"] as BlacklistRow]);
    await removeBlacklistEntries([{ index: 0, row: [...entry] }], "2025-03-12", "Wang");
    const log = (await readWorkbook()).tables.GuardBlacklistLog?.values[1];
    expect(log).toEqual([...entry, "2025-03-12", "Wang"]);
  });

  it("saves supplier fields and settings as typed: text as text, numbers as numbers", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    useMockHost(book);
    await saveSupplier(["id:00123", "义乌市鑫达日用品有限公司", "", "00123", "", 8]);
    await saveSupplier(["id:00123", "义乌市鑫达日用品有限公司", "", "00123", "", 9]);
    await writeSettings([["rates.CNY", 7.1]], DEFAULTS);
    const snapshot = await readWorkbook();
    expect(snapshot.tables.GuardSuppliers?.values[1]?.slice(0, 6)).toEqual([
      "id:00123",
      "义乌市鑫达日用品有限公司",
      "",
      "00123",
      "",
      9,
    ]);
    const rate = snapshot.tables.GuardSettings?.values.find((r) => r[0] === "rates.CNY");
    expect(rate?.[1]).toBe(7.1);
  });
});

describe("the gateway on a table with a totals row", () => {
  it("does not count the totals row as an order", async () => {
    useMockHost(tableBook(SAMPLE_ROWS.length, true));
    const snapshot = await readWorkbook();
    expect(snapshot.ledger?.rowCount).toBe(SAMPLE_ROWS.length);
    expect(snapshot.ledger?.cells.at(-1)?.[0]).not.toBe("合计");
  });

  it("adds risk columns with no formula in the totals row, and flags only the data rows", async () => {
    const book = tableBook(SAMPLE_ROWS.length, true);
    useMockHost(book);
    await addRiskColumns(DEFAULTS);
    const sheet = book.activeSheet;
    const col = SAMPLE_HEADERS.length;
    const totalsRow = SAMPLE_HEADER_ROW + 1 + SAMPLE_ROWS.length;
    expect(sheet.cell(totalsRow - 1, col)?.formula).toMatch(/^=GUARD\.RISKSCORE\(Orders\[/);
    expect([0, 1, 2].map((k) => sheet.cell(totalsRow, col + k))).toEqual([undefined, undefined, undefined]);
    expect(sheet.cell(totalsRow, 0)?.value).toBe("合计");
    expect(book.table(SAMPLE_TABLE)?.region).toMatchObject({
      rowCount: SAMPLE_ROWS.length + 2,
      columnCount: col + 3,
    });
    await flagRiskyRows("row");
    expect(sheet.formats[0]?.region).toMatchObject({
      row: SAMPLE_HEADER_ROW + 1,
      rowCount: SAMPLE_ROWS.length,
    });
  });
});

describe("the gateway when a chunk of a write fails", () => {
  it("undoes a plain range's headers and earlier chunks, and the Guard sheet it created", async () => {
    const book = plainBook(manyRows(12_000));
    useMockHost(book);
    const before = dump(book);
    book.failWriteSync(3, "the workbook is locked for editing"); // headers, chunk 1, then chunk 2 fails
    const error = await addRiskColumns(DEFAULTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: "write_failed", detail: "the workbook is locked for editing" });
    expect(dump(book)).toBe(before);
  });

  it("undoes a table's new columns and keeps existing Guard tables", async () => {
    const book = tableBook(12_000);
    const guard = createSampleWorkbook({ withGuardTables: true });
    book.sheets.push(...guard.sheets.filter((s) => s.name === GUARD_SHEET));
    book.tables.push(...guard.tables.filter((t) => t.sheet.name === GUARD_SHEET));
    useMockHost(book);
    const before = dump(book);
    book.failWriteSync(2, "the workbook is locked for editing");
    await expect(addRiskColumns(DEFAULTS)).rejects.toMatchObject({ code: "write_failed" });
    expect(dump(book)).toBe(before);
  });

  it("names the cells left written when undoing fails too", async () => {
    const book = plainBook(manyRows(12_000));
    useMockHost(book);
    book.failWriteSync(3, "the workbook is locked for editing");
    book.failWriteSync(4, "the connection dropped");
    const error = (await addRiskColumns(DEFAULTS).catch((e: unknown) => e)) as GatewayError;
    expect(error.code).toBe("partial_write");
    const written = parseAddress(error.detail);
    expect(written).toMatchObject({ row: 2, column: SAMPLE_HEADERS.length, columnCount: 3 });
    const sheet = book.activeSheet;
    const last = written.row + written.rowCount - 1;
    expect(sheet.cell(last, SAMPLE_HEADERS.length)?.formula).toMatch(/^=GUARD\.RISKSCORE/);
    expect(sheet.cell(last + 1, SAMPLE_HEADERS.length)).toBeUndefined();
  });
});

describe("the gateway appending many blacklist entries", () => {
  const entries = (n: number): BlacklistRow[] =>
    Array.from({ length: n }, (_, i) => [
      `义乌市第${i}号饰品商行`,
      `https://shop${100000 + i}.1688.com`,
      String(i).padStart(8, "0"),
      "",
      "收款后关店，不发货",
      "2025-03-10",
      "采购部 王丽",
    ]);

  it("imports 20,000 entries in chunks, text kept as text", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    useMockHost(book);
    await addBlacklistEntries(entries(20_000));
    const values = (await readWorkbook()).tables.GuardBlacklist?.values;
    expect(values).toHaveLength(1 + SAMPLE_BLACKLIST.length + 20_000);
    expect(values?.at(-1)).toEqual([...(entries(20_000)[19_999] ?? [])]);
    expect(book.writeSyncCount).toBeGreaterThan(1);
  });

  it.each([
    ["into an existing table", true],
    ["into a new table on a new Guard sheet", false],
  ])("undoes every chunk when one fails, %s", async (_what, guardTables) => {
    const book = createSampleWorkbook({ withGuardTables: guardTables });
    useMockHost(book);
    const before = dump(book);
    book.failWriteSync(3, "the workbook is locked for editing");
    await expect(addBlacklistEntries(entries(20_000))).rejects.toMatchObject({ code: "write_failed" });
    expect(dump(book)).toBe(before);
  });

  it("undoes the removal log when the removal fails, keeping the entry", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    useMockHost(book);
    const before = dump(book);
    book.failWriteSync(2, "the workbook is locked for editing"); // the log, then the removal
    await expect(
      removeBlacklistEntries([{ index: 0, row: [...(SAMPLE_BLACKLIST[0] ?? [])] }], "2025-03-12", "Wang"),
    ).rejects.toMatchObject({ code: "write_failed" });
    expect(dump(book)).toBe(before);
  });
});

describe("freezing the risk columns for a colleague without the add-in", () => {
  const note = "Sourcing Guard froze these risk columns on 2026-12-07 18:30 (UTC).";
  const score = (book: MockWorkbook, row: number) => book.activeSheet.cell(row, SAMPLE_HEADERS.length);

  it("turns the formulas into the values they showed, notes when on the header, and unfreezes back", async () => {
    const handle = installMockHost({ withGuardTables: true });
    const book = handle.book;
    await addRiskColumns(DEFAULTS);
    const computed = handle.values(SAMPLE_SHEET);
    const formulas = handle.formulas(SAMPLE_SHEET);
    const frozen = await freezeRiskColumns(note);
    expect(frozen).toEqual({
      address: `'${SAMPLE_SHEET}'!R4:T24`,
      rows: SAMPLE_ROWS.length,
      note: `'${SAMPLE_SHEET}'!R3`,
    });
    const first = SAMPLE_HEADER_ROW + 1;
    expect(score(book, first)?.formula).toBeUndefined();
    expect(handle.values(SAMPLE_SHEET)).toEqual(computed);
    expect(typeof handle.values(SAMPLE_SHEET)[first]?.[SAMPLE_HEADERS.length]).toBe("number");
    expect(book.comments).toEqual([
      expect.objectContaining({ row: SAMPLE_HEADER_ROW, column: SAMPLE_HEADERS.length, content: note }),
    ]);

    await expect(freezeRiskColumns(note)).rejects.toMatchObject({ code: "already_frozen" });

    await expect(unfreezeRiskColumns()).resolves.toEqual({
      address: `'${SAMPLE_SHEET}'!R4:T24`,
      rows: SAMPLE_ROWS.length,
    });
    expect(handle.formulas(SAMPLE_SHEET)).toEqual(formulas);
    expect(book.comments).toEqual([]);
    await expect(unfreezeRiskColumns()).rejects.toMatchObject({ code: "not_frozen" });
  });

  it("refuses to freeze over a comment already on the header, as Excel refuses a second comment, and writes nothing", async () => {
    const handle = installMockHost({ withGuardTables: true });
    await addRiskColumns(DEFAULTS);
    handle.book.comments.push({
      sheet: handle.book.activeSheet,
      row: SAMPLE_HEADER_ROW,
      column: SAMPLE_HEADERS.length,
      content: "王丽: check row 7",
    });
    const before = dump(handle.book);
    await expect(freezeRiskColumns(note)).rejects.toMatchObject({
      code: "comment_exists",
      detail: `'${SAMPLE_SHEET}'!R3`,
    });
    expect(dump(handle.book)).toBe(before);
  });

  it("freezes without a note where Excel has no comments (ExcelApi 1.7), and unfreezes", async () => {
    const handle = installMockHost({ withGuardTables: true, excelApi: "1.7" });
    await addRiskColumns(DEFAULTS);
    await expect(freezeRiskColumns(note)).resolves.toMatchObject({ note: undefined });
    expect(handle.book.comments).toEqual([]);
    expect(score(handle.book, SAMPLE_HEADER_ROW + 1)?.formula).toBeUndefined();
    await unfreezeRiskColumns();
    expect(score(handle.book, SAMPLE_HEADER_ROW + 1)?.formula).toMatch(/^=GUARD\.RISKSCORE\(/);
  });

  it("refuses to freeze a cell showing an error instead of a result, and writes nothing", async () => {
    const handle = installMockHost({ withGuardTables: true });
    await addRiskColumns(DEFAULTS);
    handle.book.activeSheet.setCell(SAMPLE_HEADER_ROW + 2, SAMPLE_HEADERS.length + 1, {
      value: null,
      formula: "=NOSUCH()",
    });
    const before = dump(handle.book);
    await expect(freezeRiskColumns(note)).rejects.toMatchObject({ code: "not_computed" });
    expect(dump(handle.book)).toBe(before);
  });

  it("asks for the risk columns first", async () => {
    installMockHost();
    await expect(freezeRiskColumns(note)).rejects.toMatchObject({ code: "no_risk_columns" });
    await expect(unfreezeRiskColumns()).rejects.toMatchObject({ code: "no_risk_columns" });
  });

  it("puts the formulas back when a chunk of the freeze fails, and removes the note", async () => {
    const handle = installMockHost({ withGuardTables: true });
    await addRiskColumns(DEFAULTS);
    const before = handle.formulas(SAMPLE_SHEET);
    handle.book.failWriteSync(2, "the workbook is locked"); // the note is the first write; the values the second
    await expect(freezeRiskColumns(note)).rejects.toMatchObject({ code: "write_failed" });
    expect(handle.formulas(SAMPLE_SHEET)).toEqual(before);
    expect(handle.book.comments).toEqual([]);
  });
});

describe("the allow-list table the Before you pay card reads", () => {
  it("reads a GuardAllowList table the team made, header row first, when the workbook has one", async () => {
    const book = createSampleWorkbook({ withGuardTables: true });
    const guard = book.sheet(GUARD_SHEET);
    if (!guard) throw new Error("no Guard sheet");
    const rows = [
      ["Supplier", "Blacklisted as", "Checked by", "Date", "Note"],
      ["浙江义乌宏达贸易", "义乌市宏达贸易有限公司", "Li", "2026-12-01", "different owner, checked on gsxt"],
    ];
    rows.forEach((row, i) => row.forEach((v, j) => guard.setCell(40 + i, 60 + j, { value: v })));
    book.tables.push({
      name: "GuardAllowList",
      sheet: guard,
      region: { sheet: GUARD_SHEET, row: 40, column: 60, rowCount: 2, columnCount: 5 },
    });
    useMockHost(book);
    expect((await readWorkbook()).tables.GuardAllowList?.values).toEqual(rows);
  });

  it("reads none when the workbook has no allow-list", async () => {
    useMockHost(createSampleWorkbook({ withGuardTables: true }));
    expect((await readWorkbook()).tables.GuardAllowList).toBeUndefined();
  });
});
