import { evidence, hasField, reason } from "../../../src/rules/checks/check";
import { DEFAULT_SETTINGS } from "../../../src/rules/settings";
import type { CheckContext } from "../../../src/rules/checks/check";

const ctx = (fields?: string[]): CheckContext => {
  const c: CheckContext = { settings: DEFAULT_SETTINGS, atRisk: { basis: "unknown" } };
  if (fields) c.fields = new Set(fields);
  return c;
};

describe("check helpers", () => {
  it("reads evidence as yes, no, or unknown when the ledger has no such column", () => {
    expect(evidence(true, "contract", ctx(["contract"]))).toBe("yes");
    expect(evidence(false, "contract", ctx(["contract"]))).toBe("no");
    expect(evidence(undefined, "contract", ctx(["contract"]))).toBe("no");
    expect(evidence(undefined, "contract", ctx(["total"]))).toBe("unknown");
    expect(evidence(undefined, "contract", ctx())).toBe("no");
  });

  it("knows every field when no field set is given (a form, not a ledger)", () => {
    expect(hasField("uscc", ctx())).toBe(true);
    expect(hasField("uscc", ctx(["total"]))).toBe(false);
  });

  it("rounds points to one decimal", () => {
    expect(reason("store-age", "young_store", 40 / 3).points).toBe(13.3);
  });
});
