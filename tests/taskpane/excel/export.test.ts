import {
  chunkRows,
  EXPORT_SHEET,
  ExportError,
  exportBlacklistToSheet,
  exportCells,
} from "../../../src/taskpane/excel/export";
import { createExcelApi } from "../../../src/taskpane/mock/excel-api";
import { createSampleWorkbook, SAMPLE_SHEET } from "../../../src/taskpane/mock/sample";
import type { MockWorkbook } from "../../../src/taskpane/mock/workbook";

const g = globalThis as unknown as { Excel: unknown };

function useMockHost(book: MockWorkbook): string[] {
  const failures: string[] = [];
  g.Excel = createExcelApi(book, () => "=", failures);
  return failures;
}

/** What a teammate's blacklist holds: Chinese names, digit-only ids, a date, an injected formula. */
const ROWS = [
  [
    "义乌市佳美饰品商行",
    "https://shop1234.1688.com",
    "b2b-22012345678",
    "92330782L6TJ8P3N45",
    "要求微信转账全款",
    "2025-03-05",
    "王丽",
  ],
  ["恶意公司", "", "0012345", "", "=cmd|' /C calc'!A0", "2025-03-06", "李强"],
  ["临沂市兰山区顺达商贸", "", "", "", "发空包, 拖延发货", "2025-03-07", ""],
];

/** Every cell of every sheet, for "nothing changed" assertions. */
const dump = (book: MockWorkbook): string =>
  JSON.stringify(book.sheets.map((s) => ({ name: s.name, rows: s.rows })));

const grid = (book: MockWorkbook, name: string): unknown[][] => {
  const sheet = book.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.rows.map((row) => Array.from({ length: 7 }, (_, j) => row?.[j]?.value ?? ""));
};

describe("exporting the blacklist to a new sheet", () => {
  it("writes the header and every entry as text to a new sheet GuardBlacklistExport, the ledger sheet staying active", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    const before = grid(book, SAMPLE_SHEET);
    await expect(exportBlacklistToSheet(ROWS)).resolves.toEqual({ sheet: EXPORT_SHEET, rows: 3 });
    expect(grid(book, EXPORT_SHEET)).toEqual([
      ["Supplier", "Shop link", "Member id", "USCC", "Reason", "Date added", "Added by"],
      ...ROWS,
    ]);
    // Text, not a formula: the injected cell stays inert, the digits keep their zeros.
    expect(book.sheet(EXPORT_SHEET)?.cell(2, 4)).toEqual({ value: "=cmd|' /C calc'!A0" });
    expect(book.sheet(EXPORT_SHEET)?.cell(2, 2)).toEqual({ value: "0012345" });
    expect(book.activeSheet.name).toBe(SAMPLE_SHEET);
    expect(grid(book, SAMPLE_SHEET)).toEqual(before);
  });

  it("marks every non-empty cell with Excel's text apostrophe and leaves empty cells empty", () => {
    expect(exportCells([["恶意公司", "", "0012345"]])[1]).toEqual([
      "'恶意公司",
      "",
      "'0012345",
      "",
      "",
      "",
      "",
    ]);
  });

  it("takes the next free name when an export sheet is already there, never touching the old one", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    await exportBlacklistToSheet(ROWS);
    const first = JSON.stringify(book.sheet(EXPORT_SHEET)?.rows);
    const second = await exportBlacklistToSheet(ROWS.slice(0, 1));
    expect(second).toEqual({ sheet: `${EXPORT_SHEET} (2)`, rows: 1 });
    expect(JSON.stringify(book.sheet(EXPORT_SHEET)?.rows)).toBe(first);
    expect(grid(book, `${EXPORT_SHEET} (2)`)).toHaveLength(2);
  });

  it("writes a long blacklist in several syncs, each under the size budget, and every row arrives", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    const many = Array.from({ length: 500 }, (_, i) => [
      `供应商${i}`,
      `https://shop${i}.1688.com`,
      "",
      "",
      "",
      "",
      "",
    ]);
    const syncs = book.syncCount;
    await exportBlacklistToSheet(many, 2_000);
    expect(book.syncCount - syncs).toBeGreaterThan(3);
    expect(grid(book, EXPORT_SHEET)).toHaveLength(501);
  });

  it("splits rows into chunks that stay under the budget and cover every row once", () => {
    const cells = exportCells(Array.from({ length: 40 }, (_, i) => [`供应商${i}`, "x".repeat(i)]));
    const chunks = chunkRows(cells, 100);
    const size = (start: number, end: number) =>
      cells.slice(start, end).reduce((n, row) => n + row.reduce((m, v) => m + v.length + 3, 0), 0);
    expect(chunks.length).toBeGreaterThan(5);
    for (const [start, end] of chunks) if (end - start > 1) expect(size(start, end)).toBeLessThanOrEqual(100);
    expect(chunks[0]?.[0]).toBe(0);
    expect(chunks[chunks.length - 1]?.[1]).toBe(cells.length);
    chunks.forEach(([start, end], i) => {
      expect(end).toBeGreaterThan(start);
      if (i > 0) expect(start).toBe(chunks[i - 1]?.[1]);
    });
  });

  it("reports failure and leaves the workbook as it was when a write fails after the sheet was added", async () => {
    const book = createSampleWorkbook();
    const failures = useMockHost(book);
    const before = dump(book);
    // Sync 1 finds a name, sync 2 adds the sheet with the first rows, sync 3 fails.
    failures.push("", "", "the workbook is locked for editing");
    const many = Array.from({ length: 100 }, (_, i) => [`供应商${i}`, "", "", "", "", "", ""]);
    await expect(exportBlacklistToSheet(many, 500)).rejects.toThrow("locked");
    expect(book.sheet(EXPORT_SHEET)).toBeUndefined();
    expect(dump(book)).toBe(before);
  });

  it("never reports success when Excel kept fewer rows than were sent: it checks what arrived", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    // An Excel that drops every row after the second (as a write that silently fell short would).
    const addSheet = book.addSheet.bind(book);
    book.addSheet = (name) => {
      const sheet = addSheet(name);
      const setCell = sheet.setCell.bind(sheet);
      sheet.setCell = (row, column, cell) => (row < 2 ? setCell(row, column, cell) : undefined);
      return sheet;
    };
    const error = await exportBlacklistToSheet(ROWS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe("not_written");
    expect(book.sheet(EXPORT_SHEET)).toBeUndefined();
  });

  it("gives up with a clear error when all fifty export names are taken, adding nothing", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    book.addSheet(EXPORT_SHEET);
    for (let n = 2; n <= 50; n++) book.addSheet(`${EXPORT_SHEET} (${n})`);
    const count = book.sheets.length;
    await expect(exportBlacklistToSheet(ROWS)).rejects.toMatchObject({ code: "no_sheet_name" });
    expect(book.sheets).toHaveLength(count);
  });
});
