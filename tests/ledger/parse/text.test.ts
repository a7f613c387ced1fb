import { isBlank, isExcelErrorValue, isPlaceholder, normalizeText } from "../../../src/ledger/parse/text";

describe("normalizeText", () => {
  it.each([
    ["１２３", "123"],
    ["（深圳）电子有限公司", "(深圳)电子有限公司"],
    ["￥６，６８８", "¥6,688"],
    ["  Powerful   Merchant ", "Powerful Merchant"],
    ["实力商家\u3000超级工厂", "实力商家 超级工厂"],
    ["ＡＢＣ", "ABC"],
    ["line\none", "line one"],
    ["义乌市日用品有限公司", "义乌市日用品有限公司"],
    ["plain ascii", "plain ascii"],
  ])("normalises %j to %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("isExcelErrorValue", () => {
  it.each([
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#DIV/0!",
    "#NUM!",
    "#NAME?",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
    "#BUSY!",
    " #N/A ",
  ])("recognises the Excel error %j", (v) => {
    expect(isExcelErrorValue(v)).toBe(true);
  });

  it.each(["N/A", "#1", "#N/A trailing text", "#hashtag", "", "Order #12", 0, null, undefined, true])(
    "does not take %j for an Excel error",
    (v) => {
      expect(isExcelErrorValue(v)).toBe(false);
    },
  );
});

describe("isBlank and isPlaceholder", () => {
  it.each([null, undefined, "", "   ", "\u3000"])("treats %j as blank", (v) => {
    expect(isBlank(v)).toBe(true);
  });

  it.each([0, false, "0", "-"])("does not treat %j as blank", (v) => {
    expect(isBlank(v)).toBe(false);
  });

  it.each(["-", "—", "/", "N/A", "n/a", "TBD"])("reads %j as a placeholder for nothing", (s) => {
    expect(isPlaceholder(s)).toBe(true);
  });

  it.each(["0", "无", "none", "A"])("does not read %j as a placeholder", (s) => {
    expect(isPlaceholder(s)).toBe(false);
  });
});
