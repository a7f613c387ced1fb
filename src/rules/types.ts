/**
 * The engine's vocabulary. Everything here is plain data: the ledger layer
 * produces `Order`s from cells, the checks turn them into `Reason`s, and the
 * front ends (custom functions, task pane, command line) render `Verdict`s.
 */

/** ISO 4217 code, upper case ("CNY", "USD", "EUR"...). */
export type CurrencyCode = string;

export interface Money {
  amount: number;
  currency: CurrencyCode;
}

export type Lang = "en" | "zh";

export type Level = "LOW" | "MEDIUM" | "HIGH";

/** Stable rule ids: the table of DOMAIN.md section 2. */
export const RULE_IDS = [
  "blacklisted",
  "store-age",
  "exposure",
  "payment-channel",
  "deposit",
  "badges",
  "license",
  "store-url",
  "tracking",
  "samples",
  "contract",
  "inspection",
  "export-docs",
  "factory-visit",
  "reviews",
  "price",
  "payee",
] as const;
/**
 * Rules that read the ledger over time (src/rules/history): they run only when
 * an as-of date is given, so a score without one is what it always was.
 */
export const HISTORY_RULE_IDS = [
  "silent-store",
  "late-delivery",
  "escrow-window",
  "payee-change",
  "price-drop",
] as const;
export type HistoryRuleId = (typeof HISTORY_RULE_IDS)[number];
export type RuleId = (typeof RULE_IDS)[number] | HistoryRuleId;

export type Facts = Record<string, string | number | boolean>;

/**
 * The rule of the reasons that are not findings but notes about the input: a
 * cell that could not be read (`unreadable_cell`, 0 points). The row is scored
 * with that cell's field unknown, and the note says which cell and why.
 */
export const INPUT_RULE = "input";

/** One finding: which rule, why (a snake_case code), how many points, and the facts behind it. */
export interface Reason {
  rule: RuleId | typeof INPUT_RULE;
  code: string;
  points: number;
  facts: Facts;
}

export interface Verdict {
  score: number;
  level: Level;
  reasons: readonly Reason[];
}

/**
 * How the order was paid. On-platform channels keep the money inside 1688's
 * protection (escrow, staged release, credit); the others send it straight to
 * the seller or to a private account.
 */
export type PaymentChannel =
  | "escrow" // 担保交易 / 支付宝担保交易 / fxassure / alipay / assure
  | "staged" // 分阶段付款 631staged / 37staged (3/7)
  | "credit" // 诚e赊 creditBuy / 账期 period
  | "platform_bank" // 1688's own bank-transfer method (`bank` in the export): on-platform, no escrow
  | "wechat" // 微信转账
  | "personal_alipay" // 个人支付宝转账
  | "bank_transfer" // 银行转账 / T/T / wire to a bank account outside 1688
  | "personal_bank" // 私人账户 / 个人账户
  | "western_union"
  | "cash"
  | "unknown";

/** Order status, normalised from 1688's Chinese words and API codes. */
export type OrderStatus =
  | "awaiting_payment" // 等待买家付款 waitbuyerpay
  | "awaiting_shipment" // 等待卖家发货 waitsellersend
  | "shipped" // 等待买家收货 waitbuyerreceive
  | "received" // 已收货 confirm_goods
  | "completed" // 交易成功 success
  | "closed"; // 交易关闭 cancel

/** Store credentials shown on 1688 (DOMAIN.md section 4). */
export type Badge =
  | "trustpass" // 诚信通 (every paying store has it: not a recognised quality badge)
  | "powerful_merchant" // 实力商家
  | "super_factory" // 超级工厂
  | "deep_audit" // 深度验厂 / 深度认证
  | "brand_authorization" // 品牌授权
  | "source_factory" // 源头工厂
  | "certified_factory"; // 认证工厂

export type BusinessModel = "manufacturer" | "wholesaler" | "agent" | "service";

/**
 * Facts about the seller. `undefined` (or an absent key) always means "not
 * known from this ledger"; the ledger reader writes every key.
 */
export interface Supplier {
  name?: string | undefined;
  memberId?: string | undefined;
  shopUrl?: string | undefined;
  uscc?: string | undefined;
  /** Years on 1688 (诚信通年限). */
  years?: number | undefined;
  badges?: Badge[] | undefined;
  businessModel?: BusinessModel | undefined;
  /** The supplier says it is the factory (源头厂家 / 生产加工). */
  claimsFactory?: boolean | undefined;
  /** A factory video call or visit happened (true), was refused (false). */
  factoryVisit?: "done" | "refused" | "none" | undefined;
  reviewScore?: number | undefined;
  reviewCount?: number | undefined;
  /** Share (0..1) of the reviews written in the last 30 days. */
  recentReviewShare?: number | undefined;
  /** Repeat-buyer rate (0..1). */
  repeatRate?: number | undefined;
}

/**
 * A cell of a ledger row that could not be read: its column (the header as
 * written), the field it was read as, the cell as written, and why.
 */
export interface CellIssue {
  column: string;
  field: string;
  value: string;
  message: string;
  messageZh?: string;
}

/**
 * One order (or order line) of a ledger, parsed once at the edge. An absent
 * key and an undefined one mean the same; the ledger reader writes every key,
 * in one order, so all its orders share one object shape.
 */
export interface Order {
  /** Sheet row number (1-based) the order was read from. */
  row: number;
  orderId?: string | undefined;
  supplier: Supplier;
  /** Order total (what the buyer owes), in its own currency. */
  total?: Money | undefined;
  /** Money stated as paid before the goods arrive (预付款 / 定金 / Paid upfront). */
  paidUpfront?: Money | undefined;
  /** Share (0..1) stated as paid before the goods arrive. */
  paidShare?: number | undefined;
  /** Money paid so far, whatever the channel (实付款 / Amount paid). */
  amountPaid?: Money | undefined;
  payment: PaymentChannel;
  /** The payment cell as written, for explanations. */
  paymentText?: string | undefined;
  status?: OrderStatus | undefined;
  /** Goods received (from the status or a received column). */
  received?: boolean | undefined;
  /** Goods shipped (from the status, a ship date or a tracking number). */
  shipped?: boolean | undefined;
  quantity?: number | undefined;
  unitPrice?: Money | undefined;
  referencePrice?: Money | undefined;
  carrier?: string | undefined;
  trackingNumber?: string | undefined;
  sample?: boolean | undefined;
  contract?: boolean | undefined;
  inspection?: boolean | undefined;
  /** Goods go abroad (export): then invoice, packing list and declaration matter. */
  exportShipment?: boolean | undefined;
  invoice?: boolean | undefined;
  packingList?: boolean | undefined;
  exportDeclaration?: boolean | undefined;
  payee?: string | undefined;
  category?: string | undefined;
  market?: string | undefined;
  certs?: string | undefined;
  /**
   * Cells of the row that could not be read (their fields are unknown here);
   * scoring lists each as an `unreadable_cell` reason of 0 points.
   */
  issues?: readonly CellIssue[] | undefined;
  /**
   * The facts only the history checks read (dates, payee account, item): read
   * when the ledger is read for its history (an as-of date given), otherwise
   * undefined.
   */
  history?: OrderHistory | undefined;
}

/**
 * An order's dates and the facts that tie it to the supplier's other orders.
 * Dates are UTC dates holding the wall-clock day as written; a date that could
 * not be read is undefined (the time-based checks then stay silent for the row).
 */
export interface OrderHistory {
  /** 订单创建时间 / 下单日期 / Order date. */
  orderDate?: Date | undefined;
  /** 订单付款时间 / 付款日期 / Paid date. */
  paidDate?: Date | undefined;
  /** 发货日期 / Ship date. */
  shippedDate?: Date | undefined;
  /** 交货日期 / 约定交期 / 预计到货 / Delivery date / ETA / Due date. */
  promisedDate?: Date | undefined;
  /** 签收日期 / 到货日期 / Received date. */
  receivedDate?: Date | undefined;
  /** 收款账号 / 银行账号 / Payee account, as written. */
  payeeAccount?: string | undefined;
  /** The item bought (Offer ID and SKU, else 货号, else the product title), to compare its price over time. */
  item?: string | undefined;
}

/** A cell value as Excel, exceljs or a csv reader hands it over. */
export type CellValue = string | number | boolean | Date | null | undefined;
