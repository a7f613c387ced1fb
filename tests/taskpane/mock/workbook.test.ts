import { MockError, MockSheet, MockWorkbook } from "../../../src/taskpane/mock/workbook";

function sheetWith(cells: Array<[number, number, string]>): MockSheet {
  const sheet = new MockSheet("S");
  for (const [r, c, v] of cells) sheet.setCell(r, c, { value: v });
  return sheet;
}

describe("MockSheet", () => {
  it("spans the used region over every non-empty cell and formula", () => {
    const sheet = sheetWith([
      [2, 1, "a"],
      [5, 3, "b"],
    ]);
    sheet.setCell(0, 4, { value: "" });
    sheet.setCell(7, 0, { value: null, formula: "=1" });
    expect(sheet.usedRegion()).toEqual({ sheet: "S", row: 2, column: 0, rowCount: 6, columnCount: 4 });
  });

  it("has no used region when empty", () => {
    expect(new MockSheet("S").usedRegion()).toBeUndefined();
    expect(sheetWith([[0, 0, ""]]).usedRegion()).toBeUndefined();
  });

  it("inserts cells to the right only within the given rows", () => {
    const sheet = sheetWith([
      [0, 0, "a"],
      [0, 1, "b"],
      [1, 1, "c"],
    ]);
    sheet.insertCellsRight(0, 1, 1, 2);
    expect([0, 1, 2, 3].map((c) => sheet.cell(0, c)?.value)).toEqual(["a", undefined, undefined, "b"]);
    expect(sheet.cell(1, 1)?.value).toBe("c");
  });

  it("deletes a row of cells within its columns, shifting the cells below up", () => {
    const sheet = sheetWith([
      [0, 0, "a0"],
      [1, 0, "a1"],
      [2, 0, "a2"],
      [1, 1, "b1"],
    ]);
    sheet.deleteCellsUp(0, 0, 1);
    expect([0, 1, 2].map((r) => sheet.cell(r, 0)?.value)).toEqual(["a1", "a2", undefined]);
    expect(sheet.cell(1, 1)?.value).toBe("b1");
  });
});

describe("MockWorkbook", () => {
  it("finds sheets and tables whatever the case, and refuses a second sheet of one name", () => {
    const book = new MockWorkbook();
    const sheet = book.addSheet("Orders");
    book.tables.push({
      name: "Ledger",
      sheet,
      region: { sheet: "Orders", row: 0, column: 0, rowCount: 2, columnCount: 2 },
    });
    expect(book.sheet("orders")).toBe(sheet);
    expect(book.table("LEDGER")?.name).toBe("Ledger");
    expect(book.activeSheet).toBe(sheet);
    expect(() => book.addSheet("ORDERS")).toThrow(MockError);
  });

  it("reads a table's header texts in column order", () => {
    const book = new MockWorkbook();
    const sheet = book.addSheet("S");
    sheet.setCell(1, 2, { value: "订单编号" });
    sheet.setCell(1, 3, { value: "卖家公司名" });
    const table = {
      name: "T",
      sheet,
      region: { sheet: "S", row: 1, column: 2, rowCount: 3, columnCount: 3 },
    };
    expect(book.tableHeaders(table)).toEqual(["订单编号", "卖家公司名", ""]);
  });

  it("gives each conditional format a new id", () => {
    const book = new MockWorkbook();
    const ids = new Set([book.newId(), book.newId(), book.newId()]);
    expect(ids.size).toBe(3);
  });

  it("selects a range on its sheet and tells only that sheet's selection handlers, with the address", () => {
    const book = new MockWorkbook();
    const a = book.addSheet("A");
    const b = book.addSheet("B");
    const heard: string[] = [];
    const off = book.onSelectionChanged(a, (e) => {
      heard.push(`${e.worksheetId}:${e.address}:${e.type}`);
      return Promise.resolve();
    });
    book.onSelectionChanged(b, () => Promise.resolve(heard.push("B heard")));
    book.select(a, { row: 5, column: 1, rowCount: 1, columnCount: 3 });
    expect(heard).toEqual(["A:B6:D6:WorksheetSelectionChanged"]);
    expect(book.activeSheet).toBe(a);
    expect(book.selection).toEqual({ row: 5, column: 1, rowCount: 1, columnCount: 3 });
    off();
    book.select(a, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    expect(heard).toHaveLength(1);
    expect(book.selectionHandlerCount).toBe(1);
  });

  it("carries an Office-style error code", () => {
    const error = new MockError("ItemNotFound", "no table named X");
    expect([error.code, error.name, error.message]).toEqual([
      "ItemNotFound",
      "RichApi.Error",
      "no table named X",
    ]);
  });
});
