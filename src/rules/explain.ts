import type { Facts, Lang, Reason, Verdict } from "./types";
import { carrierNamesZh } from "./identifiers/carriers";
import { formatMoney, formatShare } from "./money";

type Template = (f: Facts) => string;

const num = (v: unknown): number => (typeof v === "number" ? v : Number(v));
/** Longest text a fact shows: a reason quotes a cell, it does not copy a 32,767-character one. */
const MAX_FACT = 80;
const str = (v: unknown): string => {
  if (v === undefined) return "";
  const text = String(v);
  return text.length > MAX_FACT ? `${text.slice(0, MAX_FACT - 1)}…` : text;
};

/** Carrier names as the tracking check lists them, in Chinese. */
const carriersZh = (names: unknown): string => carrierNamesZh(String(names ?? ""));
const usd = (v: unknown): string => formatMoney({ amount: num(v), currency: "USD" });
const money = (amount: unknown, currency: unknown): string =>
  formatMoney({ amount: num(amount), currency: str(currency) });

/** The paid amount and the total in the order's own currency when known, else in USD. */
function paidOnTotal(f: Facts): { paid: string; total: string } {
  const paid =
    f.paid !== undefined ? money(f.paid, f.currency) : usd(f.paidUsd ?? num(f.share) * num(f.totalUsd));
  const total = f.total !== undefined ? money(f.total, f.totalCurrency) : usd(f.totalUsd);
  return { paid, total };
}

/** The money at risk of a history reason: in the order's currency when known, else in USD. */
function atRisk(f: Facts): string {
  return f.paid !== undefined ? money(f.paid, f.currency) : usd(f.atRiskUsd);
}

/** When 1688 escrow pays the seller by itself, in English. */
function escrowWindowEn(f: Facts): string {
  const window = `1688 escrow confirms receipt ${str(f.autoConfirmDays)} days after shipping`;
  if (f.release === undefined) return `${window}; dispute before then`;
  const left = num(f.daysLeft);
  return left >= 0
    ? `${window}, on ${str(f.release)} (${left} days left); dispute before then`
    : `${window}: the window closed on ${str(f.release)}; dispute now`;
}

/** When 1688 escrow pays the seller by itself, in Chinese. */
function escrowWindowZh(f: Facts): string {
  const window = `1688 担保交易在发货 ${str(f.autoConfirmDays)} 天后自动确认收货`;
  if (f.release === undefined) return `${window}；请在此之前申请售后或投诉`;
  const left = num(f.daysLeft);
  return left >= 0
    ? `${window}，即 ${str(f.release)}（剩 ${left} 天）；请在此之前申请售后或投诉`
    : `${window}，已于 ${str(f.release)} 到期；请立即申请售后或投诉`;
}

const USCC_FAILURE_EN: Record<string, string> = {
  invalid_checksum: "wrong check character",
  invalid_length: "not 18 characters",
  invalid_format: "characters outside the code's alphabet",
  invalid_component: "an impossible department, category or region",
};

const USCC_FAILURE_ZH: Record<string, string> = {
  invalid_checksum: "校验码错误",
  invalid_length: "不是 18 位",
  invalid_format: "含有代码中不允许的字符",
  invalid_component: "登记管理部门、类别或地区代码不存在",
};

const EN: Record<string, Template> = {
  on_blacklist: (f) => `supplier is on the team blacklist${f.why ? ` (${str(f.why)})` : ""}`,
  young_store: (f) =>
    `store is ${str(f.years)} ${num(f.years) === 1 ? "year" : "years"} on 1688; guide: at least ${str(f.minYears)}`,
  exposure_over_cap: (f) =>
    `${usd(f.atRiskUsd)} paid before receipt to a ${str(f.years)}-year store; cap ${usd(f.capUsd)} (years x 1,000 USD x 2)`,
  wechat_transfer: (f) =>
    `paid by WeChat transfer${f.method ? ` ("${str(f.method)}")` : ""}: no escrow; guide: use 1688 escrow`,
  personal_alipay: () => "paid to a personal Alipay account: no escrow; guide: use 1688 escrow",
  bank_transfer: (f) =>
    `paid by bank transfer outside 1688${f.method ? ` ("${str(f.method)}")` : ""}: no escrow`,
  personal_account: () => "paid to a personal account: the private-transfer trap",
  western_union: () => "paid by Western Union: no escrow, no recourse",
  cash: () => "paid in cash: no escrow, no record",
  payment_unknown: () => "payment method not recorded",
  prepaid_full: (f) => {
    const { paid, total } = paidOnTotal(f);
    return `paid 100% (${paid}) upfront on a ${total} order; guide: at most ${formatShare(num(f.maxShare))} before receipt`;
  },
  prepaid_over_limit: (f) => {
    const { paid, total } = paidOnTotal(f);
    return `paid ${formatShare(num(f.share))} (${paid}) upfront on a ${total} order; guide: at most ${formatShare(num(f.maxShare))} before receipt`;
  },
  no_badge: () => "no Deep Factory Audit, Powerful Merchant or Brand Authorization badge",
  uscc_missing: () => "no business licence number (USCC) recorded",
  uscc_invalid: (f) =>
    `business licence number ${str(f.uscc)} fails its check (${USCC_FAILURE_EN[str(f.failure)] ?? str(f.failure)}): forged or mistyped`,
  uscc_check_unconfirmed: (f) =>
    `business licence number ${str(f.uscc)}: check character does not follow GB 32100: confirm on the National Enterprise Credit Information Publicity System (gsxt.gov.cn); early Fujian pilot codes look like this, and so does a typo`,
  lookalike_url: (f) => `shop link ${str(f.host) || str(f.url)} is not a 1688 address (lookalike)`,
  shipped_without_tracking: () => "shipped without a tracking number",
  dedicated_line: (f) => `ships by "${str(f.carrier)}", a dedicated line: tracking cannot be verified`,
  tracking_invalid: (f) =>
    f.failure === "invalid_checksum"
      ? `tracking number ${str(f.number)} fails its check digit${f.fits ? ` (shaped like ${str(f.fits)})` : ""}: mistyped or fake`
      : `tracking number ${str(f.number)} fits no known carrier (internal or fake number)`,
  tracking_carrier_mismatch: (f) =>
    `tracking number ${str(f.number)} is not a ${str(f.carrier)} number${f.fits ? ` (fits ${str(f.fits)})` : ""}`,
  tracking_placeholder: (f) =>
    `tracking number ${str(f.number)} is a placeholder (one digit repeated or a run such as 123456789), not a real number`,
  tracking_reused: (f) =>
    `tracking number ${str(f.number)} also used by ${num(f.suppliers) - 1} other ${num(f.suppliers) === 2 ? "supplier" : "suppliers"}: empty-parcel sign`,
  no_sample: (f) =>
    `${str(f.quantity)} units with no sample or trial order recorded; guide: sample, then 50-100 units`,
  no_contract: (f) => `${usd(f.totalUsd)} order with no 1688 e-contract recorded`,
  no_inspection: (f) => `${usd(f.totalUsd)} order with no third-party inspection recorded`,
  export_docs_missing: (f) => `export documents missing: ${str(f.missing).replace(/_/g, " ")}`,
  visit_refused: () => "refused a factory video call or visit",
  factory_unverified: () => "claims to be the factory; no video call, visit or audit badge",
  too_perfect: (f) => `review score ${str(f.score)} on only ${str(f.count)} reviews: too perfect`,
  review_burst: (f) => `${formatShare(num(f.recentShare))} of reviews in the last 30 days: review burst`,
  price_too_low: (f) =>
    `unit price ${money(f.unit, f.unitCurrency ?? f.currency)} is ${formatShare(num(f.below))} below the reference ${money(f.reference, f.currency)}`,
  payee_mismatch: (f) => `payee "${str(f.payee)}" is not the supplier "${str(f.supplier)}"`,
  unreadable_cell: (f) => `column ${str(f.column)} not read: ${str(f.message)}; scored without it`,
  deposit_no_tracking: (f) =>
    `${atRisk(f)} paid ${str(f.days)} days ago (${str(f.since)}) and still no tracking number; guide: chase after ${str(f.silentDays)} days`,
  delivery_overdue: (f) =>
    `promised for ${str(f.promised)}, ${str(f.days)} days late and not received${f.atRiskUsd ? `; ${atRisk(f)} at risk` : ""}`,
  fake_tracking_open: (f) =>
    `order still open with tracking number ${str(f.number)} that fails its carrier check: ${escrowWindowEn(f)}`,
  reused_tracking_open: (f) =>
    `order still open with tracking number ${str(f.number)} that another supplier also used: ${escrowWindowEn(f)}`,
  payee_account_changed: (f) =>
    `paid to account ${str(f.account)}; this supplier's previous order (row ${str(f.previousRow)}) went to ${str(f.previous)}: confirm the change by phone before paying`,
  price_below_history: (f) =>
    `unit price ${money(f.unit, f.unitCurrency)} is ${formatShare(num(f.below))} below the ${money(f.earlier, f.earlierCurrency)} the team paid this supplier for the item before (row ${str(f.earlierRow)})`,
};

const ZH: Record<string, Template> = {
  on_blacklist: (f) => `供应商在团队黑名单中${f.why ? `（${str(f.why)}）` : ""}`,
  young_store: (f) => `店铺仅开 ${str(f.years)} 年；指南：至少 ${str(f.minYears)} 年`,
  exposure_over_cap: (f) =>
    `收货前已付 ${usd(f.atRiskUsd)} 给开店 ${str(f.years)} 年的店铺；上限 ${usd(f.capUsd)}（年限 × 1,000 美元 × 2）`,
  wechat_transfer: (f) =>
    `微信转账付款${f.method ? `（“${str(f.method)}”）` : ""}：无担保；指南：用 1688 担保交易`,
  personal_alipay: () => "付款到个人支付宝：无担保；指南：用 1688 担保交易",
  bank_transfer: (f) => `平台外银行转账${f.method ? `（“${str(f.method)}”）` : ""}：无担保`,
  personal_account: () => "付款到私人账户：私下转账陷阱",
  western_union: () => "西联汇款付款：无担保，无追索",
  cash: () => "现金付款：无担保，无记录",
  payment_unknown: () => "未记录付款方式",
  prepaid_full: (f) => {
    const { paid, total } = paidOnTotal(f);
    return `订单 ${total}，收货前已付 100%（${paid}）；指南：收货前最多付 ${formatShare(num(f.maxShare))}`;
  },
  prepaid_over_limit: (f) => {
    const { paid, total } = paidOnTotal(f);
    return `订单 ${total}，收货前已付 ${formatShare(num(f.share))}（${paid}）；指南：收货前最多付 ${formatShare(num(f.maxShare))}`;
  },
  no_badge: () => "无深度验厂、实力商家或品牌授权等认证",
  uscc_missing: () => "未记录统一社会信用代码",
  uscc_invalid: (f) =>
    `统一社会信用代码 ${str(f.uscc)} 校验不通过（${USCC_FAILURE_ZH[str(f.failure)] ?? str(f.failure)}）：伪造或录入错误`,
  uscc_check_unconfirmed: (f) =>
    `统一社会信用代码 ${str(f.uscc)}：统一社会信用代码校验位不符合 GB 32100，请在国家企业信用信息公示系统核实（福建早期试点代码如此，录入错误也如此）`,
  lookalike_url: (f) => `店铺链接 ${str(f.host) || str(f.url)} 不是 1688 网址（仿冒）`,
  shipped_without_tracking: () => "已发货但无运单号",
  dedicated_line: (f) => `物流为“${str(f.carrier)}”（专线）：无法核实运单`,
  tracking_invalid: (f) =>
    f.failure === "invalid_checksum"
      ? `运单号 ${str(f.number)} 校验位不对${f.fits ? `（形似 ${f.fitsZh !== undefined ? str(f.fitsZh) : carriersZh(f.fits)}）` : ""}：录入错误或假单号`
      : `运单号 ${str(f.number)} 不符合任何已知快递格式（内部单号或假单号）`,
  tracking_carrier_mismatch: (f) =>
    `运单号 ${str(f.number)} 不是 ${str(f.carrier)} 的单号${f.fits ? `（符合 ${f.fitsZh !== undefined ? str(f.fitsZh) : carriersZh(f.fits)}）` : ""}`,
  tracking_placeholder: (f) =>
    `运单号 ${str(f.number)} 是占位号码（同一数字重复或 123456789 这类连号），不是真实单号`,
  tracking_reused: (f) => `运单号 ${str(f.number)} 另有 ${num(f.suppliers) - 1} 个供应商使用：疑似空包`,
  no_sample: (f) => `采购 ${str(f.quantity)} 件，未记录样品或试单；指南：先打样，再试单 50-100 件`,
  no_contract: (f) => `订单 ${usd(f.totalUsd)}，未记录 1688 电子合同`,
  no_inspection: (f) => `订单 ${usd(f.totalUsd)}，未记录第三方验货`,
  export_docs_missing: (f) =>
    `缺少出口单证：${str(f.missing)
      .replace("packing_list", "装箱单")
      .replace("export_declaration", "报关单")
      .replace("invoice", "发票")}`,
  visit_refused: () => "拒绝视频验厂或实地拜访",
  factory_unverified: () => "自称工厂，但无视频、拜访或验厂认证",
  too_perfect: (f) => `评分 ${str(f.score)} 但仅 ${str(f.count)} 条评价：过于完美`,
  review_burst: (f) => `近 30 天评价占 ${formatShare(num(f.recentShare))}：评价集中爆发`,
  price_too_low: (f) =>
    `单价 ${money(f.unit, f.unitCurrency ?? f.currency)} 比参考价 ${money(f.reference, f.currency)} 低 ${formatShare(num(f.below))}`,
  payee_mismatch: (f) => `收款人“${str(f.payee)}”不是供应商“${str(f.supplier)}”`,
  unreadable_cell: (f) => `“${str(f.column)}”列无法读取：${str(f.messageZh || f.message)}；评分时未计入`,
  deposit_no_tracking: (f) =>
    `${str(f.days)} 天前（${str(f.since)}）已付 ${atRisk(f)}，至今无运单号；指南：${str(f.silentDays)} 天后应催问`,
  delivery_overdue: (f) =>
    `约定 ${str(f.promised)} 交货，已逾期 ${str(f.days)} 天仍未收货${f.atRiskUsd ? `；${atRisk(f)} 有风险` : ""}`,
  fake_tracking_open: (f) => `订单未完结，运单号 ${str(f.number)} 校验不通过：${escrowWindowZh(f)}`,
  reused_tracking_open: (f) => `订单未完结，运单号 ${str(f.number)} 另有供应商使用：${escrowWindowZh(f)}`,
  payee_account_changed: (f) =>
    `付款到账号 ${str(f.account)}；该供应商上一单（第 ${str(f.previousRow)} 行）付到 ${str(f.previous)}：付款前请电话核实换号`,
  price_below_history: (f) =>
    `单价 ${money(f.unit, f.unitCurrency)} 比团队此前向该供应商采购同款的 ${money(f.earlier, f.earlierCurrency)}（第 ${str(f.earlierRow)} 行）低 ${formatShare(num(f.below))}`,
};

/**
 * The short sentence a buyer reads for one reason, in English or Chinese.
 * @example explain(reason, "en") // "paid 100% (¥48,000) upfront on a ¥48,000 order; guide: at most 30% before receipt"
 */
export function explain(reason: Reason, lang: Lang = "en"): string {
  const template = (lang === "zh" ? ZH : EN)[reason.code];
  return template ? template(reason.facts) : `${reason.rule}: ${reason.code}`;
}

/** Codes every rule may produce, for tests and documentation. */
export const EXPLAINED_CODES: readonly string[] = Object.keys(EN);

/**
 * All reasons of a verdict as one short text, weightiest first: what
 * GUARD.RISKREASONS shows in a cell.
 * @example summarizeReasons(verdict, "en") // "paid by WeChat transfer...; store is 1 year on 1688..."
 */
export function summarizeReasons(verdict: Verdict, lang: Lang = "en"): string {
  if (verdict.reasons.length === 0) return lang === "zh" ? "未发现风险" : "no risk found";
  return [...verdict.reasons]
    .sort((a, b) => b.points - a.points)
    .map((r) => explain(r, lang))
    .join(lang === "zh" ? "；" : "; ");
}
