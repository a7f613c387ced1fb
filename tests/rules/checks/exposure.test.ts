import { exposure } from "../../../src/rules/checks/exposure";
import { order, run, usd, cny } from "./helpers";

describe("exposure", () => {
  it("flags 10,000 USD prepaid by WeChat to a one-year store (the guide's example)", () => {
    const o = order({
      supplier: { years: 1 },
      total: usd(10000),
      paidUpfront: usd(10000),
      payment: "wechat",
    });
    const [r] = run(exposure, o);
    expect(r).toMatchObject({
      rule: "exposure",
      code: "exposure_over_cap",
      points: 20,
      facts: { atRiskUsd: 10000, capUsd: 2000 },
    });
  });

  it("is silent when the prepayment is within years x 1,000 USD x 2", () => {
    const o = order({ supplier: { years: 4 }, total: usd(10000), paidUpfront: usd(3000), payment: "staged" });
    expect(run(exposure, o)).toEqual([]);
  });

  it("does not count money held in 1688 escrow", () => {
    const o = order({
      supplier: { years: 1 },
      total: cny(72000),
      paidUpfront: cny(72000),
      payment: "escrow",
    });
    expect(run(exposure, o)).toEqual([]);
  });

  it("converts yuan through the exchange-rate setting", () => {
    const o = order({
      supplier: { years: 1 },
      total: cny(36000),
      paidUpfront: cny(14400),
      payment: "bank_transfer",
    });
    expect(run(exposure, o)).toEqual([]); // 14,400 / 7.2 = 2,000 USD: at the cap, not over it
    expect(run(exposure, o, { settings: { rates: { CNY: 7 } } })[0]?.facts.atRiskUsd).toBe(2057);
  });

  it("is silent when the store age is unknown", () => {
    expect(run(exposure, order({ total: usd(10000), paidUpfront: usd(10000), payment: "wechat" }))).toEqual(
      [],
    );
  });
});
