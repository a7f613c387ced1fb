/**
 * Installs the mock Excel host in a page: `Excel`, a minimal `Office`
 * (onReady, context.displayLanguage, context.requirements) and `window.__mockExcel`, the handle
 * tests use to look at the workbook and count syncs. The workbook starts
 * with the sample ledger.
 */
import type { CellValue } from "../../rules/types";
import { regionAddress } from "../excel/address";
import { createExcelApi } from "./excel-api";
import { cellValue, evaluateCondition, evaluateFormula } from "./formulas";
import { createSampleWorkbook, type MockHostOptions } from "./sample";
import { compareApiVersions, type MockFormat, type MockSheet, type MockWorkbook } from "./workbook";

/** What tests read through `window.__mockExcel`. */
export interface MockExcelHandle {
  book: MockWorkbook;
  readonly syncCount: number;
  readonly runCount: number;
  /** Values (formulas evaluated) of a sheet's used range, from A1. */
  values(sheet: string): CellValue[][];
  /** Formulas (or constants) of a sheet's used range, from A1. */
  formulas(sheet: string): CellValue[][];
  /** A table's values (header first), or undefined. */
  table(name: string): CellValue[][] | undefined;
  tableNames(): string[];
  formats(sheet: string): Array<Omit<MockFormat, "region"> & { address: string }>;
  /** Fill color a cell shows through the conditional formats (first true rule wins). */
  fillAt(sheet: string, row: number, column: number): string | undefined;
  /** Selects a cell as a click would: the sheet's selection handlers hear of it. */
  select(sheet: string, row: number, column: number): void;
  setCell(sheet: string, row: number, column: number, value: CellValue): void;
  /** The next sync rejects with this message (to test failures midway). */
  failNextSync(message: string): void;
  /** Listeners called after every Excel.run batch (the preview's sheet view redraws). */
  onChange(listener: () => void): () => void;
}

function grid(
  book: MockWorkbook,
  name: string,
  pick: (sheet: MockSheet, r: number, c: number) => CellValue,
): CellValue[][] {
  const sheet = book.sheet(name);
  const used = sheet?.usedRegion();
  if (!sheet || !used) return [];
  return Array.from({ length: used.row + used.rowCount }, (_, r) =>
    Array.from({ length: used.column + used.columnCount }, (_, c) => pick(sheet, r, c)),
  );
}

export type { MockHostOptions };

/** Installs `Excel`, `Office` and `__mockExcel` on the global object. */
export function installMockHost(options: MockHostOptions = {}): MockExcelHandle {
  const book = createSampleWorkbook(options);
  const failures: string[] = [];
  const listeners = new Set<() => void>();
  const api = createExcelApi(book, evaluateFormula, failures);
  const notify = (): void => listeners.forEach((l) => l());
  const excel = {
    ...api,
    async run<T>(...args: Parameters<typeof api.run<T>>): Promise<T> {
      try {
        return await api.run(...args);
      } finally {
        notify();
      }
    },
  };
  const handle: MockExcelHandle = {
    book,
    get syncCount() {
      return book.syncCount;
    },
    get runCount() {
      return book.runCount;
    },
    values: (name) => grid(book, name, (s, r, c) => cellValue(book, s, r, c)),
    formulas: (name) => grid(book, name, (s, r, c) => s.cell(r, c)?.formula ?? s.cell(r, c)?.value ?? ""),
    table(name) {
      const t = book.table(name);
      if (!t) return undefined;
      const r = t.region;
      return Array.from({ length: r.rowCount }, (_, i) =>
        Array.from({ length: r.columnCount }, (_, j) => cellValue(book, t.sheet, r.row + i, r.column + j)),
      );
    },
    tableNames: () => book.tables.map((t) => t.name),
    formats: (name) =>
      (book.sheet(name)?.formats ?? []).map(({ region, ...rest }) => ({
        ...rest,
        address: regionAddress(region),
      })),
    fillAt(name, row, column) {
      const sheet = book.sheet(name);
      if (!sheet) return undefined;
      for (const f of sheet.formats) {
        const inside =
          row >= f.region.row &&
          row < f.region.row + f.region.rowCount &&
          column >= f.region.column &&
          column < f.region.column + f.region.columnCount;
        if (inside && evaluateCondition(book, sheet, f, row, column)) return f.fill;
      }
      return undefined;
    },
    select(name, row, column) {
      const sheet = book.sheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      book.select(sheet, { row, column, rowCount: 1, columnCount: 1 });
      notify();
    },
    setCell(name, row, column, value) {
      const sheet = book.sheet(name) ?? book.addSheet(name);
      if (typeof value === "string" && value.startsWith("="))
        sheet.setCell(row, column, { value: null, formula: value });
      else
        sheet.setCell(
          row,
          column,
          value === "" || value === null || value === undefined ? undefined : { value },
        );
      notify();
    },
    failNextSync: (message) => {
      failures.push(message);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const office = {
    context: {
      displayLanguage: options.displayLanguage ?? "en-US",
      // ExcelApi up to the workbook's version; other sets (custom functions…) are taken as there.
      requirements: {
        isSetSupported: (name: string, version = "1.1") =>
          name !== "ExcelApi" || compareApiVersions(book.excelApi, version) >= 0,
      },
    },
    HostType: { Excel: "Excel" },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "PC" };
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = excel;
  g.Office = office;
  g.__mockExcel = handle;
  return handle;
}
