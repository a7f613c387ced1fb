import { tracking } from "../../../src/rules/checks/tracking";
import { batchFacts } from "../../../src/rules/score";
import { order, run } from "./helpers";

/** UPS's published sample number (valid check digit). */
const UPS = "1Z999AA10123456784";

describe("tracking", () => {
  it("gives 15 points to a shipped order without a number", () => {
    expect(run(tracking, order({ shipped: true }), { fields: ["trackingNumber"] })).toMatchObject([
      { code: "shipped_without_tracking", points: 15 },
    ]);
  });

  it("is silent for an order not yet shipped", () => {
    expect(run(tracking, order({ shipped: false }), { fields: ["trackingNumber"] })).toEqual([]);
  });

  it("gives 20 points to an internal number that fits no carrier", () => {
    expect(run(tracking, order({ trackingNumber: "ZX-88-1234" }))).toMatchObject([
      { code: "tracking_invalid", points: 20 },
    ]);
  });

  it("gives 20 points to a dedicated line", () => {
    expect(run(tracking, order({ trackingNumber: UPS, carrier: "美国专线" }))).toMatchObject([
      { code: "dedicated_line", points: 20 },
    ]);
  });

  it("gives 20 points to a number that contradicts the carrier column", () => {
    expect(run(tracking, order({ trackingNumber: UPS, carrier: "顺丰" }))).toMatchObject([
      { code: "tracking_carrier_mismatch", points: 20 },
    ]);
  });

  it("is silent for a valid number of the stated carrier", () => {
    expect(run(tracking, order({ trackingNumber: UPS.toLowerCase(), carrier: "UPS" }))).toEqual([]);
  });

  it("flags one number on orders of different suppliers (empty parcel)", () => {
    const a = order({ trackingNumber: UPS, supplier: { name: "义乌市晨光饰品有限公司" } });
    const b = order({
      trackingNumber: `${UPS.slice(0, 6)} ${UPS.slice(6)}`,
      supplier: { name: "深圳市华强电子有限公司" },
    });
    const batch = batchFacts([a, b]);
    expect(run(tracking, a, { batch })).toMatchObject([
      { code: "tracking_reused", points: 30, facts: { suppliers: 2 } },
    ]);
  });

  it("does not flag the lines of one order sharing its number", () => {
    const a = order({ trackingNumber: UPS, supplier: { name: "义乌市晨光饰品有限公司" } });
    const b = order({ trackingNumber: UPS, supplier: { name: "义乌市晨光饰品有限公司" } });
    expect(run(tracking, a, { batch: batchFacts([a, b]) })).toEqual([]);
  });
});
