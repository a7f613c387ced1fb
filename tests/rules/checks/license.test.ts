import { license } from "../../../src/rules/checks/license";
import { order, run } from "./helpers";

/** A valid code: Tencent's USCC as published in its filings (passes GB 32100). */
const VALID = "9144030071526726XG";

describe("license", () => {
  it("gives 5 points when no USCC is recorded", () => {
    expect(run(license, order(), { fields: ["uscc"] })).toMatchObject([{ code: "uscc_missing", points: 5 }]);
  });

  it("gives 20 points to a code that fails its check character", () => {
    const forged = VALID.slice(0, 17) + (VALID.endsWith("G") ? "H" : "G");
    expect(run(license, order({ supplier: { uscc: forged } }))).toMatchObject([
      { code: "uscc_invalid", points: 20 },
    ]);
  });

  it("is silent for a valid code, written with spaces and lower case", () => {
    expect(
      run(license, order({ supplier: { uscc: VALID.toLowerCase().replace(/(.{6})/g, "$1 ") } })),
    ).toEqual([]);
  });

  it("is silent when the ledger has no licence column", () => {
    expect(run(license, order(), { fields: ["supplierName"] })).toEqual([]);
  });
});
