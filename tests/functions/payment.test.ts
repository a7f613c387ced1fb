import { depositOk, exposureOk, paymentSafe, readCurrency } from "../../src/functions/payment";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/rules/settings";
import { InputError } from "../../src/rules/input-error";
import { NotAvailable } from "../../src/functions/safely";

const S = DEFAULT_SETTINGS;

describe("the currency argument", () => {
  it.each([
    [null, "CNY"],
    ["USD", "USD"],
    ["usd", "USD"],
    ["¥", "CNY"],
    ["元", "CNY"],
    ["US$", "USD"],
    ["€", "EUR"],
    ["HKD", "HKD"],
  ])("reads %p as %s", (v, code) => {
    expect(readCurrency(v, S)).toBe(code);
  });

  it("rejects something that is no currency", () => {
    expect(() => readCurrency("bananas", S)).toThrow(/currency: "bananas" is not a currency/);
  });
});

describe("depositOk", () => {
  it("allows the 30% deposit with a rounding tolerance, and not 31%", () => {
    expect(depositOk(10000, 3040, "USD", null, S)).toBe(true);
    expect(depositOk(10000, 3100, "USD", null, S)).toBe(false);
  });

  it("allows any share on an order under 500 USD (3,600 yuan = 500 USD)", () => {
    expect(depositOk(3500, 3500, null, null, S)).toBe(true);
    expect(depositOk(3600, 3600, null, null, S)).toBe(false);
  });

  it("allows anything once the goods are received", () => {
    expect(depositOk(48000, 48000, null, "已收货", S)).toBe(true);
  });

  it("compares amounts in different currencies in USD", () => {
    expect(depositOk("US$10,000", "¥21,600", null, null, S)).toBe(true);
    expect(depositOk("US$10,000", "¥30,000", null, null, S)).toBe(false);
  });

  it("asks for a rate it does not know", () => {
    expect(() => depositOk(1000, 100, "CHF", null, S)).toThrow(/no exchange rate for CHF/);
  });

  it("follows the team's deposit limit", () => {
    expect(depositOk(10000, 5000, "USD", null, parseSettings({ deposit: { maxShare: 0.5 } }))).toBe(true);
  });

  it("rejects an empty amount and an unreadable received flag", () => {
    expect(() => depositOk(null, 0, null, null, S)).toThrow(InputError);
    expect(() => depositOk(100, 0, null, "maybe", S)).toThrow(/received/);
  });
});

describe("exposureOk", () => {
  it("caps at years x 1,000 USD x 2", () => {
    expect(exposureOk(2000, 1, "USD", S)).toBe(true);
    expect(exposureOk(2001, 1, "USD", S)).toBe(false);
    expect(exposureOk(0, 0, "USD", S)).toBe(true);
  });

  it("needs the store's years", () => {
    expect(() => exposureOk(100, "", "USD", S)).toThrow(/storeYears/);
    expect(() => exposureOk(100, "-2", "USD", S)).toThrow(/storeYears/);
  });
});

describe("paymentSafe", () => {
  it("knows 1688's own channels from private ones", () => {
    expect(paymentSafe("37staged")).toBe(true);
    expect(paymentSafe("账期")).toBe(true);
    expect(paymentSafe("个人支付宝")).toBe(false);
  });

  it("says it does not know rather than guess", () => {
    expect(() => paymentSafe("看情况")).toThrow(NotAvailable);
    expect(() => paymentSafe("")).toThrow(InputError);
  });
});

describe("depositOk with a share", () => {
  it("reads paidUpfront written as a percentage of the total", () => {
    expect(depositOk("US$10,000", "30%", null, null, S)).toBe(true);
    expect(depositOk("US$10,000", "５０％", null, null, S)).toBe(false);
    expect(() => depositOk("US$10,000", "130%", null, null, S)).toThrow(/paidUpfront/);
  });
});
