import { BLACKLIST_CELLS, payLedgerCells } from "../rules/pay/fixtures";

/**
 * Calls of every GUARD function, by function id, over the cases of functions.test.ts and
 * the other function tests, plus error cells as arguments and the identifiers the
 * JavaScript-only runtime once broke (lookalike links need URL, long numbers BigInt).
 * `{ excelError: "#N/A" }` stands for an error cell; each realm makes it into
 * `new CustomFunctions.Error(code)` itself. tests/functions/bundle.test.ts runs them through
 * the built bundle and through the source and compares.
 */
export type Arg = string | number | boolean | null | { excelError: string } | Arg[];
export interface Case {
  id: string;
  args: Arg[];
}

const na = { excelError: "#N/A" };

/** The ledger of functions.test.ts: English headers, a blank row, a row with the text "#N/A" (as the CLI reads it). */
export const HEADERS: Arg[][] = [
  ["Order no.", "Supplier", "Store years", "Badges", "Payment method", "Order total", "Paid upfront"],
];
export const ROWS: Arg[][] = [
  ["PO-001", "Shenzhen Quickship Trading Co. Ltd.", 1, "none", "WeChat transfer", "US$10,000", "US$10,000"],
  ["PO-002", "Yiwu Chenguang Jewelry Co. Ltd.", 5, "Powerful Merchant", "1688 escrow", "US$300", "US$300"],
  [null, null, null, null, null, null, null],
  [
    "PO-004",
    "Ningbo Mingda Electric Co. Ltd.",
    4,
    "Deep Factory Audit",
    "1688 staged payment (3/7)",
    10000,
    "#N/A",
  ],
];
const ZH_HEADERS: Arg[][] = [
  [
    "订单编号",
    "卖家公司名",
    "诚信通年限",
    "付款方式",
    "实付款(元)",
    "预付款",
    "商品链接",
    "运单号",
    "物流公司",
  ],
];
const ZH_ROWS: Arg[][] = [
  [
    "1001",
    "义乌市宏达贸易有限公司",
    "2年",
    "微信转账",
    "¥48,000",
    "¥48,000",
    "https://detail.1688.com.offer-cn.top/1.html",
    "1Z999AA10123456784",
    "UPS",
  ],
  [
    "1002",
    "深圳市速发贸易有限公司",
    "6年",
    "担保交易",
    "¥6,688.00",
    "0",
    "https://shop1432227742039.1688.com",
    "SF1234567890123",
    "顺丰",
  ],
  [
    "1003",
    "宁波明达电器有限公司",
    "１２",
    "银行转账",
    "1.2万",
    "30%",
    "http://1688.com@evil.top/x",
    "1234567890",
    "DHL",
  ],
  [
    "1004",
    "东莞市恒信五金有限公司",
    "3",
    "诚e赊",
    "US$ 800",
    "US$ 800",
    "l688.com/shop",
    "1Z999AA10123456784",
    "UPS",
  ],
];
const BLACKLIST: Arg[][] = [
  ["Supplier", "Shop link"],
  ["深圳市速发贸易有限公司", "https://sufa888.1688.com/"],
  [na, na],
];
const SETTINGS: Arg[][] = [
  ["language", "zh"],
  ["levels.medium", 20],
  ["rates.CNY", na],
];

const risk = (id: string): Case[] => [
  { id, args: [HEADERS, ROWS] },
  { id, args: [HEADERS, ROWS.map((row) => row.map((v) => (v === "#N/A" ? na : v)))] },
  { id, args: [HEADERS, ROWS.slice(0, 2), [["Supplier"], ["Yiwu Chenguang Jewelry Co., Ltd."]]] },
  { id, args: [HEADERS, ROWS.slice(1, 2), null, [["levels.medium", 0]]] },
  { id, args: [HEADERS, ROWS.slice(0, 1), null, [["language", "zh"]]] },
  { id, args: [[HEADERS[0] as Arg[], HEADERS[0] as Arg[]], ROWS.slice(0, 1)] },
  { id, args: [HEADERS, [["PO-1", "x"]]] },
  { id, args: [[["foo", "bar"]], [[1, 2]]] },
  { id, args: [HEADERS, ROWS.slice(0, 1), null, [["deposit.maxshar", 0.3]]] },
  { id, args: [ZH_HEADERS, ZH_ROWS] },
  { id, args: [ZH_HEADERS, ZH_ROWS, BLACKLIST, SETTINGS] },
  { id, args: [[[...(ZH_HEADERS[0] as Arg[]), { excelError: "#REF!" }]], ZH_ROWS.map((r) => [...r, na])] },
];

/** A ledger over time: a deposit with no tracking for weeks, a late delivery, an account change. */
const HISTORY_HEADERS: Arg[][] = [
  [
    "订单号",
    "供应商",
    "付款方式",
    "订单金额",
    "预付款",
    "付款日期",
    "约定交期",
    "签收日期",
    "运单号",
    "收款账号",
  ],
];
const HISTORY_ROWS: Arg[][] = [
  [
    "H-1",
    "义乌市宏达贸易有限公司",
    "银行转账",
    "¥18,000",
    "¥18,000",
    "2026-05-20",
    "2026-06-20",
    null,
    null,
    "6222 0210 0011 2233",
  ],
  [
    "H-2",
    "东莞市鼎峰塑胶制品厂",
    "微信转账",
    "¥9,000",
    "¥2,700",
    "2026/4/1",
    "2026年4月20日",
    "2026-05-02",
    "SF1234567890123",
    null,
  ],
  [
    "H-3",
    "义乌市宏达贸易有限公司",
    "银行转账",
    "¥6,000",
    "¥6,000",
    "2026-06-01",
    "下周",
    null,
    null,
    "6222 0210 0099 8877",
  ],
  [
    "H-4",
    "深圳市华强创新电子有限公司",
    "担保交易",
    "¥3,000",
    "0",
    46150,
    46170,
    46168,
    "YT9231186920570",
    null,
  ],
];
const JUNE_30 = 46203; // =DATE(2026,6,30)
const history = (id: string): Case[] => [
  { id, args: [HISTORY_HEADERS, HISTORY_ROWS, JUNE_30] },
  { id, args: [HISTORY_HEADERS, HISTORY_ROWS, "2026-06-30", [["history.silentDays", 30]]] },
  { id, args: [HISTORY_HEADERS, HISTORY_ROWS, null] },
  { id, args: [HISTORY_HEADERS, HISTORY_ROWS, "soon"] },
  { id, args: [HISTORY_HEADERS, HISTORY_ROWS, na] },
];
const riskToday = (id: string): Case[] => [
  { id, args: [HISTORY_HEADERS, HISTORY_ROWS, null, null, JUNE_30] },
  { id, args: [HISTORY_HEADERS, HISTORY_ROWS, null, [["language", "zh"]], "2026-06-30"] },
];

/** GUARD.PAYCHECK over the pay ledger of tests/rules/pay (every verdict), in both languages. */
const payCases = (): Case[] => {
  const out: Case[] = [];
  for (const lang of ["zh", "en"] as const) {
    const [headers, ...rows] = payLedgerCells(lang);
    const H: Arg[][] = [headers as Arg[]];
    const L = rows as Arg[][];
    const DEC_1 = 46357;
    for (const id of ["PO-5102", "PO-5103", "PO-5105", "PO-5106", "PO-5107", "PO-5108", "PO-5109", "PO-5111"])
      out.push({ id: "PAYCHECK", args: [H, L, id, null, DEC_1, BLACKLIST_CELLS] });
    out.push({
      id: "PAYCHECK",
      args: [H, L, [L[3] as Arg[]], 10800, DEC_1, BLACKLIST_CELLS, [["language", "zh"]]],
    });
    out.push({ id: "PAYCHECK", args: [H, L, "PO-5103", "US$700", "2026-12-01"] });
    out.push({ id: "PAYCHECK", args: [H, L, "PO-0000", null, DEC_1] });
    out.push({ id: "PAYCHECK", args: [H, L, "PO-5101", null, DEC_1] });
    out.push({ id: "PAYCHECK", args: [H, L, "PO-5103", na, DEC_1] });
    const allow: Arg[][] = [[L[5]?.[1] as Arg, "义乌市宏达贸易有限公司", "王强", "2026-11-30"]];
    out.push({ id: "PAYCHECK", args: [H, L, "PO-5106", null, DEC_1, BLACKLIST_CELLS, null, allow] });
  }
  return out;
};

export const CASES: Case[] = [
  ...payCases(),
  ...risk("RISKSCORE"),
  ...risk("RISKLEVEL"),
  ...risk("RISKREASONS"),
  ...riskToday("RISKSCORE"),
  ...riskToday("RISKLEVEL"),
  ...riskToday("RISKREASONS"),
  ...history("MONEYATRISK"),
  ...history("DAYSATRISK"),
  ...[
    [48000, 14400, "CNY", null],
    [48000, 48000, "CNY", null],
    ["¥48,000", "¥48,000", null, "是"],
    [300, 300, "USD", null],
    ["US$ 800", "US$ 400", null, null],
    ["1.2万", "3,600", null, null],
    ["４８０００", "１４４００", "元", null],
    [1000, 2000, null, null],
    [-1000, 0, null, null],
    ["abc", 0, null, null],
    [1000, "#N/A", null, null],
    [na, 100, null, null],
    [1000, { excelError: "#DIV/0!" }, null, null],
    [1000, 100, { excelError: "#REF!" }, null],
    [48000, 14400, "CNY", null, [["deposit.maxShare", "20%"]]],
  ].map((args): Case => ({ id: "DEPOSITOK", args: args as Arg[] })),
  { id: "EXPOSUREOK", args: ["US$10,000", 1] },
  { id: "EXPOSUREOK", args: [3000, "4年", "USD"] },
  { id: "EXPOSUREOK", args: ["¥50,000", "4 years"] },
  { id: "EXPOSUREOK", args: ["¥50,000", na] },
  ...["担保交易", "Alipay escrow", "诚e赊", "微信转账", "Western Union", "转账到个人账户", "老规矩", ""].map(
    (method): Case => ({ id: "PAYMENTSAFE", args: [method] }),
  ),
  { id: "TRACKINGVALID", args: ["1Z999AA10123456784", "UPS"] },
  { id: "TRACKINGVALID", args: ["1Z999AA10123456785"] },
  { id: "TRACKINGVALID", args: ["1Z999AA10123456784", "顺丰"] },
  { id: "TRACKINGVALID", args: ["1Z999AA10123456784", "Acme Parcels"] },
  { id: "TRACKINGVALID", args: ["EA123456785CN"] },
  { id: "TRACKINGVALID", args: [1234567890, "DHL"] },
  { id: "TRACKINGVALID", args: ["123456789012345678901", "DHL"] },
  { id: "TRACKINGVALID", args: [12345678901234567000, null] },
  { id: "TRACKINGVALID", args: [na] },
  { id: "TRACKINGCARRIER", args: ["1Z999AA10123456784"] },
  { id: "TRACKINGCARRIER", args: ["EA123456785CN"] },
  { id: "TRACKINGCARRIER", args: ["ZX123"] },
  { id: "TRACKINGCARRIER", args: ["SF1234567890123"] },
  { id: "TRACKINGCARRIER", args: [1234567890] },
  { id: "USCCVALID", args: ["91330100716105852F"] },
  { id: "USCCVALID", args: ["91330100716105852G"] },
  { id: "USCCVALID", args: ["９１３３０１００７１６１０５８５２ｆ"] },
  { id: "USCCINFO", args: ["91330100716105852F"] },
  { id: "USCCINFO", args: ["9133010071610585"] },
  ...[
    "https://detail.1688.com/offer/612345678901.html",
    "https://detail.1688.com.offer-cn.top/612345678901.html",
    "https://1688.com@evil.top/",
    "http:\\\\1688.com.evil.top\\x",
    "http://１６８８。com/offer/1.html",
    "http://1688%2ecom.evil.top/",
    "https://xn--1688-45dg5d.com/",
    "http://шоп1688.com/",
    "l688.com/shop",
    "shop1432227742039.1688.com",
    "https://1688.com:8443/",
    "http://0x7f.1/",
    "看这个链接 https://b2b-2201234567890abcd.1688.com/page/creditdetail.htm 谢谢",
    "javascript:alert(1)",
    "晨光饰品",
  ].map((url): Case => ({ id: "STOREURLOK", args: [url] })),
  { id: "SUPPLIERID", args: ["义乌市宏达贸易有限公司"] },
  { id: "SUPPLIERID", args: ["https://winport.m.1688.com/page/index.html?memberId=B2B-2201234567890abcd"] },
  { id: "SUPPLIERID", args: ["https://shop1432227742039.1688.com/page/offerlist.htm"] },
  { id: "SUPPLIERID", args: ["  "] },
  { id: "BLACKLISTED", args: ["Shenzhen Other Co.", BLACKLIST, "http://sufa888.1688.com"] },
  { id: "BLACKLISTED", args: ["深圳市速发贸易有限公司", BLACKLIST] },
  { id: "BLACKLISTED", args: ["义乌市宏达贸易有限公司", BLACKLIST] },
  { id: "BLACKLISTED", args: [na, BLACKLIST] },
  { id: "BLACKLISTED", args: [null, BLACKLIST] },
  { id: "REORDERPOINT", args: [20, 15, 100] },
  { id: "REORDERPOINT", args: ["１２０件", "7天"] },
  { id: "REORDERPOINTSL", args: [[[18], [22], [20], [19], [21]], 16, 0.95] },
  { id: "REORDERPOINTSL", args: [[[18], [na], [20]], 16, "95%"] },
  { id: "REORDERQTY", args: [20, 15, 7, 200, 100] },
  { id: "REORDERQTY", args: [20, 15, 7, 2000, 100] },
  { id: "REORDERQTY", args: [20, 15, 7, -1, 0] },
  { id: "REVIEWFLAG", args: [5, 8] },
  { id: "REVIEWFLAG", args: [4.8, 300, 20] },
  { id: "REVIEWFLAG", args: [4.8, 300, 200, [["reviews.recentShare", "80%"]]] },
  { id: "CERTSMISSING", args: ["electronics", "US", "CE"] },
  { id: "CERTSMISSING", args: ["电子产品", "美国", "CE"] },
  { id: "CERTSMISSING", args: ["gravel", "US", ""] },
];
