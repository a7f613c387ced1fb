import { SummaryBuilder, countsText, formatSummary, textTable } from "../../../src/cli/io/audit-summary";
import type { Verdict } from "../../../src/rules/types";

const verdict = (score: number, level: Verdict["level"], codes: Array<[string, string]> = []): Verdict => ({
  score,
  level,
  reasons: codes.map(([rule, code]) => ({
    rule: rule as Verdict["reasons"][number]["rule"],
    code,
    points: 10,
    facts: {},
  })),
});

describe("SummaryBuilder", () => {
  const build = () => {
    const b = new SummaryBuilder("en");
    b.add({
      row: 2,
      supplier: "义乌市佳禾玩具有限公司",
      orderId: "A1",
      verdict: verdict(100, "HIGH", [["blacklisted", "on_blacklist"]]),
    });
    // A continuation row of the same order: one order, two rows.
    b.add({
      row: 3,
      supplier: "义乌市佳禾玩具有限公司",
      orderId: "A1",
      verdict: verdict(100, "HIGH", [["blacklisted", "on_blacklist"]]),
    });
    // An order whose first line is LOW and whose second is MEDIUM: one MEDIUM order.
    b.add({ row: 7, supplier: "Ningbo Xingchen", orderId: "C1", verdict: verdict(0, "LOW") });
    b.add({
      row: 8,
      supplier: "Ningbo Xingchen",
      orderId: "C1",
      verdict: verdict(30, "MEDIUM", [["tracking", "dedicated_line"]]),
    });
    b.add({
      row: 4,
      supplier: "Ningbo Xingchen",
      orderId: "B1",
      verdict: verdict(40, "MEDIUM", [
        ["tracking", "dedicated_line"],
        ["badges", "no_badge"],
      ]),
    });
    b.add({ row: 5, supplier: undefined, verdict: verdict(0, "LOW") });
    // A row scored without a cell it could not read.
    b.add({
      row: 6,
      supplier: undefined,
      verdict: verdict(0, "LOW", [["input", "unreadable_cell"]]),
      warnings: ['x.csv, row 6, column E (已付金额): "全款了吧" is not an amount of money'],
    });
    return b.build();
  };

  it("counts orders per level (an order at its riskiest line), orders and rows, and rows read with warnings", () => {
    const s = build();
    expect(s.rows).toBe(7);
    expect(s.orders).toBe(5);
    expect(s.levels).toEqual({ HIGH: 1, MEDIUM: 2, LOW: 2 });
    expect(s.warnings).toBe(1);
  });

  it("ranks suppliers by their worst score and counts a multi-line order once, and a HIGH order once", () => {
    expect(build().suppliers).toEqual([
      { supplier: "义乌市佳禾玩具有限公司", maxScore: 100, orders: 1, high: 1 },
      { supplier: "Ningbo Xingchen", maxScore: 40, orders: 2, high: 0 },
      { supplier: "(supplier not recorded)", maxScore: 0, orders: 2, high: 0 },
    ]);
  });

  it("ranks reasons by the number of rows that have them", () => {
    expect(build().reasons.map((r) => [r.rule, r.code, r.rows])).toEqual([
      ["blacklisted", "on_blacklist", 2],
      ["tracking", "dedicated_line", 2],
      ["badges", "no_badge", 1],
      ["input", "unreadable_cell", 1],
    ]);
  });

  it("counts an order id met under a second supplier once for each supplier, and once in the total", () => {
    const b = new SummaryBuilder("en");
    const add = (row: number, supplier: string | undefined, orderId: string | undefined, v: Verdict) =>
      b.add({ row, supplier, orderId, verdict: v });
    add(2, "甲公司", "3700000000000000001", verdict(10, "LOW"));
    add(3, " 乙公司 ", " 3700000000000000001 ", verdict(70, "HIGH"));
    add(4, "乙公司", "3700000000000000001", verdict(10, "LOW"));
    add(5, "甲公司", "3700000000000000001", verdict(80, "HIGH"));
    add(6, "丙公司", "3700000000000000001", verdict(0, "LOW"));
    // A blank order id is a row of its own, as is an absent one.
    add(7, "甲公司", "  ", verdict(0, "LOW"));
    add(8, "甲公司", undefined, verdict(0, "LOW"));
    const s = b.build();
    expect(s.orders).toBe(3);
    expect(s.levels).toEqual({ HIGH: 1, MEDIUM: 0, LOW: 2 });
    expect(s.suppliers).toEqual([
      { supplier: "甲公司", maxScore: 80, orders: 3, high: 0 },
      { supplier: "乙公司", maxScore: 70, orders: 1, high: 1 },
      { supplier: "丙公司", maxScore: 0, orders: 1, high: 0 },
    ]);
  });

  it("counts a reason once for a row that gives it twice", () => {
    const b = new SummaryBuilder("en");
    const twice = verdict(20, "LOW", [
      ["badges", "no_badge"],
      ["badges", "no_badge"],
    ]);
    b.add({ row: 2, supplier: "甲公司", orderId: "A", verdict: twice });
    b.add({ row: 3, supplier: "甲公司", orderId: "B", verdict: twice });
    expect(b.build().reasons.map((r) => [r.code, r.rows])).toEqual([["no_badge", 2]]);
  });

  it("says how many orders in how many rows", () => {
    expect(countsText({ orders: 40, rows: 47 }, "en")).toBe("40 orders (47 rows)");
    expect(countsText({ orders: 12, rows: 12 }, "en")).toBe("12 orders");
    expect(countsText({ orders: 40, rows: 47 }, "zh")).toBe("40 个订单（47 行）");
  });

  it("prints the level counts, the suppliers and the reasons", () => {
    const text = formatSummary(build(), "en", { file: "ledger.xlsx", output: "ledger.audited.xlsx" });
    expect(text.split("\n")[0]).toBe("Audit summary: ledger.xlsx, 5 orders (7 rows) -> ledger.audited.xlsx");
    expect(text).toMatch(/Level\s+Orders\n/);
    expect(text).toMatch(/HIGH\s+1\n/);
    expect(text).toMatch(/rows with cells not read \(scored without them\): 1/);
    expect(text).toContain("Suppliers by risk:");
    expect(text).toMatch(/blacklisted\s+on_blacklist\s+2/);
  });
});

describe("textTable", () => {
  it("pads columns to their widest cell, counting CJK characters as two columns, and right-aligns numbers", () => {
    expect(
      textTable(
        ["Supplier", "Max"],
        [
          ["佳禾", 100],
          ["Acme Ltd", 5],
        ],
      ),
    ).toBe(["Supplier  Max", "--------  ---", "佳禾      100", "Acme Ltd    5"].join("\n"));
  });
});
