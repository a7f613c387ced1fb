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
 * is put in front of it. `unofficial: true` marks a check digit that is
 * reported but never published by the carrier: failing it flags the number
 * instead of rejecting it (see tracking.ts).
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
  /** The check digit is reported, not published: a failure flags instead of rejecting. */
  unofficial?: boolean;
}

export interface Carrier {
  id: CarrierId;
  name: string;
  nameZh: string;
  /** Other names a ledger may use (matched after case folding and dropping spaces and punctuation). */
  aliases: readonly string[];
  formats: readonly TrackingFormat[];
  /** Other carriers whose numbers this one also hands out (a post's own EMS items are S10 numbers). */
  alsoAccepts?: readonly CarrierId[];
}

export const CARRIERS: readonly Carrier[] = [
  {
    id: "ups",
    name: "UPS",
    nameZh: "UPS",
    aliases: ["United Parcel Service", "UPS Express", "UPS快递", "优比速"],
    formats: [
      { service: "UPS 1Z", pattern: /^1Z[0-9A-Z]{16}$/, checksum: "ups" },
      { service: "UPS waybill", pattern: /^[A-Z]\d{10}$/ },
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
      { service: "SF + 13 digits", pattern: /^SF\d{13}$/, checksum: "sf", unofficial: true },
      { service: "SF 12 digits", pattern: /^\d{12}$/, checksum: "sf", unofficial: true },
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
    formats: [{ service: "YT + 13 digits", pattern: /^YT\d{13}$/ }],
  },
  {
    id: "jt",
    name: "J&T Express",
    nameZh: "极兔速递",
    aliases: ["J&T", "JT Express", "J and T", "极兔", "极兔快递"],
    formats: [{ service: "JT + 13 digits", pattern: /^JT\d{13}$/ }],
  },
  {
    id: "jd",
    name: "JD Logistics",
    nameZh: "京东物流",
    aliases: ["JD", "京东", "京东快递", "JD Express", "JDL"],
    formats: [{ service: "JD waybill", pattern: /^JD[A-Z]{0,2}\d{10,14}$/ }],
  },
  {
    id: "deppon",
    name: "Deppon Express",
    nameZh: "德邦快递",
    aliases: ["Deppon", "德邦", "德邦物流", "DBL"],
    formats: [{ service: "DPK + 12 digits", pattern: /^DPK\d{12}$/ }],
  },
  {
    id: "cainiao",
    name: "Cainiao",
    nameZh: "菜鸟",
    aliases: ["菜鸟", "菜鸟裹裹", "菜鸟速递", "Cainiao Network", "AliExpress Standard Shipping"],
    formats: [{ service: "LP + 14 digits", pattern: /^LP\d{14}$/ }],
  },
  {
    id: "fedex",
    name: "FedEx",
    nameZh: "联邦快递",
    aliases: ["Federal Express", "FedEx Express", "FedEx Ground", "FDX", "联邦快递", "联邦"],
    formats: [
      { service: "FedEx Express (12)", pattern: /^\d{12}$/, checksum: "fedex_express" },
      { service: "FedEx Ground (15)", pattern: /^\d{15}$/, checksum: "mod10_3_1" },
      { service: "FedEx SmartPost (20)", pattern: /^\d{20}$/, checksum: "mod10_3_1", prefix: "92" },
      { service: "FedEx SmartPost (22)", pattern: /^92\d{20}$/, checksum: "mod10_3_1" },
      { service: "FedEx Ground 96 (22)", pattern: /^96\d{5}(\d{15})$/, checksum: "mod10_3_1" },
      { service: "FedEx Express (34)", pattern: /^\d{20}(\d{14})$/, checksum: "fedex_express" },
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
    ],
    formats: [
      { service: "EMS domestic (13)", pattern: /^[15]\d{12}$/, checksum: "ems_domestic", unofficial: true },
      { service: "China Post parcel (13)", pattern: /^9\d{12}$/ },
    ],
    alsoAccepts: ["s10"],
  },
  {
    id: "zto",
    name: "ZTO Express",
    nameZh: "中通快递",
    aliases: ["ZTO", "中通", "中通快运", "Zhongtong"],
    formats: [{ service: "ZTO (12-14 digits, 7x)", pattern: /^7\d{11,13}$/ }],
  },
  {
    id: "sto",
    name: "STO Express",
    nameZh: "申通快递",
    aliases: ["STO", "申通", "Shentong"],
    formats: [{ service: "STO (13-15 digits)", pattern: /^\d{13,15}$/ }],
  },
  {
    id: "yunda",
    name: "Yunda Express",
    nameZh: "韵达快递",
    aliases: ["Yunda", "韵达", "韵达速递"],
    formats: [{ service: "Yunda (13-15 digits)", pattern: /^\d{13,15}$/ }],
  },
  {
    id: "best",
    name: "Best Express",
    nameZh: "百世快递",
    aliases: ["Best", "BEST Inc", "百世", "百世汇通", "汇通", "Huitong"],
    formats: [{ service: "Best (12-13 digits)", pattern: /^\d{12,13}$/ }],
  },
];
