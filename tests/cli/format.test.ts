import { grouped, alignedTable, displayWidth, verdictToJson } from "../../src/cli/format";

describe("CLI output", () => {
  it("writes a verdict as the documented JSON shape", () => {
    const json = verdictToJson(
      7,
      {
        score: 30,
        level: "MEDIUM",
        reasons: [{ rule: "payment-channel", code: "personal_account", points: 30, facts: {} }],
      },
      "en",
    );
    expect(json).toEqual({
      row: 7,
      score: 30,
      level: "MEDIUM",
      reasons: [
        {
          rule: "payment-channel",
          code: "personal_account",
          points: 30,
          text: "paid to a personal account: the private-transfer trap",
        },
      ],
    });
  });

  it("adds the cells it could not read as warnings, and leaves the key out when there are none", () => {
    const verdict = {
      score: 0,
      level: "LOW" as const,
      reasons: [
        {
          rule: "input" as const,
          code: "unreadable_cell",
          points: 0,
          facts: {
            column: "已付金额",
            message: '"全款了吧" is not an amount of money',
            messageZh: '"全款了吧" 不是金额',
          },
        },
      ],
    };
    const where = 'a.csv, sheet "a", row 9, column D (已付金额): "全款了吧" is not an amount of money';
    expect(verdictToJson(9, verdict, "zh", [where])).toEqual({
      row: 9,
      score: 0,
      level: "LOW",
      reasons: [
        {
          rule: "input",
          code: "unreadable_cell",
          points: 0,
          text: '“已付金额”列无法读取："全款了吧" 不是金额；评分时未计入',
        },
      ],
      warnings: [where],
    });
    expect(Object.keys(verdictToJson(9, verdict, "en", []))).toEqual(["row", "score", "level", "reasons"]);
  });

  it("counts Chinese and full-width characters as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("风险")).toBe(4);
    expect(displayWidth("１２")).toBe(4);
  });

  it("aligns a table with mixed scripts", () => {
    const text = alignedTable(
      ["行", "Level"],
      [
        ["2", "HIGH"],
        ["10", "LOW"],
      ],
    );
    expect(text.split("\n")).toEqual(["行  Level", "--  -----", "2   HIGH", "10  LOW"]);
  });
});

describe("grouped", () => {
  it("writes whole numbers with thousands separators, as en-US does", () => {
    for (const n of [0, 7, 999, 1000, 10000, 123456, 1048576, 99999999, 1234567890123])
      expect(grouped(n)).toBe(n.toLocaleString("en-US"));
  });
});
