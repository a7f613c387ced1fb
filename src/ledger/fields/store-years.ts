import type { FieldSpec } from "../fields";

/**
 * Years the store has been on 1688 (诚信通 membership).
 *
 * Its spellings come from Chinese team sheets (诚信通年限, 诚信通, 诚信通(年)); English team sheets (Years on 1688,
 * Store age, Store years). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const storeYears: FieldSpec<"storeYears"> = {
  id: "storeYears",
  kind: "years",
  level: "order",
  aliases: [
    "诚信通年限",
    "工厂年限",
    "年限",
    "开店年限",
    "店铺年限",
    "经营年限",
    "入驻年限",
    "诚信通",
    "Years on 1688",
    "Store age",
    "Store years",
    "TrustPass years",
    "TP years",
    "Years",
  ],
  keywords: ["年限", "诚信通", "storeage", "trustpass", "yearson"],
  weak: ["years"],
  concepts: [
    "店龄",
    "开店+年",
    "年+开店|入驻|经营|诚信通|店铺|工厂",
    "age+store|shop|supplier",
    "years+on|store|shop|trustpass|supplier",
    "时长+开店|店铺|诚信通",
    "years+seller",
    "多久+开店|店铺|诚信通",
  ],
};
