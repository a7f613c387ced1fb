import { columnClasses, csvNumber } from "../../../src/cli/io/csv-numbers";
import { mapHeaders } from "../../../src/ledger/header";

describe("columnClasses", () => {
  it("makes money, count, share and years columns numbers, and id and text columns text", () => {
    const classOf = columnClasses(
      mapHeaders(["订单编号", "供应商名称", "订单金额", "数量", "预付比例", "诚信通年限", "运单号", "备注"]),
    );
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(classOf)).toEqual([
      "text",
      "text",
      "number",
      "number",
      "number",
      "number",
      "text",
      "auto",
    ]);
  });
});

describe("csvNumber", () => {
  it.each<[string, number, string | undefined]>([
    ["6688", 6688, undefined],
    ["12.50", 12.5, "0.00"],
    ["-12", -12, undefined],
    ["0", 0, undefined],
    ["0.5", 0.5, "0.0"],
    ["123456789012", 123456789012, "0"],
  ])("writes %j in a number column as %d", (text, value, numFmt) => {
    expect(csvNumber(text, "number")).toEqual(numFmt === undefined ? { value } : { value, numFmt });
  });

  it.each(["0571", "007", "1,200", "¥6688", "30%", "３６００", "1e5", "12.", ".5", "-", "1234567890123456"])(
    "keeps %j text in a number column",
    (text) => {
      expect(csvNumber(text, "number")).toBeUndefined();
    },
  );

  it("keeps every cell of a text column text, tracking numbers and order ids included", () => {
    expect(csvNumber("287862974448", "text")).toBeUndefined();
    expect(csvNumber("12", "text")).toBeUndefined();
  });

  it("writes short numbers of an unknown column as numbers, and long ones (ids, phones) as text", () => {
    expect(csvNumber("500", "auto")).toEqual({ value: 500 });
    expect(csvNumber("4.7", "auto")).toEqual({ value: 4.7, numFmt: "0.0" });
    expect(csvNumber("13812345678", "auto")).toBeUndefined();
    expect(csvNumber("3456789012345678901", "auto")).toBeUndefined();
  });
});
