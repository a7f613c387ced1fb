import { readFileSync } from "node:fs";
import path from "node:path";
import type { CellValue } from "../../src/rules/types";
import { EXPORT_1688_HEADERS, isFieldId, type FieldId } from "../../src/ledger/fields";
import {
  bareKey,
  findHeaderRow,
  headerKey,
  mapHeaders,
  normalizeHeader,
  UnknownFieldError,
  type HeaderMap,
} from "../../src/ledger/header";

const fieldOf = (map: HeaderMap, header: string): FieldId | undefined =>
  map.columns.find((c) => c.header === header)?.field;

describe("normalizeHeader", () => {
  it.each([
    ["货品总价(元)", { key: "货品总价", currency: "CNY" }],
    ["货品总价（元）", { key: "货品总价", currency: "CNY" }],
    ["货品总价", { key: "货品总价" }],
    ["Total (USD)", { key: "total", currency: "USD" }],
    ["Total (US$)", { key: "total", currency: "USD" }],
    ["Total [USD]", { key: "total", currency: "USD" }],
    ["Total USD", { key: "total", currency: "USD" }],
    ["金额(CNY)", { key: "金额", currency: "CNY" }],
    ["金额/元", { key: "金额", currency: "CNY" }],
    ["单价(元/件)", { key: "单价", currency: "CNY" }],
    ["金额(万元)", { key: "金额", currency: "CNY", scale: 10000 }],
    ["回头率（%）", { key: "回头率%" }],
    ["数量(件)", { key: "数量" }],
    ["Order ID", { key: "orderid" }],
    ["Paid Amt", { key: "paidamount" }],
    ["Trk#", { key: "tracking#" }],
    ["Store Age (yrs)", { key: "storeage" }],
    ["ＯＲＤＥＲ　ＩＤ", { key: "orderid" }],
    ["【金额】", { key: "[金额]" }],
  ])("normalises %j", (header, expected) => {
    expect(normalizeHeader(header)).toEqual(expected);
  });
});

describe("mapHeaders on 1688's 49-column order export", () => {
  const map = mapHeaders([...EXPORT_1688_HEADERS]);

  it.each<[string, FieldId]>([
    ["订单编号", "orderId"],
    ["卖家公司名", "supplierName"],
    ["卖家会员名", "memberId"],
    ["货品总价(元)", "goodsTotal"],
    ["运费(元)", "shipping"],
    ["涨价或折扣(元)", "adjustment"],
    ["实付款(元)", "amountPaid"],
    ["订单状态", "status"],
    ["订单创建时间", "orderDate"],
    ["订单付款时间", "paidDate"],
    ["货品标题", "productTitle"],
    ["单价(元)", "unitPrice"],
    ["数量", "quantity"],
    ["Offer ID", "offerId"],
    ["SKU ID", "sku"],
    ["物流公司", "carrier"],
    ["运单号", "trackingNumber"],
  ])("maps %j to %s", (header, field) => {
    expect(fieldOf(map, header)).toBe(field);
  });

  it("maps none of the buyer, consignee or invoice-detail columns", () => {
    for (const h of [
      "买家公司名",
      "买家会员名",
      "收货人姓名",
      "收货地址",
      "联系电话",
      "发票：购货单位名称",
      "发票：纳税人识别号",
      "发票：开户行及账号",
      "货品种类",
      "是否发起免密支付(1:淘货源诚e赊免密支付2:批量下单免密支付)",
    ]) {
      expect(fieldOf(map, h)).toBeUndefined();
      expect(map.unmapped).toContain(h);
    }
  });

  it("reads the money columns' currency from (元) and names the layout", () => {
    expect(map.currencyByField).toMatchObject({ goodsTotal: "CNY", amountPaid: "CNY", unitPrice: "CNY" });
    expect(map.layout).toBe("1688-export");
    expect(map.byField.supplierName).toBe(3);
    expect(map.byField.trackingNumber).toBe(31);
  });

  it("maps exactly the 17 columns it always mapped, each by its alias", () => {
    expect(map.byField).toEqual({
      orderId: 0,
      supplierName: 3,
      memberId: 4,
      goodsTotal: 5,
      shipping: 6,
      adjustment: 7,
      amountPaid: 8,
      status: 9,
      orderDate: 10,
      paidDate: 11,
      productTitle: 18,
      unitPrice: 19,
      quantity: 20,
      offerId: 24,
      sku: 25,
      carrier: 30,
      trackingNumber: 31,
    });
    expect(map.columns.every((c) => c.how === "alias")).toBe(true);
  });

  it("maps the variant without (元) the same way, with no header currency", () => {
    const plain = mapHeaders(EXPORT_1688_HEADERS.map((h) => h.replace("(元)", "")));
    expect(plain.byField).toEqual(map.byField);
    expect(plain.currencyByField).toEqual({});
    expect(plain.layout).toBe("1688-export");
  });

  it("maps full-width brackets like half-width ones", () => {
    const fw = mapHeaders(EXPORT_1688_HEADERS.map((h) => h.replace("(元)", "（元）")));
    expect(fw.byField).toEqual(map.byField);
    expect(fw.currencyByField.amountPaid).toBe("CNY");
  });
});

describe("mapHeaders on teams' own sheets", () => {
  const zh = ["诚信通年限", "付款方式", "预付款", "供应商名称", "商品链接", "回头率", "认证"];
  const en = [
    "Years on 1688",
    "Payment method",
    "Deposit paid",
    "Supplier name",
    "Product link",
    "Repeat rate",
    "Badges",
  ];
  const fields: FieldId[] = [
    "storeYears",
    "paymentMethod",
    "paidUpfront",
    "supplierName",
    "shopUrl",
    "repeatRate",
    "badges",
  ];

  it("maps the Chinese headers and their English twins to the same fields", () => {
    const a = mapHeaders(zh);
    const b = mapHeaders(en);
    expect(zh.map((h) => fieldOf(a, h))).toEqual(fields);
    expect(en.map((h) => fieldOf(b, h))).toEqual(fields);
    expect(a.layout).toBe("team");
  });

  it.each<[string, FieldId]>([
    ["定金", "paidUpfront"],
    ["首付款", "paidUpfront"],
    ["Paid upfront", "paidUpfront"],
    ["资质", "badges"],
    ["标识", "badges"],
    ["Credentials", "badges"],
    ["认证证书", "certs"],
    ["CE/FCC", "certs"],
    ["Certs", "certs"],
    ["源头厂家", "claimsFactory"],
    ["综合服务分", "reviewScore"],
    ["评价数", "reviewCount"],
    ["预付比例(%)", "paidShare"],
    ["Deposit %", "paidShare"],
    ["订单金额（USD）", "total"],
    ["采购金额", "total"],
    ["供应商会员名", "memberId"],
    ["实际到货数量", "received"],
    ["1688订单号", "orderId"],
    ["快递单号", "trackingNumber"],
    ["Tracking No.", "trackingNumber"],
    ["Courier", "carrier"],
    ["收款账户名", "payee"],
    ["目的国", "exportShipment"],
    ["报关单", "exportDeclaration"],
    ["装箱单", "packingList"],
    ["Inspection", "inspection"],
    ["试单", "sample"],
    ["电子合同", "contract"],
    ["参考价", "referencePrice"],
    ["品类", "category"],
    ["站点", "market"],
    ["日均销量", "dailySales"],
    ["安全天数", "safetyDays"],
    ["可用库存", "onHand"],
    ["在途", "inTransit"],
    ["采购天数", "leadDays"],
  ])("maps %j to %s", (header, field) => {
    expect(fieldOf(mapHeaders([header, "供应商"]), header)).toBe(field);
  });

  it("maps an ERP purchase-order header row and names the layout", () => {
    const map = mapHeaders([
      "采购单号",
      "SKU",
      "供应商",
      "付款状态",
      "运单号",
      "快递公司",
      "到货数量",
      "日均销量",
      "安全天数",
      "在途",
      "可用库存",
    ]);
    expect(map.layout).toBe("erp");
    expect(map.byField).toMatchObject({
      orderId: 0,
      sku: 1,
      supplierName: 2,
      paymentStatus: 3,
      trackingNumber: 4,
      carrier: 5,
      received: 6,
      dailySales: 7,
      safetyDays: 8,
      inTransit: 9,
      onHand: 10,
    });
  });

  it("maps no buyer column to a supplier field, even by key word", () => {
    const map = mapHeaders(["Buyer", "买家公司名称", "Supplier"]);
    expect(map.byField).toEqual({ supplierName: 2 });
  });

  it("maps each field once: the exact alias beats a key word, then the leftmost column", () => {
    const map = mapHeaders(["供应商全称", "供应商"]);
    expect(map.byField.supplierName).toBe(1);
    expect(map.columns).toEqual([{ index: 1, header: "供应商", field: "supplierName", how: "alias" }]);
    const twice = mapHeaders(["运单号", "运单号"]);
    expect(twice.byField.trackingNumber).toBe(0);
    expect(twice.unmapped).toEqual(["运单号"]);
  });

  it("ignores unknown columns and lists them", () => {
    const map = mapHeaders(["供应商", "颜色", "", null, "运单号"]);
    expect(map.byField).toEqual({ supplierName: 0, trackingNumber: 4 });
    expect(map.unmapped).toEqual(["颜色"]);
  });

  it("lets overrides correct a mapping or leave a column out", () => {
    const map = mapHeaders(["供应商", "备注", "运单号"], { 备注: "payee", 运单号: null });
    expect(map.byField).toEqual({ supplierName: 0, payee: 1 });
    expect(map.columns.find((c) => c.header === "运单号")).toEqual({
      index: 2,
      header: "运单号",
      how: "override",
    });
    expect(map.columns.find((c) => c.header === "备注")?.how).toBe("override");
  });

  it("lets an override take a field from the column that had it", () => {
    const map = mapHeaders(["供应商", "工厂"], { 工厂: "supplierName" });
    expect(map.byField.supplierName).toBe(1);
  });

  it("refuses an override naming no field", () => {
    expect(() => mapHeaders(["供应商"], { 供应商: "vendor" })).toThrow(UnknownFieldError);
  });

  it("returns the same mapping for the same header row (memoised on content)", () => {
    const headers: CellValue[] = ["供应商", "运单号"];
    expect(mapHeaders([...headers])).toBe(mapHeaders([...headers]));
    expect(headerKey(headers)).toBe(headerKey(["供应商", "运单号"]));
    expect(headerKey(headers)).not.toBe(headerKey(["供应商", "运单"]));
  });
});

describe("findHeaderRow", () => {
  it("finds the header row under a title and blank rows", () => {
    const cells: CellValue[][] = [
      ["2024年3月采购台账"],
      [],
      [null, null, "制表人：王芳"],
      ["订单号", "供应商名称", "订单金额", "付款方式", "预付款", "运单号"],
      ["A001", "义乌市好日子日用品有限公司", "¥6,688.00", "微信", "100%", "SF1234567890123"],
    ];
    expect(findHeaderRow(cells)).toBe(3);
  });

  it("finds the 1688 export's header in row 1", () => {
    expect(findHeaderRow([[...EXPORT_1688_HEADERS], ["3456789012345678901"]])).toBe(0);
  });

  it("returns -1 when no row maps two fields", () => {
    expect(findHeaderRow([["hello"], [1, 2, 3], ["供应商"]])).toBe(-1);
    expect(findHeaderRow([])).toBe(-1);
  });

  it("looks no further than maxScan rows", () => {
    const cells: CellValue[][] = [[], [], [], ["供应商", "运单号"]];
    expect(findHeaderRow(cells, 3)).toBe(-1);
    expect(findHeaderRow(cells, 4)).toBe(3);
  });
});

/** The corpus: header, expected field or "none", source (tests/fixtures/header-corpus.tsv). */
function readCorpus(): Array<{ header: string; expected: string; source: string }> {
  const text = readFileSync(path.join(__dirname, "../fixtures/header-corpus.tsv"), "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .slice(1)
    .map((l) => {
      const [header = "", expected = "", source = ""] = l.split("\t");
      return { header, expected, source };
    });
}

describe("mapHeaders on the header corpus (scripts/header-corpus.mjs prints the figures)", () => {
  const corpus = readCorpus();
  const read = corpus.map((c) => ({
    ...c,
    got: mapHeaders([c.header]).columns.find((col) => col.index === 0)?.field ?? "none",
  }));
  const naming = read.filter((r) => r.expected !== "none");

  it("holds at least 300 labelled spellings, distractors among them, each label a field or none", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((c) => c.expected === "none").length).toBeGreaterThanOrEqual(50);
    for (const c of corpus) expect(c.expected === "none" || isFieldId(c.expected)).toBe(true);
    expect(new Set(corpus.map((c) => c.header)).size).toBe(corpus.length);
  });

  it("recognises at least 97% of the headers that name a field", () => {
    const right = naming.filter((r) => r.got === r.expected).length;
    expect(right / naming.length).toBeGreaterThanOrEqual(0.97);
  });

  it("reads no header as a field it does not name", () => {
    expect(read.filter((r) => r.got !== "none" && r.got !== r.expected)).toEqual([]);
  });
});

describe("mapHeaders by meaning", () => {
  it.each<[string, FieldId | undefined]>([
    // the ledger of the issue: a verb not in any alias list
    ["是否寄样", "sample"],
    ["样品已寄出", "sample"],
    ["有无打样", "sample"],
    ["要样了吗", "sample"],
    ["Sample sent? (Y/N)", "sample"],
    // a conflicting word wins over the concept
    ["样品价格", undefined],
    ["样品费", undefined],
    ["样式", undefined],
    ["定金比例", "paidShare"],
    ["定金已付", "paidUpfront"],
    ["运费", "shipping"],
    ["样品运费", undefined],
    ["物流单号", "trackingNumber"],
    ["物流公司", "carrier"],
    ["退货物流单号", undefined],
    ["预计到货时间", "promisedDate"],
    ["签收日期", "receivedDate"],
    ["收款方式", "paymentMethod"],
    ["供应商联系人", undefined],
    ["Supplier URL", "shopUrl"],
    ["图片链接", "photoLink"],
    // a question is answered yes or no: never an amount, a name or a date
    ["Paid?", "paymentStatus"],
    ["是否已付款", "paymentStatus"],
    ["Factory? (Y/N)", "claimsFactory"],
    ["付款方式?", "paymentMethod"],
    ["是否付定金", "paidUpfront"],
    // a concept with two groups of words: a share of recent reviews, not a count
    ["近30天评价数占比(%)", "recentReviewShare"],
    ["% reviews in last 30 days", "recentReviewShare"],
    ["评价条数", "reviewCount"],
    // conflicting words: another event's date or status, another shipment's number
    ["上架时间", undefined],
    ["退款状态", undefined],
    ["售后状态", undefined],
    ["样品快递单号", undefined],
    ["头程运费", undefined],
    ["Sales Price", undefined],
    ["商品总额", "goodsTotal"],
    ["采购总价", "total"],
    ["参考单价", "referencePrice"],
    ["Beneficiary Account", "payeeAccount"],
  ])("reads %j as %s", (header, field) => {
    expect(fieldOf(mapHeaders([header]), header)).toBe(field);
  });

  it("keeps its precedence: override, exact alias, strong concept or key word, weak word", () => {
    const both = mapHeaders(["是否寄样", "样品"]);
    expect(both.byField.sample).toBe(1);
    expect(both.warnings).toEqual([{ index: 0, header: "是否寄样", field: "sample", takenBy: 1 }]);
    expect(fieldOf(mapHeaders(["寄样日期"]), "寄样日期")).toBe("sample");
    expect(fieldOf(mapHeaders(["样品单价"]), "样品单价")).toBeUndefined();
    expect(fieldOf(mapHeaders(["样品单价"], { 样品单价: "unitPrice" }), "样品单价")).toBe("unitPrice");
    expect(fieldOf(mapHeaders(["是否寄样"], { 是否寄样: null }), "是否寄样")).toBeUndefined();
  });

  it("takes the yes/no dressing off before looking an alias up", () => {
    expect(bareKey("是否已寄样(y/n)")).toBe("寄样");
    expect(bareKey("samplesent?")).toBe("samplesent");
    expect(bareKey("已付")).toBe("已付");
    expect(fieldOf(mapHeaders(["是否试单？"]), "是否试单？")).toBe("sample");
  });

  it("maps each column of the issue's ledger, the sample column among them", () => {
    const headers = ["供应商", "采购数量", "订单金额", "付款方式", "是否寄样", "物流单号"];
    const map = mapHeaders(headers);
    expect(map.byField).toEqual({
      supplierName: 0,
      quantity: 1,
      total: 2,
      paymentMethod: 3,
      sample: 4,
      trackingNumber: 5,
    });
    expect(map.warnings).toEqual([]);
  });
});

describe("mapHeaders warnings", () => {
  it("names a column whose header names a field no column is read as", () => {
    const map = mapHeaders(["供应商", "样品费", "颜色"]);
    expect(map.byField).toEqual({ supplierName: 0 });
    expect(map.warnings).toEqual([{ index: 1, header: "样品费", field: "sample" }]);
  });

  it("names a column that lost its field to another column", () => {
    const map = mapHeaders(["供应商", "运单号", "快递单号"]);
    expect(map.warnings).toEqual([{ index: 2, header: "快递单号", field: "trackingNumber", takenBy: 1 }]);
  });

  it("stays quiet for known unread columns and for fields read from a better column", () => {
    expect(mapHeaders(["供应商", "备注", "采购员", "颜色", "供应商联系人", "买家会员名"]).warnings).toEqual(
      [],
    );
  });

  it("stays quiet on 1688's 49-column export", () => {
    expect(mapHeaders([...EXPORT_1688_HEADERS]).warnings).toEqual([]);
  });

  it("stays quiet for a column an override leaves out", () => {
    expect(mapHeaders(["供应商", "样品费"], { 样品费: null }).warnings).toEqual([]);
  });

  it("lists every header cell as written", () => {
    expect(mapHeaders([" 供应商 ", null, "运单号"]).headers).toEqual(["供应商", "", "运单号"]);
  });
});

describe("mapHeaders with a unit in the header", () => {
  const read = (header: string): { field: FieldId | undefined; currency: string | undefined } => {
    const column = mapHeaders([header]).columns[0];
    return { field: column?.field, currency: column?.currency };
  };

  it.each<[string, string | undefined]>([
    // the ledger of the issue, and the forms it names
    ["Unit (USD)", "USD"],
    ["Unit price (USD)", "USD"],
    ["Unit cost", undefined],
    ["Price/pc", undefined],
    ["Cost per unit", undefined],
    ["单价(元)", "CNY"],
    ["单价（元）", "CNY"],
    ["采购单价", undefined],
    // more of the same, English
    ["Unit [RMB]", "CNY"],
    ["Unit/USD", "USD"],
    ["Unit $", "USD"],
    ["Unit USD", "USD"],
    ["USD Unit", "USD"],
    ["Each (USD)", "USD"],
    ["Price each", undefined],
    ["Cost/pc", undefined],
    ["Cost per piece (USD)", "USD"],
    ["Rate/pc", undefined],
    ["Price per pc", undefined],
    ["Price (per pc)", undefined],
    ["Price (USD/pc)", "USD"],
    ["Price (USD) per pc", "USD"],
    ["Unit cost (¥)", "CNY"],
    ["US$ Unit Price", "USD"],
    ["Cost per item", undefined],
    ["Per unit (USD)", "USD"],
    ["USD/pc", "USD"],
    ["$/pc", "USD"],
    // and Chinese
    ["单价(元/个)", "CNY"],
    ["单价(元)/个", "CNY"],
    ["单价/元", "CNY"],
    ["单价 元", "CNY"],
    ["单价/个", undefined],
    ["单价【人民币】", "CNY"],
    ["单价（美元/件）", "USD"],
    ["成本/件", undefined],
    ["成本(元/个)", "CNY"],
    ["单位成本", undefined],
    ["单件成本（元）", "CNY"],
    ["每只成本", undefined],
    ["拿货价/件", undefined],
    ["元/个", "CNY"],
    // with the words a unit is written with: tax and trade terms, "in", 单位:
    ["单价(含税/元)", "CNY"],
    ["单价（元，含税）", "CNY"],
    ["单价(不含税)", undefined],
    ["Unit price (USD, FOB)", "USD"],
    ["Unit price (incl. VAT, RMB)", "CNY"],
    ["Price in USD", "USD"],
    ["Price (in USD)", "USD"],
    ["单价￥", "CNY"],
    ["单价(RMB¥)", "CNY"],
    ["单价：元", "CNY"],
    ["单价(单位:元/个)", "CNY"],
  ])("reads %j as the unit price (currency %s)", (header, currency) => {
    expect(read(header)).toEqual({ field: "unitPrice", currency });
  });

  it.each<[string, FieldId | undefined]>([
    // a unit describes the field it follows, and takes nothing from it
    ["Qty (pcs)", "quantity"],
    ["数量(个)", "quantity"],
    ["采购数量/个", "quantity"],
    ["Order qty (sets)", "quantity"],
    ["Received (pcs)", "received"],
    ["到货数量（件）", "received"],
    ["Total (USD)", "total"],
    ["USD Total", "total"],
    ["合计(元)", "total"],
    ["总价（含运费/元）", "total"],
    ["金额（单位：元）", "total"],
    ["Deposit (%)", "paidShare"],
    ["定金（%）", "paidShare"],
    ["Deposit (USD)", "paidUpfront"],
    ["Shipping (RMB)", "shipping"],
    ["Target price (USD/pc)", "referencePrice"],
    ["参考价(元/个)", "referencePrice"],
    // a unit alone makes no field of a word that names none
    ["Unit", undefined],
    ["单位", undefined],
    ["Unit (pcs)", undefined],
    ["单位(个)", undefined],
    ["Weight (kg)", undefined],
    ["Weight/pc", undefined],
    ["Pcs per carton", undefined],
    ["装箱数(个/箱)", undefined],
    // a count per count is a packing ratio, whatever the words
    ["Packing (pcs/box)", undefined],
    ["Qty (pcs/ctn)", undefined],
    ["数量（个/箱）", undefined],
    ["Exchange rate (USD)", undefined],
    ["Tax rate (%)", undefined],
    ["Profit/pc", undefined],
    ["Cost in RMB", undefined],
    ["订单号（1688）", "orderId"],
    ["Factory? (Y/N)", "claimsFactory"],
    ["Beach", undefined],
    ["Upper unit", undefined],
    ["利润(元/个)", undefined],
    // a currency makes money of the header: a fee is not the evidence, a count not an amount
    ["Sample (USD)", undefined],
    ["样品费(元)", undefined],
    ["Customs value (USD)", undefined],
    ["Total (pcs)", undefined],
    // money per unit is a line's price, never an order's sum
    ["Shipping/pc", undefined],
    ["运费/件", undefined],
    ["Selling price (USD)", undefined],
    ["售价(元/件)", undefined],
  ])("reads %j as %s", (header, field) => {
    expect(read(header).field).toBe(field);
  });

  it.each([
    ["USD Price", { key: "price", currency: "USD" }],
    ["$ Amount", { key: "amount", currency: "USD" }],
    ["单价 元", { key: "单价", currency: "CNY" }],
    ["Price/pc", { key: "price" }],
    ["Cost per unit", { key: "cost" }],
    ["Per-unit cost", { key: "cost" }],
    ["Price (USD) per pc", { key: "price", currency: "USD" }],
    ["单价(元)/个", { key: "单价", currency: "CNY" }],
    ["Qty (pcs)", { key: "qty" }],
    ["USD/pc", { key: "usd/pc", currency: "USD" }],
    ["订单号（1688）", { key: "订单号(1688)" }],
    ["Sales per day", { key: "salesperday" }],
  ])("normalises %j, taking its units off", (header, expected) => {
    expect(normalizeHeader(header)).toEqual(expected);
  });

  it("names a column whose unit rules out the field its words name", () => {
    const map = mapHeaders(["供应商", "Sample (USD)", "Shipping/pc"]);
    expect(map.byField).toEqual({ supplierName: 0 });
    expect(map.warnings).toEqual([
      { index: 1, header: "Sample (USD)", field: "sample" },
      { index: 2, header: "Shipping/pc", field: "shipping" },
    ]);
  });

  it("reads the issue's ledger with its price columns", () => {
    const map = mapHeaders([
      "Order No",
      "Supplier",
      "Qty (pcs)",
      "Unit (USD)",
      "Market price/pc (USD)",
      "Total (USD)",
    ]);
    expect(map.byField).toEqual({
      orderId: 0,
      supplierName: 1,
      quantity: 2,
      unitPrice: 3,
      referencePrice: 4,
      total: 5,
    });
    expect(map.currencyByField).toEqual({ unitPrice: "USD", referencePrice: "USD", total: "USD" });
    expect(map.warnings).toEqual([]);
  });
});
