import { parseNumber, readDecimal } from "../../../src/ledger/parse/number";

describe("readDecimal", () => {
  it.each<[string, number]>([
    ["6688", 6688],
    ["6,688.00", 6688],
    ["1,234,567.5", 1234567.5],
    ["6 688", 6688],
    ["1'000", 1000],
    ["-500", -500],
    ["(500)", -500],
    ["+7", 7],
    [".5", 0.5],
    ["1.2万", 12000],
    ["3亿", 300000000],
    ["1.5k", 1500],
    ["2w", 20000],
  ])("reads %j as %d", (s, n) => {
    expect(readDecimal(s)).toBe(n);
  });

  it.each([
    ["1,5", "grouping"],
    ["12,3456", "grouping"],
    ["1.234,56", "grouping"],
    ["abc", "format"],
    ["1.2.3", "format"],
    ["", "format"],
  ])("refuses %j (%s)", (s, why) => {
    expect(readDecimal(s)).toBe(why);
  });
});

describe("parseNumber", () => {
  it.each<[unknown, number]>([
    [120, 120],
    ["120", 120],
    ["１２０", 120],
    ["1,200", 1200],
    ["100件", 100],
    ["100 pcs", 100],
    ["4.8分", 4.8],
    ["200+", 200],
    ["1.2万", 12000],
    ["约 300", 300],
    ["7天", 7],
  ])("reads %j as %d", (v, n) => {
    expect(parseNumber(v as string)).toEqual({ ok: true, value: n });
  });

  it.each(["many", "1,5", "4.8 stars?", "#VALUE!"])("refuses %j", (v) => {
    expect(parseNumber(v).ok).toBe(false);
  });

  it.each([null, "", "-"])("reads %j as not known", (v) => {
    expect(parseNumber(v)).toEqual({ ok: true, value: undefined });
  });
});

describe("parseNumber beyond any ledger figure", () => {
  it.each([9.99e307, -9e307, 1e16])(
    "names %d too large rather than passing it on, in both languages",
    (n) => {
      expect(parseNumber(n)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^-?[\d.]+(E\+\d+)? is too large to be read/),
        messageZh: expect.stringContaining("数值过大，无法读取"),
      });
    },
  );

  it("names a text of 309 nines too large", () => {
    expect(parseNumber("9".repeat(309))).toMatchObject({
      ok: false,
      message: expect.stringContaining("too large"),
    });
  });

  it("reads 10^15 itself", () => {
    expect(parseNumber(1e15)).toEqual({ ok: true, value: 1e15 });
  });
});

describe("parseNumber on cells as long as Excel holds", () => {
  it("reads a run of units after a number as before, one suffix at a time", () => {
    expect(parseNumber("100 件件")).toEqual({ ok: true, value: 100 });
    expect(parseNumber("200+")).toEqual({ ok: true, value: 200 });
    expect(parseNumber("4.8分")).toEqual({ ok: true, value: 4.8 });
  });

  it.each([["件"], ["日"], ["+"]])("names 32,767 characters of %j not a number", (unit) => {
    expect(parseNumber(`${unit.repeat(32766)}x`)).toMatchObject({ ok: false });
    expect(parseNumber(unit.repeat(32767))).toMatchObject({ ok: false });
  });
});
