/**
 * The preview's workbook: a team's 1688 purchase ledger (Chinese headers, a
 * title above the header row, money written as text the way people type it)
 * kept as an Excel table named "Orders". The suppliers are invented; their
 * licence numbers are made up but pass the GB 32100 check, except the one
 * that is meant to fail. Some rows carry the fraud signs the guide lists;
 * rows 2 and 10 share a tracking number across two suppliers (the empty-parcel
 * sign), and the last row is a second line of the order above it (订单编号
 * blank), as 1688's export writes multi-line orders.
 */
import { DEFAULT_SETTINGS, flattenSettings } from "../../rules/settings";
import type { CellValue } from "../../rules/types";
import { GUARD_SHEET, TABLE, TABLE_LAYOUT } from "../excel/layout";
import { type MockSheet, MockWorkbook } from "./workbook";

export const SAMPLE_SHEET = "采购台账";
export const SAMPLE_TABLE = "Orders";
/** 0-based row of the header (a title and a blank row sit above it). */
export const SAMPLE_HEADER_ROW = 2;

export const SAMPLE_TITLE = "2025年3月 1688 采购台账";

export const SAMPLE_HEADERS = [
  "订单编号",
  "卖家公司名",
  "掌柜ID",
  "商品链接",
  "统一社会信用代码",
  "诚信通年限",
  "认证",
  "经营模式",
  "货品总价(元)",
  "预付款(元)",
  "付款方式",
  "订单状态",
  "数量",
  "物流公司",
  "运单号",
  "样品",
  "合同",
] as const;

// prettier-ignore
export const SAMPLE_ROWS: CellValue[][] = [
  ["2403011001", "义乌市鑫达日用品有限公司", "xinda_yw", "https://shop1389241750.1688.com", "91330782MA2E4K7L6U", "8年", "实力商家 深度验厂", "生产加工", "¥6,688.00", "0", "支付宝担保交易", "交易成功", 200, "顺丰速运", "SF1409278306121", "有", "有"],
  ["2403011002", "深圳市恒锐电子科技有限公司", "hengrui_sz", "https://detail.1688.com/offer/672233445566.html", "91440300MA5F8Q2R8G", "5", "超级工厂", "生产加工", "¥12,400.00", "¥3,720.00", "分阶段付款(3/7)", "等待买家收货", 500, "中通快递", "773052198412", "有", "有"],
  ["2403021003", "义乌市佳美饰品商行", "jiamei88", "https://shop6683012.1688.com", "92330782L6TJ8P3N45", "1", "", "经销批发", "¥48,000.00", "¥48,000.00", "微信转账", "等待卖家发货", 3000, "", "", "无", "无"],
  ["2403021004", "东莞市宏图塑胶制品厂", "hongtu_dg", "https://hongtusujiao.1688.com", "91441900MA51XN2C0M", "12年", "源头工厂 深度认证", "生产加工", "¥3,250.00", "", "支付宝担保交易", "已收货", 80, "圆通速递", "YT7512345678901", "", "有"],
  ["2403031005", "厦门优品进出口有限公司", "youpin_xm", "https://1688-com.shop/store/youpin", "91350200MA2Y9K4D7C", "2", "", "经销批发", "US$ 2,800", "US$ 2,800", "银行转账", "等待买家收货", 1200, "专线物流", "ZX20250303117", "无", "无"],
  ["2403031006", "苏州市锦程纺织有限公司", "jincheng_sz", "https://shop2270031855.1688.com", "91320583MA1N7H3B3R", "6年", "实力商家", "生产加工", "¥18,960.00", "¥5,688.00", "分阶段付款(3/7)", "等待买家收货", 600, "顺丰", "SF1409278306139", "有", "有"],
  ["2403041007", "杭州速美家居用品有限公司", "sumei_hz", "https://sumeijiaju.1688.com", "91330110MA27WT6F1K", "4", "品牌授权", "生产加工", "¥9,800.00", "", "诚e赊", "交易成功", 150, "韵达快递", "4318765409213", "有", "无"],
  ["2403041008", "佛山市顺德区美厨电器厂", "meichu_fs", "https://shop8812340.1688.com", "91440604MA4UJ2X86X", "1年", "", "生产加工", "¥36,500.00", "¥36,500.00", "私人账户转账", "等待卖家发货", 800, "", "", "无", "无"],
  ["2403051009", "义乌市鑫达日用品有限公司", "xinda_yw", "https://shop1389241750.1688.com", "91330782MA2E4K7L6U", "8年", "实力商家 深度验厂", "生产加工", "¥2,150.00", "", "支付宝担保交易", "交易成功", 60, "顺丰速运", "SF1409278306147", "有", "有"],
  ["2403051010", "广州市白云区潮品服饰店", "chaopin_gz", "https://chaopin.1688.com", "", "2", "", "经销批发", "¥4,600.00", "¥4,600.00", "支付宝担保交易", "等待买家收货", 300, "申通快递", "773052198412", "无", "无"],
  ["2403061011", "宁波市海曙精工五金厂", "jinggong_nb", "https://shop3390218.1688.com", "91330203MA2AH5LW1C", "9年", "深度验厂", "生产加工", "¥22,300.00", "¥6,690.00", "分阶段付款(3/7)", "交易成功", 1000, "德邦快递", "DPK202503061011", "有", "有"],
  ["2403061012", "温州市瑞安鞋业有限公司", "ruian_shoes", "https://ruianxieye.1688.com", "91330381MA2CT8B011", "3", "实力商家", "生产加工", "¥7,420.00", "", "支付宝担保交易", "等待卖家发货", 240, "", "", "有", "无"],
  ["2403071013", "汕头市澄海区乐童玩具厂", "letong_st", "https://shop5567120.1688.com", "91440515MA53L2QX46", "2年", "", "生产加工", "¥15,800.00", "¥7,900.00", "微信转账", "等待买家收货", 2000, "极兔速递", "JT5238814762051", "无", "无"],
  ["2403071014", "临沂市兰山区顺达商贸", "shunda_ly", "https://shunda.1688.com", "", "1", "", "经销批发", "¥1,280.00", "¥1,280.00", "支付宝担保交易", "交易成功", 40, "中通快递", "773108865210", "有", "无"],
  ["2403081015", "深圳市恒锐电子科技有限公司", "hengrui_sz", "https://detail.1688.com/offer/672233445577.html", "91440300MA5F8Q2R8G", "5", "超级工厂", "生产加工", "¥8,900.00", "¥2,670.00", "分阶段付款(3/7)", "已收货", 300, "顺丰速运", "SF1409278306155", "有", "有"],
  ["2403081016", "泉州市丰泽区鸿运箱包店", "hongyun_qz", "https://l688.com/shop/hongyun", "91350503MA31RTK581", "1", "", "经销批发", "¥26,000.00", "¥26,000.00", "西联汇款", "等待卖家发货", 900, "", "", "无", "无"],
  ["2403091017", "金华市婺城区恒美包装厂", "hengmei_jh", "https://shop9011223.1688.com", "91330702MA29F0XN97", "7年", "认证工厂", "生产加工", "¥5,300.00", "", "支付宝担保交易", "交易成功", 500, "中国邮政", "1151234567893", "有", "有"],
  ["2403091018", "东莞市宏图塑胶制品厂", "hongtu_dg", "https://hongtusujiao.1688.com", "91441900MA51XN2C0M", "12年", "源头工厂 深度认证", "生产加工", "¥11,200.00", "¥3,360.00", "分阶段付款(3/7)", "等待买家收货", 400, "圆通速递", "YT7512345678918", "有", "有"],
  ["2403101019", "义乌市佳美饰品商行", "jiamei88", "https://shop6683012.1688.com", "92330782L6TJ8P3N45", "1", "", "经销批发", "¥9,600.00", "¥9,600.00", "微信转账", "等待买家收货", 1500, "专线", "JM0310019", "无", "无"],
  ["2403101020", "常州市武进区精益模具厂", "jingyi_cz", "https://jingyimoju.1688.com", "91320412MA1WQ5R21K", "4年", "实力商家", "生产加工", "¥4,450.00", "", "支付宝担保交易", "等待卖家发货", 120, "", "", "有", "无"],
  ["", "", "", "", "", "", "", "", "", "", "", "", 80, "", "", "", ""],
];

/**
 * The ledger's history, as columns a team adds to the right of the export:
 * one row per SAMPLE_ROWS row. 义乌市佳美饰品商行 took 100% by WeChat and went
 * silent; 深圳市恒锐电子科技有限公司's second order was paid to a new bank
 * account; 东莞市宏图塑胶制品厂 delivered late and its second order is overdue.
 */
export const SAMPLE_HISTORY_HEADERS = ["付款日期", "发货日期", "约定交期", "到货日期", "收款账号"] as const;

// prettier-ignore
export const SAMPLE_HISTORY_ROWS: CellValue[][] = [
  ["2025-03-01", "2025-03-03", "2025-03-08", "2025-03-06", ""],
  ["2025-03-01", "2025-03-04", "2025-03-12", "", "6222 0212 3456 7890 123"],
  ["2025-03-02", "", "2025-03-09", "", ""],
  ["2025-03-02", "2025-03-05", "2025-03-10", "2025-03-14", ""],
  ["2025-03-03", "2025-03-06", "2025-03-20", "", "6230 5800 0012 3456 789"],
  ["2025-03-03", "2025-03-06", "2025-03-15", "", ""],
  ["2025-03-04", "2025-03-06", "2025-03-10", "2025-03-09", ""],
  ["2025-03-04", "", "2025-03-12", "", "6217 8800 1234 5678 901"],
  ["2025-03-05", "2025-03-06", "2025-03-10", "2025-03-08", ""],
  ["2025-03-05", "2025-03-06", "2025-03-12", "", ""],
  ["2025-03-06", "2025-03-08", "2025-03-15", "2025-03-12", ""],
  ["2025-03-06", "", "2025-03-20", "", ""],
  ["2025-03-07", "2025-03-09", "2025-03-15", "", ""],
  ["2025-03-07", "2025-03-08", "2025-03-12", "2025-03-10", ""],
  ["2025-03-08", "2025-03-10", "2025-03-18", "2025-03-16", "6217 0000 1111 2222 333"],
  ["2025-03-08", "", "2025-03-15", "", ""],
  ["2025-03-09", "2025-03-10", "2025-03-14", "2025-03-12", ""],
  ["2025-03-09", "2025-03-11", "2025-03-16", "", ""],
  ["2025-03-10", "2025-03-12", "2025-03-18", "", ""],
  ["2025-03-10", "", "2025-03-25", "", ""],
  ["", "", "", "", ""],
];

/** The sample ledger with its history columns to the right. */
export function sampleLedgerWithHistory(): CellValue[][] {
  return [
    [...SAMPLE_HEADERS, ...SAMPLE_HISTORY_HEADERS],
    ...SAMPLE_ROWS.map((row, i) => [...row, ...(SAMPLE_HISTORY_ROWS[i] ?? [])]),
  ];
}

/** A blacklist entry the preview starts with, so the blacklisted flag shows. */
export const SAMPLE_BLACKLIST: CellValue[][] = [
  [
    "泉州市丰泽区鸿运箱包店",
    "https://l688.com/shop/hongyun",
    "hongyun_qz",
    "",
    "收款后关店，不发货",
    "2025-02-14",
    "采购部 王丽",
  ],
];

export interface MockHostOptions {
  /** Office's display language ("en-US", "zh-CN"...). */
  displayLanguage?: string;
  /** Start with the Guard tables (settings with defaults, a one-entry blacklist). */
  withGuardTables?: boolean;
  /** The ledger with its history columns (dates, payee account): SAMPLE_HISTORY_HEADERS. */
  withHistory?: boolean;
  /** The highest ExcelApi set the host supports ("1.7": an Excel without comments). */
  excelApi?: string;
}

function put(sheet: MockSheet, row: number, column: number, rows: CellValue[][]): void {
  rows.forEach((line, i) =>
    line.forEach((v, j) =>
      sheet.setCell(row + i, column + j, v === "" || v === null ? undefined : { value: v }),
    ),
  );
}

function addTable(
  book: MockWorkbook,
  sheet: MockSheet,
  name: string,
  row: number,
  column: number,
  rows: CellValue[][],
): void {
  put(sheet, row, column, rows);
  const columnCount = rows[0]?.length ?? 1;
  book.tables.push({
    name,
    sheet,
    region: { sheet: sheet.name, row, column, rowCount: Math.max(rows.length, 2), columnCount },
  });
}

/** A workbook holding the sample ledger (and, if asked, the Guard tables). */
export function createSampleWorkbook(options: MockHostOptions = {}): MockWorkbook {
  const book = new MockWorkbook();
  if (options.excelApi !== undefined) book.excelApi = options.excelApi;
  const sheet = book.addSheet(SAMPLE_SHEET);
  put(sheet, 0, 0, [[SAMPLE_TITLE]]);
  const ledger = options.withHistory ? sampleLedgerWithHistory() : [[...SAMPLE_HEADERS], ...SAMPLE_ROWS];
  addTable(book, sheet, SAMPLE_TABLE, SAMPLE_HEADER_ROW, 0, ledger);
  book.selection = { row: SAMPLE_HEADER_ROW + 3, column: 1, rowCount: 1, columnCount: 1 };
  if (options.withGuardTables) {
    const guard = book.addSheet(GUARD_SHEET);
    const settings = flattenSettings(DEFAULT_SETTINGS).filter(([k]) => !k.startsWith("columns."));
    addTable(book, guard, TABLE.settings, 0, TABLE_LAYOUT.GuardSettings.column, [
      [...TABLE_LAYOUT.GuardSettings.columns],
      ...settings,
    ]);
    addTable(book, guard, TABLE.blacklist, 0, TABLE_LAYOUT.GuardBlacklist.column, [
      [...TABLE_LAYOUT.GuardBlacklist.columns],
      ...SAMPLE_BLACKLIST,
    ]);
  }
  return book;
}
