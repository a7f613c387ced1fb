import type { CellValue, Money, Order } from "../../../src/rules/types";

/**
 * A team's purchase ledger over six months (January to June 2026), as typed by
 * hand: text money, dates in several shapes, blank cells for "not yet".
 * - 义乌市宏达贸易: took a deposit in May (微信) and another in June (bank), never shipped;
 * - 深圳市华强创新电子: its bank account changed in May, and the price of HQ-100 fell 40%;
 * - 东莞市鼎峰塑胶制品厂: delivered late every time, the June order shipped and still open;
 * - 汕头市澄海区乐童玩具厂: a June order "shipped" with a number no carrier issues;
 * - 杭州云织纺织品: an order whose promised date cannot be read ("下周").
 */
export const HEADERS_ZH = [
  "订单编号",
  "供应商",
  "收款账号",
  "付款方式",
  "订单金额",
  "预付款",
  "下单日期",
  "付款日期",
  "约定交期",
  "发货日期",
  "物流公司",
  "运单号",
  "到货日期",
  "货号",
  "单价",
  "数量",
];

export const HEADERS_EN = [
  "Order ID",
  "Supplier",
  "Payee account",
  "Payment method",
  "Order total",
  "Deposit paid",
  "Order date",
  "Paid date",
  "Due date",
  "Ship date",
  "Carrier",
  "Tracking number",
  "Received date",
  "SKU",
  "Unit price",
  "Qty",
];

const HONGDA = "义乌市宏达贸易有限公司";
const HUAQIANG = "深圳市华强创新电子有限公司";
const DINGFENG = "东莞市鼎峰塑胶制品厂";
const LETONG = "汕头市澄海区乐童玩具厂";
const YUNZHI = "杭州云织纺织品有限公司";

/** Rows in sheet order (row 2 onwards). */
export const ROWS: CellValue[][] = [
  // 宏达: a clean order in February, then two deposits and silence.
  [
    "PO-2601",
    HONGDA,
    "",
    "微信转账",
    "¥48,000.00",
    "¥14,400.00",
    "2026-02-10",
    "2026-02-10",
    "2026-03-10",
    "2026-03-01",
    "圆通速递",
    "YT2412345678901",
    "2026-03-08",
    "HD-7",
    "¥48.00",
    1000,
  ],
  [
    "PO-2614",
    HONGDA,
    "",
    "微信转账",
    "¥60,000.00",
    "¥18,000.00",
    "2026-05-20",
    "2026-05-20",
    "2026-06-20",
    "",
    "",
    "",
    "",
    "HD-7",
    "¥48.00",
    1250,
  ],
  [
    "PO-2619",
    HONGDA,
    "",
    "银行转账",
    "¥30,000.00",
    "¥30,000.00",
    "2026/6/1",
    "2026/6/1",
    "2026-07-15",
    "",
    "",
    "",
    "",
    "HD-9",
    "¥30.00",
    1000,
  ],
  // 华强: same account twice (written two ways), then a new one; HQ-100 from ¥25 and ¥24 down to ¥14.40.
  [
    "PO-2602",
    HUAQIANG,
    "6222 0212 3456 7890 123",
    "银行转账",
    "¥25,000.00",
    "¥25,000.00",
    "2026-01-15",
    "2026-01-15",
    "2026-02-05",
    "2026-01-28",
    "圆通速递",
    "YT2412345678902",
    "2026-02-02",
    "HQ-100",
    "¥25.00",
    1000,
  ],
  [
    "PO-2607",
    HUAQIANG,
    "6222021234567890123",
    "银行转账",
    "¥24,000.00",
    "¥24,000.00",
    "2026-03-02",
    "2026-03-02",
    "2026-03-25",
    "2026-03-12",
    "圆通速递",
    "YT2412345678903",
    "2026-03-20",
    "HQ-100",
    "¥24.00",
    1000,
  ],
  [
    "PO-2615",
    HUAQIANG,
    "6217 0000 1111 2222 333",
    "银行转账",
    "¥14,400.00",
    "¥14,400.00",
    "2026-05-10",
    "2026-05-10",
    "2026-06-01",
    "2026-05-18",
    "圆通速递",
    "YT2412345678904",
    "2026-05-28",
    "HQ-100",
    "¥14.40",
    1000,
  ],
  // 鼎峰: escrow, late every time; the June order shipped on 6-12 and is still open.
  [
    "PO-2603",
    DINGFENG,
    "",
    "担保交易",
    "¥8,000.00",
    "",
    "2026-01-05",
    "2026-01-05",
    "2026-02-01",
    "2026-01-30",
    "圆通速递",
    "YT2412345678905",
    "2026-02-09",
    "DF-1",
    "¥8.00",
    1000,
  ],
  [
    "PO-2608",
    DINGFENG,
    "",
    "担保交易",
    "¥8,000.00",
    "",
    "2026-02-20",
    "2026-02-20",
    "2026-03-15",
    "2026-03-20",
    "圆通速递",
    "YT2412345678906",
    "2026-03-25",
    "DF-1",
    "¥8.00",
    1000,
  ],
  [
    "PO-2612",
    DINGFENG,
    "",
    "担保交易",
    "¥8,200.00",
    "",
    "2026-04-01",
    "2026-04-01",
    "2026-05-01",
    "2026-04-29",
    "圆通速递",
    "YT2412345678907",
    "2026-05-04",
    "DF-1",
    "¥8.20",
    1000,
  ],
  [
    "PO-2618",
    DINGFENG,
    "",
    "担保交易",
    "¥8,200.00",
    "",
    "2026-05-25",
    "2026-05-25",
    "2026-06-15",
    "2026-06-12",
    "圆通速递",
    "YT2412345678908",
    "",
    "DF-1",
    "¥8.20",
    1000,
  ],
  // 乐童: escrow order "shipped" on 6-25 with a number that fits no carrier.
  [
    "PO-2620",
    LETONG,
    "",
    "担保交易",
    "¥12,000.00",
    "",
    "2026-06-20",
    "2026-06-20",
    "2026-07-10",
    "2026-06-25",
    "中通快递",
    "ZX8812345",
    "",
    "LT-3",
    "¥12.00",
    1000,
  ],
  // 云织: the promised date cannot be read; nothing time-based is said about it.
  [
    "PO-2621",
    YUNZHI,
    "",
    "微信转账",
    "¥5,000.00",
    "¥1,500.00",
    "2026-06-28",
    "2026-06-28",
    "下周",
    "",
    "",
    "",
    "",
    "YZ-1",
    "¥5.00",
    1000,
  ],
];

/** The as-of date of the tests. */
export const AS_OF = new Date(Date.UTC(2026, 5, 30));

export function ledgerZh(): CellValue[][] {
  return [HEADERS_ZH, ...ROWS.map((r) => [...r])];
}

/** The same ledger with English headers, English payment words and US-style money. */
export function ledgerEn(): CellValue[][] {
  const words: Record<string, string> = {
    微信转账: "WeChat transfer",
    银行转账: "Bank transfer",
    担保交易: "1688 escrow",
    圆通速递: "YTO",
    中通快递: "ZTO",
    下周: "next week",
  };
  return [
    HEADERS_EN,
    ...ROWS.map((r) => r.map((v) => (typeof v === "string" ? (words[v] ?? v.replace("¥", "CNY ")) : v))),
  ];
}

/** An order as the ledger reader builds it, with history facts. */
export function order(o: Partial<Order>): Order {
  return { row: 2, supplier: { name: "义乌市宏达贸易有限公司" }, payment: "unknown", ...o };
}

export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const cny = (amount: number): Money => ({ amount, currency: "CNY" });
