import { DateNotes } from "../../../src/taskpane/components/LedgerTab";
import type { DateColumnReport } from "../../../src/ledger/dates";
import { htmlOf, textOf } from "./render";

const orderDate: DateColumnReport = {
  index: 6,
  header: "Order date",
  field: "orderDate",
  dates: 40,
  unread: 16,
  example: { row: 11, text: "2/10/25" },
};

describe("DateNotes (the mapping view)", () => {
  it("counts a date column's dates not read, with the first one", () => {
    expect(textOf(<DateNotes dates={[orderDate]} lang="en" />)).toContain(
      "Order date: 16 of 40 dates not read (e.g. row 11 `2/10/25`)",
    );
  });

  it("says it in Chinese", () => {
    expect(textOf(<DateNotes dates={[orderDate]} lang="zh" />, "zh")).toContain(
      "Order date：40 个日期中 16 个未读取（例：第 11 行 `2/10/25`）",
    );
  });

  it("names a column written both day first and month first", () => {
    const mixed = {
      ...orderDate,
      unread: 0,
      example: undefined,
      conflict: { dmy: { row: 5, text: "13/04/2025" }, mdy: { row: 9, text: "04/13/2025" } },
    };
    expect(textOf(<DateNotes dates={[mixed]} lang="en" />)).toContain(
      "written both day first (row 5 `13/04/2025`) and month first (row 9 `04/13/2025`)",
    );
  });

  it("shows nothing when every date was read", () => {
    const html = htmlOf(<DateNotes dates={[{ ...orderDate, unread: 0, example: undefined }]} lang="en" />);
    expect(html).not.toContain("mapping-dates");
    expect(html).not.toContain("not read");
  });
});
