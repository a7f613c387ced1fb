import { samples } from "../../../src/rules/checks/samples";
import { order, run } from "./helpers";

describe("samples", () => {
  it("flags 500 units with no sample recorded", () => {
    expect(run(samples, order({ quantity: 500, sample: false }))).toMatchObject([
      { rule: "samples", code: "no_sample", points: 10, facts: { quantity: 500 } },
    ]);
  });

  it("is silent for a trial order of 100 units", () => {
    expect(run(samples, order({ quantity: 100 }))).toEqual([]);
  });

  it("is silent when a sample was taken", () => {
    expect(run(samples, order({ quantity: 500, sample: true }))).toEqual([]);
  });

  it("is silent when the ledger has no sample column", () => {
    expect(run(samples, order({ quantity: 500 }), { fields: ["quantity"] })).toEqual([]);
  });
});
