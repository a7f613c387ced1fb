import type { FieldSpec } from "../fields";

/**
 * Days the goods travel.
 *
 * Its spellings come from Chinese team sheets (运输天数, 头程天数); English team sheets (Transit days). Each
 * source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const transitDays: FieldSpec<"transitDays"> = {
  id: "transitDays",
  kind: "number",
  level: "line",
  aliases: [
    "运输天数",
    "头程天数",
    "物流天数",
    "海运天数",
    "在途天数",
    "Transit days",
    "Transit time",
    "Shipping days",
  ],
  keywords: [
    "运输天数",
    "头程",
    "物流天数",
    "海运天数",
    "在途天数",
    "transitdays",
    "transittime",
    "shippingdays",
  ],
  not: ["单号", "号", "no", "number", "费", "fee", "cost", "商", "公司", "carrier", "方式", "渠道"],
};
