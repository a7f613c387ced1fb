import { carrierNamesZh } from "../identifiers/carriers";
import { explain } from "../explain";
import { formatMoney, formatShare } from "../money";
import type { Facts, Lang } from "../types";
import type { PayFinding, PayVerdict } from "./types";

type Template = (f: Facts) => string;

const str = (v: unknown): string => (v === undefined ? "" : String(v));
const num = (v: unknown): number => (typeof v === "number" ? v : Number(v));
const usd = (v: unknown): string => formatMoney({ amount: num(v), currency: "USD" });
/** The payment in its own currency, with USD beside it when they differ. */
function amountOf(f: Facts): string {
  const own = formatMoney({ amount: num(f.amount), currency: str(f.amountCurrency) });
  return f.amountCurrency !== "USD" && f.amountUsd !== undefined ? `${own} (${usd(f.amountUsd)})` : own;
}
function totalOf(f: Facts): string {
  return f.total === undefined
    ? usd(f.totalUsd)
    : formatMoney({ amount: num(f.total), currency: str(f.totalCurrency) });
}
const method = (f: Facts): string => str(f.method) || str(f.channel);
const via = (f: Facts, lang: Lang): string =>
  f.via === "" || f.via === undefined
    ? ""
    : lang === "zh"
      ? `（台账中黑名单供应商“${str(f.via)}”第 ${str(f.viaRow)} 行所用）`
      : ` (used by blacklisted ${str(f.via)}, row ${str(f.viaRow)})`;

const EN: Record<string, Template> = {
  supplier_blacklisted: (f) =>
    `supplier is on the team blacklist (entry row ${str(f.entryRow)}: ${str(f.entry)}${f.why ? `, ${str(f.why)}` : ""}): do not pay`,
  payee_account_changed: (f) =>
    `payee account ${str(f.account)} is not the ${str(f.previous)} this supplier was paid before (row ${str(f.previousRow)}): confirm the change by phone on a number you already had, then mark it in the "payee confirmed" column`,
  payee_not_company: (f) =>
    `payee "${str(f.payee)}" is not the registered company "${str(f.supplier)}": pay only the company's own account`,
  possible_name: (f) =>
    `possible blacklist match: "${str(f.value)}" has the same name as blacklisted "${str(f.listed)}" (row ${str(f.entryRow)}) once region and legal form are dropped; check, or add an allow-list entry`,
  possible_pinyin: (f) =>
    `possible blacklist match: "${str(f.value)}" reads in pinyin as blacklisted "${str(f.listed)}" (row ${str(f.entryRow)}); check, or add an allow-list entry`,
  possible_payee_account: (f) =>
    `possible blacklist match: payee account ${str(f.value)} is also blacklisted "${str(f.entry)}"'s${via(f, "en")}`,
  possible_phone: (f) =>
    `possible blacklist match: phone ${str(f.value)} is also blacklisted "${str(f.entry)}"'s${via(f, "en")}`,
  possible_uscc: (f) =>
    `possible blacklist match: licence number ${str(f.value)} is also blacklisted "${str(f.entry)}"'s${via(f, "en")}`,
  possible_member: (f) =>
    `possible blacklist match: 1688 member id ${str(f.value)} is also blacklisted "${str(f.entry)}"'s${via(f, "en")}`,
  outside_escrow: (f) => `paid outside 1688 escrow (${method(f)}): the money reaches the seller at once`,
  channel_unknown: () => "payment method not recorded: pay through 1688 escrow",
  over_deposit_unshipped: (f) =>
    `after this ${amountOf(f)} payment, ${usd(f.afterUsd)} of a ${totalOf(f)} order (${formatShare(num(f.share))}) is paid before receipt, with no valid tracking number or inspection; guide: at most ${formatShare(num(f.maxShare))} until the goods ship`,
  store_too_young: (f) =>
    `after this payment ${usd(f.afterUsd)} would be paid before receipt to a ${str(f.years)}-year store; cap ${usd(f.capUsd)} (years x 1,000 USD x 2)`,
  not_blacklisted: (f) =>
    `not on the blacklist (${str(f.entries)} ${num(f.entries) === 1 ? "entry" : "entries"})`,
  payee_account_confirmed: (f) =>
    `new payee account ${str(f.account)} (before: ${str(f.previous)}) confirmed by phone${f.note ? ` (${str(f.note)})` : ""}`,
  payee_account_same: (f) => `payee account ${str(f.account)} as on this supplier's earlier orders`,
  payee_account_first: (f) => `payee account ${str(f.account)}: the first recorded for this supplier`,
  payee_is_company: (f) => `payee "${str(f.payee)}" is the supplier's company`,
  no_possible_match: () => "no possible blacklist match",
  possible_allowed: (f) =>
    `"${str(f.value)}" looks like blacklisted "${str(f.entry)}", but the allow-list says it is not the same company${f.by ? ` (${str(f.by)}${f.date ? `, ${str(f.date)}` : ""})` : ""}`,
  on_platform: (f) => `paid on 1688 (${method(f)})`,
  goods_received: () => "goods received",
  payment_protected: (f) => `this ${amountOf(f)} payment stays protected by 1688 (${str(f.channel)})`,
  small_order: (f) =>
    `a ${totalOf(f)} order, under ${usd(f.smallOrderUsd)}: paying in full upfront is acceptable`,
  within_deposit: (f) =>
    `after this ${amountOf(f)} payment, ${formatShare(num(f.share))} of the order is paid before receipt (at most ${formatShare(num(f.maxShare))})`,
  tracking_checks: (f) =>
    `${formatShare(num(f.share))} paid before receipt, and tracking number ${str(f.number)} passes its ${str(f.carrier)} check`,
  inspection_recorded: (f) =>
    `${formatShare(num(f.share))} paid before receipt, and an inspection is recorded`,
  store_covers: (f) =>
    `${usd(f.afterUsd)} before receipt is within the ${str(f.years)}-year store's cap of ${usd(f.capUsd)}`,
  nothing_exposed: () => "no money in the seller's hands before receipt",
  not_overdue: (f) => `not overdue or silent on ${str(f.asOf)}`,
  no_blacklist: () => "no blacklist given",
  payee_account_unknown: () => "payee account not recorded",
  payee_unknown: () => "payee name not recorded",
  deposit_unknown: () => "how much was paid before receipt is not known",
  store_years_unknown: () => "store age not recorded",
  no_date: () => "no day given: overdue and silent orders not checked",
};

const ZH: Record<string, Template> = {
  supplier_blacklisted: (f) =>
    `供应商在团队黑名单中（第 ${str(f.entryRow)} 行：${str(f.entry)}${f.why ? `，${str(f.why)}` : ""}）：不要付款`,
  payee_account_changed: (f) =>
    `收款账号 ${str(f.account)} 不是该供应商此前收款的 ${str(f.previous)}（第 ${str(f.previousRow)} 行）：请用原有的电话号码核实换号，并在“收款账号已核实”列注明`,
  payee_not_company: (f) => `收款人“${str(f.payee)}”不是注册公司“${str(f.supplier)}”：只付款到公司本身的账户`,
  possible_name: (f) =>
    `疑似黑名单：“${str(f.value)}”去掉地区和公司类型后与黑名单“${str(f.listed)}”（第 ${str(f.entryRow)} 行）同名；请核实，或加入白名单`,
  possible_pinyin: (f) =>
    `疑似黑名单：“${str(f.value)}”的拼音与黑名单“${str(f.listed)}”（第 ${str(f.entryRow)} 行）相同；请核实，或加入白名单`,
  possible_payee_account: (f) =>
    `疑似黑名单：收款账号 ${str(f.value)} 也是黑名单“${str(f.entry)}”的${via(f, "zh")}`,
  possible_phone: (f) => `疑似黑名单：电话 ${str(f.value)} 也是黑名单“${str(f.entry)}”的${via(f, "zh")}`,
  possible_uscc: (f) =>
    `疑似黑名单：统一社会信用代码 ${str(f.value)} 也是黑名单“${str(f.entry)}”的${via(f, "zh")}`,
  possible_member: (f) =>
    `疑似黑名单：1688 会员名 ${str(f.value)} 也是黑名单“${str(f.entry)}”的${via(f, "zh")}`,
  outside_escrow: (f) => `1688 担保交易之外付款（${method(f)}）：钱直接到卖家手中`,
  channel_unknown: () => "未记录付款方式：请用 1688 担保交易",
  over_deposit_unshipped: (f) =>
    `付此笔 ${amountOf(f)} 后，${totalOf(f)} 的订单收货前已付 ${usd(f.afterUsd)}（${formatShare(num(f.share))}），且无有效运单号或验货记录；指南：发货前最多付 ${formatShare(num(f.maxShare))}`,
  store_too_young: (f) =>
    `付此笔后，收货前已付 ${usd(f.afterUsd)} 给开店 ${str(f.years)} 年的店铺；上限 ${usd(f.capUsd)}（年限 × 1,000 美元 × 2）`,
  not_blacklisted: (f) => `不在黑名单中（共 ${str(f.entries)} 条）`,
  payee_account_confirmed: (f) =>
    `新收款账号 ${str(f.account)}（原为 ${str(f.previous)}）已电话核实${f.note ? `（${str(f.note)}）` : ""}`,
  payee_account_same: (f) => `收款账号 ${str(f.account)} 与该供应商此前订单相同`,
  payee_account_first: (f) => `收款账号 ${str(f.account)}：该供应商首次记录`,
  payee_is_company: (f) => `收款人“${str(f.payee)}”即供应商公司`,
  no_possible_match: () => "无疑似黑名单",
  possible_allowed: (f) =>
    `“${str(f.value)}”与黑名单“${str(f.entry)}”相似，但白名单注明并非同一公司${f.by ? `（${str(f.by)}${f.date ? `，${str(f.date)}` : ""}）` : ""}`,
  on_platform: (f) => `在 1688 平台付款（${method(f)}）`,
  goods_received: () => "已收货",
  payment_protected: (f) => `此笔 ${amountOf(f)} 仍受 1688 保障（${str(f.channel)}）`,
  small_order: (f) => `订单 ${totalOf(f)}，低于 ${usd(f.smallOrderUsd)}：可全款预付`,
  within_deposit: (f) =>
    `付此笔 ${amountOf(f)} 后，收货前已付订单的 ${formatShare(num(f.share))}（上限 ${formatShare(num(f.maxShare))}）`,
  tracking_checks: (f) =>
    `收货前已付 ${formatShare(num(f.share))}，运单号 ${str(f.number)} 通过 ${carrierNamesZh(str(f.carrier))} 校验`,
  inspection_recorded: (f) => `收货前已付 ${formatShare(num(f.share))}，已记录验货`,
  store_covers: (f) =>
    `收货前已付 ${usd(f.afterUsd)}，在开店 ${str(f.years)} 年店铺的上限 ${usd(f.capUsd)} 之内`,
  nothing_exposed: () => "收货前卖家手中没有货款",
  not_overdue: (f) => `${str(f.asOf)} 未逾期，未失联`,
  no_blacklist: () => "未提供黑名单",
  payee_account_unknown: () => "未记录收款账号",
  payee_unknown: () => "未记录收款人",
  deposit_unknown: () => "无法判断收货前已付多少",
  store_years_unknown: () => "未记录店铺年限",
  no_date: () => "未给出日期：未检查逾期和失联",
};

/** Codes every pay rule may produce, for tests. */
export const PAY_EXPLAINED_CODES: readonly string[] = Object.keys(EN);

/**
 * The sentence a buyer reads for one pay finding, in English or Chinese.
 * The overdue and silent findings reuse the scoring's own sentences.
 * @example explainPay(finding, "en") // "paid outside 1688 escrow (银行转账): the money reaches the seller at once"
 */
export function explainPay(f: PayFinding, lang: Lang = "en"): string {
  const template = (lang === "zh" ? ZH : EN)[f.code];
  if (template) return template(f.facts);
  return explain({ rule: "late-delivery", code: f.code, points: 0, facts: f.facts }, lang);
}

/** The verdict word as users read it. */
export function payWord(verdict: PayVerdict["verdict"], lang: Lang): string {
  if (lang === "en") return verdict;
  return verdict === "PAY" ? "PAY 可付款" : verdict === "HOLD" ? "HOLD 暂缓" : "STOP 停止";
}

/**
 * The verdict as one text: "STOP: …; …", "HOLD: …" with the reasons, or
 * "PAY: …" with what was checked (what the ledger cannot tell last).
 * @example summarizePay(verdict, "en") // "HOLD: paid outside 1688 escrow (银行转账): ..."
 */
export function summarizePay(v: PayVerdict, lang: Lang = "en"): string {
  const sep = lang === "zh" ? "；" : "; ";
  const list =
    v.verdict === "PAY"
      ? [...v.checked].sort((a, b) => (a.action === b.action ? 0 : a.action === "OK" ? -1 : 1))
      : v.reasons;
  const colon = lang === "zh" ? "：" : ": ";
  return `${payWord(v.verdict, lang)}${colon}${list.map((f) => explainPay(f, lang)).join(sep)}`;
}
