import type { ChecksumName } from "./checksums";

/**
 * The carrier table: every tracking-number format the engine knows, as data.
 *
 * International formats (UPU S10, UPS, FedEx, DHL Express, USPS) carry
 * published check digits. Chinese domestic carriers publish no
 * specification: their patterns are the ones in common use, heuristics that
 * sources disagree on, so they live here and nowhere in code paths. Tighten
 * or add a pattern here and `validateTracking` follows.
 *
 * `checksum` names a function of checksums.ts, run on the `body` capture
 * group when the pattern has one (else on the whole number), after `prefix`
 * is put in front of it; a number that fails it does not fit the format.
 * `unofficial: true` marks a check digit that is reported but unverified on
 * the format: failing it flags the number instead of rejecting it, and only
 * where the ledger names the carrier (see tracking.ts).
 */

export const CARRIER_IDS = [
  "sf",
  "ems",
  "s10",
  "yto",
  "zto",
  "sto",
  "yunda",
  "jd",
  "jt",
  "deppon",
  "cainiao",
  "best",
  "ups",
  "fedex",
  "dhl",
  "usps",
  "yunexpress",
] as const;
export type CarrierId = (typeof CARRIER_IDS)[number];

export interface TrackingFormat {
  /** What the carrier calls this kind of number (English). */
  service: string;
  /** Anchored pattern over the compact number (upper case, no spaces or hyphens). */
  pattern: RegExp;
  checksum?: ChecksumName;
  /** Digits put in front of the checked part (USPS/FedEx 20-digit numbers omit their "91"/"92"). */
  prefix?: string;
  /** The check digit is reported, unverified on this format: a failure flags instead of rejecting. */
  unofficial?: boolean;
  /**
   * The pattern is one in common use, not published by the carrier (Chinese
   * domestic carriers): a heuristic that sources disagree on.
   */
  heuristic?: boolean;
  /**
   * Too loose to say on its own that a number is this carrier's: tried only
   * when the ledger names the carrier (an SF number written without its "SF",
   * an old bare Deppon number). Unnamed, such a number must fit another format.
   */
  namedOnly?: boolean;
  /**
   * With `namedOnly`: a length every big domestic network uses for bare numbers of
   * any prefix (12-15 digits). Where no carrier is named, tried as a last resort:
   * a bare number of such a length that fits no other format lists these carriers
   * instead of being called fake.
   */
  lengthOnly?: boolean;
  /**
   * The checked part (the pattern's capture group) is the carrier's own
   * tracking number inside a longer barcode: a result hands it out as
   * `trackingNumber`, the number to look up on the carrier's site.
   */
  embedsTrackingNumber?: boolean;
}

export interface Carrier {
  id: CarrierId;
  name: string;
  nameZh: string;
  /**
   * Other names a ledger may use, kuaidi100's carrier codes and pinyin among them
   * (matched after case folding and dropping spaces and punctuation).
   */
  aliases: readonly string[];
  formats: readonly TrackingFormat[];
  /** Other carriers whose numbers this one also hands out (a post's own EMS items are S10 numbers). */
  alsoAccepts?: readonly CarrierId[];
}

/*
 * Facts this table relies on (the domain notes, "Identifiers", restated and extended):
 *
 * Published, with check digits (tested against the public vectors of
 * jkeen/tracking_number_data, tests/fixtures/tracking_number_data):
 * - UPU S10: 2 letters, 8 digits, check (weights 8,6,4,2,3,5,9,7 mod 11), ISO country.
 * - UPS 1Z + 15 + check (mod 10, weights 1,2 from the left, letters (code - 3) mod 10);
 *   UPS waybill: service letter (J, K, V...) + 9 digits + check, same mod 10 over the 9 digits.
 * - FedEx Express 12 (weights 3,1,7; sum mod 11 mod 10); the Express and Ground GSN (96...)
 *   34-digit barcodes carry an Express-style check over their last 14 digits. The Express one
 *   starts 10 in older labels; since 2024 (FedEx FDX1D barcode announcement) its first digit
 *   may be 0-8 and its second any digit (11..., 12... seen; tracking_number_data PR #117),
 *   except a leading 420: that is the USPS routing prefix (420 + ZIP+4 + a 22-digit IMpb is
 *   also 34 digits), and about one such USPS number in eleven would pass the Express check.
 * - FedEx Express ASTRA (32): the 12-digit Express number sits in positions 17-28 (1-based) of
 *   the 32-digit ASTRA barcode (before it a digit, the 5-digit ZIP, 3 digits and 7 more; after
 *   it 4 digits; tracking_number_data issue #24), checked as an Express 12. No other format
 *   here is 32 digits long.
 *   FedEx Ground 15, Ground 96 (22) and SSCC-18: GS1 mod 10 (weights 3,1 from the right).
 *   FedEx SmartPost: USPS IMpb numbers whose service type is 29, checked with "92" in front;
 *   the older 20-digit SmartPost layout (3-digit service, 9-digit shipper) has no 92 either.
 * - USPS: IMpb 22/26 digits (9[1-5] application identifier), optionally behind 420 + ZIP or
 *   ZIP+4; the 20-digit forms are checked as written (USPS 20) or with "91" in front.
 * - DHL Express: 10 or 11 digits, check = the digits before it as one integer mod 7; piece IDs
 *   J + 2-3 letters + 9-10 digits and eCommerce GM + 10-39 letters/digits have no check digit.
 * - YunExpress: YT + 16 digits, no check digit.
 *
 * Chinese domestic carriers publish no check digit or full specification (what
 * their sites say, as quoted in (e), is a length: SF 12 digits, EMS 13 characters,
 * Yunda 13, Deppon 8-10). The patterns below were written from these sources, which
 * disagree, and every such pattern is marked `heuristic`:
 *  (a) the domain notes (DOMAIN.md, section 3);
 *  (b) the per-carrier patterns of a Hive UDF that validates ledger numbers by
 *      carrier name in a Chinese wholesale market's data platform (chinagoods
 *      bigdata-functions, `UDFLogisticNoValid`);
 *  (c) the patterns of the open-source `Courier-Validation` library (BF-zh);
 *  (d) kuaidi100's published format hints per carrier ("freg"/"freginfo": STO 12
 *      digits starting 268/368/58..., EMS 13 characters);
 *  (e) a Python matcher that quotes the carriers' own sites (Yunda 13 digits, YTO
 *      10-12 characters, SF 12 digits, EMS 13, STO 12-13, Deppon 8-10, Best 11-14).
 * The numbers tests/rules/identifiers/tracking.test.ts checks them on come from other
 * sources (listed there).
 *
 * Two kinds of format, because domestic lengths and prefixes overlap and drift:
 * - detection formats: the current forms, listed whenever a number fits them, so a
 *   bare number lists every carrier it may belong to;
 * - `namedOnly` formats: every form the sources give the carrier, tried only when the
 *   ledger names it. A named carrier is contradicted only when the number cannot be
 *   its number: another carrier's letters (1Z, SF, YT, JT, JD, DPK...), a length no
 *   source gives it, or a check digit that fails. Those marked `lengthOnly` (12-15
 *   bare digits, see below) are also the last resort where no carrier is named.
 *
 * The big networks (ZTO, STO, Yunda, Best; YTO's old numbers) hand out bare 12-15
 * digit numbers whose prefixes change with the region and the year: (b) accepts 14
 * digits of any prefix for ZTO and 13 or 15 for Yunda, lists 12-16 digit STO numbers
 * under a dozen prefixes, and gives a 15-digit ZTO and a 13-digit China Post number
 * starting 43; (c) gives STO 14-17 digits starting 43; (e) gives Best 11-14. No source
 * excludes a length of 12-15 for any of them, so under its own name each accepts any
 * 12-15 digit number (more where a source says so).
 *
 * - SF: SF + 13 digits today, 12 bare digits before (SF's site), SF + 12 (a). The
 *   check digit (drop SF, skip 3 digits, weights 1,3,5... from the right over the
 *   digits before the last, digit sums) is reported, never published, but every
 *   SF + 13 number in the sources passes it (and the two real ones among the test
 *   numbers, from other sources), so it decides SF + 13 (and 13 bare digits,
 *   an SF + 13 written without SF, tried only where the ledger says SF). On 12-digit
 *   numbers it is unverified: failing it flags the number instead of rejecting it.
 * - China Post / EMS: 13 digits. Starting 1 or 5 (10, 11, 12, 50, 51, 52 in (b)) the
 *   EMS items, whose digit 11 is an S10 check over digits 3-10 (every such number in
 *   the sources passes it, and five real ones among the test numbers); 9 or 8 the parcels (邮政快递包裹, (b), (c)); under its own
 *   name any other 13 digits ((b) accepts any 13) and international S10 items.
 * - YTO: YT + 13 digits (a, c), YT + 10-13 (b); under its name also 10-15 bare digits
 *   (b, e: old numbers) and 18 digits starting 6-9 (b).
 * - ZTO: 14 digits starting 7 (73-78 in (a), (c)); 12 digits ((b) lists some thirty
 *   12-digit prefixes, (d), (e) say 12 digits); under its name 12-15 digits.
 * - STO: 15 digits starting 77, 88 or 99 (a, b); 14 starting 77 or 43 (c); 13 starting
 *   33, 4, 55 or 66 (old, a, b); 12-16 starting 268, 368, 468, 568, 588, 668, 688, 768,
 *   773, 868, 888 or 968 (b, d); STO + 10 digits (b); under its name 12-17 digits.
 * - Yunda: 15 digits starting 3 or 4 (c); 13 starting 5 (old, c); under its name
 *   12-15 digits ((b): 13 or 15 of any prefix; (e): 13).
 * - JD: JD + one or two letters (JDX, JDK, JDV, JDVA...) + 11-13 digits (a, b, c).
 * - J&T: JT + 12-13 digits (a, b, c). Best's express network passed to J&T in 2021:
 *   (b) accepts JT numbers under Best, so Best's cell accepts J&T numbers.
 * - Deppon: DPK + 12 digits (a, c); under its name DPK + 11-15 and the old bare 8-10
 *   digits (b, e).
 * - Cainiao: LP + 14 digits (a); under its name 621 + 12 digits (c).
 * - Best: 13-15 digits starting 5 (a, b), 14 starting 6 or 7 (b); under its name
 *   11-16 digits (b: 58 + 14 digits; e: 11-14) and the lettered forms of (b).
 */

const heuristic = true;

export const CARRIERS: readonly Carrier[] = [
  {
    id: "ups",
    name: "UPS",
    nameZh: "UPS",
    aliases: ["United Parcel Service", "UPS Express", "UPS快递", "优比速"],
    formats: [
      { service: "UPS 1Z", pattern: /^1Z[0-9A-Z]{16}$/, checksum: "ups" },
      { service: "UPS waybill", pattern: /^[A-Z]\d{10}$/, checksum: "ups_waybill" },
    ],
  },
  {
    id: "s10",
    name: "UPU S10 postal item",
    nameZh: "国际邮件（UPU S10）",
    aliases: ["S10", "UPU", "International Post", "国际邮件", "国际小包", "国际挂号", "邮政小包", "国际EMS"],
    formats: [{ service: "UPU S10", pattern: /^[A-Z]{2}\d{9}[A-Z]{2}$/, checksum: "s10" }],
  },
  {
    id: "sf",
    name: "SF Express",
    nameZh: "顺丰速运",
    aliases: ["SF", "顺丰", "顺丰快递", "顺丰速递", "S.F. Express", "SF Express", "Shunfeng", "顺丰国际"],
    formats: [
      { service: "SF + 13 digits", pattern: /^SF\d{13}$/, checksum: "sf", heuristic },
      { service: "SF + 12 digits", pattern: /^SF\d{12}$/, checksum: "sf", unofficial: true, heuristic },
      { service: "SF 12 digits (old)", pattern: /^\d{12}$/, checksum: "sf", unofficial: true, heuristic },
      {
        service: "SF 13 digits (written without SF)",
        pattern: /^\d{13}$/,
        checksum: "sf",
        heuristic,
        namedOnly: true,
      },
    ],
  },
  {
    id: "yunexpress",
    name: "YunExpress",
    nameZh: "云途物流",
    aliases: ["Yun Express", "云途", "云途物流"],
    formats: [{ service: "YT + 16 digits", pattern: /^YT\d{16}$/ }],
  },
  {
    id: "yto",
    name: "YTO Express",
    nameZh: "圆通速递",
    aliases: ["YTO", "圆通", "圆通快递", "Yuantong"],
    formats: [
      { service: "YT + 12-13 digits", pattern: /^YT\d{12,13}$/, heuristic },
      { service: "YT + 10-11 digits (old)", pattern: /^YT\d{10,11}$/, heuristic, namedOnly: true },
      {
        service: "YTO 12-15 digits (old)",
        pattern: /^\d{12,15}$/,
        heuristic,
        namedOnly: true,
        lengthOnly: true,
      },
      { service: "YTO 10-11 digits (old)", pattern: /^\d{10,11}$/, heuristic, namedOnly: true },
      { service: "YTO 18 digits", pattern: /^[6-9]\d{17}$/, heuristic, namedOnly: true },
    ],
  },
  {
    id: "jt",
    name: "J&T Express",
    nameZh: "极兔速递",
    aliases: ["J&T", "JT Express", "J and T", "极兔", "极兔快递"],
    formats: [{ service: "JT + 12-13 digits", pattern: /^JT\d{12,13}$/, heuristic }],
  },
  {
    id: "jd",
    name: "JD Logistics",
    nameZh: "京东物流",
    aliases: ["JD", "京东", "京东快递", "JD Express", "JDL", "Jingdong"],
    formats: [{ service: "JD waybill (JDX, JDK, JDV...)", pattern: /^JD[A-Z]{1,2}\d{11,13}$/, heuristic }],
  },
  {
    id: "deppon",
    name: "Deppon Express",
    nameZh: "德邦快递",
    aliases: ["Deppon", "德邦", "德邦物流", "DBL", "Debang", "debangwuliu"],
    formats: [
      { service: "DPK + 12 digits", pattern: /^DPK\d{12}$/, heuristic },
      { service: "DPK + 11-15 digits", pattern: /^DPK\d{11,15}$/, heuristic, namedOnly: true },
      { service: "Deppon 8-10 digits (old)", pattern: /^\d{8,10}$/, heuristic, namedOnly: true },
    ],
  },
  {
    id: "cainiao",
    name: "Cainiao",
    nameZh: "菜鸟",
    aliases: ["菜鸟", "菜鸟裹裹", "菜鸟速递", "Cainiao Network", "AliExpress Standard Shipping"],
    formats: [
      { service: "LP + 14 digits", pattern: /^LP\d{14}$/, heuristic },
      { service: "Cainiao 621 + 12 digits", pattern: /^621\d{12}$/, heuristic, namedOnly: true },
    ],
  },
  {
    id: "fedex",
    name: "FedEx",
    nameZh: "联邦快递",
    aliases: ["Federal Express", "FedEx Express", "FedEx Ground", "FDX", "联邦快递", "联邦"],
    formats: [
      { service: "FedEx Express (12)", pattern: /^\d{12}$/, checksum: "fedex_express" },
      { service: "FedEx Ground (15)", pattern: /^\d{15}$/, checksum: "mod10_3_1" },
      { service: "FedEx Ground (SSCC-18)", pattern: /^\d{18}$/, checksum: "mod10_3_1" },
      { service: "FedEx SmartPost (20)", pattern: /^\d{20}$/, checksum: "mod10_3_1", prefix: "92" },
      {
        service: "FedEx SmartPost (IMpb)",
        pattern: /^(?:420(?:\d{5}|\d{9}))?92(\d\d29(?:\d{16}|\d{20}))$/,
        checksum: "mod10_3_1",
        prefix: "92",
      },
      { service: "FedEx Ground 96 (22)", pattern: /^96\d{5}(\d{15})$/, checksum: "mod10_3_1" },
      { service: "FedEx Express (34)", pattern: /^(?!420)[0-8]\d{19}(\d{14})$/, checksum: "fedex_express" },
      {
        service: "FedEx Express ASTRA (32)",
        pattern: /^\d{16}(\d{12})\d{4}$/,
        checksum: "fedex_express",
        embedsTrackingNumber: true,
      },
      { service: "FedEx Ground GSN (34)", pattern: /^96\d{18}(\d{14})$/, checksum: "fedex_express" },
    ],
  },
  {
    id: "dhl",
    name: "DHL Express",
    nameZh: "DHL快递",
    aliases: ["DHL", "DHL国际", "敦豪", "中外运敦豪", "DHL Worldwide Express"],
    formats: [
      { service: "DHL Express waybill", pattern: /^\d{10,11}$/, checksum: "dhl_mod7" },
      { service: "DHL piece ID", pattern: /^J[A-Z]{2,3}\d{9,10}$/ },
      { service: "DHL eCommerce (GM)", pattern: /^GM[0-9A-Z]{10,39}$/ },
    ],
  },
  {
    id: "usps",
    name: "USPS",
    nameZh: "美国邮政",
    aliases: ["United States Postal Service", "US Postal Service", "美国邮政", "美国邮政USPS"],
    formats: [
      { service: "USPS IMpb (22)", pattern: /^9[1-5]\d{20}$/, checksum: "mod10_3_1" },
      { service: "USPS IMpb (26)", pattern: /^9[1-5]\d{24}$/, checksum: "mod10_3_1" },
      {
        service: "USPS IMpb with ZIP",
        pattern: /^420(?:\d{5}|\d{9})(9[1-5](?:\d{20}|\d{24}))$/,
        checksum: "mod10_3_1",
      },
      { service: "USPS (20)", pattern: /^\d{20}$/, checksum: "mod10_3_1" },
      { service: "USPS IMpb (20, no 91)", pattern: /^\d{20}$/, checksum: "mod10_3_1", prefix: "91" },
    ],
    alsoAccepts: ["s10"],
  },
  {
    id: "ems",
    name: "China Post / EMS",
    nameZh: "中国邮政 / EMS",
    aliases: [
      "EMS",
      "中国邮政",
      "邮政",
      "China Post",
      "China EMS",
      "邮政EMS",
      "邮政快递包裹",
      "中国邮政速递物流",
      "邮政包裹",
      "中邮",
      "youzhengguonei",
    ],
    formats: [
      { service: "EMS domestic (13)", pattern: /^[15]\d{12}$/, checksum: "ems_domestic", heuristic },
      { service: "China Post parcel (13)", pattern: /^[89]\d{12}$/, heuristic },
      { service: "China Post (13 digits)", pattern: /^[02-46-9]\d{12}$/, heuristic, namedOnly: true },
    ],
    alsoAccepts: ["s10"],
  },
  {
    id: "zto",
    name: "ZTO Express",
    nameZh: "中通快递",
    aliases: ["ZTO", "中通", "中通快运", "Zhongtong"],
    formats: [
      { service: "ZTO (14 digits, 7x)", pattern: /^7\d{13}$/, heuristic },
      { service: "ZTO (12 digits)", pattern: /^\d{12}$/, heuristic },
      { service: "ZTO (12-15 digits)", pattern: /^\d{12,15}$/, heuristic, namedOnly: true, lengthOnly: true },
    ],
  },
  {
    id: "sto",
    name: "STO Express",
    nameZh: "申通快递",
    aliases: ["STO", "申通", "Shentong"],
    formats: [
      { service: "STO (15 digits, 77/88/99)", pattern: /^(?:77|88|99)\d{13}$/, heuristic },
      { service: "STO (14 digits, 77/43)", pattern: /^(?:77|43)\d{12}$/, heuristic },
      { service: "STO (13 digits, old)", pattern: /^(?:33|4\d|55|66)\d{11}$/, heuristic },
      {
        service: "STO (12-16 digits, 268/368/588...)",
        pattern: /^(?:[2-9]68|588|688|773|888)\d{9,13}$/,
        heuristic,
      },
      { service: "STO + 10 digits", pattern: /^STO\d{10}$/, heuristic, namedOnly: true },
      { service: "STO (12-15 digits)", pattern: /^\d{12,15}$/, heuristic, namedOnly: true, lengthOnly: true },
      { service: "STO (16-17 digits)", pattern: /^\d{16,17}$/, heuristic, namedOnly: true },
    ],
  },
  {
    id: "yunda",
    name: "Yunda Express",
    nameZh: "韵达快递",
    aliases: ["Yunda", "韵达", "韵达速递"],
    formats: [
      { service: "Yunda (15 digits, 3x/4x)", pattern: /^[34]\d{14}$/, heuristic },
      { service: "Yunda (13 digits, 5x, old)", pattern: /^5\d{12}$/, heuristic },
      {
        service: "Yunda (12-15 digits)",
        pattern: /^\d{12,15}$/,
        heuristic,
        namedOnly: true,
        lengthOnly: true,
      },
    ],
  },
  {
    id: "best",
    name: "Best Express",
    nameZh: "百世快递",
    aliases: ["Best", "BEST Inc", "百世", "百世汇通", "汇通", "Huitong", "huitongkuaidi"],
    formats: [
      { service: "Best (13-15 digits, 5x)", pattern: /^5\d{12,14}$/, heuristic },
      { service: "Best (14 digits, 6x/7x)", pattern: /^[67]\d{13}$/, heuristic },
      {
        service: "Best (12-15 digits)",
        pattern: /^\d{12,15}$/,
        heuristic,
        namedOnly: true,
        lengthOnly: true,
      },
      { service: "Best (11 or 16 digits)", pattern: /^(?:\d{11}|\d{16})$/, heuristic, namedOnly: true },
      {
        service: "Best lettered (A/B/D/E + 12, BXA + 10, K8 + 11)",
        pattern: /^(?:[ABDE]\d{12}|BXA\d{10}|K8\d{11})$/,
        heuristic,
        namedOnly: true,
      },
    ],
    alsoAccepts: ["jt"],
  },
];

let namesZh: Map<string, string> | undefined;

/** Carrier names as the tracking check gives them ("SF Express, ZTO Express") in Chinese ("顺丰速运、中通快递"). */
export function carrierNamesZh(names: string): string {
  namesZh ??= new Map(CARRIERS.map((c) => [c.name, c.nameZh]));
  const map = namesZh;
  return names
    .split(", ")
    .map((n) => map.get(n) ?? n)
    .join("、");
}
