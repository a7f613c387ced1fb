import { CARRIERS, CARRIER_IDS } from "../../../src/rules/identifiers/carriers";
import {
  compactTracking,
  lengthRange,
  resolveCarrier,
  validateTracking,
} from "../../../src/rules/identifiers/tracking";

const ids = (n: string, carrier?: string) => validateTracking(n, carrier).carriers.map((c) => c.id);

describe("compactTracking", () => {
  it("turns full-width characters half-width, drops spaces and hyphens, upper-cases", () => {
    expect(compactTracking(" ｓｆ 1311-2394 25848 ")).toBe("SF1311239425848");
    expect(compactTracking("1z 999 aa1 01 2345 678 4")).toBe("1Z999AA10123456784");
  });
});

describe("validateTracking", () => {
  // Published sample numbers (carrier documentation and developer kits) that must pass.
  it.each([
    ["1Z999AA10123456784", "ups"],
    ["1Z5R89390357567127", "ups"],
    ["EA123456785CN", "s10"],
    ["RB123456785GB", "s10"],
    ["986578788855", "fedex"],
    ["477179081230", "fedex"],
    ["0414 4176 0228 964", "fedex"],
    ["9611020987654312345672", "fedex"],
    ["1001921334250001000300779017972697", "fedex"],
    ["61299998820821171811", "fedex"],
    ["3318810025", "dhl"],
    ["73891051146", "dhl"],
    ["9400 1112 0108 0805 4830 16", "usps"],
    ["9361 2898 7870 0317 6337 95", "usps"],
    ["420 22153 9101026837331000039521", "usps"],
    ["7196 9010 7560 0307 7385", "usps"],
    ["YT2229521272164446", "yunexpress"],
  ])("accepts the published number %s as %s", (n, carrier) => {
    const r = validateTracking(n);
    expect(r.valid).toBe(true);
    expect(r.code).toBe("valid");
    expect(r.carriers.map((c) => c.id)).toContain(carrier);
  });

  // The same numbers with one character changed or two swapped.
  it.each([
    ["1Z999AA10123456794", "ups"],
    ["1Z999AA10213456784", "ups"],
    ["EA123456786CN", "s10"],
    ["EA123456785XX", "s10"],
    ["1001921334250001000300779017972698", "fedex"],
    ["9611020987654312345673", "fedex"],
  ])("rejects the mangled number %s (its check digit fails)", (n, looksLike) => {
    const r = validateTracking(n);
    expect(r.valid).toBe(false);
    expect(r.code).toBe("invalid_checksum");
    expect(r.carriers.map((c) => c.id)).toContain(looksLike);
  });

  it.each([
    ["3318820025", "dhl"],
    ["3318810052", "dhl"],
    ["9400111201080805483116", "usps"],
  ])("rejects the mangled number %s under %s", (n, carrier) => {
    expect(validateTracking(n).code).toBe("invalid_checksum");
    expect(validateTracking(n, carrier).code).toBe("invalid_checksum");
  });

  it("does not place a mangled FedEx 12 with FedEx (it still fits the loose domestic patterns)", () => {
    expect(ids("996578788855")).not.toContain("fedex");
    expect(validateTracking("996578788855", "FedEx").code).toBe("invalid_checksum");
  });

  it.each([
    ["YT1234567890123", "yto"],
    ["JT0001234567890", "jt"],
    ["DPK123456789012", "deppon"],
    ["LP00123456789012", "cainiao"],
    ["JDVA12345678901", "jd"],
    ["JDX012345678901", "jd"],
    ["73100012345678", "zto"],
  ])("places the domestic pattern %s with %s", (n, carrier) => {
    expect(ids(n)).toContain(carrier);
  });

  it("keeps YTO (YT + 13) and YunExpress (YT + 16) apart", () => {
    expect(ids("YT1234567890123")).toEqual(["yto"]);
    expect(ids("YT2229521272164446")).toEqual(["yunexpress"]);
  });

  it("lists every candidate for a bare number that fits several carriers", () => {
    const r = validateTracking("7312345678901");
    expect(r.valid).toBe(true);
    expect(r.carriers.map((c) => c.id)).toEqual(expect.arrayContaining(["zto", "sto", "yunda", "best"]));
  });

  it.each(["HHWL20240315001", "ZX8812345", "12345", "abc", "专线单号123", "YT12345"])(
    "rejects %s, a number that fits no carrier (an internal or dedicated-line number)",
    (n) => {
      const r = validateTracking(n);
      expect(r.valid).toBe(false);
      expect(r.code).toBe("invalid_format");
      expect(r.carriers).toEqual([]);
      expect(r.messageZh).toMatch(/专线/);
    },
  );

  it("rejects an empty number", () => {
    expect(validateTracking("  ").code).toBe("invalid_format");
  });

  it("accepts an SF number that passes the reported check digit without a warning", () => {
    const r = validateTracking("SF1311239425848", "顺丰");
    expect(r.valid).toBe(true);
    expect(r.warning).toBeUndefined();
  });

  it("flags, not rejects, an SF number that fails the unofficial check digit", () => {
    const r = validateTracking("SF1311239425841");
    expect(r.valid).toBe(true);
    expect(r.warning).toBe("unofficial_check_failed");
    expect(r.carriers.map((c) => c.id)).toEqual(["sf"]);
    expect(r.message).toMatch(/unofficial/);
  });

  it("does not list a carrier whose unofficial check fails when other carriers fit cleanly", () => {
    // 13 digits starting 1: EMS shape, check digit (digit 11) wrong; STO/Yunda/Best fit.
    const r = validateTracking("1012345678400");
    expect(r.valid).toBe(true);
    expect(r.warning).toBeUndefined();
    expect(r.carriers.map((c) => c.id)).not.toContain("ems");
    expect(validateTracking("1012345678500").carriers.map((c) => c.id)).toContain("ems");
  });

  it("checks a number against the carrier named in the ledger", () => {
    expect(validateTracking("1Z999AA10123456784", "UPS").code).toBe("valid");
    expect(validateTracking("1Z999AA10123456784", "顺丰").code).toBe("carrier_mismatch");
    expect(validateTracking("1Z999AA10123456784", "顺丰").carriers.map((c) => c.id)).toEqual(["ups"]);
    expect(validateTracking("1Z999AA10123456794", "UPS").code).toBe("invalid_checksum");
    expect(validateTracking("HHWL20240315001", "中通快递").code).toBe("invalid_format");
  });

  it("lists only the named carrier when the number fits it among others", () => {
    expect(ids("7312345678901", "韵达")).toEqual(["yunda"]);
  });

  it("accepts a post's S10 item under China Post or EMS", () => {
    expect(validateTracking("EA123456785CN", "中国邮政").valid).toBe(true);
    expect(validateTracking("EA123456785CN", "EMS").valid).toBe(true);
  });

  it("reports an unknown carrier name", () => {
    const r = validateTracking("1Z999AA10123456784", "Acme Parcels");
    expect(r.code).toBe("unknown_carrier");
    expect(r.valid).toBe(false);
    expect(r.message).toMatch(/Acme Parcels/);
  });

  it("gives English and Chinese messages", () => {
    const r = validateTracking("1Z999AA10123456784");
    expect(r.message).toMatch(/UPS/);
    expect(r.messageZh).toMatch(/UPS/);
  });
});

describe("resolveCarrier", () => {
  it.each([
    ["sf", "sf"],
    ["顺丰", "sf"],
    ["顺丰速运", "sf"],
    ["SF Express", "sf"],
    ["中国邮政", "ems"],
    ["邮政", "ems"],
    ["EMS", "ems"],
    ["China Post", "ems"],
    ["圆通", "yto"],
    ["圆通速递", "yto"],
    ["中通", "zto"],
    ["ZTO Express", "zto"],
    ["申通快递", "sto"],
    ["韵达", "yunda"],
    ["京东物流", "jd"],
    ["极兔", "jt"],
    ["J&T", "jt"],
    ["J&T Express", "jt"],
    ["德邦", "deppon"],
    ["菜鸟", "cainiao"],
    ["百世", "best"],
    ["UPS", "ups"],
    ["FedEx", "fedex"],
    ["DHL Express", "dhl"],
    ["USPS", "usps"],
    ["YunExpress", "yunexpress"],
    ["ＳＦ　Ｅｘｐｒｅｓｓ", "sf"],
  ])("reads %s as %s", (name, id) => {
    expect(resolveCarrier(name)).toBe(id);
  });

  it("returns undefined for a name it does not know", () => {
    expect(resolveCarrier("Acme Parcels")).toBeUndefined();
    expect(resolveCarrier("")).toBeUndefined();
  });

  it("has one carrier per alias and a row for every carrier id", () => {
    expect(CARRIERS.map((c) => c.id).sort()).toEqual([...CARRIER_IDS].sort());
    const seen = new Map<string, string>();
    for (const c of CARRIERS) {
      for (const alias of [c.id, c.name, c.nameZh, ...c.aliases]) {
        const owner = resolveCarrier(alias);
        expect([alias, owner]).toEqual([alias, c.id]);
        seen.set(alias, c.id);
      }
    }
    expect(seen.size).toBeGreaterThan(50);
  });
});

describe("S10 failure messages", () => {
  it("says the country code is wrong when it is, and the check digit when that is", () => {
    expect(validateTracking("EA123456785ZZ").message).toMatch(/not an ISO country code/);
    expect(validateTracking("EA123456784CN").message).toMatch(/check digit is wrong/);
  });
});

describe("lengthRange", () => {
  it.each([
    [/^1Z[0-9A-Z]{16}$/, 18, 18],
    [/^JD[A-Z]{0,2}\d{10,14}$/, 12, 18],
    [/^\d{20}(\d{14})$/, 34, 34],
    [/^420(?:\d{5}|\d{9})(9[1-5](?:\d{20}|\d{24}))$/, 30, 38],
    [/^\d{2,}$/, 2, Infinity],
    [/^(ab|c)?d*$/, 0, Infinity],
  ])("reads the lengths %s can match", (pattern, min, max) => {
    expect(lengthRange(pattern)).toEqual({ minLength: min, maxLength: max });
  });

  it.each([/^a|b$/, /^(?=x)\d{3}$/, /^(\d)\1$/, /\d{12}/, /^\d{12}$/u])(
    "answers every length for %s, which it does not read",
    (pattern) => {
      expect(lengthRange(pattern)).toEqual({ minLength: 0, maxLength: Infinity });
    },
  );

  it("never rules out a number a carrier's pattern matches", () => {
    for (const carrier of CARRIERS) {
      for (const { pattern } of carrier.formats) {
        const { minLength, maxLength } = lengthRange(pattern);
        for (let n = 0; n <= 40; n++) {
          if (n >= minLength && n <= maxLength) continue;
          expect(pattern.test("9".repeat(n))).toBe(false);
          expect(pattern.test("A".repeat(n))).toBe(false);
        }
      }
    }
  });
});
