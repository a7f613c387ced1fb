import type { Ledger } from "../../../src/taskpane/excel/plan";
import { selectedIndexAt } from "../../../src/taskpane/excel/plan";

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
