import { formatMoney, formatShare, toUsd } from "../../src/rules/money";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/rules/settings";

describe("money", () => {
  it("converts through the team's rates", () => {
    expect(toUsd({ amount: 7200, currency: "CNY" }, DEFAULT_SETTINGS)).toBe(1000);
    expect(toUsd({ amount: 5, currency: "USD" }, DEFAULT_SETTINGS)).toBe(5);
    expect(toUsd({ amount: 7100, currency: "CNY" }, parseSettings({ rates: { CNY: 7.1 } }))).toBe(1000);
  });

  it("answers undefined for a currency without a rate", () => {
    expect(toUsd({ amount: 1, currency: "CHF" }, DEFAULT_SETTINGS)).toBeUndefined();
  });

  it.each([
    [{ amount: 48000, currency: "CNY" }, "¥48,000"],
    [{ amount: 1250.5, currency: "USD" }, "US$1,250.50"],
    [{ amount: -300, currency: "EUR" }, "-€300"],
    [{ amount: 12, currency: "CHF" }, "12 CHF"],
  ])("formats %p as %s", (money, text) => {
    expect(formatMoney(money)).toBe(text);
  });

  it("formats shares to one decimal", () => {
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(1 / 3)).toBe("33.3%");
  });
});

describe("formatMoney without Intl", () => {
  it.each([0, 1, 12.5, 999.999, 1000, 48000, 1250.5, 1234567.891, 0.005, 123456789012.34, -6688])(
    "writes %p as toLocaleString('en-US') would",
    (amount) => {
      const abs = Math.abs(amount);
      const digits = Number.isInteger(Math.round(abs * 100) / 100) ? 0 : 2;
      const viaIntl = abs.toLocaleString("en-US", {
        minimumFractionDigits: digits,
        maximumFractionDigits: 2,
      });
      expect(formatMoney({ amount, currency: "USD" })).toBe(`${amount < 0 ? "-" : ""}US$${viaIntl}`);
    },
  );
});

describe("formatMoney of amounts beyond cents", () => {
  it("writes the whole digits of 1e307 instead of throwing", () => {
    const text = formatMoney({ amount: 1e307, currency: "CNY" });
    expect(text).toMatch(/^¥\d{1,3}(,\d{3})+$/);
    expect(text.replace(/\D/g, "")).toHaveLength(307);
  });

  it("writes 2^53 / 100 and more without cents", () => {
    expect(formatMoney({ amount: 1e14, currency: "USD" })).toBe("US$100,000,000,000,000");
  });
});

describe("rates that would overflow a conversion", () => {
  it("refuses a rate below 10^-6 or above 10^9", () => {
    expect(() => parseSettings({ rates: { CNY: 1e-300 } })).toThrow();
    expect(() => parseSettings({ rates: { CNY: 1e300 } })).toThrow();
    expect(parseSettings({ rates: { CNY: 7.1 } }).rates.CNY).toBe(7.1);
  });
});
