import type { Badge, BusinessModel, CellValue, OrderStatus, PaymentChannel } from "../../rules/types";
import { readYesNoText } from "./bool";
import { isPlaceholder, normalizeText } from "./text";

/*
 * The words of 1688 and of teams' ledgers, mapped to the engine's vocabulary.
 * Every reader here works on normalised lower-case text, matches ASCII words on
 * word boundaries ("tt" is not inside "settle") and caches its answers: a
 * column holds a handful of distinct values repeated over thousands of rows.
 */

const CACHE_LIMIT = 4096;

function memo<T>(read: (key: string) => T): (text: CellValue) => T {
  const cache = new Map<string, T>();
  return (v) => {
    const raw = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v);
    let hit = cache.get(raw);
    if (hit === undefined && !cache.has(raw)) {
      hit = read(normalizeText(raw).toLowerCase());
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(raw, hit);
    }
    return hit as T;
  };
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

/** Index of `term` in `text`, on word boundaries where the term starts or ends with a letter or digit; -1 if absent. */
export function findTerm(text: string, term: string): number {
  const checkStart = isWordChar(term.charCodeAt(0));
  const checkEnd = isWordChar(term.charCodeAt(term.length - 1));
  let from = 0;
  for (;;) {
    const i = text.indexOf(term, from);
    if (i < 0) return -1;
    const startOk = !checkStart || i === 0 || !isWordChar(text.charCodeAt(i - 1));
    const end = i + term.length;
    const endOk = !checkEnd || end >= text.length || !isWordChar(text.charCodeAt(end));
    if (startOk && endOk) return i;
    from = i + 1;
  }
}

type TermTable<T> = ReadonlyArray<readonly [T, readonly string[]]>;

/** The first entry of `table` (in table order) with a term found in `text`. */
function firstOf<T>(text: string, table: TermTable<T>): T | undefined {
  for (const [value, terms] of table) {
    for (const term of terms) if (findTerm(text, term) >= 0) return value;
  }
  return undefined;
}

// ---------------------------------------------------------------- payment

/** API codes of the 1688 export and of its order API, matched on the whole cell. */
const PAYMENT_CODES: ReadonlyMap<string, PaymentChannel> = new Map([
  ["bank", "platform_bank"],
  ["fxassure", "escrow"],
  ["alipay", "escrow"],
  ["assure", "escrow"],
  ["creditbuy", "credit"],
  ["period", "credit"],
  ["631staged", "staged"],
  ["37staged", "staged"],
]);

/**
 * Checked in this order; the first channel with a term in the cell wins. When a
 * cell names two channels, the off-platform one wins over the on-platform one
 * ("担保交易 + 微信补款": some money went by WeChat, so wechat), and among the
 * private ones the account the money went to wins over the app that sent it
 * ("WeChat transfer to personal account" → personal_bank). Both score the same;
 * the order only decides what the explanation names. 1688's own bank transfer
 * is matched before plain bank transfers, personal Alipay before Alipay escrow.
 */
const PAYMENT_TERMS: TermTable<PaymentChannel> = [
  ["unknown", ["credit card", "信用卡"]],
  [
    "platform_bank",
    ["1688银行转账", "平台银行转账", "1688 bank transfer", "1688 bank", "platform bank transfer", "平台转账"],
  ],
  ["western_union", ["西联", "western union", "westernunion"]],
  [
    "personal_alipay",
    [
      "个人支付宝",
      "私人支付宝",
      "支付宝个人",
      "支付宝转账",
      "personal alipay",
      "private alipay",
      "alipay transfer",
    ],
  ],
  [
    "personal_bank",
    [
      "私人账户",
      "个人账户",
      "私人账号",
      "个人账号",
      "私人银行",
      "个人银行",
      "私户",
      "私人卡",
      "个人卡",
      "对私",
      "老板卡",
      "personal account",
      "personal bank",
      "private account",
      "private bank",
      "personal card",
    ],
  ],
  ["wechat", ["微信", "wechat", "weixin", "wxpay", "wx", "vx"]],
  ["cash", ["现金", "cash"]],
  [
    "bank_transfer",
    [
      "银行转账",
      "对公转账",
      "公对公",
      "对公",
      "电汇",
      "银行汇款",
      "汇款",
      "转账",
      "t/t",
      "tt",
      "wire",
      "bank transfer",
      "telegraphic",
      "bank",
    ],
  ],
  ["staged", ["分阶段", "阶段付款", "631staged", "37staged", "staged", "3/7", "30/70", "三七", "分期"]],
  [
    "credit",
    ["诚e赊", "creditbuy", "账期", "月结", "赊账", "credit terms", "credit", "period", "net 30", "net30"],
  ],
  [
    "escrow",
    [
      "担保交易",
      "支付宝担保",
      "担保",
      "fxassure",
      "assure",
      "alipay",
      "支付宝",
      "escrow",
      "trade assurance",
      "在线支付",
      "平台支付",
      "线上支付",
      "1688",
    ],
  ],
];

/**
 * Reads how an order was paid (DOMAIN.md section 4): 担保交易 / fxassure /
 * alipay / "Alipay escrow" / "trade assurance" → escrow; 分阶段 / 631staged /
 * 37staged / "3/7" → staged; 诚e赊 / creditBuy / 账期 / period → credit; the
 * export's code `bank` alone or 1688银行转账 → platform_bank; 微信 → wechat;
 * 个人支付宝 → personal_alipay; 银行转账 / 对公转账 / T/T / wire → bank_transfer;
 * 私人账户 / 个人账户 → personal_bank; 西联 → western_union; 现金 → cash;
 * anything else, or nothing, → unknown.
 */
export const parsePaymentChannel: (text: CellValue) => PaymentChannel = memo((text) => {
  if (text === "" || isPlaceholder(text)) return "unknown";
  return PAYMENT_CODES.get(text) ?? firstOf(text, PAYMENT_TERMS) ?? "unknown";
});

// ---------------------------------------------------------------- status

const STATUS_WORDS: TermTable<OrderStatus> = [
  [
    "awaiting_payment",
    [
      "等待买家付款",
      "待付款",
      "未付款",
      "待支付",
      "未支付",
      "waitbuyerpay",
      "awaiting payment",
      "unpaid",
      "pending payment",
      "not paid",
      "to pay",
    ],
  ],
  [
    "awaiting_shipment",
    [
      "等待卖家发货",
      "待发货",
      "未发货",
      "买家已付款",
      "已付款",
      "waitsellersend",
      "awaiting shipment",
      "to ship",
      "to be shipped",
      "not shipped",
      "unshipped",
      "paid",
    ],
  ],
  [
    "shipped",
    [
      "等待买家收货",
      "待收货",
      "已发货",
      "卖家已发货",
      "部分发货",
      "运输中",
      "在途",
      "waitbuyerreceive",
      "waitlogisticstakein",
      "waitbuyersign",
      "shipped",
      "in transit",
      "dispatched",
      "sent",
    ],
  ],
  [
    "received",
    [
      "已收货",
      "买家已签收",
      "已签收",
      "已到货",
      "到货",
      "confirm_goods",
      "signinsuccess",
      "received",
      "delivered",
      "arrived",
    ],
  ],
  [
    "completed",
    [
      "交易成功",
      "交易完成",
      "已完成",
      "完成",
      "成功",
      "success",
      "completed",
      "complete",
      "finished",
      "done",
    ],
  ],
  [
    "closed",
    [
      "交易关闭",
      "交易取消",
      "已关闭",
      "已取消",
      "关闭",
      "取消",
      "cancel",
      "cancelled",
      "canceled",
      "closed",
      "terminated",
    ],
  ],
];

const STATUS_EXACT: ReadonlyMap<string, OrderStatus> = new Map(
  STATUS_WORDS.flatMap(([status, words]) => words.map((w): [string, OrderStatus] => [w, status])),
);

/** For longer cells ("交易成功(已评价)"): closed first, then the most advanced stage named. */
const STATUS_TERMS: TermTable<OrderStatus> = [
  ["closed", ["交易关闭", "交易取消", "已关闭", "已取消", "cancel", "closed"]],
  ["completed", ["交易成功", "交易完成", "已完成", "success", "complete"]],
  ["awaiting_payment", ["等待买家付款", "待付款", "未付款", "unpaid", "awaiting payment"]],
  ["awaiting_shipment", ["等待卖家发货", "待发货", "未发货", "not shipped", "awaiting shipment"]],
  ["received", ["已收货", "已签收", "已到货", "received", "delivered"]],
  ["shipped", ["等待买家收货", "待收货", "已发货", "部分发货", "shipped", "in transit"]],
];

/** Reads an order status from 1688's Chinese words, its API codes or plain English; unknown → undefined. */
export const parseOrderStatus: (text: CellValue) => OrderStatus | undefined = memo((text) => {
  if (text === "") return undefined;
  return STATUS_EXACT.get(text) ?? firstOf(text, STATUS_TERMS);
});

// ---------------------------------------------------------------- badges

const BADGE_TERMS: ReadonlyArray<readonly [string, Badge]> = (
  [
    ["trustpass", ["诚信通", "trustpass", "trust pass", "chengxintong"]],
    ["powerful_merchant", ["实力商家", "powerful merchant", "power merchant", "strength merchant"]],
    ["super_factory", ["超级工厂", "super factory"]],
    [
      "deep_audit",
      [
        "深度验厂",
        "深度认证",
        "深度验商",
        "deep factory audit",
        "deep audit",
        "deep factory inspection",
        "in-depth audit",
      ],
    ],
    [
      "brand_authorization",
      ["品牌授权", "brand authorization", "brand authorisation", "authorized brand", "brand authorized"],
    ],
    ["source_factory", ["源头工厂", "源头厂家", "source factory"]],
    [
      "certified_factory",
      ["认证工厂", "certified factory", "verified factory", "audited factory", "verified/audited factory"],
    ],
  ] as const
)
  .flatMap(([badge, terms]) => terms.map((t): readonly [string, Badge] => [t, badge]))
  .sort((a, b) => b[0].length - a[0].length);

const NO_BADGES: ReadonlySet<string> = new Set(["无", "没有", "none", "no", "否", "n/a", "-", "—", "/"]);

/**
 * Reads the badges named in a cell, in the order written, each once: 实力商家,
 * 超级工厂, 深度验厂 / 深度认证, 品牌授权, 源头工厂, 认证工厂, 诚信通 and their English
 * names, separated by anything (, ， 、 / ; | spaces). "无", "none", "-" → [].
 * Words that name no badge are ignored.
 */
export const parseBadges: (text: CellValue) => Badge[] = memo((text) => {
  if (text === "" || NO_BADGES.has(text)) return [];
  let rest = text;
  const found: Array<{ at: number; badge: Badge }> = [];
  // Longest terms first; each match is blanked out so "深度认证" is not read again as something shorter.
  for (const [term, badge] of BADGE_TERMS) {
    for (let at = findTerm(rest, term); at >= 0; at = findTerm(rest, term)) {
      found.push({ at, badge });
      rest = rest.slice(0, at) + " ".repeat(term.length) + rest.slice(at + term.length);
    }
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.badge))];
});

// ---------------------------------------------------------------- business model

/** In this order: a cell naming both 生产加工 and 经销批发 is read as a manufacturer (the claim that matters). */
const BUSINESS_TERMS: TermTable<BusinessModel> = [
  [
    "manufacturer",
    [
      "生产加工",
      "生产厂家",
      "生产商",
      "生产",
      "加工",
      "工厂",
      "厂家",
      "manufacturer",
      "manufacturing",
      "factory",
      "producer",
      "oem",
      "odm",
    ],
  ],
  [
    "wholesaler",
    [
      "经销批发",
      "经销",
      "批发",
      "商贸",
      "贸易",
      "wholesaler",
      "wholesale",
      "distributor",
      "trading",
      "trader",
      "reseller",
    ],
  ],
  ["agent", ["招商代理", "代理", "agent", "agency"]],
  ["service", ["商业服务", "服务", "service", "services"]],
];

/** Reads 经营模式: 生产加工 → manufacturer, 经销批发 → wholesaler, 招商代理 → agent, 商业服务 → service. */
export const parseBusinessModel: (text: CellValue) => BusinessModel | undefined = memo((text) =>
  text === "" ? undefined : firstOf(text, BUSINESS_TERMS),
);

// ---------------------------------------------------------------- factory visit

export type FactoryVisit = "done" | "refused" | "none";

const VISIT_TERMS: TermTable<FactoryVisit> = [
  [
    "refused",
    [
      "拒绝",
      "不同意",
      "不配合",
      "不接受",
      "不让",
      "推脱",
      "refused",
      "refuse",
      "refuses",
      "declined",
      "decline",
      "rejected",
      "reject",
    ],
  ],
  [
    "done",
    [
      "视频",
      "验厂",
      "拜访",
      "看厂",
      "实地",
      "考察",
      "参观",
      "到厂",
      "video",
      "visited",
      "visit",
      "audited",
      "inspected",
      "zoom",
      "facetime",
    ],
  ],
];

/**
 * Reads whether a factory video call or visit happened: "done" (已视频, 已验厂,
 * 已拜访, video call, visited, yes), "refused" (拒绝, refused, declined) or "none"
 * (否, 无, 未, no, not yet). A refusal wins, then a negation at the start
 * (未视频 is "none"), then the evidence words; unknown text → undefined.
 */
export const parseFactoryVisit: (text: CellValue) => FactoryVisit | undefined = memo((text) => {
  if (text === "" || isPlaceholder(text)) return undefined;
  const refused = firstOf(text, VISIT_TERMS.slice(0, 1));
  if (refused !== undefined) return refused;
  const yesNo = readYesNoText(text);
  if (yesNo === false) return "none";
  if (firstOf(text, VISIT_TERMS.slice(1)) !== undefined || yesNo === true) return "done";
  return undefined;
});

// ---------------------------------------------------------------- payment status (ERP)

/** How much of an order is paid, as ERP purchase orders say it (付款状态: 未支付 / 部分支付 / 已完成). */
export type PaymentStatus = "unpaid" | "partial" | "paid";

const PAYMENT_STATUS_TERMS: TermTable<PaymentStatus> = [
  [
    "partial",
    ["部分支付", "部分付款", "部分已付", "已付定金", "已付订金", "partial", "partially paid", "deposit paid"],
  ],
  ["unpaid", ["未支付", "未付款", "待支付", "待付款", "未付", "unpaid", "not paid", "awaiting payment"]],
  [
    "paid",
    ["已完成", "已支付", "已付款", "已付清", "全额", "付清", "完成", "paid", "fully paid", "completed"],
  ],
];

/** Reads an ERP payment status; unknown → undefined. */
export const parsePaymentStatus: (text: CellValue) => PaymentStatus | undefined = memo((text) =>
  text === "" ? undefined : firstOf(text, PAYMENT_STATUS_TERMS),
);
