import { mapHeaders } from "../../src/ledger/header";
import { hasPayFactColumns, readPayFacts } from "../../src/ledger/pay-facts";
import { readOrders } from "../../src/ledger/read";
import { DEFAULT_SETTINGS } from "../../src/rules/settings";
import type { CellValue } from "../../src/rules/types";

const HEADERS = [
  "订单编号",
  "供应商",
  "收款账号",
  "收款账号已核实",
  "供应商电话",
  "聊天记录",
  "付款凭证",
  "照片",
  "货品标题",
];

function read(rows: CellValue[][]) {
  const map = mapHeaders(HEADERS);
  const orders = readOrders(map, rows, { settings: DEFAULT_SETTINGS, firstRow: 2, history: true }).map(
    (r) => r.order,
  );
  return readPayFacts(map, rows, orders, 2);
}

describe("readPayFacts", () => {
  it("reads the payee-confirmed note as yes and keeps the note", () => {
    const [facts] = read([
      [
        "PO-1",
        "宏达",
        "6217 8500 0000 9988",
        "已电话核实 11-30 张伟",
        "１３８ ０００ ００００",
        "",
        "",
        "",
        "杯子",
      ],
    ]);
    expect(facts).toMatchObject({
      payeeConfirmed: true,
      payeeConfirmedNote: "已电话核实 11-30 张伟",
      phone: "138 000 0000",
    });
  });

  it("reads 否 as not confirmed, and a blank as unknown", () => {
    const facts = read([
      ["PO-1", "宏达", "1", "否", "", "", "", "", ""],
      ["PO-2", "宏达", "2", "", "", "", "", "", ""],
    ]);
    expect(facts.map((f) => f.payeeConfirmed)).toEqual([false, undefined]);
  });

  it("gives a 1688 continuation row the links of its order's row", () => {
    const facts = read([
      ["PO-1", "宏达", "", "", "0579-1", "https://chat/1", "https://receipt/1", "https://photo/1", "杯子"],
      ["", "", "", "", "", "", "", "https://photo/2", "盘子"],
    ]);
    expect(facts[1]).toMatchObject({
      phone: "0579-1",
      chat: "https://chat/1",
      receipt: "https://receipt/1",
      photo: "https://photo/2",
    });
  });

  it("says whether a ledger has any of these columns", () => {
    expect(hasPayFactColumns(mapHeaders(HEADERS))).toBe(true);
    expect(hasPayFactColumns(mapHeaders(["订单编号", "供应商", "订单金额"]))).toBe(false);
  });
});
