import { mapHeaders } from "../../../src/ledger/header";
import { readOrders } from "../../../src/ledger/read";
import { DEFAULT_SETTINGS } from "../../../src/rules/settings";
import type { CellValue } from "../../../src/rules/types";
import { readRows } from "../../../src/taskpane/model/rows";
import { SAMPLE_HEADERS, SAMPLE_ROWS } from "../../../src/taskpane/mock/sample";

const settings = DEFAULT_SETTINGS;
const header = mapHeaders([...SAMPLE_HEADERS], {});
const idColumn = SAMPLE_HEADERS.indexOf("订单编号");
const paidColumn = SAMPLE_HEADERS.indexOf("预付款(元)");

/** The sample ledger (its last row a continuation line), a blank row, a totals row, and more orders. */
function ledgerRows(): CellValue[][] {
  const rows: CellValue[][] = SAMPLE_ROWS.map((r) => [...r]);
  rows.push(SAMPLE_HEADERS.map(() => ""));
  rows.push(SAMPLE_HEADERS.map((_, j) => (j === 0 ? "合计" : "")));
  for (const r of SAMPLE_ROWS.slice(0, 3)) rows.push([...r]);
  return rows;
}

/** readOrders over the whole ledger, by data-row index. */
function together(rows: CellValue[][], history = false) {
  const out: unknown[] = rows.map(() => undefined);
  for (const r of readOrders(header, rows, { settings, firstRow: 2, history }))
    out[r.order.row - 2] = r.order;
  return out;
}

describe("readRows: a ledger's rows read as readOrders reads them, kept for the next edit", () => {
  it.each([false, true])("gives readOrders' orders for the whole ledger (history %s)", (history) => {
    const rows = ledgerRows();
    const read = readRows(header, rows, { settings, history });
    expect(read.together.map((r) => r?.order)).toEqual(together(rows, history));
    expect(read.rowsRead).toBeGreaterThanOrEqual(rows.length - 2);
    expect(read.changed).toBeUndefined();
  });

  it("reads each row alone as its formula does: a continuation line without its order's values", () => {
    const rows = ledgerRows();
    const read = readRows(header, rows, { settings });
    const last = SAMPLE_ROWS.length - 1;
    expect(read.parentOf[last]).toBeGreaterThanOrEqual(0);
    expect(read.alone[last]?.order.orderId).toBeUndefined();
    expect(read.together[last]?.order.orderId).toBe(read.together[read.parentOf[last] ?? 0]?.order.orderId);
  });

  it("reads again only the rows whose arrays changed, and names them", () => {
    const rows = ledgerRows();
    const first = readRows(header, rows, { settings });
    const edited = rows.slice();
    edited[2] = [...(rows[2] as CellValue[])];
    (edited[2] as CellValue[])[paidColumn] = "¥1,234.00";
    const second = readRows(header, edited, { settings }, first);
    expect(second.rowsRead).toBe(1);
    expect(second.changed).toEqual([2]);
    expect(second.alone[2]?.order.paidUpfront?.amount).toBe(1234);
    expect(second.alone[1]).toBe(first.alone[1]);
    expect(second.together.map((r) => r?.order)).toEqual(together(edited));
  });

  it("reads a continuation line again when the order row above it changes", () => {
    const rows = ledgerRows();
    const last = SAMPLE_ROWS.length - 1;
    const first = readRows(header, rows, { settings });
    const parent = first.parentOf[last] as number;
    const edited = rows.slice();
    edited[parent] = [...(rows[parent] as CellValue[])];
    (edited[parent] as CellValue[])[idColumn] = "NEW-ORDER-1";
    const second = readRows(header, edited, { settings }, first);
    expect(second.changed).toEqual([parent, last]);
    expect(second.together[last]?.order.orderId).toBe("NEW-ORDER-1");
    expect(second.together.map((r) => r?.order)).toEqual(together(edited));
  });

  it("turns an order row into a continuation line when its id is cleared", () => {
    const rows = ledgerRows();
    const first = readRows(header, rows, { settings });
    const edited = rows.slice();
    edited[1] = [...(rows[1] as CellValue[])];
    (edited[1] as CellValue[])[idColumn] = "";
    const second = readRows(header, edited, { settings }, first);
    expect(second.parentOf[1]).toBe(0);
    expect(second.together.map((r) => r?.order)).toEqual(together(edited));
  });

  it("takes nothing over when the settings or the header differ", () => {
    const rows = ledgerRows();
    const first = readRows(header, rows, { settings });
    const other = readRows(mapHeaders([...SAMPLE_HEADERS], { 合同: null }), rows, { settings }, first);
    expect(other.rowsRead).toBeGreaterThanOrEqual(rows.length - 2);
    expect(other.changed).toBeUndefined();
    const stricter = readRows(header, rows, { settings: { ...settings } }, first);
    expect(stricter.changed).toBeUndefined();
    const history = readRows(header, rows, { settings, history: true }, first);
    expect(history.changed).toBeUndefined();
  });

  it("reads rows added under the ledger, and names no change list when the row count moved", () => {
    const rows = ledgerRows();
    const first = readRows(header, rows, { settings });
    const longer = [...rows, [...(SAMPLE_ROWS[0] as CellValue[])]];
    const second = readRows(header, longer, { settings }, first);
    expect(second.rowsRead).toBe(1);
    expect(second.changed).toBeUndefined();
    expect(second.together.map((r) => r?.order)).toEqual(together(longer));
  });
});

describe("readRows with the history columns: dates in the day order their column shows", () => {
  const dated = mapHeaders(["订单编号", "卖家公司名", "付款方式", "货品总价(元)", "下单日期"], {});
  const asOf = new Date(Date.UTC(2025, 5, 30));
  const rows: CellValue[][] = [
    ["EN-1", "Yiwu Hongda Trading", "Bank transfer", "US$4,800", "13/04/2025"],
    ["EN-2", "Yiwu Hongda Trading", "Alipay escrow", "US$900", "03/04/2025"],
  ];
  const day = (read: ReturnType<typeof readRows>, i: number) =>
    read.together[i]?.order.history?.orderDate?.toISOString().slice(0, 10);

  it("reads 03/04/2025 as 3 April when another row of its column shows day first, as readOrders does", () => {
    const read = readRows(dated, rows, { settings, history: true, asOf });
    expect(day(read, 1)).toBe("2025-04-03");
    expect(read.together.map((r) => r?.order)).toEqual(
      readOrders(dated, rows, { settings, firstRow: 2, history: true, asOf }).map((r) => r.order),
    );
  });

  it("reads every row again when an edit changes a column's day order", () => {
    const first = readRows(dated, rows, { settings, history: true, asOf });
    const edited = [
      rows[0] as CellValue[],
      rows[1] as CellValue[],
      ["EN-3", "Yiwu Hongda Trading", "Alipay escrow", "US$900", "04/13/2025"],
    ];
    const second = readRows(dated, edited, { settings, history: true, asOf }, first);
    expect(second.rowsRead).toBe(3);
    expect(second.together[1]?.order.issues?.[0]?.column).toBe("下单日期");
  });
});
