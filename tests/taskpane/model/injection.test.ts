import { isFormulaLike, neutralize } from "../../../src/taskpane/model/injection";

describe("neutralize", () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["-2+3", "'-2+3"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
  ])("prefixes formula-like text %j with an apostrophe", (input, output) => {
    expect(isFormulaLike(input)).toBe(true);
    expect(neutralize(input)).toBe(output);
  });

  it.each(["义乌市某某贸易有限公司", "https://shop123.1688.com", "91350100M000100Y43", "", "a=b"])(
    "leaves ordinary text %j alone",
    (input) => {
      expect(isFormulaLike(input)).toBe(false);
      expect(neutralize(input)).toBe(input);
    },
  );
});

describe("formula signs behind invisible characters", () => {
  it.each([
    [" =cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["   +SUM(A1)", "'+SUM(A1)"],
    ["\uFEFF=1+1", "'=1+1"],
    ['\u3000=HYPERLINK("http://evil.top")', '\'=HYPERLINK("http://evil.top")'],
    ["\n=1", "'=1"],
    ["\r\n@SUM(1)", "'\r\n@SUM(1)"],
    [" \t-2+3", "'-2+3"],
    ["＝cmd|' /C calc'!A0", "'＝cmd|' /C calc'!A0"],
    ["\u3000＋1", "'＋1"],
  ])("neutralises %j as a plain sign is: %j", (input, output) => {
    expect(isFormulaLike(input)).toBe(true);
    expect(neutralize(input)).toBe(output);
  });

  it.each([" 义乌市某某贸易有限公司", "\u3000深圳", " a=b", "\uFEFFhttps://shop1.1688.com"])(
    "leaves %j alone",
    (input) => {
      expect(isFormulaLike(input)).toBe(false);
      expect(neutralize(input)).toBe(input);
    },
  );
});
