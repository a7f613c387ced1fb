import {
  columnLetters,
  columnWarningText,
  dateReadText,
  dateWarnings,
  dateWarningText,
  describeColumns,
} from "../../src/ledger/columns";
import type { DateColumnReport } from "../../src/ledger/dates";
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

describe("the date column report's sentences", () => {
  const base: DateColumnReport = { index: 6, header: "下单日期", field: "orderDate", dates: 40, unread: 0 };

  it("says how many dates were read and in which order, and where the order came from", () => {
    const own = {
      ...base,
      order: "dmy" as const,
      orderFrom: "column" as const,
      evidence: { row: 5, text: "13/04/2025" },
    };
    expect(dateReadText(own, "en")).toBe("40 of 40 read, day first (row 5 `13/04/2025`)");
    expect(dateReadText(own, "zh")).toBe("40 个日期读取 40 个，先日后月（第 5 行 `13/04/2025`）");
    const borrowed = { ...own, order: "mdy" as const, orderFrom: "ledger" as const };
    expect(dateReadText(borrowed, "en")).toBe(
      "40 of 40 read, month first (as the ledger's other date columns, row 5 `13/04/2025`)",
    );
    expect(dateReadText({ ...base, dates: 0 }, "en")).toBe("");
  });

  it("writes a warning only for a column with dates not read or written both ways", () => {
    expect(dateWarningText(base, "en")).toBeUndefined();
    const unread = { ...base, unread: 16, example: { row: 11, text: "2/10/25" } };
    expect(dateWarnings([base, unread], "zh")).toEqual([
      "下单日期：40 个日期中 16 个未读取（例：第 11 行 `2/10/25`）",
    ]);
    const mixed = {
      ...unread,
      conflict: { dmy: { row: 5, text: "13/04/2025" }, mdy: { row: 9, text: "04/13/2025" } },
    };
    expect(dateWarningText(mixed, "en")).toBe(
      "下单日期: 16 of 40 dates not read (e.g. row 11 `2/10/25`); written both day first (row 5 `13/04/2025`) and month first (row 9 `04/13/2025`), so a date whose day and month are both 12 or less cannot be read",
    );
    expect(dateReadText(mixed, "zh")).toBe("40 个日期读取 24 个，日月顺序不一");
  });
});
