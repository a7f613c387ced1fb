import { factoryVisit } from "../../../src/rules/checks/factory-visit";
import { order, run } from "./helpers";

describe("factory-visit", () => {
  it("flags a supplier that refused a video call or visit", () => {
    expect(run(factoryVisit, order({ supplier: { factoryVisit: "refused" } }))).toMatchObject([
      { code: "visit_refused", points: 10 },
    ]);
  });

  it("flags a self-declared factory with no visit and no audit badge", () => {
    expect(
      run(factoryVisit, order({ supplier: { businessModel: "manufacturer", factoryVisit: "none" } })),
    ).toMatchObject([{ code: "factory_unverified", points: 10 }]);
  });

  it("is silent when the factory was visited or deep-audited", () => {
    expect(run(factoryVisit, order({ supplier: { claimsFactory: true, factoryVisit: "done" } }))).toEqual([]);
    expect(run(factoryVisit, order({ supplier: { claimsFactory: true, badges: ["deep_audit"] } }))).toEqual(
      [],
    );
  });

  it("is silent for a wholesaler", () => {
    expect(run(factoryVisit, order({ supplier: { businessModel: "wholesaler" } }))).toEqual([]);
  });
});
