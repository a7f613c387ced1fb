import type { FieldSpec } from "../fields";

/**
 * A price change or discount on the order (1688's 涨价或折扣).
 *
 * Its spellings come from 1688's order export (涨价或折扣(元)); 店小秘 (Dianxiaomi) (优惠金额); BigSeller (Discount);
 * Chinese team sheets (折扣, 改价, 折扣/涨价); English team sheets (Price Adjustment). Each source is labelled,
 * with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const adjustment: FieldSpec<"adjustment"> = {
  id: "adjustment",
  kind: "money",
  level: "order",
  aliases: [
    "涨价或折扣(元)",
    "涨价或折扣",
    "折扣",
    "优惠",
    "涨价",
    "改价",
    "调价",
    "Discount",
    "Adjustment",
    "Price adjustment",
  ],
  keywords: ["涨价或折扣", "折扣", "优惠", "调价", "改价", "discount", "adjustment"],
  concepts: ["价+减|降|涨|让"],
};
