import { parseYears } from "../../../src/ledger/parse/years";

describe("parseYears", () => {
  it.each<[unknown, number]>([
    ["4", 4],
    [4, 4],
    ["4年", 4],
    ["4 years", 4],
    ["4 yrs", 4],
    ["1 year", 1],
    ["诚信通4年", 4],
    ["诚信通 4 年", 4],
    ["第4年", 4],
    ["4.5", 4.5],
    ["４年", 4],
    ["4年以上", 4],
    ["4+", 4],
    ["TrustPass 4 years", 4],
    ["4年6个月", 4.5],
    ["6个月", 0.5],
    [0, 0],
  ])("reads %j as %d", (v, n) => {
    expect(parseYears(v as string)).toEqual({ ok: true, value: n });
  });

  it.each(["-1", -2, "four", "4 weeks", "abc年"])("refuses %j", (v) => {
    expect(parseYears(v).ok).toBe(false);
  });

  it("says negative years are an error", () => {
    expect(parseYears(-1)).toMatchObject({ ok: false, message: expect.stringContaining("negative") });
  });

  it.each([null, "", "-"])("reads %j as not known", (v) => {
    expect(parseYears(v)).toEqual({ ok: true, value: undefined });
  });
});

describe("parseYears beyond any ledger figure", () => {
  it("names 9.99E+307 years too large, in both languages", () => {
    expect(parseYears(9.99e307)).toMatchObject({
      ok: false,
      message: "9.99E+307 is too large to be read (more than 10^15)",
      messageZh: "9.99E+307 数值过大，无法读取（超过 10^15）",
    });
  });
});

describe("parseYears on a cell as long as Excel holds", () => {
  it("names 32,767 digits with a letter inside not a number of years", () => {
    expect(parseYears(`${"9".repeat(20000)}x${"9".repeat(12766)}`)).toMatchObject({
      ok: false,
      messageZh: expect.stringContaining("不是年限"),
    });
  });
});
