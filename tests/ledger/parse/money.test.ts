import { parseMoney, quickMoney } from "../../../src/ledger/parse/money";
import { prng } from "../../rules/helpers";

describe("parseMoney", () => {
  it.each<[unknown, number, string]>([
    [6688, 6688, "CNY"],
    [-500, -500, "CNY"],
    ["6688", 6688, "CNY"],
    ["¥6,688.00", 6688, "CNY"],
    ["￥6,688.00", 6688, "CNY"],
    ["６，６８８", 6688, "CNY"],
    ["１２３", 123, "CNY"],
    ["6688元", 6688, "CNY"],
    ["RMB 6,688", 6688, "CNY"],
    ["CNY6688", 6688, "CNY"],
    ["人民币 1000元", 1000, "CNY"],
    ["1.2万", 12000, "CNY"],
    ["1.2万元", 12000, "CNY"],
    ["1.15万", 11500, "CNY"],
    ["-500", -500, "CNY"],
    ["(500)", -500, "CNY"],
    ["(¥500)", -500, "CNY"],
    ["-¥500", -500, "CNY"],
    ["US$ 800", 800, "USD"],
    ["US $800", 800, "USD"],
    ["USD 800", 800, "USD"],
    ["$1,234.56", 1234.56, "USD"],
    ["800美元", 800, "USD"],
    ["€ 1,200", 1200, "EUR"],
    ["EUR 99.90", 99.9, "EUR"],
    ["200欧元", 200, "EUR"],
    ["£75", 75, "GBP"],
    ["HK$100", 100, "HKD"],
    ["HKD 100", 100, "HKD"],
    [" 6 688 ", 6688, "CNY"],
    ["¥12.50/件", 12.5, "CNY"],
    ["无", 0, "CNY"],
  ])("reads %j as %d %s", (input, amount, currency) => {
    expect(parseMoney(input as string, "CNY")).toEqual({ ok: true, value: { amount, currency } });
  });

  it("reads a bare number in the currency it is given (the column's header currency)", () => {
    expect(parseMoney(800, "USD")).toEqual({ ok: true, value: { amount: 800, currency: "USD" } });
    expect(parseMoney("800", "USD")).toEqual({ ok: true, value: { amount: 800, currency: "USD" } });
  });

  it("lets a symbol in the cell win over the currency it is given", () => {
    expect(parseMoney("¥800", "USD")).toEqual({ ok: true, value: { amount: 800, currency: "CNY" } });
  });

  it.each([null, undefined, "", "   ", "-", "N/A"])("reads the empty cell %j as not known", (v) => {
    expect(parseMoney(v, "CNY")).toEqual({ ok: true, value: undefined });
  });

  it.each(["1,5", "12,50", "1.234,56", "1,23,456", "€ 12,50"])(
    "refuses %j: a comma is only a thousands separator, never a decimal point",
    (v) => {
      const r = parseMoney(v, "CNY");
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/groups of three/);
    },
  );

  it.each(["abc", "about 500", "¥", "面议", "US$ 5 USD € 3"])(
    "refuses the non-numeric text %j and quotes it",
    (v) => {
      const r = parseMoney(v, "CNY");
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(`"${v.trim()}"`);
    },
  );

  it("refuses a cell naming two currencies", () => {
    const r = parseMoney("US$ 800 (¥5,760)", "CNY");
    expect(r.ok).toBe(false);
  });

  it.each([true, new Date(2024, 0, 1), Number.NaN, Number.POSITIVE_INFINITY])("refuses %p", (v) => {
    expect(parseMoney(v, "CNY").ok).toBe(false);
  });

  it("names the Excel error value a cell holds", () => {
    const r = parseMoney("#N/A", "CNY");
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining("#N/A") });
  });
});

describe("quickMoney (the fast path for the common shapes)", () => {
  it.each<[string, number, string]>([
    ["6688", 6688, "CNY"],
    ["¥6,688.00", 6688, "CNY"],
    ["￥1,234,567.5", 1234567.5, "CNY"],
    ["$12.5", 12.5, "USD"],
    ["€1,200", 1200, "EUR"],
    ["£75", 75, "GBP"],
    ["0.00", 0, "CNY"],
  ])("reads %j as %d %s", (text, amount, currency) => {
    expect(quickMoney(text, "CNY")).toEqual({ amount, currency });
  });

  it.each([
    "1,5",
    "1234,567",
    ",123",
    "1,,234",
    "12.",
    ".5",
    "¥",
    "",
    "-500",
    "(500)",
    "1.2万",
    "６６８８",
    "¥ 500",
    "500元",
    "1.2.3",
    "US$5",
  ])("leaves %j to the general parser", (text) => {
    expect(quickMoney(text, "CNY")).toBeUndefined();
  });

  it("agrees with the general parser on every text it accepts", () => {
    // Amount-like texts (a sign, digit runs of 1 to 5 joined by commas, a fraction) with a
    // stray character now and then. A space in front sends the same text through the general
    // parser (which trims it); the bare text goes through the fast path.
    const random = prng(6688);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const digits = () =>
      "0123456789".slice(0, 1 + Math.floor(random() * 5)).replace(/./g, () => pick("0159".split("")));
    let accepted = 0;
    for (let k = 0; k < 20000; k++) {
      let text = pick(["", "", "¥", "￥", "$", "€", "£", "-", "US$"]) + digits();
      while (random() < 0.4) text += `,${digits()}`;
      if (random() < 0.4) text += `.${random() < 0.8 ? digits() : ""}`;
      if (random() < 0.2) {
        const at = Math.floor(random() * (text.length + 1));
        text = text.slice(0, at) + pick([",", ".", " ", "万", "元", "-", "１"]) + text.slice(at);
      }
      const quick = quickMoney(text, "CNY");
      if (quick === undefined) continue;
      accepted++;
      expect({ text, parsed: parseMoney(` ${text}`, "CNY") }).toEqual({
        text,
        parsed: { ok: true, value: quick },
      });
    }
    expect(accepted).toBeGreaterThan(5000);
  });
});

describe("parseMoney on amounts as clerks type them", () => {
  it.each<[string, number, string]>([
    ["6688元", 6688, "CNY"],
    ["６６８８元", 6688, "CNY"],
    ["500块", 500, "CNY"],
    ["500块钱", 500, "CNY"],
    ["3000元整", 3000, "CNY"],
    ["RMB 1,200", 1200, "CNY"],
    ["RMB1200", 1200, "CNY"],
    ["1200 CNY", 1200, "CNY"],
    ["USD 800", 800, "USD"],
    ["800美元", 800, "USD"],
    ["1.2万元", 12000, "CNY"],
    ["１．２万元", 12000, "CNY"],
  ])("reads %j as %d %s", (text, amount, currency) => {
    expect(parseMoney(text, "USD")).toEqual({ ok: true, value: { amount, currency } });
  });

  it("leaves a share word to the reader, who knows the order total", () => {
    expect(parseMoney("全款", "CNY")).toMatchObject({
      ok: false,
      messageZh: expect.stringContaining("不是金额"),
    });
  });
});

describe("parseMoney on the largest numbers Excel holds", () => {
  it.each([1e307, 9.99e307, -9.99e307, 1e16])(
    "does not read the number %d as money, in both languages",
    (n) => {
      const parsed = parseMoney(n, "CNY");
      expect(parsed).toMatchObject({
        ok: false,
        message: expect.stringContaining("too large to be read"),
        messageZh: expect.stringContaining("数值过大"),
      });
    },
  );

  it.each([
    ["1" + "0".repeat(307)],
    ["¥" + "9".repeat(308)],
    ["1" + "0".repeat(300) + "万"],
    ["US$ 2,000,000,000,000,000"],
  ])("does not read the text %j as money, quoting it shortened", (text) => {
    const parsed = parseMoney(text, "CNY");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(/too large to be read \(more than 10\^15\)/);
      expect(parsed.message.length).toBeLessThan(120);
    }
  });

  it("still reads a thousand trillion yuan, the largest amount it accepts", () => {
    expect(parseMoney(1e15, "CNY")).toEqual({ ok: true, value: { amount: 1e15, currency: "CNY" } });
    expect(parseMoney("¥1,000,000,000,000,000", "CNY")).toEqual({
      ok: true,
      value: { amount: 1e15, currency: "CNY" },
    });
  });
});
