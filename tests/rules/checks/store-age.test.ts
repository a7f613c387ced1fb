import { storeAge } from "../../../src/rules/checks/store-age";
import { order, run } from "./helpers";

describe("store-age", () => {
  it.each([
    [0, 20],
    [1, 13.3],
    [2, 6.7],
    [2.5, 3.3],
  ])("gives a %s-year store %s points", (years, points) => {
    const [r] = run(storeAge, order({ supplier: { years } }));
    expect(r).toMatchObject({
      rule: "store-age",
      code: "young_store",
      points,
      facts: { years, minYears: 3 },
    });
  });

  it.each([3, 4, 12])("is silent for a %s-year store", (years) => {
    expect(run(storeAge, order({ supplier: { years } }))).toEqual([]);
  });

  it("is silent when the store age is not known", () => {
    expect(run(storeAge, order())).toEqual([]);
  });

  it("follows the team's minimum", () => {
    const [r] = run(storeAge, order({ supplier: { years: 4 } }), { settings: { storeAge: { minYears: 5 } } });
    expect(r?.points).toBe(4);
  });
});
