import { SupplierVerdict } from "../../../src/taskpane/components/SupplierVerdict";
import { supplierVerdict } from "../../../src/taskpane/model/verdict";
import { textOf } from "./render";

const clean = { score: 0, level: "LOW" as const, reasons: [] };
const payeeD = supplierVerdict({
  answers: clean,
  ledger: {
    grade: "D",
    causes: [
      { code: "on_time", grade: "A", rate: 1, judged: 3 },
      { code: "payee_changed", grade: "D", changes: 1 },
    ],
  },
});

describe("SupplierVerdict", () => {
  it("leads with the ledger's D over a clean form, each part naming its source and the grade its cause", () => {
    const text = textOf(<SupplierVerdict verdict={payeeD} inLedger />);
    expect(text).toContain("Verdict on this supplier High risk");
    expect(text.indexOf("From the ledger's record on this sheet: grade D · High")).toBeLessThan(
      text.indexOf("From the vetting answers in this form: score 0 · Low"),
    );
    expect(text).toContain("payee account changed 1 time: D");
    expect(text).toContain("on time 100% of 3 orders: A");
  });

  it("says when one late order is not a D", () => {
    const v = supplierVerdict({
      answers: clean,
      ledger: { grade: "C", causes: [{ code: "few_orders_late", grade: "C", rate: 0, judged: 1 }] },
    });
    expect(textOf(<SupplierVerdict verdict={v} inLedger />)).toContain(
      "on time 0% of only 1 order: C at worst, not D, until 3 are judged",
    );
  });

  it("lists every reason of the answers with its points, and says the score stops at 100", () => {
    const v = supplierVerdict({
      answers: {
        score: 100,
        level: "HIGH",
        reasons: [
          { rule: "payment-channel", code: "private_wechat", points: 30, facts: {} },
          {
            rule: "deposit",
            code: "prepaid_full",
            points: 30,
            facts: { share: 1, maxShare: 0.3, totalUsd: 6667 },
          },
          { rule: "badges", code: "no_badge", points: 10, facts: {} },
          { rule: "store-age", code: "young_store", points: 20, facts: { years: 1, minYears: 3 } },
          { rule: "license", code: "uscc_missing", points: 5, facts: {} },
          { rule: "samples", code: "no_sample", points: 10, facts: { quantity: 500, limit: 100 } },
        ],
      },
    });
    const text = textOf(<SupplierVerdict verdict={v} inLedger={false} />);
    expect(text).toMatch(/\+30 .*\+30 .*\+20 .*\+10 .*\+10 .*\+5 /);
    expect(text).toContain("105 points in all; a score stops at 100.");
    expect(text).toContain("The ledger on this sheet has no record of this supplier.");
  });

  it("speaks Chinese", () => {
    const text = textOf(<SupplierVerdict verdict={payeeD} inLedger />, "zh");
    expect(text).toContain("对该供应商的结论 高风险");
    expect(text).toContain("来自本工作表台账的记录：等级 D · 高");
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });
});
