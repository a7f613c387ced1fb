import {
  certsMissingFn,
  reorderPointFn,
  reorderPointServiceLevel,
  reorderQtyFn,
  reviewFlagFn,
} from "../../src/functions/inventory";
import { DEFAULT_SETTINGS } from "../../src/rules/settings";
import { NotAvailable } from "../../src/functions/safely";

describe("inventory functions' argument handling", () => {
  it("reads text-formatted numbers with units and full-width digits", () => {
    expect(reorderPointFn("２０件", "15天", null)).toBe(300);
    expect(reorderQtyFn("20", "15", "7", "200", "100", null)).toBe(140);
  });

  it("needs at least two days of sales for the service-level variant, and a level", () => {
    expect(() => reorderPointServiceLevel([[10]], 10, 0.95)).toThrow(/salesHistory/);
    expect(() => reorderPointServiceLevel([[10], [12]], 10, null)).toThrow(/serviceLevel/);
    expect(reorderPointServiceLevel([[10], [12], [null]], 10, "95%")).toBeGreaterThan(110);
  });

  it("names the argument that is not a number", () => {
    expect(() => reorderQtyFn(20, 15, 7, "lots", 0, null)).toThrow(/onHand/);
  });

  it("flags reviews with the team's thresholds", () => {
    expect(reviewFlagFn(4.97, 19, null, DEFAULT_SETTINGS)).toBe(true);
    expect(reviewFlagFn(4.97, 20, null, DEFAULT_SETTINGS)).toBe(false);
  });

  it("answers #N/A for a category the table does not know, and empty for nothing missing", () => {
    expect(() => certsMissingFn("gravel", "US", "")).toThrow(NotAvailable);
    expect(certsMissingFn("electronics", "US", "FCC")).toBe("");
  });
});
