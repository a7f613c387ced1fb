/**
 * The field table: every column a ledger may carry that the engine reads, with
 * its kind (how a cell is parsed), its level (order-level values are carried
 * down 1688 continuation rows; line-level ones are not), the exact header words
 * that name it (aliases, English and Chinese, including every useful column of
 * 1688's 49-column order export as DOMAIN.md writes it) and the key words that
 * name it inside a longer header.
 *
 * Each field lives in its own file, `src/ledger/fields/<field-id>.ts` (orderId in
 * `order-id.ts`), with a comment on where its spellings come from: a clerk's new
 * spelling is one line in that file's `aliases` (and one in
 * tests/fixtures/header-corpus.tsv). This module is the index: `REGISTRY` lists
 * every field file once, in a fixed order (ties between fields go to the one
 * listed first), and tests/ledger/fields.test.ts fails when a field file is not
 * registered or two fields claim one spelling.
 *
 * Aliases and key words are written as people write them; `header.ts`
 * normalises both sides the same way (NFKC, lower case, no spaces, units such
 * as "(元)" taken off), so "货品总价(元)", "货品总价（元）" and "货品总价" are one alias.
 * Key words come in two strengths: `keywords` name the field on their own,
 * `weak` ones only when nothing more specific matches ("金额", "amount").
 */

import { orderId } from "./fields/order-id";
import { supplierName } from "./fields/supplier-name";
import { memberId } from "./fields/member-id";
import { shopUrl } from "./fields/shop-url";
import { uscc } from "./fields/uscc";
import { storeYears } from "./fields/store-years";
import { badges } from "./fields/badges";
import { businessModel } from "./fields/business-model";
import { claimsFactory } from "./fields/claims-factory";
import { factoryVisit } from "./fields/factory-visit";
import { reviewScore } from "./fields/review-score";
import { reviewCount } from "./fields/review-count";
import { recentReviewShare } from "./fields/recent-review-share";
import { repeatRate } from "./fields/repeat-rate";
import { total } from "./fields/total";
import { goodsTotal } from "./fields/goods-total";
import { shipping } from "./fields/shipping";
import { adjustment } from "./fields/adjustment";
import { amountPaid } from "./fields/amount-paid";
import { paidUpfront } from "./fields/paid-upfront";
import { paidShare } from "./fields/paid-share";
import { paymentMethod } from "./fields/payment-method";
import { paymentStatus } from "./fields/payment-status";
import { status } from "./fields/status";
import { received } from "./fields/received";
import { shippedDate } from "./fields/shipped-date";
import { paidDate } from "./fields/paid-date";
import { orderDate } from "./fields/order-date";
import { quantity } from "./fields/quantity";
import { unitPrice } from "./fields/unit-price";
import { referencePrice } from "./fields/reference-price";
import { carrier } from "./fields/carrier";
import { trackingNumber } from "./fields/tracking-number";
import { sample } from "./fields/sample";
import { contract } from "./fields/contract";
import { inspection } from "./fields/inspection";
import { exportShipment } from "./fields/export-shipment";
import { invoice } from "./fields/invoice";
import { packingList } from "./fields/packing-list";
import { exportDeclaration } from "./fields/export-declaration";
import { payee } from "./fields/payee";
import { category } from "./fields/category";
import { market } from "./fields/market";
import { certs } from "./fields/certs";
import { productTitle } from "./fields/product-title";
import { sku } from "./fields/sku";
import { offerId } from "./fields/offer-id";
import { dailySales } from "./fields/daily-sales";
import { leadDays } from "./fields/lead-days";
import { transitDays } from "./fields/transit-days";
import { safetyDays } from "./fields/safety-days";
import { onHand } from "./fields/on-hand";
import { inTransit } from "./fields/in-transit";
import { promisedDate } from "./fields/promised-date";
import { receivedDate } from "./fields/received-date";
import { payeeAccount } from "./fields/payee-account";
// Before you pay and the dispute dossier (issue 18): read only by src/ledger/pay-facts.ts.
import { payeeConfirmed } from "./fields/payee-confirmed";
import { supplierPhone } from "./fields/supplier-phone";
import { chatLink } from "./fields/chat-link";
import { receiptLink } from "./fields/receipt-link";
import { photoLink } from "./fields/photo-link";

/**
 * How a field's cells are parsed:
 * - `text`: normalised text (full-width → half-width); `id`: text, and whole numbers written out in full;
 * - `money`, `share`, `number`, `years`, `date`, `bool`: the parsers of `parse/`;
 * - `evidence`: yes/no words, or any other note (a contract number, "SGS 3/5", a date) meaning yes;
 * - `export`: yes/no, or a destination country (中国 / China / 国内 mean no);
 * - `received`: yes/no, a received quantity or a date of receipt;
 * - `shipped`: a ship date, or yes/no;
 * - `payment`, `status`, `paymentStatus`, `badges`, `businessModel`, `factoryVisit`: vocabulary (`parse/vocab.ts`).
 */
export type FieldKind =
  | "text"
  | "id"
  | "money"
  | "share"
  | "number"
  | "years"
  | "date"
  | "bool"
  | "evidence"
  | "export"
  | "received"
  | "shipped"
  | "payment"
  | "status"
  | "paymentStatus"
  | "badges"
  | "businessModel"
  | "factoryVisit";

export type FieldLevel = "order" | "line";

/** The kinds whose cells can say yes or no: the only ones a question header ("是否…", "…?", "(Y/N)") is read as. */
export const ANSWERS_YES_NO: ReadonlySet<FieldKind> = new Set<FieldKind>([
  "bool",
  "evidence",
  "export",
  "received",
  "shipped",
  "paymentStatus",
  "factoryVisit",
]);

/** A field as its file writes it; `Id` is the field id, written once more as the type so the index can list the ids. */
export interface FieldSpec<Id extends string> {
  id: Id;
  kind: FieldKind;
  level: FieldLevel;
  /** Exact header words; earlier ones win when two columns of one sheet name the same field. */
  aliases: readonly string[];
  /** Words that name the field inside a longer header. */
  keywords: readonly string[];
  /** Generic words that name the field only when nothing more specific matches. */
  weak?: readonly string[];
  /**
   * What the field means, for headers no alias names: a core word, or a core
   * with the words that make it this field, written "core+word|word" ("样+寄|拿"
   * reads 寄样, 是否拿样, 样品已寄); "core+a|b+c|d" needs one word of each group
   * ("评价+近|最近+占比|%" is a share of recent reviews, not a review count).
   * Matched anywhere in the normalised header and scored like key words. A word
   * may be what the header's unit says (`header.ts` reads it): `<money>` a
   * currency, `<each>` per unit (/pc, per unit, (元/个)), `<count>` a count unit
   * alone ((pcs)), `<unit-only>` a header that is all unit (USD/pc): "unit+<money>"
   * reads "Unit (USD)" as a unit price.
   */
  concepts?: readonly string[];
  /**
   * Words that name the field when the header asks a yes/no question (是否付款,
   * Paid?, Factory? (Y/N)). A question header is only ever read as a field whose
   * cells can say yes or no (`ANSWERS_YES_NO`): "Paid?" is a payment status,
   * never an amount.
   */
  asked?: readonly string[];
  /**
   * Words that make a header mean something else: a header holding one is never
   * this field by key word or concept (样品价格 is a price, not a sample; 定金比例 a
   * share, not an amount; 预计到货时间 a plan, not a receipt). Aliases still apply.
   */
  not?: readonly string[];
}

/** Every field file, once, in a fixed order: ties between fields go to the one listed first. */
const REGISTRY = [
  orderId,
  supplierName,
  memberId,
  shopUrl,
  uscc,
  storeYears,
  badges,
  businessModel,
  claimsFactory,
  factoryVisit,
  reviewScore,
  reviewCount,
  recentReviewShare,
  repeatRate,
  total,
  goodsTotal,
  shipping,
  adjustment,
  amountPaid,
  paidUpfront,
  paidShare,
  paymentMethod,
  paymentStatus,
  status,
  received,
  shippedDate,
  paidDate,
  orderDate,
  quantity,
  unitPrice,
  referencePrice,
  carrier,
  trackingNumber,
  sample,
  contract,
  inspection,
  exportShipment,
  invoice,
  packingList,
  exportDeclaration,
  payee,
  category,
  market,
  certs,
  productTitle,
  sku,
  offerId,
  dailySales,
  leadDays,
  transitDays,
  safetyDays,
  onHand,
  inTransit,
  promisedDate,
  receivedDate,
  payeeAccount,
  payeeConfirmed,
  supplierPhone,
  chatLink,
  receiptLink,
  photoLink,
] as const;

export type FieldId = (typeof REGISTRY)[number]["id"];

export type FieldDef = FieldSpec<FieldId>;

export const FIELDS: readonly FieldDef[] = REGISTRY;

export const FIELD_IDS: readonly FieldId[] = REGISTRY.map((f) => f.id);

export const FIELD_BY_ID: Readonly<Record<FieldId, FieldDef>> = Object.fromEntries(
  FIELDS.map((f) => [f.id, f]),
) as Record<FieldId, FieldDef>;

const FIELD_ID_SET: ReadonlySet<string> = new Set(FIELD_IDS);

export function isFieldId(s: string): s is FieldId {
  return FIELD_ID_SET.has(s);
}

/** 1688's order export (订单导出), its 49 columns in order (DOMAIN.md section 1). */
export const EXPORT_1688_HEADERS: readonly string[] = [
  "订单编号",
  "买家公司名",
  "买家会员名",
  "卖家公司名",
  "卖家会员名",
  "货品总价(元)",
  "运费(元)",
  "涨价或折扣(元)",
  "实付款(元)",
  "订单状态",
  "订单创建时间",
  "订单付款时间",
  "发货方",
  "收货人姓名",
  "收货地址",
  "邮编",
  "联系电话",
  "联系手机",
  "货品标题",
  "单价(元)",
  "数量",
  "单位",
  "货号",
  "型号",
  "Offer ID",
  "SKU ID",
  "物料编号",
  "单品货号",
  "货品种类",
  "买家留言",
  "物流公司",
  "运单号",
  "发票：购货单位名称",
  "发票：纳税人识别号",
  "发票：地址、电话",
  "发票：开户行及账号",
  "发票收取地址",
  "关联编号",
  "代理商姓名",
  "代理商联系方式",
  "是否代发订单",
  "代发服务商id",
  "微商订单号",
  "下单批次号",
  "下游渠道",
  "下游订单号",
  "下单公司主体",
  "发起人登录名",
  "是否发起免密支付(1:淘货源诚e赊免密支付2:批量下单免密支付)",
];

/**
 * Headers known to carry nothing the engine reads: the buyer's side, the
 * consignee and the buyer's invoice details of the 1688 export (发票：纳税人识别号
 * is the buyer's tax number, not the supplier's licence), and columns such as
 * 货品种类 (how many kinds of goods, not a category). Never matched by key word.
 */
export const IGNORED_HEADERS: readonly string[] = [
  "买家公司名",
  "买家会员名",
  "发货方",
  "收货人姓名",
  "收货地址",
  "邮编",
  "联系电话",
  "联系手机",
  "单位",
  "型号",
  "物料编号",
  "单品货号",
  "货品种类",
  "买家留言",
  "发票：购货单位名称",
  "发票：纳税人识别号",
  "发票：地址、电话",
  "发票：开户行及账号",
  "发票收取地址",
  "关联编号",
  "代理商姓名",
  "代理商联系方式",
  "是否代发订单",
  "代发服务商id",
  "微商订单号",
  "下单批次号",
  "下游渠道",
  "下游订单号",
  "下单公司主体",
  "发起人登录名",
  "是否发起免密支付(1:淘货源诚e赊免密支付2:批量下单免密支付)",
  "安全库存",
  "Safety stock",
  "风险分",
  "风险等级",
  "风险",
  "Risk score",
  "Risk level",
  "Risk",
  "备注",
  "Remarks",
  "Notes",
  "Note",
];

/** A header containing one of these is never mapped by key word (only by an exact alias). */
export const BLOCKED_KEYWORDS: readonly string[] = [
  "买家",
  "buyer",
  "收货人",
  "consignee",
  "收货地址",
  "发票:",
  "风险",
  "risk",
  "尾款",
  "balance",
  "代理商",
  "下游",
  "采购员",
  "跟单",
  "备注",
  "remark",
  "note",
  "图片",
  "主图",
  "照片",
  "image",
  "photo",
  "picture",
  "截图",
  "凭证",
  "说明",
  "screenshot",
  "proof",
];

/** ERP purchase-order words (Dianxiaomi, Mabang, Tongtu...): two of these make a sheet an ERP export. */
export const ERP_HEADERS: readonly string[] = [
  "采购单号",
  "付款状态",
  "到货数量",
  "日均销量",
  "安全天数",
  "在途",
  "可用库存",
  "SKU",
  "采购天数",
  "快递公司",
];
