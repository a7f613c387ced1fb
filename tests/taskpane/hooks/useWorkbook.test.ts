import type { WorkbookSnapshot } from "../../../src/taskpane/excel/gateway";
import { snapshotAfterEdits, withSelection } from "../../../src/taskpane/hooks/useWorkbook";

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

describe("snapshotAfterEdits: the snapshot after edits, reading only the rows they touched", () => {
  const cells = [
    ["订单编号", "卖家公司名", "付款方式"],
    ["A1", "义乌市鑫达日用品有限公司", "支付宝担保交易"],
    ["A2", "深圳市恒锐电子科技有限公司", "微信转账"],
    ["A3", "东莞市宏图塑胶制品厂", "支付宝担保交易"],
    ["A4", "苏州市锦程纺织有限公司", "银行转账"],
  ];
  const book: WorkbookSnapshot = {
    sheet: "采购台账",
    tables: {},
    ledger: {
      sheet: "采购台账",
      headerRow: 2,
      firstColumn: 0,
      columnCount: 3,
      rowCount: 4,
      headers: cells[0] as string[],
      cells,
    },
  };
  const reads: Array<[number, number]> = [];
  const readRows = (_ledger: unknown, from: number, count: number) => {
    reads.push([from, count]);
    return Promise.resolve(Array.from({ length: count }, (_, k) => [`B${from + k}`, "新供应商", "微信转账"]));
  };
  beforeEach(() => {
    reads.length = 0;
  });

  it("reads the edited rows and puts them in place, every other row shared", async () => {
    const after = await snapshotAfterEdits(book, [{ address: "C5", changeType: "RangeEdited" }], readRows);
    if (after === "all") throw new Error("expected rows");
    expect(reads).toEqual([[1, 1]]);
    expect(after.ledger?.cells[2]).toEqual(["B1", "新供应商", "微信转账"]);
    expect(after.ledger?.cells[1]).toBe(cells[1]);
    expect(after.tables).toBe(book.tables);
  });

  it("reads a row typed under the ledger and adds it", async () => {
    const after = await snapshotAfterEdits(book, [{ address: "A8:C8", changeType: "RangeEdited" }], readRows);
    if (after === "all") throw new Error("expected rows");
    expect(reads).toEqual([[4, 1]]);
    expect(after.ledger?.rowCount).toBe(5);
  });

  it("asks for a full read when an edit can have moved the ledger", async () => {
    expect(
      await snapshotAfterEdits(
        book,
        [
          { address: "B5", changeType: "RangeEdited" },
          { address: "4:4", changeType: "RowInserted" },
        ],
        readRows,
      ),
    ).toBe("all");
    expect(reads).toEqual([]);
  });

  it("returns the same snapshot for an edit beside the ledger", async () => {
    expect(await snapshotAfterEdits(book, [{ address: "H5", changeType: "RangeEdited" }], readRows)).toBe(
      book,
    );
  });
});
