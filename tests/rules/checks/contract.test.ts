import { contract } from "../../../src/rules/checks/contract";
import { cny, order, run, usd } from "./helpers";

describe("contract", () => {
  it("flags a 2,000 USD order without an e-contract", () => {
    expect(run(contract, order({ total: usd(2000), contract: false }))).toMatchObject([
      { rule: "contract", code: "no_contract", points: 5 },
    ]);
  });

  it("is silent below 2,000 USD (14,000 yuan is 1,944 USD)", () => {
    expect(run(contract, order({ total: cny(14000) }))).toEqual([]);
  });

  it("is silent with a contract", () => {
    expect(run(contract, order({ total: usd(9000), contract: true }))).toEqual([]);
  });
});
