import type { CurrencyCode, Money } from "../rules/types";
import type { Settings } from "../rules/settings";
import { toUsd, formatMoney } from "../rules/money";
import { isOnPlatform } from "../rules/checks/payment-channel";
import { parseMoney } from "../ledger/parse/money";
import { parseYesNo } from "../ledger/parse/bool";
import { parseShare } from "../ledger/parse/percent";
import { parseYears } from "../ledger/parse/years";
import { parsePaymentChannel } from "../ledger/parse/vocab";
import { isBlank } from "../ledger/parse/text";
import { badArgument, toScalar } from "./args";
import { NotAvailable } from "./safely";

/** The currency argument: a three-letter code or a sign ("¥", "元", "US$"); empty means the default. */
export function readCurrency(v: unknown, settings: Settings): CurrencyCode {
  const cell = toScalar(v, "currency");
  if (isBlank(cell)) return settings.defaultCurrency;
  const parsed = parseMoney(`1 ${String(cell).trim()}`, "XXX");
  const code = parsed.ok && parsed.value ? parsed.value.currency : undefined;
  if (code && code !== "XXX") return code;
  const text = String(cell).trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(text)) return text;
  return badArgument(
    "currency",
    `"${String(cell)}" is not a currency (use CNY, USD, EUR...)`,
    `“${String(cell)}”不是币种（请用 CNY、USD、EUR 等）`,
  );
}

/** A required, non-negative amount of money. */
function readAmount(argument: string, v: unknown, currency: CurrencyCode): Money {
  const cell = toScalar(v, argument);
  const parsed = parseMoney(cell, currency);
  if (!parsed.ok) return badArgument(argument, parsed.message, parsed.messageZh ?? parsed.message);
  if (parsed.value === undefined)
    return badArgument(argument, "is empty; an amount is needed", "为空，需要金额");
  if (parsed.value.amount < 0) {
    return badArgument(
      argument,
      `must not be negative (${formatMoney(parsed.value)})`,
      `不能为负数（${formatMoney(parsed.value)}）`,
    );
  }
  return parsed.value;
}

/** paidUpfront as money, or as a share of the total when written "30%". */
function readPaid(v: unknown, total: Money, currency: CurrencyCode): Money {
  const cell = toScalar(v, "paidUpfront");
  if (typeof cell === "string" && /[%％]/.test(cell)) {
    const share = parseShare(cell);
    if (!share.ok) return badArgument("paidUpfront", share.message, share.messageZh ?? share.message);
    if (share.value !== undefined) return { amount: total.amount * share.value, currency: total.currency };
  }
  return readAmount("paidUpfront", v, currency);
}

function usdOf(argument: string, money: Money, settings: Settings): number {
  const usd = toUsd(money, settings);
  if (usd === undefined) {
    return badArgument(
      argument,
      `no exchange rate for ${money.currency} in the settings`,
      `设置中没有 ${money.currency} 的汇率`,
    );
  }
  return usd;
}

/**
 * DEPOSITOK: the money paid before the goods arrive is within the guide's
 * limit: at most 30% (with a small rounding tolerance), or any share on an
 * order under 500 USD, or anything once the goods are received. Paying more
 * than the total, negative or non-numeric amounts are input errors.
 */
export function depositOk(
  total: unknown,
  paidUpfront: unknown,
  currency: unknown,
  received: unknown,
  settings: Settings,
): boolean {
  const cur = readCurrency(currency, settings);
  const t = readAmount("total", total, cur);
  const p = readPaid(paidUpfront, t, cur);
  const tUsd = usdOf("total", t, settings);
  const pUsd = usdOf("paidUpfront", p, settings);
  if (pUsd > tUsd * 1.0001 + 0.005) {
    return badArgument(
      "paidUpfront",
      `${formatMoney(p)} is more than the order total ${formatMoney(t)}`,
      `${formatMoney(p)} 超过订单总额 ${formatMoney(t)}`,
    );
  }
  const got = parseYesNo(toScalar(received, "received"));
  if (!got.ok) return badArgument("received", got.message, got.messageZh ?? got.message);
  if (got.value === true) return true;
  const { maxShare, tolerance, smallOrderUsd } = settings.deposit;
  if (tUsd < smallOrderUsd) return true;
  if (tUsd === 0) return true;
  return pUsd / tUsd <= maxShare + tolerance;
}

/**
 * EXPOSUREOK: money paid before receipt stays within what the store's history
 * covers: years x 1,000 USD x 2 by default.
 */
export function exposureOk(
  paidUpfront: unknown,
  storeYears: unknown,
  currency: unknown,
  settings: Settings,
): boolean {
  const cur = readCurrency(currency, settings);
  const p = usdOf("paidUpfront", readAmount("paidUpfront", paidUpfront, cur), settings);
  const y = parseYears(toScalar(storeYears, "storeYears"));
  if (!y.ok) return badArgument("storeYears", y.message, y.messageZh ?? y.message);
  if (y.value === undefined)
    return badArgument(
      "storeYears",
      "is empty; the store's years on 1688 are needed",
      "为空，需要店铺在 1688 的年限",
    );
  const { usdPerYear, multiple } = settings.exposure;
  return p <= y.value * usdPerYear * multiple;
}

/**
 * PAYMENTSAFE: TRUE for 1688's own channels (escrow, staged, credit terms),
 * FALSE for private and off-platform ones (WeChat, personal accounts, bank
 * wires, Western Union); #N/A for a method it does not recognise.
 */
export function paymentSafe(method: unknown): boolean {
  const cell = toScalar(method, "method");
  if (isBlank(cell))
    return badArgument("method", "is empty; name the payment method", "为空，请填写付款方式");
  const channel = parsePaymentChannel(cell);
  if (channel === "unknown") {
    throw new NotAvailable(
      `payment method "${String(cell)}" not recognised (e.g. 担保交易, escrow, WeChat, bank transfer)`,
      `无法识别付款方式“${String(cell)}”（如 担保交易、微信、银行转账）`,
    );
  }
  return isOnPlatform(channel);
}
