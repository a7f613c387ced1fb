import { CARRIERS, CARRIER_IDS } from "../../../src/rules/identifiers/carriers";
import {
  compactTracking,
  firstChars,
  isPlaceholderTracking,
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
    ["YT89418521585", "YT + 11 digits"],
    ["JT526198", "JT + 6 digits"],
    ["JD02440726170", "JD without its letter"],
    ["DPK2022526", "DPK + 7 digits"],
    ["LP1935285117463", "LP + 13 digits"],
    ["7576136504376612", "16 bare digits"],
    ["SF12345", "a short SF number"],
  ])("rejects %s (%s), which fits no carrier", (n) => {
    const r = validateTracking(n);
    expect(r.valid).toBe(false);
    expect(r.code).toBe("invalid_format");
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

  it("checks a number against the carrier named in the ledger", () => {
    expect(validateTracking("1Z999AA10123456784", "UPS").code).toBe("valid");
    expect(validateTracking("1Z999AA10123456784", "顺丰").code).toBe("carrier_mismatch");
    expect(validateTracking("1Z999AA10123456784", "顺丰").carriers.map((c) => c.id)).toEqual(["ups"]);
    expect(validateTracking("1Z999AA10123456794", "UPS").code).toBe("invalid_checksum");
    expect(validateTracking("HHWL20240315001", "中通快递").code).toBe("invalid_format");
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

/*
 * Chinese domestic carriers. The formats in carriers.ts were written from (a) DOMAIN.md,
 * (b) a Chinese wholesale market's Hive UDF that validates ledger numbers by carrier
 * (chinagoods bigdata-functions, UDFLogisticNoValid), (c) the Courier-Validation library
 * (BF-zh), (d) kuaidi100's per-carrier format hints and (e) a Python matcher quoting the
 * carriers' sites. RULE_SOURCE_NUMBERS are the sample numbers those sources carry (b's
 * comments, c's tests): the formats must fit them.
 *
 * HELD_OUT_NUMBERS come from sources not used to write the formats, each with the carrier
 * the source names:
 *  T1 a warehouse app's default sheet (React page, createDefaultData: 中通, 申通, 圆通, 韵达
 *     columns, four numbers each);
 *  T2 an order-export parser test (Java, 快递公司 中通快递);
 *  T3 a WeChat mini-program's waybill input hint (中通快递单号，例如);
 *  T4 a kuaidi100 tool's parameter description (圆通);
 *  T5 a kuaidi100 notifier's configuration example (yunda|...);
 *  T6 an SF cloud-print payload (logisticsNo of a 顺丰 waybill);
 *  T7 a shipment gateway test (jingdong);
 *  T8 a recorded SF route-query response (mailNo of a 2023 shipment from 深圳市);
 *  T9-T12 recorded EMS tracking responses and queries (a tracking API's result in a Java
 *     bean's comment, a kuaidi100 mock, a shop's stored kuaidi100 result, a kuaidi100
 *     query URL);
 *  T13, T14 EMS query examples of two other tracking APIs (showapi, Baidu's).
 * T1's four 11-digit numbers under 邮政 are left out: that source itself marks them
 * "cannot identify" (无法识别) and names no carrier for them.
 */
const RULE_SOURCE_NUMBERS: Array<[string, string, string]> = [
  ["73610555582883", "中通", "zto"],
  ["432542035598773", "中通快递", "zto"],
  ["202197601431", "中通快运", "zto"],
  ["YT8962646785389", "圆通", "yto"],
  ["SF1385628716739", "顺丰", "sf"],
  ["773277027280336", "申通", "sto"],
  ["77316523125896", "申通快递", "sto"],
  ["463431409940372", "韵达", "yunda"],
  ["462598779470531", "韵达快递", "yunda"],
  ["1207119765021", "邮政", "ems"],
  ["1240921381750", "邮政快递包裹", "ems"],
  ["4309597495550", "邮政快递包裹", "ems"],
  ["JDX024407261700", "京东", "jd"],
  ["JDVA11408814483", "京东物流", "jd"],
  ["JT5261988016578", "极兔", "jt"],
  ["JT0006968326954", "极兔速递", "jt"],
  ["JT3002232682242", "百世快递", "jt"],
  ["DPK202252612836", "德邦", "deppon"],
  ["DPK364112047425", "德邦快递", "deppon"],
  ["DPK300585915441", "德邦", "deppon"],
];

const HELD_OUT_NUMBERS: Array<[string, string, string, string]> = [
  ["75761365043766", "中通", "zto", "T1"],
  ["75761370314853", "中通", "zto", "T1"],
  ["75761778084401", "中通", "zto", "T1"],
  ["75701252115546", "中通", "zto", "T1"],
  ["77632957076153", "申通", "sto", "T1"],
  ["77716951501759", "申通", "sto", "T1"],
  ["77718014846666", "申通", "sto", "T1"],
  ["77637759935866", "申通", "sto", "T1"],
  ["YT894185215852", "圆通", "yto", "T1"],
  ["YT893990509270", "圆通", "yto", "T1"],
  ["YT893963976843", "圆通", "yto", "T1"],
  ["YT894201069876", "圆通", "yto", "T1"],
  ["46334069260168", "韵达", "yunda", "T1"],
  ["31866359263298", "韵达", "yunda", "T1"],
  ["46287276652932", "韵达", "yunda", "T1"],
  ["31843064579230", "韵达", "yunda", "T1"],
  ["773415850905356", "中通快递", "zto", "T2"],
  ["755308483428", "中通快递", "zto", "T3"],
  ["YT9693083639795", "圆通", "yto", "T4"],
  ["1600887249033", "yunda", "yunda", "T5"],
  ["SF1023574470215", "顺丰", "sf", "T6"],
  ["JDVA46783539436", "jingdong", "jd", "T7"],
  ["SF7444471039325", "顺丰速运", "sf", "T8"],
  ["1186465887499", "EMS", "ems", "T9"],
  ["1097273463220", "ems", "ems", "T10"],
  ["1193282791013", "ems", "ems", "T11"],
  ["1115785780598", "ems", "ems", "T12"],
  ["5161488419703", "ems", "ems", "T13"],
  ["9630067620008", "ems", "ems", "T14"],
];

describe("Chinese domestic carriers", () => {
  it.each(RULE_SOURCE_NUMBERS)("fits %s, a sample of the rule sources, under %s (%s)", (n, carrier, id) => {
    const r = validateTracking(n, carrier);
    expect(r).toMatchObject({ valid: true, code: "valid" });
    expect(r.carriers.map((c) => c.id)).toEqual([id]);
  });

  it.each(HELD_OUT_NUMBERS)(
    "does not contradict %s, a held-out number, under %s (%s, source %s)",
    (n, carrier, id) => {
      const r = validateTracking(n, carrier);
      expect(r).toMatchObject({ valid: true, code: "valid" });
      expect(r.carriers.map((c) => c.id)).toEqual([id]);
      expect(r.warning).toBeUndefined();
    },
  );

  it("contradicts a named carrier on at most 1 in 20 held-out numbers", () => {
    const contradicted = HELD_OUT_NUMBERS.filter(([n, carrier]) => !validateTracking(n, carrier).valid);
    expect(HELD_OUT_NUMBERS.length).toBeGreaterThanOrEqual(20);
    expect(contradicted.length / HELD_OUT_NUMBERS.length).toBeLessThanOrEqual(1 / 20);
  });

  it("accepts every held-out number with no carrier named, listing the carriers whose formats fit", () => {
    for (const [n] of HELD_OUT_NUMBERS) expect([n, validateTracking(n).valid]).toEqual([n, true]);
    expect(ids("77632957076153")).toEqual(["zto", "sto", "best"]);
    expect(ids("755308483428")).toEqual(["zto"]);
    expect(ids("YT894185215852")).toEqual(["yto"]);
    // A 15-digit ZTO number (T2) has the shape of STO's current numbers.
    expect(ids("773415850905356")).toEqual(["sto"]);
  });

  it("lists every big network for a bare 12-15 digit number that fits no current form", () => {
    // 14-digit Yunda numbers (T1), a 13-digit Yunda number starting 1 (T5).
    for (const n of ["46334069260168", "31866359263298", "1600887249033"]) {
      expect(ids(n)).toEqual(["yto", "zto", "sto", "yunda", "best"]);
    }
  });

  it("does not call every 12-digit number SF: SF is listed only when its check digit passes", () => {
    expect(ids("755308483428")).not.toContain("sf");
    expect(validateTracking("755308483428", "中通").code).toBe("valid");
    expect(validateTracking("202197601431", "申通").code).toBe("valid");
  });

  // The real numbers with their check digit or a digit of the checked part changed.
  it.each([
    ["SF1023574470216", "顺丰"],
    ["SF1023574470225", "顺丰"],
    ["SF1385628716738", "SF Express"],
    ["1207119765121", "EMS"],
    ["1240921381850", "中国邮政"],
  ])("rejects %s, a real number mangled, as failing its check digit under %s", (n, carrier) => {
    const named = validateTracking(n, carrier);
    expect(named).toMatchObject({ valid: false, code: "invalid_checksum" });
    expect(named.message).toMatch(/check digit is wrong/);
    expect(named.messageZh).toMatch(/校验位不对/);
    // Unnamed, a mangled SF number is still fake; a mangled EMS number is no EMS number,
    // but may be another network's bare number.
    const alone = validateTracking(n);
    if (n.startsWith("SF")) expect(alone.code).toBe("invalid_checksum");
    else expect(alone.carriers.map((c) => c.id)).not.toContain("ems");
  });

  it("reads an SF + 13 number written without its SF only where the ledger says SF, and checks it", () => {
    expect(validateTracking("1023574470215", "顺丰")).toMatchObject({ valid: true, code: "valid" });
    expect(validateTracking("1023574470216", "顺丰").code).toBe("invalid_checksum");
    expect(ids("1023574470215")).not.toContain("sf");
  });

  it("flags, not rejects, an old 12-digit SF number whose unverified check digit fails", () => {
    const r = validateTracking("755308483428", "顺丰");
    expect(r).toMatchObject({ valid: true, code: "valid", warning: "unofficial_check_failed" });
    expect(r.message).toMatch(/unofficial/);
    expect(r.messageZh).toMatch(/非官方/);
  });

  it.each([
    ["SF1023574470215", "中通", "sf"],
    ["YT9693083639795", "韵达", "yto"],
    ["JT5261988016578", "顺丰", "jt"],
    ["75761365043766", "顺丰", "zto"],
    ["1Z999AA10123456784", "申通", "ups"],
    ["DPK202252612836", "极兔", "deppon"],
    ["EA123456785CN", "中通", "s10"],
  ])("contradicts %s under %s: it cannot be that carrier's, it fits %s", (n, carrier, fits) => {
    const r = validateTracking(n, carrier);
    expect(r).toMatchObject({ valid: false, code: "carrier_mismatch" });
    expect(r.carriers.map((c) => c.id)).toContain(fits);
  });

  it.each([
    ["7576136504376612", "中通", "16 digits"],
    ["757613650", "中通", "9 digits"],
    ["46343140994037211", "韵达", "17 digits"],
    ["120711976502", "EMS", "12 digits"],
  ])("does not accept %s under %s (%s, a length no source gives it)", (n, carrier) => {
    expect(validateTracking(n, carrier).valid).toBe(false);
  });

  it("accepts a J&T number under Best, whose network J&T took over", () => {
    expect(validateTracking("JT3002232682242", "百世").code).toBe("valid");
  });

  it("accepts a post's S10 item under China Post or EMS", () => {
    expect(validateTracking("EA123456785CN", "中国邮政").valid).toBe(true);
    expect(validateTracking("EA123456785CN", "EMS").valid).toBe(true);
  });
});

describe("placeholders", () => {
  it.each<[string, string | undefined, string]>([
    ["0000000000", undefined, "DHL's mod 7 passes"],
    ["SF0000000000000", undefined, "SF's check passes"],
    ["1111111111111", undefined, "its EMS check digit fails"],
    ["1111111111111", "EMS", "its EMS check digit fails"],
    ["123456789", "德邦", "a run"],
    ["12345678", "德邦", "a run of 8"],
    ["987654321", undefined, "a run down"],
    ["9876543210", "DHL", "a run down, wrapping"],
    ["SF1234567890123", "顺丰", "a run after SF"],
    ["12345678901234", "中通", "a run of 14"],
    ["77777777777777", "申通", "one digit 14 times"],
    ["JT0000000000000", "极兔", "zeros after JT"],
    ["EA000000005CN", undefined, "zeros and their S10 check digit"],
    ["YT 1234 5678 9012 3", "圆通", "a run, written with spaces"],
    ["YTO1111111111", "圆通", "a tracking API's sample request"],
    ["SF9999999999999", "顺丰", "a parcel page test's sample"],
  ])("refuses %s (carrier %s: %s) as a placeholder, in English and Chinese", (n, carrier) => {
    const r = validateTracking(n, carrier);
    expect(r).toMatchObject({ valid: false, code: "placeholder" });
    expect(r.message).toMatch(
      /^a placeholder, not a real number: one digit repeated or a run such as 123456789/,
    );
    expect(r.messageZh).toMatch(/^占位号码，不是真实单号：同一数字重复或 123456789 这类连号/);
  });

  it("says what a placeholder is shaped like", () => {
    expect(validateTracking("0000000000").message).toMatch(/shaped like DHL Express/);
    expect(validateTracking("0000000000").messageZh).toMatch(/形似DHL快递单号/);
  });

  it.each(["RB123456785GB", "EA123456785CN", "1Z999AA10123456784", "JJD0099999999", "JVGL0999999990"])(
    "keeps the published sample %s, whose run or repeat is shorter, a number",
    (n) => {
      expect(isPlaceholderTracking(compactTracking(n))).toBe(false);
      expect(validateTracking(n).valid).toBe(true);
    },
  );

  it.each([
    ["00000000000", true],
    ["0000000001", true],
    ["0000000012", false],
    ["123456789", true],
    ["12345678", true],
    ["123456785", false],
    ["123456", true],
    ["12345", false],
    ["1234567890", true],
    ["0123456789", true],
    ["7550123456789", false],
    ["75512345678", false],
    ["ABC", false],
    ["", false],
  ])("reads %s as a placeholder: %s", (n, placeholder) => {
    expect(isPlaceholderTracking(n)).toBe(placeholder);
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
    // Carrier codes of kuaidi100 and the pinyin names that ledgers exported from tools carry.
    ["jingdong", "jd"],
    ["shunfeng", "sf"],
    ["zhongtong", "zto"],
    ["youzhengguonei", "ems"],
    ["debangwuliu", "deppon"],
    ["huitongkuaidi", "best"],
    ["jtexpress", "jt"],
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
