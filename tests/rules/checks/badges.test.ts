import { badges } from "../../../src/rules/checks/badges";
import { order, run } from "./helpers";

describe("badges", () => {
  it("flags a store with only the paid 诚信通 membership", () => {
    expect(run(badges, order({ supplier: { badges: ["trustpass"] } }))).toMatchObject([
      { rule: "badges", code: "no_badge", points: 10 },
    ]);
  });

  it("flags an empty badge cell", () => {
    expect(run(badges, order(), { fields: ["badges"] })).toHaveLength(1);
  });

  it.each(["powerful_merchant", "deep_audit", "brand_authorization", "super_factory"] as const)(
    "is silent for a %s badge",
    (badge) => {
      expect(run(badges, order({ supplier: { badges: ["trustpass", badge] } }))).toEqual([]);
    },
  );

  it("is silent when the ledger has no badge column", () => {
    expect(run(badges, order(), { fields: ["supplierName"] })).toEqual([]);
  });
});
