import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCsv } from "../../src/ledger/csv";
import { LedgerDates, reportDates } from "../../src/ledger/dates";
import { mapHeaders } from "../../src/ledger/header";
import { readLedger, readOrders } from "../../src/ledger/read";
import { parseSettings } from "../../src/rules/settings";
import type { CellValue } from "../../src/rules/types";

const settings = parseSettings({});
const asOf = new Date(Date.UTC(2025, 5, 30));
const HEADERS = ["Order ID", "Supplier", "Order total", "Order date", "Paid date", "Due date"];
const map = mapHeaders(HEADERS);

/** Rows of [order date, paid date, due date]. */
function ledger(dates: Array<[CellValue, CellValue?, CellValue?]>): CellValue[][] {
  return dates.map(([order, paid, due], i) => [
    `PO-${i + 1}`,
    "义乌市宏达贸易有限公司",
    "¥1,000",
    order,
    paid ?? null,
    due ?? null,
  ]);
}

/** The order dates read (first row is sheet row 2), as ISO days; the issue message where one was not read. */
function orderDates(rows: CellValue[][]): string[] {
  return readOrders(map, rows, { settings, firstRow: 2, history: true, asOf }).map(
    ({ order }) =>
      order.history?.orderDate?.toISOString().slice(0, 10) ??
      `unread: ${order.issues?.find((i) => i.field === "orderDate")?.message ?? "(nothing said)"}`,
  );
}

describe("a date column's day order", () => {
  it("reads 03/04/2025 as 3 April in a column that also holds 13/04/2025", () => {
    const days = orderDates(ledger([["03/04/2025"], ["13/04/2025"]]));
    expect(days).toEqual(["2025-04-03", "2025-04-13"]);
  });

  it("reads 03/04/2025 as 4 March in a column that also holds 04/13/2025", () => {
    expect(orderDates(ledger([["03/04/2025"], ["04/13/2025"]]))).toEqual(["2025-03-04", "2025-04-13"]);
  });

  it("names an ambiguous 03/04/2025 as unreadable when nothing in the ledger says which comes first", () => {
    const [day] = orderDates(ledger([["03/04/2025"], ["2025-05-20"], ["Jan 20, 2025"]]));
    expect(day).toMatch(/^unread: "03\/04\/2025" is ambiguous: 3 April 2025 or 4 March 2025\?/);
  });

  it("gives the unread date a Chinese message too", () => {
    const [result] = readOrders(map, ledger([["03/04/2025"]]), {
      settings,
      firstRow: 2,
      history: true,
      asOf,
    });
    expect(result?.order.issues?.[0]?.messageZh).toContain("有歧义");
  });

  it("takes the order of the ledger's other date columns when its own dates all read both ways", () => {
    const days = orderDates(
      ledger([
        ["1/9/25", "25/1/25"],
        ["2/10/25", "2/10/25"],
      ]),
    );
    expect(days).toEqual(["2025-09-01", "2025-10-02"]);
  });

  it("decides nothing from a ledger whose date columns disagree", () => {
    const rows = ledger([
      ["1/9/25", "25/1/25", "1/20/25"],
      ["2/10/25", null, null],
    ]);
    const report = reportDates(map, rows, { firstRow: 2, asOf });
    expect(report.find((r) => r.field === "orderDate")).toMatchObject({ dates: 2, unread: 2 });
    expect(report.find((r) => r.field === "paidDate")).toMatchObject({ order: "dmy", orderFrom: "column" });
  });

  it("names a column written both ways and refuses its dates that read two ways", () => {
    const rows = ledger([["13/04/2025"], ["04/14/2025"], ["03/04/2025"]]);
    expect(orderDates(rows)).toEqual([
      "2025-04-13",
      "2025-04-14",
      expect.stringContaining("day first and others"),
    ]);
    const report = reportDates(map, rows, { firstRow: 2, asOf }).find((r) => r.field === "orderDate");
    expect(report?.conflict).toEqual({
      dmy: { row: 2, text: "13/04/2025" },
      mdy: { row: 3, text: "04/14/2025" },
    });
  });

  it("reads a yearless due date in the year nearest the as-of day, an order date never after it", () => {
    const [order] = readOrders(map, ledger([["7月10日", null, "7月10日"]]), {
      settings,
      firstRow: 2,
      history: true,
      asOf,
    });
    expect(order?.order.history?.orderDate?.toISOString().slice(0, 10)).toBe("2024-07-10");
    expect(order?.order.history?.promisedDate?.toISOString().slice(0, 10)).toBe("2025-07-10");
  });

  it("reads 20250520 typed into a General cell (a number) as 20 May 2025", () => {
    expect(orderDates(ledger([[20250520], ["2025年5月21日"]]))).toEqual(["2025-05-20", "2025-05-21"]);
  });

  it("reads 5月6日 as of 2025-06-30 as 6 May 2025, whatever year the machine is in", () => {
    expect(orderDates(ledger([["5月6日"]]))).toEqual(["2025-05-06"]);
  });
});

describe("LedgerDates", () => {
  it("settles a column's order from rows observed later (a streamed ledger)", () => {
    const dates = new LedgerDates(map, { asOf });
    dates.observe(ledger([["03/04/2025"]]), 2);
    expect(dates.contextFor(3)?.order).toBeUndefined();
    dates.observe(ledger([["13/04/2025"]]), 3);
    expect(dates.contextFor(3)?.order).toBe("dmy");
  });

  it("keeps one context per order, so a reader's remembered cells stay valid", () => {
    const dates = new LedgerDates(map, { asOf }).observe(ledger([["13/04/2025"]]), 2);
    const before = dates.contextFor(3);
    dates.observe(ledger([["14/04/2025"]]), 3);
    expect(dates.contextFor(3)).toBe(before);
  });

  it("has no context for a column that holds no dates", () => {
    expect(new LedgerDates(map).contextFor(0)).toBeUndefined();
  });
});

describe("reportDates", () => {
  it("counts each date column's dates and those not read, with the first one not read", () => {
    const rows = ledger([["2025-01-05"], ["2/10/25"], [""], ["Jan 20, 2025"], ["1/9/25"], ["soon"]]);
    const [order] = reportDates(map, rows, { firstRow: 2, asOf });
    expect(order).toEqual({
      index: 3,
      header: "Order date",
      field: "orderDate",
      dates: 5,
      unread: 3,
      example: { row: 3, text: "2/10/25" },
    });
  });

  it("says which order a column was read in and the date that showed it", () => {
    const rows = ledger([["1/9/25"], ["20/1/25"]]);
    expect(reportDates(map, rows, { firstRow: 2 })[0]).toMatchObject({
      dates: 2,
      unread: 0,
      order: "dmy",
      orderFrom: "column",
      evidence: { row: 3, text: "20/1/25" },
    });
  });

  it("counts only the cells written as dates in a ship-date column", () => {
    const ship = mapHeaders(["Order ID", "Supplier", "Ship date", "Received"]);
    const rows: CellValue[][] = [
      ["PO-1", "A", "yes", 500],
      ["PO-2", "A", "3/4/2025", "是"],
      ["PO-3", "A", "2025-03-04", "Jan 3, 2025"],
    ];
    const report = reportDates(ship, rows, { firstRow: 2 });
    expect(report.map((r) => [r.field, r.dates, r.unread])).toEqual([
      ["shippedDate", 2, 1],
      ["received", 1, 0],
    ]);
  });
});

describe("the hand-typed fixtures, read as of 2025-06-30", () => {
  const days = (name: string): string[] => {
    const cells = parseCsv(readFileSync(path.join(__dirname, "..", "fixtures", name), "utf8"));
    const read = readLedger(cells, { settings, history: true, asOf });
    return read.results.map(
      ({ order }) =>
        order.history?.orderDate?.toISOString().replace(":00.000Z", "").replace("T00:00", "") ?? "unread",
    );
  };

  it("reads all 40 English order dates, month first", () => {
    expect(days("hand-dates.en.csv")).toEqual([
      ...["2025-01-09", "2025-01-13", "2025-01-14", "2025-01-16", "2025-01-20", "2025-01-20", "2025-01-22"],
      ...["2025-03-03", "2025-01-28", "2025-02-10", "2025-02-03", "2025-02-14", "2025-02-18", "2025-02-24"],
      ...["2025-02-26T14:30", "2025-03-03", "2025-03-05", "2025-03-07", "2025-03-11", "2025-03-14"],
      ...["2025-03-17T14:30", "2025-03-20", "2025-03-24T09:15", "2025-03-27", "2025-04-01", "2025-04-03"],
      ...["2025-04-07", "2025-04-10", "2025-04-14", "2025-04-17", "2025-04-22", "2025-04-25", "2025-05-01"],
      ...["2025-05-06", "2025-05-09", "2025-05-13", "2025-05-19", "2025-05-23", "2025-06-02", "2025-06-10"],
    ]);
  });

  it("reads all 40 Chinese order dates, 5月6日 as 6 May 2025", () => {
    expect(days("hand-dates.zh.csv")).toEqual([
      ...["2025-01-05", "2025-01-08T14:30", "2025-01-10", "2025-01-13", "2025-01-15", "2025-01-17"],
      ...["2025-01-20T09:30", "2025-01-22", "2025-01-24", "2025-02-05", "2025-02-10", "2025-02-12"],
      ...["2025-02-14", "2025-02-17", "2025-02-19", "2025-02-21", "2025-02-24T09:05", "2025-02-28"],
      ...["2025-03-03", "2025-03-05", "2025-03-07", "2025-03-10", "2025-03-12", "2025-03-14"],
      ...["2025-03-17T10:00", "2025-03-19", "2025-03-21", "2025-03-24", "2025-03-26", "2025-03-28"],
      ...["2025-04-01", "2025-04-03", "2025-04-08", "2025-04-10T16:45", "2025-04-14", "2025-04-16"],
      ...["2025-04-18", "2025-04-22", "2025-05-06", "2025-05-20"],
    ]);
  });
});
