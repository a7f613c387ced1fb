import { CARRIERS, CARRIER_IDS } from "../../../src/rules/identifiers/carriers";
import {
  compactTracking,
  firstChars,
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

  // Real-shaped numbers in the formats each Chinese domestic carrier uses today (and the old
  // forms still seen in ledgers). Carriers publish none of these: the table marks them heuristic.
  it.each([
    ["SF1311239425848", "sf"],
    ["SF140326578812", "sf"],
    ["1178393302545", "ems"],
    ["9812345678901", "ems"],
    ["YT7512345678901", "yto"],
    ["75312345678901", "zto"],
    ["78912345678901", "zto"],
    ["773123456789012", "sto"],
    ["881234567890123", "sto"],
    ["431234567890123", "yunda"],
    ["312345678901234", "yunda"],
    ["JDK001234567890", "jd"],
    ["JDV012345678901", "jd"],
    ["JT0001234567890", "jt"],
    ["JT300123456789", "jt"],
    ["DPK300123456789", "deppon"],
    ["LP00123456789012", "cainiao"],
    ["557012345678901", "best"],
    ["70123456789012", "best"],
  ])("reads the current-format number %s as %s", (n, carrier) => {
    const r = validateTracking(n);
    expect(r.valid).toBe(true);
    expect(r.carriers.map((c) => c.id)).toContain(carrier);
    expect(validateTracking(n, carrier).code).toBe("valid");
  });

  it.each([
    ["SF12345", "a short SF number"],
    ["YT12345678901", "YT + 11 digits"],
    ["JT123456", "JT + 6 digits"],
    ["JD12345678901", "JD without its letter"],
    ["DPK1234567", "DPK + 7 digits"],
    ["LP1234567890123", "LP + 13 digits"],
    ["0012345678901", "13 digits starting 0"],
    ["20123456789012", "14 digits starting 2"],
    ["123456789", "9 bare digits"],
  ])("rejects %s (%s), which fits no carrier", (n) => {
    const r = validateTracking(n);
    expect(r.valid).toBe(false);
    expect(r.code).toBe("invalid_format");
  });

  it("reads a ledger's SF number written without its SF only when the ledger says SF", () => {
    expect(validateTracking("1311239425848", "顺丰")).toMatchObject({ valid: true, code: "valid" });
    expect(ids("1311239425848", "顺丰")).toEqual(["sf"]);
    expect(ids("1311239425848")).not.toContain("sf");
  });

  it("reads an old 13-digit Yunda number only when the ledger says Yunda", () => {
    expect(validateTracking("3151350078468", "韵达")).toMatchObject({ valid: true, code: "valid" });
    expect(validateTracking("3151350078468").code).toBe("invalid_format");
    expect(ids("5012345678500", "韵达")).toEqual(["yunda"]);
  });

  it("reads an old bare Deppon number only when the ledger says Deppon", () => {
    expect(validateTracking("123456789", "德邦").valid).toBe(true);
    expect(validateTracking("123456789").code).toBe("invalid_format");
    expect(validateTracking("123456789", "中通").code).toBe("invalid_format");
  });

  it("checks the check digit of a UPS waybill (service letter + 9 digits + check)", () => {
    expect(validateTracking("K2479825491")).toMatchObject({ valid: true, code: "valid" });
    expect(ids("K2479825491")).toEqual(["ups"]);
    expect(validateTracking("K2479825492").code).toBe("invalid_checksum");
    expect(validateTracking("K2479825492", "UPS").code).toBe("invalid_checksum");
  });

  it.each([
    ["420 11213 92 6129098349792366623 8", "FedEx SmartPost (IMpb)"],
    ["9261292700768711948021", "FedEx SmartPost (IMpb)"],
    ["00 0123 4500 0000 0027", "FedEx Ground (SSCC-18)"],
    ["9622001560001234567100794808390594", "FedEx Ground GSN (34)"],
    ["1001921334250001000300779017972697", "FedEx Express (34)"],
  ])("reads the FedEx barcode form %s as %s", (n, service) => {
    const fedex = validateTracking(n).carriers.find((c) => c.id === "fedex");
    expect(fedex?.service).toBe(service);
  });

  // FedEx ASTRA barcodes from jkeen/tracking_number_data issue #24, with the Express number in
  // positions 17-28 that FedEx's site tracks.
  it.each([
    ["32971514560102447849175802862014", "784917580286"],
    ["32971510360102447848540980802018", "784854098080"],
    ["3297 1508 3601 0244 7847 9411 3317 2013", "784794113317"],
    ["33810799560000004380417923803212", "438041792380"],
  ])("reads the 32-digit ASTRA barcode %s as FedEx and hands out its Express number %s", (n, express) => {
    const r = validateTracking(n);
    expect(r).toMatchObject({ valid: true, code: "valid" });
    expect(r.carriers).toEqual([
      {
        id: "fedex",
        name: "FedEx",
        nameZh: "联邦快递",
        service: "FedEx Express ASTRA (32)",
        trackingNumber: express,
      },
    ]);
    expect(Object.isFrozen(r.carriers[0])).toBe(true);
    expect(validateTracking(n, "联邦快递").code).toBe("valid");
    expect(validateTracking(express).carriers.map((c) => c.service)).toContain("FedEx Express (12)");
  });

  // One digit of the embedded Express number changed (its check digit among them).
  it.each([
    ["32971514560102447848175802862014", "784817580286"],
    ["32971514560102447849175802872014", "784917580287"],
    ["32971510360102447848540980812018", "784854098081"],
    ["33810799560000004380417293803212", "438041729380"],
  ])("rejects the ASTRA barcode %s, whose embedded number %s fails the Express check", (n, express) => {
    const r = validateTracking(n);
    expect(r.code).toBe("invalid_checksum");
    expect(r.valid).toBe(false);
    expect(r.carriers).toEqual([expect.objectContaining({ id: "fedex", trackingNumber: express })]);
    expect(validateTracking(n, "FedEx").code).toBe("invalid_checksum");
  });

  it("reads no number of another length as an ASTRA barcode, and hands out no embedded number elsewhere", () => {
    expect(validateTracking("3297151456010244784917580286201").code).toBe("invalid_format");
    expect(validateTracking("329715145601024478491758028620140").code).toBe("invalid_format");
    for (const c of validateTracking("1001921334250001000300779017972697").carriers) {
      expect(c.trackingNumber).toBeUndefined();
    }
  });

  // Since 2024 the 34-digit Express barcode may start with any digit 0-8, then any digit
  // (tracking_number_data PR #117; 11... and 12... numbers seen). Constructed numbers: the
  // last digit is the Express check over the 13 before it.
  it.each([
    ["1289337021234567890100791234567803", "1289337021234567890100791234567813"],
    ["1100045927100001234500887654321095", "1100045927100001234500887654321059"],
    ["0412019956000000333300789012345674", "0412019956000000333300789012345664"],
  ])("reads the 34-digit Express barcode %s as FedEx and rejects %s, one digit changed", (good, bad) => {
    const fedex = validateTracking(good).carriers.find((c) => c.id === "fedex");
    expect(validateTracking(good).valid).toBe(true);
    expect(fedex?.service).toBe("FedEx Express (34)");
    expect(validateTracking(bad).code).toBe("invalid_checksum");
    expect(validateTracking(bad, "FedEx").code).toBe("invalid_checksum");
  });

  it("reads a 420 + ZIP+4 USPS number as USPS only, though its last 14 digits pass the FedEx Express (34) check", () => {
    // 420 is USPS's routing prefix; the loosened Express prefix (0-8 first) leaves it out.
    expect(ids("4201002812349400111201080805483016")).toEqual(["usps"]);
    expect(ids("4201002812349400111201080805483016", "USPS")).toEqual(["usps"]);
    expect(validateTracking("4201002812349400111201080805483016", "FedEx").valid).toBe(false);
  });

  it("does not read a 34-digit number starting 9 (other than the 96 Ground GSN) as FedEx Express", () => {
    expect(validateTracking("9012019956000000333300789012345674").code).toBe("invalid_format");
  });

  it("does not take a USPS IMpb number of another service type for FedEx SmartPost", () => {
    expect(ids("92001903060085300042901077")).toEqual(["usps"]);
  });

  it("labels every Chinese domestic pattern a heuristic and no published one", () => {
    const published = new Set(["s10", "ups", "fedex", "dhl", "usps", "yunexpress"]);
    for (const c of CARRIERS) {
      for (const f of c.formats)
        expect([c.id, f.service, f.heuristic === true]).toEqual([c.id, f.service, !published.has(c.id)]);
    }
  });

  it("keeps YTO (YT + 13) and YunExpress (YT + 16) apart", () => {
    expect(ids("YT1234567890123")).toEqual(["yto"]);
    expect(ids("YT2229521272164446")).toEqual(["yunexpress"]);
  });

  it("lists every candidate for a bare number that fits several carriers", () => {
    const r = validateTracking("73123456789012");
    expect(r.valid).toBe(true);
    expect(r.carriers.map((c) => c.id)).toEqual(["zto", "best"]);
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
    // 13 digits starting 5: EMS shape, check digit (digit 11) wrong; Yunda and Best (old forms) fit.
    const r = validateTracking("5012345678400");
    expect(r.valid).toBe(true);
    expect(r.warning).toBeUndefined();
    expect(r.carriers.map((c) => c.id)).toEqual(["yunda", "best"]);
    expect(validateTracking("5012345678500").carriers.map((c) => c.id)).toContain("ems");
  });

  it("checks a number against the carrier named in the ledger", () => {
    expect(validateTracking("1Z999AA10123456784", "UPS").code).toBe("valid");
    expect(validateTracking("1Z999AA10123456784", "顺丰").code).toBe("carrier_mismatch");
    expect(validateTracking("1Z999AA10123456784", "顺丰").carriers.map((c) => c.id)).toEqual(["ups"]);
    expect(validateTracking("1Z999AA10123456794", "UPS").code).toBe("invalid_checksum");
    expect(validateTracking("HHWL20240315001", "中通快递").code).toBe("invalid_format");
  });

  it("lists only the named carrier when the number fits it among others", () => {
    expect(ids("5012345678500", "韵达")).toEqual(["yunda"]);
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

describe("firstChars", () => {
  it.each([
    [/^1Z[0-9A-Z]{16}$/, "1"],
    [/^\d{12}$/, "0123456789"],
    [/^[15]\d{12}$/, "15"],
    [/^7[3-8]\d{12}$/, "7"],
    [/^(?:77|88|99)\d{13}$/, "789"],
    [/^(?:33|4\d|55|66)\d{11}$/, "3456"],
    [/^(?:420(?:\d{5}|\d{9}))?92(\d\d29(?:\d{16}|\d{20}))$/, "49"],
    [/^A?B\d$/, "AB"],
  ])("reads the first characters %s can match", (pattern, chars) => {
    expect(firstChars(pattern)).toBe(chars);
  });

  it.each([/\d{12}/, /^(?=1)\d$/, /^[^A]\d$/, /^(a|)\d$/, /^A?$/, /^\w\d$/, /^\d{12}$/i])(
    "answers every character for %s, which it does not read",
    (pattern) => {
      expect(firstChars(pattern)).toBe("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    },
  );
});
