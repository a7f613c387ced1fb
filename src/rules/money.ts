import type { Money } from "./types";
import type { Settings } from "./settings";
import { integerDigits } from "./digits";

/**
 * Converts money to US dollars through the team's rates (units per dollar).
 * Returns undefined for a currency the settings have no rate for.
 * @example toUsd({ amount: 7200, currency: "CNY" }, DEFAULT_SETTINGS) // 1000
 */
export function toUsd(money: Money, settings: Settings): number | undefined {
  if (money.currency === "USD") return money.amount;
  const rate = settings.rates[money.currency];
  return rate === undefined ? undefined : money.amount / rate;
}

const SYMBOLS: Record<string, string> = { CNY: "¥", USD: "US$", EUR: "€", GBP: "£", HKD: "HK$", JPY: "JP¥" };

/**
 * Formats money the way a buyer writes it: "¥48,000", "US$1,250.50".
 * @example formatMoney({ amount: 48000, currency: "CNY" }) // "¥48,000"
 */
export function formatMoney(money: Money): string {
  const symbol = SYMBOLS[money.currency];
  const sign = money.amount < 0 ? "-" : "";
  const text = amountText(Math.abs(money.amount));
  return symbol ? `${sign}${symbol}${text}` : `${sign}${text} ${money.currency}`;
}

/**
 * "48,000", "1,250.50": grouped thousands, cents only when there are any. Written out
 * here, not with toLocaleString: the custom functions runtime (ES2016) has no Intl.
 */
function amountText(abs: number): string {
  if (Number.isNaN(abs)) return "NaN";
  if (!Number.isFinite(abs)) return "∞";
  // Past 2^53 cents a double holds no cents (and abs x 100 may overflow): whole units only.
  if (abs >= 2 ** 53 / 100) return group(integerDigits(Math.round(abs)));
  const cents = Math.round(abs * 100);
  const whole = group(integerDigits(Math.floor(cents / 100)));
  return cents % 100 === 0 ? whole : `${whole}.${String(100 + (cents % 100)).slice(1)}`;
}

/** "48000" as "48,000". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ",");
}

/** "100%", "33.3%". */
export function formatShare(share: number): string {
  const pct = Math.round(share * 1000) / 10;
  return `${pct}%`;
}
