import type { WorkbookSnapshot } from "../../../src/taskpane/excel/gateway";
import { withSelection } from "../../../src/taskpane/hooks/useWorkbook";

const snapshot: WorkbookSnapshot = {
  sheet: "采购台账",
  tables: {},
  ledger: {
    sheet: "采购台账",
    headerRow: 2,
    firstColumn: 0,
    columnCount: 3,
    rowCount: 4,
    headers: ["订单编号", "卖家公司名", "付款方式"],
    cells: [["订单编号", "卖家公司名", "付款方式"]],
    selectedIndex: 0,
  },
};

describe("withSelection: the snapshot after a selection event", () => {
  it("moves the selected row and keeps the cells and tables it shares", () => {
    const next = withSelection(snapshot, "B6");
    expect(next?.ledger?.selectedIndex).toBe(2);
    expect(next?.ledger?.cells).toBe(snapshot.ledger?.cells);
    expect(next?.tables).toBe(snapshot.tables);
  });

  it("returns the same snapshot when the row does not change, so nothing re-renders", () => {
    expect(withSelection(snapshot, "C4")).toBe(snapshot);
  });

  it("clears the selected row when the selection leaves the ledger", () => {
    const next = withSelection(snapshot, "A1");
    expect(next?.ledger).toBeDefined();
    expect(next?.ledger && "selectedIndex" in next.ledger).toBe(false);
  });

  it("leaves a snapshot without a ledger alone", () => {
    const bare: WorkbookSnapshot = { sheet: "Sheet1", tables: {} };
    expect(withSelection(bare, "B6")).toBe(bare);
    expect(withSelection(undefined, "B6")).toBeUndefined();
  });
});
