import { alignedTable, displayWidth, errorToJson, verdictToJson } from "../../src/cli/format";

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
    expect(errorToJson(9, "bad cell")).toEqual({ row: 9, error: "bad cell" });
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
