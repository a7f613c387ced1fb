import type { CellValue, Order } from "../../src/rules/types";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/rules/settings";
import { EXPORT_1688_HEADERS } from "../../src/ledger/fields";
import { mapHeaders } from "../../src/ledger/header";
import {
  EXPORT_PAYMENT_TEXT,
  readLedger,
  readOrder,
  readOrders,
  type RowResult,
} from "../../src/ledger/read";
import { exportRow } from "./helpers";

const settings = DEFAULT_SETTINGS;
const orders = (results: RowResult[]): Order[] => results.map((r) => r.order);

describe("readOrders on 1688's order export", () => {
  const map = mapHeaders([...EXPORT_1688_HEADERS]);
  const rows = [
    exportRow({
      订单编号: "3456789012345678901",
      买家公司名: "深圳市跨境优品贸易有限公司",
      买家会员名: "kjyp2023",
      卖家公司名: "义乌市好日子日用品有限公司",
      卖家会员名: "hrz_yiwu",
      "货品总价(元)": "6,500.00",
      "运费(元)": "200.00",
      "涨价或折扣(元)": "-12.00",
      "实付款(元)": "6,688.00",
      订单状态: "等待买家收货",
      订单创建时间: "2024-03-05 14:22:01",
      订单付款时间: "2024-03-05 14:25:40",
      货品标题: "不锈钢保温杯 500ml",
      "单价(元)": "12.50",
      数量: "300",
      物流公司: "顺丰速运",
      运单号: "SF1234567890123",
    }),
    exportRow({ 货品标题: "保温杯 750ml", "单价(元)": "15.00", 数量: "180" }),
    exportRow({
      订单编号: "3456789012345678902",
      卖家公司名: "汕头市澄海区玩具厂",
      卖家会员名: "chtoys",
      "货品总价(元)": "1200",
      "运费(元)": "0",
      "涨价或折扣(元)": "0",
      "实付款(元)": "1200",
      订单状态: "等待卖家发货",
      数量: "100",
      "单价(元)": "12",
    }),
  ];
  const results = readOrders(map, rows, { settings, firstRow: 2 });

  it("scores a row whatever the columns no check uses hold", () => {
    const plain = exportRow({
      订单编号: "3456789012345678909",
      卖家公司名: "汕头市澄海区玩具厂",
      "货品总价(元)": "1200",
    });
    const odd = exportRow({
      订单编号: "3456789012345678909",
      卖家公司名: "汕头市澄海区玩具厂",
      "货品总价(元)": "1200",
      订单付款时间: "昨天下午",
      货品标题: "#N/A",
      "Offer ID": "#REF!",
    });
    const [a, b] = readOrders(map, [plain, odd], { settings, firstRow: 2 });
    expect(b).toMatchObject({ ok: true });
    expect(b?.ok && a?.ok && { ...b.order, row: 0 }).toEqual(a?.ok && { ...a.order, row: 0 });
  });

  it("reads every row, with 1-based sheet row numbers", () => {
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(orders(results).map((o) => o.row)).toEqual([2, 3, 4]);
  });

  it("reads the seller, never the buyer, as the supplier", () => {
    const [first] = orders(results);
    expect(first?.supplier).toEqual({ name: "义乌市好日子日用品有限公司", memberId: "hrz_yiwu" });
  });

  it("adds 货品总价, 运费 and 涨价或折扣 into the order total and reads 实付款 as paid", () => {
    const [first] = orders(results);
    expect(first?.total).toEqual({ amount: 6688, currency: "CNY" });
    expect(first?.amountPaid).toEqual({ amount: 6688, currency: "CNY" });
  });

  it("reads an export order without a payment column as an ordinary escrow order", () => {
    const [first] = orders(results);
    expect(first?.payment).toBe("escrow");
    expect(first?.paymentText).toBe(EXPORT_PAYMENT_TEXT);
  });

  it("derives shipped and received from the status", () => {
    const [first, , third] = orders(results);
    expect(first).toMatchObject({ status: "shipped", shipped: true, received: false });
    expect(third).toMatchObject({ status: "awaiting_shipment", shipped: false, received: false });
  });

  it("carries the order-level values down the continuation row and keeps its own line values", () => {
    const [first, second] = orders(results);
    expect(second).toMatchObject({
      row: 3,
      orderId: "3456789012345678901",
      supplier: first?.supplier,
      total: { amount: 6688, currency: "CNY" },
      amountPaid: { amount: 6688, currency: "CNY" },
      status: "shipped",
      carrier: "顺丰速运",
      trackingNumber: "SF1234567890123",
      payment: "escrow",
      quantity: 180,
      unitPrice: { amount: 15, currency: "CNY" },
    });
  });

  it("does not carry line values of the order row down", () => {
    const rowsWithoutLine = [rows[0] ?? [], exportRow({ 货品标题: "赠品" })];
    const [, cont] = orders(readOrders(map, rowsWithoutLine, { settings, firstRow: 2 }));
    expect(cont?.quantity).toBeUndefined();
    expect(cont?.unitPrice).toBeUndefined();
  });

  it("reads a row with an Excel error value, leaving that field unknown and naming the cell", () => {
    const broken = exportRow({
      订单编号: "3456789012345678903",
      卖家公司名: "某厂",
      "实付款(元)": "#N/A",
      订单状态: "交易成功",
    });
    const out = readOrders(map, [rows[2] ?? [], broken, rows[2] ?? []], { settings, firstRow: 10 });
    expect(out[0]?.order.issues).toBeUndefined();
    expect(out[2]?.order.issues).toBeUndefined();
    expect(out[1]?.order).toMatchObject({
      row: 11,
      orderId: "3456789012345678903",
      supplier: { name: "某厂" },
      amountPaid: undefined,
      status: "completed",
      issues: [
        {
          column: "实付款(元)",
          field: "amountPaid",
          value: "#N/A",
          message: expect.stringContaining("#N/A"),
          messageZh: expect.stringContaining("#N/A"),
        },
      ],
    });
  });

  it("reads the continuation rows of an order row with an unreadable cell, carrying its other values down", () => {
    const broken = exportRow({
      订单编号: "1",
      卖家公司名: "某厂",
      "货品总价(元)": "#REF!",
      订单状态: "交易成功",
    });
    const out = readOrders(map, [broken, exportRow({ 货品标题: "x", 数量: 1 })], { settings, firstRow: 2 });
    expect(out[0]?.order.issues).toEqual([expect.objectContaining({ field: "goodsTotal", value: "#REF!" })]);
    expect(out[1]?.order).toMatchObject({
      row: 3,
      orderId: "1",
      supplier: { name: "某厂" },
      status: "completed",
    });
    expect(out[1]?.order.total).toBeUndefined();
  });

  it("reads mixed currencies in the parts of a total as an unknown total, naming the column", () => {
    const m = mapHeaders(["订单编号", "卖家公司名", "货品总价(元)", "运费(USD)"]);
    const out = readOrders(m, [["9", "某厂", "100", "20"]], { settings, firstRow: 2 });
    expect(out[0]?.order.total).toBeUndefined();
    expect(out[0]?.order.issues).toEqual([
      expect.objectContaining({
        column: "运费(USD)",
        field: "shipping",
        message: expect.stringContaining("CNY"),
      }),
    ]);
  });
});

describe("readOrders on a team's sheet", () => {
  const headers = [
    "订单号",
    "供应商名称",
    "诚信通年限",
    "订单金额（USD）",
    "预付款",
    "预付比例",
    "付款方式",
    "运单号",
    "订单状态",
    "验货",
    "目的国",
    "认证",
  ];
  const map = mapHeaders(headers);
  const read = (row: CellValue[]): Order => {
    const r = readOrder(map, row, { settings, row: 7 });
    if (r === undefined) throw new Error("no result");
    return r.order;
  };

  it("reads text-formatted numbers and full-width digits", () => {
    const o = read([
      "A-01",
      "某某电子",
      "４年",
      "１２，０００",
      "３６００",
      "３０％",
      "微信",
      "",
      "",
      "",
      "",
      "",
    ]);
    expect(o.supplier.years).toBe(4);
    expect(o.total).toEqual({ amount: 12000, currency: "USD" });
    expect(o.paidUpfront).toEqual({ amount: 3600, currency: "USD" });
    expect(o.paidShare).toBeCloseTo(0.3);
    expect(o).toMatchObject({ payment: "wechat", paymentText: "微信" });
  });

  it("reads money columns without a unit in the one currency the other money headers name", () => {
    const o = read(["A-07", "某某电子", 4, 1000, 300, "", "", "", "", "", "", ""]);
    expect(o.paidUpfront).toEqual({ amount: 300, currency: "USD" });
    const mixed = mapHeaders(["供应商", "单价(USD)", "运费(元)", "预付款"]);
    const r = readOrder(mixed, ["X", 2, 50, 100], { settings, row: 2 });
    expect(r).toMatchObject({ ok: true, order: { paidUpfront: { amount: 100, currency: "CNY" } } });
  });

  it("reads bare numbers under a header with a unit in the header's currency, and the unitless money with them", () => {
    const m = mapHeaders(["Supplier", "Qty (pcs)", "Unit (USD)", "Deposit"]);
    const r = readOrder(m, ["X", "200", "2.10", 120], { settings, row: 2 });
    expect(r).toMatchObject({
      ok: true,
      order: {
        quantity: 200,
        unitPrice: { amount: 2.1, currency: "USD" },
        paidUpfront: { amount: 120, currency: "USD" },
      },
    });
    const zh = readOrder(mapHeaders(["供应商", "成本(元/个)"]), ["X", "５.５"], { settings, row: 2 });
    expect(zh).toMatchObject({ ok: true, order: { unitPrice: { amount: 5.5, currency: "CNY" } } });
  });

  it("lets a currency symbol in the cell win over the header's currency", () => {
    const o = read(["A-02", "某某电子", 4, "¥48,000", "¥48,000", "100%", "私人账户", "", "", "", "", ""]);
    expect(o.total).toEqual({ amount: 48000, currency: "CNY" });
    expect(o.payment).toBe("personal_bank");
  });

  it("uses the settings' default currency for a money column without a unit", () => {
    const m = mapHeaders(["供应商", "金额"]);
    const eur = parseSettings({ defaultCurrency: "EUR" });
    const r = readOrder(m, ["X", 500], { settings: eur, row: 2 });
    expect(r).toMatchObject({ ok: true, order: { total: { amount: 500, currency: "EUR" } } });
  });

  it("reads a tracking number as shipped, whatever the status says", () => {
    const o = read([
      "A-03",
      "某某电子",
      5,
      800,
      "",
      "",
      "担保交易",
      "SF1234567890123",
      "等待卖家发货",
      "",
      "",
      "",
    ]);
    expect(o).toMatchObject({ shipped: true, trackingNumber: "SF1234567890123", payment: "escrow" });
  });

  it("reads a note in an evidence column as yes, and a destination as an export", () => {
    const o = read([
      "A-04",
      "某某电子",
      5,
      800,
      "",
      "",
      "",
      "",
      "",
      "SGS 2024-03-01",
      "USA",
      "实力商家、深度验厂",
    ]);
    expect(o.inspection).toBe(true);
    expect(o.exportShipment).toBe(true);
    expect(o.supplier.badges).toEqual(["powerful_merchant", "deep_audit"]);
    const home = read(["A-05", "某某电子", 5, 800, "", "", "", "", "", "否", "中国", "无"]);
    expect(home).toMatchObject({ inspection: false, exportShipment: false, supplier: { badges: [] } });
  });

  it("names each unreadable cell of a row", () => {
    const r = readOrder(map, ["A-06", "某某电子", "很久", "1,5", "", "150%", "", "", "", "", "", ""], {
      settings,
      row: 9,
    });
    expect(r).toMatchObject({ ok: true, order: { row: 9, orderId: "A-06", supplier: { name: "某某电子" } } });
    const issues = r?.order.issues ?? [];
    expect(issues.map((i) => i.column)).toEqual(["诚信通年限", "订单金额（USD）", "预付比例"]);
    expect(issues[1]).toMatchObject({ field: "total", value: "1,5" });
    expect(r?.order).toMatchObject({ total: undefined, paidShare: undefined });
    expect(r?.order.supplier.years).toBeUndefined();
  });

  it("gives no result for an entirely empty row", () => {
    expect(readOrder(map, [null, "", "  "], { settings, row: 3 })).toBeUndefined();
  });

  it("writes a long order id held in a number cell out in full", () => {
    const m = mapHeaders(["订单编号", "供应商"]);
    const r = readOrder(m, [3456789012345678, "X"], { settings, row: 2 });
    expect(r).toMatchObject({ ok: true, order: { orderId: "3456789012345678" } });
  });
});

describe("readOrders on an ERP purchase-order export", () => {
  const map = mapHeaders(["采购单号", "供应商", "付款状态", "数量", "到货数量", "快递公司", "运单号"]);

  it("reads 未支付 as awaiting payment and a full received quantity as received", () => {
    const out = orders(
      readOrders(
        map,
        [
          ["PO-1", "A厂", "未支付", 100, 0, "", ""],
          ["PO-2", "B厂", "已完成", 100, 100, "中通", "75312345678901"],
          ["PO-3", "C厂", "部分支付", 100, 40, "", ""],
        ],
        { settings, firstRow: 2 },
      ),
    );
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ status: "awaiting_payment", received: false });
    expect(out[1]).toMatchObject({ received: true, shipped: true, carrier: "中通" });
    expect(out[2]?.received).toBe(false);
  });
  it("lets rows of one supplier share its facts, and gives a row that differs its own", () => {
    const header = ["订单号", "供应商名称", "诚信通年限", "认证"];
    const { results } = readLedger(
      [
        header,
        ["A1", "义乌市好日子日用品有限公司", "3年", "实力商家"],
        ["A2", "义乌市好日子日用品有限公司", "3年", "实力商家"],
        ["A3", "义乌市好日子日用品有限公司", "1年", ""],
        ["A4", "汕头市澄海区玩具厂", "3年", "实力商家"],
      ],
      { settings },
    );
    const [a1, a2, a3, a4] = orders(results).map((o) => o.supplier);
    expect(a1).toBe(a2);
    expect(a3).toMatchObject({ name: "义乌市好日子日用品有限公司", years: 1, badges: undefined });
    expect(a4).toMatchObject({ name: "汕头市澄海区玩具厂", years: 3, badges: ["powerful_merchant"] });
    expect(a1).toMatchObject({ years: 3, badges: ["powerful_merchant"] });
    // Shared, so never changed in place.
    expect(Object.isFrozen(a1)).toBe(true);
  });

  it("skips totals rows however the word is typed, and keeps rows that only look alike", () => {
    const header = ["订单号", "订单金额"];
    const rows: CellValue[][] = [
      ["  Total:", 100],
      ["ＴＯＴＡＬ", 100],
      ["Grand Total", 100],
      [null, "小计："],
      ["Tea set", 100],
      ["合同-01", 100],
    ];
    const { results } = readLedger([header, ...rows], { settings });
    expect(results.map((r) => r.order.orderId)).toEqual(["Tea set", "合同-01"]);
  });
});

describe("readLedger", () => {
  const cells: CellValue[][] = [
    ["2024年3月采购台账"],
    [],
    [],
    ["订单号", "供应商名称", "订单金额", "付款方式", "预付款", "运单号"],
    ["A001", "义乌市好日子日用品有限公司", "¥6,688.00", "微信", "6688", "SF1234567890123"],
    [],
    ["A002", "汕头市澄海区玩具厂", "1.2万", "支付宝担保交易", "0", ""],
    ["A003", "#N/A", "800", "对公转账", "", ""],
    ["合计", null, 20488, null, null, null],
  ];

  it("finds the header under the title and reads the rows below it with their sheet row numbers", () => {
    const { headerRowIndex, header, results } = readLedger(cells, { settings });
    expect(headerRowIndex).toBe(3);
    expect(header.layout).toBe("team");
    expect(results.map((r) => r.order.row)).toEqual([5, 7, 8]);
    const [a, b] = orders(results);
    expect(a).toMatchObject({
      orderId: "A001",
      total: { amount: 6688, currency: "CNY" },
      payment: "wechat",
      shipped: true,
    });
    expect(b).toMatchObject({
      orderId: "A002",
      total: { amount: 12000, currency: "CNY" },
      payment: "escrow",
    });
    expect(results[2]?.order).toMatchObject({
      row: 8,
      orderId: "A003",
      total: { amount: 800, currency: "CNY" },
      payment: "bank_transfer",
      supplier: { name: undefined },
      issues: [{ column: "供应商名称", field: "supplierName", value: "#N/A" }],
    });
  });

  it("counts rows from the sheet row the range starts on", () => {
    const { results } = readLedger(cells, { settings, firstSheetRow: 3 });
    expect(results[0]).toMatchObject({ ok: true, order: { row: 7 } });
  });

  it("applies header overrides", () => {
    const { header } = readLedger(cells, { settings, overrides: { 预付款: null } });
    expect(header.byField.paidUpfront).toBeUndefined();
  });

  it("reads nothing when there is no header row", () => {
    expect(readLedger([["just a note"], [1, 2]], { settings })).toMatchObject({
      headerRowIndex: -1,
      results: [],
    });
  });
});

describe("a deposit written as a percentage", () => {
  it("reads 30% in a Paid upfront column as the share paid, not an error", () => {
    const map = mapHeaders(["Supplier", "Order total", "Paid upfront"]);
    const [a, b] = readOrders(
      map,
      [
        ["Acme", "US$10,000", "30%"],
        ["Acme", "US$10,000", "１００％"],
      ],
      { settings: DEFAULT_SETTINGS, firstRow: 2 },
    );
    expect(a).toMatchObject({ ok: true, order: { paidShare: 0.3 } });
    expect(b).toMatchObject({ ok: true, order: { paidShare: 1 } });
    expect(a?.ok && a.order.paidUpfront).toBeFalsy();
  });
});

describe("readOrders over many rows", () => {
  it("reads unique ids and repeated names alike, before and after a column is judged unique", () => {
    const map = mapHeaders([...EXPORT_1688_HEADERS]);
    const rows = Array.from({ length: 1200 }, (_, i) =>
      exportRow({
        订单编号: `37${String(i).padStart(17, "0")}`,
        卖家公司名: i % 2 === 0 ? "义乌市好日子日用品有限公司" : "  金华市 宏达 贸易有限公司 ",
        运单号: i % 3 === 0 ? "-" : `YT${String(i).padStart(13, "0")}`,
      }),
    );
    const read = orders(readOrders(map, rows, { settings, firstRow: 2 }));
    expect(read).toHaveLength(1200);
    read.forEach((o, i) => {
      expect(o.orderId).toBe(`37${String(i).padStart(17, "0")}`);
      expect(o.supplier.name).toBe(i % 2 === 0 ? "义乌市好日子日用品有限公司" : "金华市 宏达 贸易有限公司");
      expect(o.trackingNumber).toBe(i % 3 === 0 ? undefined : `YT${String(i).padStart(13, "0")}`);
    });
  });
});

describe("readOrders on a hand-written ledger, values as clerks type them", () => {
  const map = mapHeaders([
    "订单号",
    "供应商",
    "订单金额",
    "已付金额",
    "定金",
    "付款比例",
    "付款方式",
    "发货日期",
  ]);
  const read = (row: CellValue[]): Order => {
    const r = readOrder(map, row, { settings, row: 4 });
    if (r === undefined) throw new Error("no result");
    return r.order;
  };

  it("reads 全款 in a paid-amount column as the order total", () => {
    const o = read(["H-01", "某厂", "6688元", "全款", "", "", "微信", ""]);
    expect(o.amountPaid).toEqual({ amount: 6688, currency: "CNY" });
    expect(o.issues).toBeUndefined();
  });

  it.each<[string, number]>([
    ["半款", 3344],
    ["30%定金", 2006.4],
    ["定金３０％", 2006.4],
    ["付3成", 2006.4],
    ["已结清", 6688],
  ])("reads %j in a paid-amount column as that share of the total (%d)", (cell, amount) => {
    expect(read(["H-02", "某厂", "６６８８元", cell, "", "", "", ""]).amountPaid).toEqual({
      amount,
      currency: "CNY",
    });
  });

  it("reads 全款 in a deposit column as 100% paid upfront, and in a share column as 1", () => {
    const deposit = read(["H-03", "某厂", "RMB 1,200", "", "全款", "", "", ""]);
    expect(deposit.paidShare).toBe(1);
    expect(deposit.paidUpfront).toBeUndefined();
    expect(read(["H-04", "某厂", "1200 CNY", "", "", "全款", "", ""]).paidShare).toBe(1);
    expect(read(["H-05", "某厂", "USD 800", "", "定金30%", "", "", ""]).paidShare).toBeCloseTo(0.3);
  });

  it("names a share in a paid-amount column of a row with no order total, and reads the rest", () => {
    const o = read(["H-06", "某厂", "", "全款", "", "", "微信", ""]);
    expect(o.amountPaid).toBeUndefined();
    expect(o.payment).toBe("wechat");
    expect(o.issues).toEqual([
      expect.objectContaining({
        column: "已付金额",
        field: "amountPaid",
        value: "全款",
        messageZh: expect.any(String),
      }),
    ]);
  });

  it("reads amounts with currency words and a ship date without a year", () => {
    const o = read(["H-07", "某厂", "1.2万元", "500块", "", "", "", "3月5日"]);
    expect(o.total).toEqual({ amount: 12000, currency: "CNY" });
    expect(o.amountPaid).toEqual({ amount: 500, currency: "CNY" });
    expect(o.shipped).toBe(true);
  });

  it("scores a row with a cell it cannot read, with that field unknown and the cell named", () => {
    const o = read(["H-08", "某厂", "6688元", "全款了吧", "", "", "微信", ""]);
    expect(o.total).toEqual({ amount: 6688, currency: "CNY" });
    expect(o.amountPaid).toBeUndefined();
    expect(o.issues).toEqual([
      {
        column: "已付金额",
        field: "amountPaid",
        value: "全款了吧",
        message: expect.any(String),
        messageZh: expect.any(String),
      },
    ]);
  });
});
