import { deposit } from "../../../src/rules/checks/deposit";
import { explain } from "../../../src/rules/explain";
import { cny, order, run, usd } from "./helpers";

describe("deposit", () => {
  it("flags a 100% prepayment on a 48,000 yuan order with 30 points", () => {
    const [r] = run(deposit, order({ total: cny(48000), paidUpfront: cny(48000), payment: "bank_transfer" }));
    expect(r).toMatchObject({ rule: "deposit", code: "prepaid_full", points: 30 });
    expect(explain(r!, "en")).toBe(
      "paid 100% (¥48,000) upfront on a ¥48,000 order; guide: at most 30% before receipt",
    );
    expect(explain(r!, "zh")).toContain("收货前已付 100%");
  });

  it("flags 50% upfront with 20 points", () => {
    const [r] = run(deposit, order({ total: usd(2000), paidShare: 0.5, payment: "wechat" }));
    expect(r).toMatchObject({ code: "prepaid_over_limit", points: 20, facts: { share: 0.5 } });
  });

  it("accepts the guide's 30% deposit, with rounding tolerance", () => {
    expect(run(deposit, order({ total: usd(2000), paidUpfront: usd(600), payment: "staged" }))).toEqual([]);
    expect(run(deposit, order({ total: cny(10001), paidUpfront: cny(3001), payment: "staged" }))).toEqual([]);
  });

  it("accepts 100% upfront on an order under 500 USD", () => {
    expect(run(deposit, order({ total: usd(300), paidUpfront: usd(300), payment: "wechat" }))).toEqual([]);
  });

  it("does not count an ordinary order paid in full into 1688 escrow as prepaid", () => {
    expect(run(deposit, order({ total: cny(48000), paidUpfront: cny(48000), payment: "escrow" }))).toEqual(
      [],
    );
    expect(run(deposit, order({ total: cny(48000), amountPaid: cny(48000), payment: "escrow" }))).toEqual([]);
  });

  it("counts 1688's staged payment as 30% released when no amount is recorded", () => {
    expect(run(deposit, order({ total: usd(9000), payment: "staged" }))).toEqual([]);
  });

  it("is silent once the goods are received", () => {
    expect(
      run(deposit, order({ total: usd(9000), paidUpfront: usd(9000), payment: "wechat", received: true })),
    ).toEqual([]);
  });

  it("follows the team's limit", () => {
    const o = order({ total: usd(2000), paidShare: 0.5, payment: "wechat" });
    expect(run(deposit, o, { settings: { deposit: { maxShare: 0.5 } } })).toEqual([]);
  });
});
