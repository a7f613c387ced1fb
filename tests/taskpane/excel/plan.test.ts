import type { Ledger } from "../../../src/taskpane/excel/plan";
import { patchLedger, planEdit, selectedIndexAt } from "../../../src/taskpane/excel/plan";

/** The sample's shape: header on sheet row 3 (0-based 2), 21 data rows, columns A:Q. */
const ledger: Ledger = {
  sheet: "采购台账",
  table: "Orders",
  headerRow: 2,
  firstColumn: 0,
  columnCount: 17,
  rowCount: 21,
  headers: [],
  cells: [],
};

describe("selectedIndexAt: the ledger row a selection event points at", () => {
  it.each([
    ["B6", 2],
    ["A4", 0],
    ["Q24", 20],
    ["A6:Q6", 2],
    ["$B$6", 2],
    ["'采购台账'!C10", 6],
    ["6:6", 2],
    ["8:6", 2],
    ["B6:C7, E9", 2],
  ])("reads %s as data row %i", (address, index) => {
    expect(selectedIndexAt(ledger, address)).toBe(index);
  });

  it.each([
    ["the header row", "B3"],
    ["the title above", "A1"],
    ["the row under the ledger", "A25"],
    ["a column right of the ledger", "R6"],
    ["a whole column", "B:B"],
    ["a defined name", "Orders"],
    ["nothing", ""],
  ])("gives nothing for %s (%s)", (_what, address) => {
    expect(selectedIndexAt(ledger, address)).toBeUndefined();
  });

  it("counts the risk columns as part of the ledger", () => {
    const withRisk: Ledger = { ...ledger, riskColumn: 17 };
    expect(selectedIndexAt(withRisk, "T6")).toBe(2);
    expect(selectedIndexAt(withRisk, "U6")).toBeUndefined();
  });
});

describe("planEdit: what an edit on the ledger's sheet asks of the pane", () => {
  const { table: _table, ...shape } = ledger;
  const plain: Ledger = { ...shape, riskColumn: 17 };

  it.each([
    ["B6", "rows", 2, 1],
    ["A4:Q9", "rows", 0, 6],
    ["'采购台账'!I10", "rows", 6, 1],
    ["6:7", "rows", 2, 2],
    ["C24", "rows", 20, 1],
  ])("reads %s again as rows %s %i (+%i)", (address, kind, from, count) => {
    expect(planEdit(ledger, address, "RangeEdited")).toEqual({ kind, from, count });
  });

  it.each([
    ["the ledger's header row", "B3"],
    ["a new header right of the ledger", "T3"],
    ["whole columns", "B:B"],
    ["several areas", "B6, B9"],
  ])("reads everything after an edit of %s", (_what, address) => {
    expect(planEdit(plain, address, "RangeEdited")).toEqual({ kind: "all" });
  });

  it.each(["RowInserted", "RowDeleted", "CellInserted", "CellDeleted", "ColumnInserted"])(
    "reads everything after %s",
    (changeType) => {
      expect(planEdit(ledger, "B6", changeType)).toEqual({ kind: "all" });
    },
  );

  it.each([
    ["a title above the header", "A1"],
    ["the risk columns' own cells", "R6:T9"],
    ["a note right of the ledger", "Z10"],
  ])("ignores %s", (_what, address) => {
    expect(planEdit(plain, address, "RangeEdited")).toEqual({ kind: "none" });
  });

  it("reads the new rows typed under a plain ledger, and those between", () => {
    expect(planEdit(plain, "B27", "RangeEdited")).toEqual({ kind: "rows", from: 21, count: 3 });
  });

  it("reads everything for a row typed under a table (the table may have grown)", () => {
    expect(planEdit(ledger, "B25", "RangeEdited")).toEqual({ kind: "all" });
  });
});

describe("patchLedger: the ledger with some rows read again", () => {
  const cells = [
    ["订单编号", "付款方式"],
    ["A1", "微信"],
    ["A2", "支付宝"],
  ];
  const small: Ledger = { ...ledger, columnCount: 2, rowCount: 2, cells };

  it("replaces those rows and shares every other row's array", () => {
    const next = patchLedger(small, 1, [["A2", "银行转账", "beyond the ledger"]]);
    expect(next.cells).toEqual([
      ["订单编号", "付款方式"],
      ["A1", "微信"],
      ["A2", "银行转账"],
    ]);
    expect(next.cells[0]).toBe(cells[0]);
    expect(next.cells[1]).toBe(cells[1]);
    expect(small.cells[2]).toEqual(["A2", "支付宝"]);
  });

  it("adds rows past the end, blank cells as null", () => {
    const next = patchLedger(small, 2, [["A3"]]);
    expect(next.rowCount).toBe(3);
    expect(next.cells[3]).toEqual(["A3", null]);
  });
});
