/**
 * Sourcing Guard custom functions, namespace GUARD. The JSDoc below is what
 * Excel shows in its formula help (custom-functions-metadata-plugin turns it
 * into functions.json). Bodies stay thin: coerce, call the engine, map the
 * result to a cell or to #VALUE!/#N/A with a message.
 */
import "./runtime-polyfills";
import type { RiskNow } from "../rules/history";
import { cellError, type CellErrorLike } from "./cell-error";
import {
  evaluateRisk,
  readSettingsArg,
  readTodayArg,
  reasonsText,
  type RiskResult,
  type RowOutcome,
} from "./risk";
import * as pay from "./payment";
import { payCheck } from "./paycheck";
import * as ids from "./identifiers";
import * as inv from "./inventory";
import { bilingual, orError, toCellError } from "./safely";

type Cell = string | number | boolean | CellErrorLike;
type Range = unknown[][];

// custom-functions-metadata reads the TypeScript signatures below and accepts
// only its own vocabulary: `any` for a cell of any type, `any[][]` for a range.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** One cell per row: the verdict's value, blank for a blank row, or the row's own error. */
function perRow(
  headers: Range,
  rows: Range,
  blacklist: Range | null | undefined,
  settings: Range | null | undefined,
  today: unknown,
  pick: (outcome: RowOutcome & { kind: "verdict" }, result: RiskResult) => Cell,
): Cell[][] {
  try {
    const asOf = readTodayArg(today, false);
    const result = evaluateRisk(headers, rows, blacklist, settings, asOf);
    return result.rows.map((outcome: RowOutcome): Cell[] => {
      if (outcome.kind === "blank") return [""];
      if (outcome.kind === "error") return [cellError("value", outcome.message)];
      return [pick(outcome, result)];
    });
  } catch (e) {
    return [[toCellError(e)]];
  }
}

/**
 * Fraud-risk score (0-100) of each ledger row, from the ledger's own columns in any order or language.
 * @customfunction RISKSCORE
 * @param {any[][]} headers The ledger's header row (e.g. Orders[#Headers] or A1:Z1).
 * @param {any[][]} rows One or more data rows with the same columns; several rows spill one score each.
 * @param {any[][]} [blacklist] The team's blacklist: names, shop links, member ids or USCCs (e.g. GuardBlacklist).
 * @param {any[][]} [settings] Two-column key/value range overriding the default thresholds (e.g. GuardSettings).
 * @param {any} [today] The day to judge on (e.g. TODAY()): adds the checks over time (deposit and no tracking, late delivery, fake tracking in the escrow window, payee account changed, price drop).
 * @returns {any[][]} One score per row; 100 for a blacklisted supplier.
 * @example =GUARD.RISKSCORE($A$1:$Z$1, A2:Z2, GuardBlacklist, GuardSettings)
 */
export function riskScore(
  headers: any[][],
  rows: any[][],
  blacklist?: any[][],
  settings?: any[][],
  today?: any,
): any[][] {
  return perRow(headers, rows, blacklist, settings, today, (o) => o.verdict.score);
}

/**
 * Fraud-risk level (LOW, MEDIUM or HIGH) of each ledger row.
 * @customfunction RISKLEVEL
 * @param {any[][]} headers The ledger's header row.
 * @param {any[][]} rows One or more data rows with the same columns.
 * @param {any[][]} [blacklist] The team's blacklist range.
 * @param {any[][]} [settings] Two-column key/value settings range.
 * @param {any} [today] The day to judge on (e.g. TODAY()): adds the checks over time.
 * @returns {any[][]} LOW below 30, MEDIUM from 30, HIGH from 60 (by default).
 * @example =GUARD.RISKLEVEL($A$1:$Z$1, A2:Z2, GuardBlacklist, GuardSettings)
 */
export function riskLevel(
  headers: any[][],
  rows: any[][],
  blacklist?: any[][],
  settings?: any[][],
  today?: any,
): any[][] {
  return perRow(headers, rows, blacklist, settings, today, (o) => o.verdict.level);
}

/**
 * Why each row is risky, as one short text, weightiest reason first (English, or Chinese when settings say language zh).
 * @customfunction RISKREASONS
 * @param {any[][]} headers The ledger's header row.
 * @param {any[][]} rows One or more data rows with the same columns.
 * @param {any[][]} [blacklist] The team's blacklist range.
 * @param {any[][]} [settings] Two-column key/value settings range; language = zh gives Chinese.
 * @param {any} [today] The day to judge on (e.g. TODAY()): adds the checks over time.
 * @returns {any[][]} One text per row.
 * @example =GUARD.RISKREASONS($A$1:$Z$1, A2:Z2, GuardBlacklist, GuardSettings)
 */
export function riskReasons(
  headers: any[][],
  rows: any[][],
  blacklist?: any[][],
  settings?: any[][],
  today?: any,
): any[][] {
  return perRow(headers, rows, blacklist, settings, today, (o, result) => reasonsText(o.verdict, result));
}

const NOT_PAID_KNOWN = bilingual(
  "the ledger does not say what was paid before receipt",
  "台账未说明收货前已付多少",
);

/** One figure of the money at risk per row, on the day given (`today` is required: results stay reproducible). */
function atRiskPerRow(
  headers: Range,
  rows: Range,
  today: unknown,
  settings: Range | null | undefined,
  pick: (now: RiskNow) => Cell,
): Cell[][] {
  try {
    const asOf = readTodayArg(today, true);
    return perRow(headers, rows, null, settings, asOf, (o) =>
      o.now === undefined
        ? cellError("na", bilingual("money at risk unknown", "无法判断风险金额"))
        : pick(o.now),
    );
  } catch (e) {
    return [[toCellError(e)]];
  }
}

/**
 * Money at risk on a day, in USD, per ledger row: paid outside 1688 escrow (or released early, or by escrow's auto-confirm after shipping) for goods not received.
 * @customfunction MONEYATRISK
 * @param {any[][]} headers The ledger's header row.
 * @param {any[][]} rows One or more data rows with the same columns.
 * @param {any} today The day to judge on, e.g. TODAY() or a date cell (required, so results are reproducible).
 * @param {any[][]} [settings] Two-column key/value settings range (exchange rates, history.autoConfirmDays).
 * @returns {any[][]} USD at risk per row; 0 when nothing is; #N/A when the ledger cannot tell what was paid.
 * @example =GUARD.MONEYATRISK($A$1:$Z$1, A2:Z2, TODAY(), GuardSettings)
 */
export function moneyAtRisk(headers: any[][], rows: any[][], today: any, settings?: any[][]): any[][] {
  return atRiskPerRow(headers, rows, today, settings, (now) =>
    now.usd === undefined ? cellError("na", NOT_PAID_KNOWN) : Math.round(now.usd * 100) / 100,
  );
}

/**
 * Days the money of each ledger row has been at risk on a day: since it was paid outside escrow (or escrow released it).
 * @customfunction DAYSATRISK
 * @param {any[][]} headers The ledger's header row.
 * @param {any[][]} rows One or more data rows with the same columns.
 * @param {any} today The day to judge on, e.g. TODAY() or a date cell (required, so results are reproducible).
 * @param {any[][]} [settings] Two-column key/value settings range.
 * @returns {any[][]} Days per row; 0 when nothing is at risk; #N/A when money is at risk but the ledger has no payment or order date.
 * @example =GUARD.DAYSATRISK($A$1:$Z$1, A2:Z2, TODAY(), GuardSettings)
 */
export function daysAtRisk(headers: any[][], rows: any[][], today: any, settings?: any[][]): any[][] {
  return atRiskPerRow(headers, rows, today, settings, (now) => {
    if (now.usd === undefined) return cellError("na", NOT_PAID_KNOWN);
    if (now.usd <= 0) return 0;
    return (
      now.days ??
      cellError(
        "na",
        bilingual("no payment or order date for the money at risk", "风险金额没有付款或下单日期"),
      )
    );
  });
}

/**
 * Before you pay: PAY, HOLD or STOP for paying an order now, with the reasons (STOP: new payee account not confirmed by phone, payee not the company, blacklisted; HOLD: over the deposit before shipping, outside escrow, store too young, possible blacklist match, overdue).
 * @customfunction PAYCHECK
 * @param {any[][]} headers The ledger's header row (e.g. Orders[#Headers]).
 * @param {any[][]} ledger The ledger's data rows (e.g. Orders): the supplier's earlier orders say which account it was paid to before.
 * @param {any} row The row to pay (e.g. Orders[@] or A5:Z5), or its order id.
 * @param {any} [amount] The payment: a number in the order's currency or text such as "US$700"; default the rest of the order.
 * @param {any} [today] The day of payment (e.g. TODAY()): adds the overdue and silent-order checks.
 * @param {any[][]} [blacklist] The team's blacklist range.
 * @param {any[][]} [settings] Two-column key/value settings range; language = zh gives Chinese.
 * @param {any[][]} [allowlist] "Not the same company" entries (supplier, blacklisted name, who, when) that silence possible blacklist matches.
 * @returns {string} "PAY: what was checked", "HOLD: reasons" or "STOP: reasons".
 * @example =GUARD.PAYCHECK(Orders[#Headers], Orders, Orders[@], , TODAY(), GuardBlacklist, GuardSettings)
 */
export function paycheck(
  headers: any[][],
  ledger: any[][],
  row: any,
  amount?: any,
  today?: any,
  blacklist?: any[][],
  settings?: any[][],
  allowlist?: any[][],
): string {
  return orError(() => payCheck(headers, ledger, row, amount, today, blacklist, settings, allowlist).text);
}

/**
 * TRUE when the money paid before the goods arrive is within the guide's limit: at most 30%, or any share under 500 USD, or goods received.
 * @customfunction DEPOSITOK
 * @param {any} total Order total: a number or text such as "¥48,000" or "US$ 800".
 * @param {any} paidUpfront Money paid before receipt (outside escrow), or its share of the total such as "30%".
 * @param {any} [currency] Currency of plain numbers: CNY (default), USD, EUR, or a sign such as ¥.
 * @param {any} [received] Goods already received (TRUE/FALSE, 是/否).
 * @param {any[][]} [settings] Two-column key/value settings range.
 * @returns {boolean} TRUE or FALSE; #VALUE! when paidUpfront exceeds total or an amount is not a number.
 * @example =GUARD.DEPOSITOK(48000, 14400, "CNY")
 */
export function depositOk(
  total: any,
  paidUpfront: any,
  currency?: any,
  received?: any,
  settings?: any[][],
): boolean {
  return orError(() => pay.depositOk(total, paidUpfront, currency, received, readSettingsArg(settings)));
}

/**
 * TRUE when a prepayment stays within what the store's age covers: years x 1,000 USD x 2 by default.
 * @customfunction EXPOSUREOK
 * @param {any} paidUpfront Money paid before receipt: a number or text such as "¥20,000".
 * @param {any} storeYears The store's years on 1688: 4, "4年" or "4 years".
 * @param {any} [currency] Currency of plain numbers: CNY (default), USD...
 * @param {any[][]} [settings] Two-column key/value settings range.
 * @returns {boolean} TRUE or FALSE.
 * @example =GUARD.EXPOSUREOK("US$10,000", 1)
 */
export function exposureOk(paidUpfront: any, storeYears: any, currency?: any, settings?: any[][]): boolean {
  return orError(() => pay.exposureOk(paidUpfront, storeYears, currency, readSettingsArg(settings)));
}

/**
 * TRUE for 1688's own payment channels (escrow 担保交易, staged, credit terms), FALSE for WeChat, personal accounts, bank wires or Western Union.
 * @customfunction PAYMENTSAFE
 * @param {string} method The payment method as written in the ledger.
 * @returns {boolean} TRUE or FALSE; #N/A when the method is not recognised.
 * @example =GUARD.PAYMENTSAFE("微信转账")
 */
export function paymentSafe(method: string): boolean {
  return orError(() => pay.paymentSafe(method));
}

/**
 * TRUE when a tracking number fits a known carrier's format and check digit (and the carrier given); FALSE for internal or dedicated-line numbers.
 * @customfunction TRACKINGVALID
 * @param {any} number The tracking number; spaces, hyphens and full-width characters are fine.
 * @param {string} [carrier] Carrier id, English or Chinese name: sf, 顺丰, UPS, 中通, 极兔, 邮政...
 * @returns {boolean} TRUE or FALSE.
 * @example =GUARD.TRACKINGVALID("1Z999AA10123456784", "UPS")
 */
export function trackingValid(number: any, carrier?: string): boolean {
  return orError(() => ids.trackingValid(number, carrier));
}

/**
 * The carrier a tracking number belongs to; several, comma-separated, when it fits more than one.
 * @customfunction TRACKINGCARRIER
 * @param {any} number The tracking number.
 * @returns {string} Carrier name(s); #N/A when it fits none.
 * @example =GUARD.TRACKINGCARRIER("EA123456785CN")
 */
export function trackingCarrier(number: any): string {
  return orError(() => ids.trackingCarrier(number));
}

/**
 * TRUE when a Unified Social Credit Code (统一社会信用代码) passes the GB 32100 check.
 * @customfunction USCCVALID
 * @param {any} code The 18-character code; lower case, spaces and full-width characters are fine.
 * @returns {boolean} TRUE or FALSE.
 * @example =GUARD.USCCVALID("91330100716105852F")
 */
export function usccValid(code: any): boolean {
  return orError(() => ids.usccValid(code));
}

/**
 * The parts of a Unified Social Credit Code: registering department, category, division and organization code, or why it fails.
 * @customfunction USCCINFO
 * @param {any} code The 18-character code.
 * @returns {string} A short description; #N/A when the code cannot be decoded.
 * @example =GUARD.USCCINFO("91330100716105852F")
 */
export function usccInfo(code: any): string {
  return orError(() => ids.usccInfo(code));
}

/**
 * TRUE for a genuine 1688 store or offer address, FALSE for a lookalike (1688.com.xxx, l688.com, 1688.cn...).
 * @customfunction STOREURLOK
 * @param {string} url The shop or offer link.
 * @returns {boolean} TRUE or FALSE; #VALUE! for text that is not a URL.
 * @example =GUARD.STOREURLOK("https://detail.1688.com/offer/612345678901.html")
 */
export function storeUrlOk(url: string): boolean {
  return orError(() => ids.storeUrlOk(url));
}

/**
 * The normalised supplier key used for matching: the shop or member id from a 1688 link, else the company name without suffixes.
 * @customfunction SUPPLIERID
 * @param {any} urlOrName A 1688 link, member id or company name.
 * @returns {string} A key such as member:b2b-22012345, shop:shop1432227742039 or name:义乌市宏达贸易.
 * @example =GUARD.SUPPLIERID("义乌市宏达贸易有限公司")
 */
export function supplierId(urlOrName: any): string {
  return orError(() => ids.supplierId(urlOrName));
}

/**
 * TRUE when a supplier is on the team's blacklist, matched on any name, shop link, member id or USCC they share.
 * @customfunction BLACKLISTED
 * @param {any} supplier Supplier name (or member id or shop link).
 * @param {any[][]} blacklist The blacklist range, one or more columns, with or without a header row.
 * @param {any} [shopLink] The supplier's shop link.
 * @param {any} [uscc] The supplier's Unified Social Credit Code.
 * @returns {boolean} TRUE or FALSE.
 * @example =GUARD.BLACKLISTED(D2, GuardBlacklist, H2)
 */
export function blacklisted(supplier: any, blacklist: any[][], shopLink?: any, uscc?: any): boolean {
  return orError(() => ids.blacklisted(supplier, blacklist, shopLink, uscc));
}

/**
 * Reorder point: daily sales x lead time (days) + safety stock.
 * @customfunction REORDERPOINT
 * @param {any} dailySales Average units sold per day (日均销量).
 * @param {any} leadDays Lead time in days: purchase + transit.
 * @param {any} [safetyStock] Safety stock in units (default 0).
 * @returns {number} Stock level at which to reorder.
 * @example =GUARD.REORDERPOINT(20, 15, 100)
 */
export function reorderPoint(dailySales: any, leadDays: any, safetyStock?: any): number {
  return orError(() => inv.reorderPointFn(dailySales, leadDays, safetyStock));
}

/**
 * Reorder point at a service level: mean daily sales x lead + z x sigma x sqrt(lead), z = NORM.S.INV(level).
 * @customfunction REORDERPOINTSL
 * @param {any[][]} salesHistory Daily sales over recent days (a range).
 * @param {any} leadDays Lead time in days.
 * @param {any} serviceLevel Service level such as 95% or 0.95.
 * @returns {number} Stock level at which to reorder.
 * @example =GUARD.REORDERPOINTSL(B2:B31, 15, 95%)
 */
export function reorderPointServiceLevel(salesHistory: any[][], leadDays: any, serviceLevel: any): number {
  return orError(() => inv.reorderPointServiceLevel(salesHistory, leadDays, serviceLevel));
}

/**
 * Units to order now, days-based: covers review + lead + safety days less stock on hand and in transit; 0 when stock suffices.
 * @customfunction REORDERQTY
 * @param {any} dailySales Average units sold per day (日均销量).
 * @param {any} leadDays Purchase + transit days (采购天数 + 运输天数).
 * @param {any} safetyDays Safety days (安全天数).
 * @param {any} onHand Available stock (可用库存).
 * @param {any} inTransit Units in transit (在途).
 * @param {any} [reviewDays] Days until the next purchase review (采购频率), default 0.
 * @returns {number} Suggested quantity (补货建议).
 * @example =GUARD.REORDERQTY(20, 15, 7, 200, 100)
 */
export function reorderQty(
  dailySales: any,
  leadDays: any,
  safetyDays: any,
  onHand: any,
  inTransit: any,
  reviewDays?: any,
): number {
  return orError(() => inv.reorderQtyFn(dailySales, leadDays, safetyDays, onHand, inTransit, reviewDays));
}

/**
 * TRUE for signs of fake reviews: a score of 4.95+ on fewer than 20 reviews, or more than half the reviews in the last 30 days.
 * @customfunction REVIEWFLAG
 * @param {any} score Review score on the 5-point scale.
 * @param {any} reviewCount Number of reviews (评价数).
 * @param {any} [recentReviews] Reviews written in the last 30 days.
 * @param {any[][]} [settings] Two-column key/value settings range.
 * @returns {boolean} TRUE or FALSE.
 * @example =GUARD.REVIEWFLAG(5, 8)
 */
export function reviewFlag(score: any, reviewCount: any, recentReviews?: any, settings?: any[][]): boolean {
  return orError(() => inv.reviewFlagFn(score, reviewCount, recentReviews, readSettingsArg(settings)));
}

/**
 * Certificates the guidance table lists for a product category and market that the certs text does not name (electronics to the EU: CE...).
 * @customfunction CERTSMISSING
 * @param {string} category Product category: electronics, toys, textiles, 电子产品, 玩具...
 * @param {string} market Target market: EU, US, UK, 美国, Amazon US...
 * @param {string} [certs] Certificates the supplier provided, e.g. "CE, RoHS".
 * @returns {string} Missing certificates, comma-separated; empty when none; #N/A for an unknown category or market.
 * @example =GUARD.CERTSMISSING("electronics", "US", "CE")
 */
export function certsMissing(category: string, market: string, certs?: string): string {
  return orError(() => inv.certsMissingFn(category, market, certs));
}
