import { SummaryBuilder, formatSummary, textTable } from "../../../src/cli/io/audit-summary";
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
    b.add({
      row: 6,
      supplier: undefined,
      error: "column E: not an amount",
      located: "x.csv, row 6, column E: not an amount",
    });
    return b.build();
  };

  it("counts rows per level and rows that could not be scored", () => {
    const s = build();
    expect(s.rows).toBe(5);
    expect(s.levels).toEqual({ HIGH: 2, MEDIUM: 1, LOW: 1 });
    expect(s.errors).toBe(1);
  });

  it("ranks suppliers by their worst score and counts a multi-line order once", () => {
    expect(build().suppliers).toEqual([
      { supplier: "义乌市佳禾玩具有限公司", maxScore: 100, orders: 1, high: 2 },
      { supplier: "Ningbo Xingchen", maxScore: 40, orders: 1, high: 0 },
      { supplier: "(supplier not recorded)", maxScore: 0, orders: 1, high: 0 },
    ]);
  });

  it("ranks reasons by the number of rows that have them", () => {
    expect(build().reasons.map((r) => [r.rule, r.code, r.rows])).toEqual([
      ["blacklisted", "on_blacklist", 2],
      ["badges", "no_badge", 1],
      ["tracking", "dedicated_line", 1],
    ]);
  });

  it("prints the level counts, the suppliers and the reasons", () => {
    const text = formatSummary(build(), "en", { file: "ledger.xlsx", output: "ledger.audited.xlsx" });
    expect(text.split("\n")[0]).toBe("Audit summary: ledger.xlsx (5 rows) -> ledger.audited.xlsx");
    expect(text).toMatch(/HIGH\s+2\n/);
    expect(text).toMatch(/not scored \(input errors\)\s+1/);
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
