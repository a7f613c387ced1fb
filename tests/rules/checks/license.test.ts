import { license } from "../../../src/rules/checks/license";
import { explain } from "../../../src/rules/explain";
import { usccCheckCharacter } from "../../../src/rules/identifiers/uscc";
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

  // Shaped like an early Fujian pilot code (division 35..., organization code M0...): the first
  // fails GB 32100 as the pilot codes do; the others are the same code with one character mistyped.
  it.each([
    ["91350211M00013FA1N", "the pilot-form code"],
    ["91350211M00013FA2N", "a digit of its organization code mistyped"],
    ["91350211M00013FA1P", "its check character mistyped"],
    ["91350212M00013FA1N", "a digit of its region mistyped"],
  ])("gives %s (%s) the small pilot points and asks to confirm it, in English and Chinese", (uscc) => {
    expect(usccCheckCharacter(uscc.slice(0, 17))).not.toBe(uscc[17]);
    const found = run(license, order({ supplier: { uscc } }));
    expect(found).toMatchObject([{ code: "uscc_check_unconfirmed", points: 5, facts: { uscc } }]);
    const [r] = found;
    if (!r) throw new Error("no reason");
    expect(explain(r, "en")).toContain(
      "check character does not follow GB 32100: confirm on the National Enterprise Credit Information Publicity System",
    );
    expect(explain(r, "zh")).toContain("统一社会信用代码校验位不符合 GB 32100");
    expect(explain(r, "zh")).toContain("请在国家企业信用信息公示系统核实");
  });

  it("takes the pilot points from the settings", () => {
    const found = run(license, order({ supplier: { uscc: "91350211M00013FA1N" } }), {
      settings: { license: { pilotPoints: 8 } },
    });
    expect(found).toMatchObject([{ code: "uscc_check_unconfirmed", points: 8 }]);
  });

  it("gives a Fujian code that passes GB 32100 no points", () => {
    const first17 = "91350211M00013FA1";
    expect(run(license, order({ supplier: { uscc: first17 + usccCheckCharacter(first17) } }))).toEqual([]);
  });

  it("still gives 20 points to the same mistyped code outside Fujian", () => {
    expect(run(license, order({ supplier: { uscc: "91330211M00013FA1N" } }))).toMatchObject([
      { code: "uscc_invalid", points: 20 },
    ]);
  });

  it("is silent when the ledger has no licence column", () => {
    expect(run(license, order(), { fields: ["supplierName"] })).toEqual([]);
  });
});
