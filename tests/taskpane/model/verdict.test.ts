import type { Verdict } from "../../../src/rules/types";
import { GRADE_LEVEL, supplierVerdict } from "../../../src/taskpane/model/verdict";

const clean: Verdict = { score: 0, level: "LOW", reasons: [] };
const risky: Verdict = {
  score: 35,
  level: "MEDIUM",
  reasons: [{ rule: "payment-channel", code: "private_wechat", points: 30, facts: {} }],
};

describe("one verdict on a supplier", () => {
  it("puts a D from the ledger above a clean vetting form, and is HIGH", () => {
    const v = supplierVerdict({
      answers: clean,
      ledger: { grade: "D", causes: [{ code: "payee_changed", grade: "D", changes: 1 }] },
    });
    expect(v.level).toBe("HIGH");
    expect(v.parts.map((p) => p.source)).toEqual(["ledger", "answers"]);
  });

  it("puts the answers first when they are worse than the ledger's A", () => {
    const v = supplierVerdict({
      answers: risky,
      ledger: { grade: "A", causes: [{ code: "on_time", grade: "A", rate: 1, judged: 5 }] },
    });
    expect(v.level).toBe("MEDIUM");
    expect(v.parts.map((p) => p.source)).toEqual(["answers", "ledger"]);
  });

  it("counts the typed ratings only for a supplier the ledger does not grade", () => {
    const causes = [{ code: "on_time" as const, grade: "C" as const, rate: 0.85 }];
    expect(supplierVerdict({ answers: clean, ratings: { grade: "C", causes } }).parts[0]).toMatchObject({
      source: "ratings",
      level: "MEDIUM",
    });
    const both = supplierVerdict({
      answers: clean,
      ledger: { grade: "A", causes: [] },
      ratings: { grade: "C", causes },
    });
    expect(both.parts.map((p) => p.source)).toEqual(["answers", "ledger"]);
    expect(both.level).toBe("LOW");
  });

  it("reads A and B as low, C as medium, D as high", () => {
    expect(GRADE_LEVEL).toEqual({ A: "LOW", B: "LOW", C: "MEDIUM", D: "HIGH" });
  });
});
