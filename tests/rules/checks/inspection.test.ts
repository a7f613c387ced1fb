import { inspection } from "../../../src/rules/checks/inspection";
import { order, run, usd } from "./helpers";

describe("inspection", () => {
  it("flags a 5,000 USD order without third-party inspection", () => {
    expect(run(inspection, order({ total: usd(5000) }))).toMatchObject([
      { code: "no_inspection", points: 5 },
    ]);
  });

  it("is silent below 5,000 USD or with an inspection", () => {
    expect(run(inspection, order({ total: usd(4999) }))).toEqual([]);
    expect(run(inspection, order({ total: usd(8000), inspection: true }))).toEqual([]);
  });
});
