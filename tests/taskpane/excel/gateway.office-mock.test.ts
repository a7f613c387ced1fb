/**
 * The gateway against office-addin-mock, Microsoft's own Office.js mock: which
 * properties it loads, what it writes, and how many context.sync() calls it
 * makes for a 10-row and a 10,000-row ledger. office-addin-mock returns an
 * error string (it does not throw) for a property read before load and sync,
 * so the loads are asserted explicitly.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock reads only the OfficeApp enum from office-addin-manifest, whose own
// dependency chain (@microsoft/app-manifest → fs-extra) is not installed: give it the enum.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import { DEFAULT_SETTINGS, flattenSettings } from "../../../src/rules/settings";
import type { CellValue } from "../../../src/rules/types";
import {
  addRiskColumns,
  CHUNK_BYTES,
  flagRiskyRows,
  GatewayError,
  readWorkbook,
} from "../../../src/taskpane/excel/gateway";
import { FLAG_MARKER, GUARD_SHEET } from "../../../src/taskpane/excel/layout";
import { parseAddress } from "../../../src/taskpane/excel/address";
import { jsonBytes, PAYLOAD_LIMIT_BYTES } from "../../../src/taskpane/excel/payload";
import { SAMPLE_HEADERS, SAMPLE_ROWS } from "../../../src/taskpane/mock/sample";

const DEFAULTS = flattenSettings(DEFAULT_SETTINGS).filter(([k]) => !k.startsWith("columns."));
const SHEET = "Ledger";

interface Write {
  sheet: string;
  address: string;
  values?: unknown;
  formulas?: unknown;
  numberFormat?: unknown;
}

interface Harness {
  mock: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  syncs: () => number;
  writes: Write[];
  /** Addresses whose values or formulas were loaded, in order. */
  reads: string[];
  formatsAdded: any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  formatsDeleted: string[];
  tablesAdded: string[];
}

/** A sheet whose used range is A1:<last> holding `cells` (header in row 3), with the Guard sheet missing. */
function harness(
  cells: CellValue[][],
  existingFormats: Array<{ id: string; formula: string }> = [],
): Harness {
  const writes: Write[] = [];
  const reads: string[] = [];
  const formatsAdded: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const formatsDeleted: string[] = [];
  const tablesAdded: string[] = [];
  const lastColumn = String.fromCharCode(64 + (cells[2]?.length ?? 1));
  /** A range: its cells (of the ledger sheet) once loaded; what is set on it is recorded as a write. */
  const range = (sheet: string, address: string) => {
    const w: Write = { sheet, address };
    const record = (key: "values" | "formulas" | "numberFormat", v: unknown) => {
      if (!writes.includes(w)) writes.push(w);
      w[key] = v;
    };
    const r = parseAddress(address);
    const slice = () =>
      Array.from({ length: r.rowCount }, (_, i) =>
        Array.from({ length: r.columnCount }, (_, j) =>
          sheet === SHEET ? (cells[r.row + i]?.[r.column + j] ?? "") : "",
        ),
      );
    let loaded = false;
    return {
      load() {
        reads.push(address);
        loaded = true;
      },
      get values(): unknown {
        return loaded ? slice() : "not loaded";
      },
      set values(v: unknown) {
        record("values", v);
      },
      get formulas(): unknown {
        return loaded ? slice() : "not loaded";
      },
      set formulas(v: unknown) {
        record("formulas", v);
      },
      set numberFormat(v: unknown) {
        record("numberFormat", v);
      },
      conditionalFormats: {
        add(type: string) {
          const f = {
            type,
            address,
            custom: { rule: {} as { formula?: string }, format: { fill: {}, font: {} } },
          };
          formatsAdded.push(f);
          return f;
        },
      },
    };
  };
  const addedSheet = (name: string) => ({
    getRange: (address: string) => range(name, address),
    tables: {
      add: (address: string) => {
        tablesAdded.push(address);
        return {};
      },
    },
  });
  const data = {
    context: {
      workbook: {
        worksheets: {
          active: {
            name: SHEET,
            used: { address: `${SHEET}!A1:${lastColumn}${cells.length}` },
            getUsedRangeOrNullObject() {
              return this.used;
            },
            getRange(address?: string): unknown {
              return address ? range(SHEET, address) : (this as { whole?: unknown }).whole;
            },
          },
          guard: { name: GUARD_SHEET },
          getActiveWorksheet() {
            return this.active;
          },
          getItemOrNullObject() {
            return this.guard;
          },
          add(name: string) {
            return addedSheet(name);
          },
          getItem(name: string) {
            return name === SHEET ? this.active : addedSheet(name);
          },
        },
        activeCell: { address: `${SHEET}!B5` },
        getActiveCell() {
          return this.activeCell;
        },
        tables: {
          missing: { name: "", showTotals: false },
          getItemOrNullObject() {
            return this.missing;
          },
        },
      },
    },
    run: async function (batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ws = mock.context.workbook.worksheets;
  // isNullObject is readable after any load in Office.js; office-addin-mock needs it set by hand.
  ws.active.used.isNullObject = false;
  ws.guard.isNullObject = true;
  mock.context.workbook.tables.missing.isNullObject = true;
  // Collections: office-addin-mock cannot load "items/..." paths, so they are plain objects.
  ws.active.tables = { items: [], load: () => undefined };
  ws.active.whole = {
    conditionalFormats: {
      items: existingFormats.map((f) => ({
        id: f.id,
        type: "Custom",
        custom: { rule: { formula: f.formula, load: () => undefined } },
        delete: () => formatsDeleted.push(f.id),
      })),
      load: () => undefined,
    },
  };
  let syncs = 0;
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncs++;
    await sync();
  };
  (globalThis as unknown as { Excel: unknown }).Excel = mock;
  return { mock, syncs: () => syncs, writes, reads, formatsAdded, formatsDeleted, tablesAdded };
}

function ledgerCells(rows: number): CellValue[][] {
  const width = SAMPLE_HEADERS.length;
  return [
    ["2025年3月 采购台账", ...Array<CellValue>(width - 1).fill("")],
    Array<CellValue>(width).fill(""),
    [...SAMPLE_HEADERS],
    ...Array.from({ length: rows }, (_, i) => [...(SAMPLE_ROWS[i % SAMPLE_ROWS.length] ?? [])]),
  ];
}

/** office-addin-mock keeps a `_loaded` flag on each property it was asked to load. */
function loaded(object: { _properties: Map<string, { _loaded: boolean }> }, property: string): boolean {
  return object._properties.get(property)?._loaded === true;
}

/** The rows a run of writes covers, in order, with the first sheet row of each write. */
function rowsWritten(writes: Write[], key: "formulas" | "values"): { first: number[]; rows: unknown[][] } {
  const first: number[] = [];
  const rows: unknown[][] = [];
  for (const w of writes) {
    const grid = w[key] as unknown[][] | undefined;
    if (w.sheet !== SHEET || grid === undefined) continue;
    first.push(parseAddress(w.address).row + 1);
    rows.push(...grid);
  }
  return { first, rows };
}

describe("the gateway under office-addin-mock", () => {
  it("loads the used range's address (not its cells), the sheet name and the active cell, then reads the cells by address", async () => {
    const h = harness(ledgerCells(10));
    const snapshot = await readWorkbook();
    const ws = h.mock.context.workbook.worksheets;
    expect(loaded(ws.active.used, "address")).toBe(true);
    expect(loaded(ws.active.used, "values")).toBe(false);
    expect(loaded(ws.active.used, "formulas")).toBe(false);
    expect(loaded(ws.active, "name")).toBe(true);
    expect(loaded(h.mock.context.workbook.activeCell, "address")).toBe(true);
    expect(h.reads).toEqual(["A1:Q13"]);
    expect(snapshot.ledger).toMatchObject({ sheet: SHEET, headerRow: 2, rowCount: 10, selectedIndex: 1 });
    expect(h.syncs()).toBe(3);
  });

  it("reads a 10,000-row ledger in chunks of whole rows, in order, each under Excel's 5 MB", async () => {
    const cells = ledgerCells(10_000);
    const h = harness(cells);
    const snapshot = await readWorkbook();
    expect(snapshot.ledger?.rowCount).toBe(10_000);
    const regions = h.reads.map(parseAddress);
    expect(regions.length).toBeGreaterThan(1);
    let next = 0;
    for (const r of regions) {
      expect(r).toMatchObject({ row: next, column: 0, columnCount: SAMPLE_HEADERS.length });
      next += r.rowCount;
    }
    expect(next).toBe(cells.length);
    for (const r of regions) {
      expect(jsonBytes(cells.slice(r.row, r.row + r.rowCount))).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    }
    // One sync per chunk after the two that find what exists.
    expect(h.syncs()).toBe(2 + regions.length);
  });

  it.each([10, 10_000])(
    "adds risk columns to a %i-row ledger: headers, then formulas in chunks under the budget",
    async (rows) => {
      const h = harness(ledgerCells(rows));
      await addRiskColumns(DEFAULTS);
      const header = h.writes.find((w) => w.sheet === SHEET && w.values !== undefined);
      expect(header).toMatchObject({ address: "R3:T3", values: [["Risk score", "Risk level", "Reasons"]] });
      const formulas = h.writes.filter((w) => w.sheet === SHEET && w.formulas !== undefined);
      for (const w of formulas) expect(jsonBytes(w.formulas)).toBeLessThan(CHUNK_BYTES);
      const { rows: grid } = rowsWritten(formulas, "formulas");
      expect(grid).toHaveLength(rows);
      expect(parseAddress(formulas[0]?.address ?? "")).toMatchObject({ row: 3, column: 17, columnCount: 3 });
      expect(grid[rows - 1]?.[0]).toBe(
        `=GUARD.RISKSCORE($A$3:$Q$3,$A${rows + 3}:$Q${rows + 3},GuardBlacklist,GuardSettings)`,
      );
      if (rows === 10_000) expect(formulas.length).toBeGreaterThan(1);
      // The settings and blacklist tables the formulas read are created on the Guard sheet, text formatted first.
      expect(h.tablesAdded).toEqual([
        `'${GUARD_SHEET}'!A1:B${DEFAULTS.length + 1}`,
        `'${GUARD_SHEET}'!D1:J2`,
      ]);
      const blacklist = h.writes.find((w) => w.sheet === GUARD_SHEET && w.address === "D1:J2");
      expect(blacklist?.numberFormat).toEqual([Array(7).fill("@"), Array(7).fill("@")]);
    },
  );

  it.each([10, 10_000])("flags a %i-row ledger with three custom-formula formats", async (rows) => {
    const cells = ledgerCells(rows);
    cells[2]?.push("Risk score", "Risk level", "Reasons");
    const h = harness(cells, [
      { id: "old-ours", formula: `=AND($S4="HIGH",${FLAG_MARKER})` },
      { id: "users", formula: "=$I4>10000" },
    ]);
    await flagRiskyRows("row");
    expect(h.formatsDeleted).toEqual(["old-ours"]);
    expect(h.formatsAdded.map((f) => [f.type, f.address, f.custom.format.fill.color])).toEqual([
      ["Custom", `A4:T${rows + 3}`, "#1F1F1F"],
      ["Custom", `A4:T${rows + 3}`, "#F8CBAD"],
      ["Custom", `A4:T${rows + 3}`, "#FFE699"],
    ]);
    expect(h.formatsAdded[1].custom.rule.formula).toBe(`=AND($S4="HIGH",${FLAG_MARKER})`);
  });

  it("stops before writing anything when a target cell is not empty", async () => {
    const cells = ledgerCells(10);
    cells[5]?.push("", "a note");
    const h = harness(cells);
    await expect(addRiskColumns(DEFAULTS)).rejects.toBeInstanceOf(GatewayError);
    expect(h.writes).toEqual([]);
    expect(h.tablesAdded).toEqual([]);
  });
});
