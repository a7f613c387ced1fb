import { columnLetters, columnWarningText, describeColumns } from "../../src/ledger/columns";
import { mapHeaders } from "../../src/ledger/header";

describe("columnLetters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("names column index %i %s", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });
});

describe("describeColumns", () => {
  it("lists every column with a header, its letter and its field, unread ones without a field", () => {
    const map = mapHeaders(["供应商", "", "颜色", "是否寄样"]);
    expect(describeColumns(map)).toEqual([
      { index: 0, letter: "A", header: "供应商", field: "supplierName" },
      { index: 2, letter: "C", header: "颜色" },
      { index: 3, letter: "D", header: "是否寄样", field: "sample" },
    ]);
  });

  it("shows a column an override reads, and one it leaves out", () => {
    const map = mapHeaders(["供应商", "备注", "运单号"], { 备注: "payee", 运单号: null });
    expect(describeColumns(map).map((c) => c.field)).toEqual(["supplierName", "payee", undefined]);
  });
});

describe("columnWarningText", () => {
  const unread = mapHeaders(["供应商", "样品费"]);
  const lost = mapHeaders(["运单号", "快递单号"]);

  it("names the column, the field it looks like and the setting that reads it, in English", () => {
    expect(columnWarningText(unread.warnings[0]!, unread, "en")).toBe(
      'column B "样品费" looks like sample but is not read; to read it, set columns.样品费 = sample in the settings',
    );
    expect(columnWarningText(lost.warnings[0]!, lost, "en")).toBe(
      'column B "快递单号" looks like trackingNumber but is not read: trackingNumber is read from column A "运单号"; to read it, set columns.快递单号 = trackingNumber in the settings',
    );
  });

  it("says the same in Chinese, with the caller's field labels", () => {
    expect(columnWarningText(unread.warnings[0]!, unread, "zh", () => "样品")).toBe(
      "B 列“样品费”看起来是字段 样品，但未被读取；如需读取，请在设置中设 columns.样品费 = sample",
    );
    expect(columnWarningText(lost.warnings[0]!, lost, "zh", () => "运单号")).toBe(
      "B 列“快递单号”看起来是字段 运单号，但未被读取：运单号 已从 A 列“运单号”读取；如需读取，请在设置中设 columns.快递单号 = trackingNumber",
    );
  });
});
