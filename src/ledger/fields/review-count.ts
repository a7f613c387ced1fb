import type { FieldSpec } from "../fields";

/**
 * How many reviews the shop or offer has.
 *
 * Its spellings come from Chinese team sheets (评价数, 评价数量, 累计评价); English team sheets (Reviews, Review
 * count, Review Qty). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const reviewCount: FieldSpec<"reviewCount"> = {
  id: "reviewCount",
  kind: "number",
  level: "order",
  aliases: [
    "评价数",
    "评价数量",
    "评论数",
    "累计评价",
    "评价",
    "Reviews",
    "Review count",
    "Number of reviews",
    "Ratings count",
  ],
  keywords: ["评价数", "评论数", "评价量", "累计评价", "reviewcount", "ofreviews", "reviews"],
  concepts: ["评价+数|条|量|次", "评论+数|条|量", "review+qty|quantity|count|number|#|no"],
  not: [
    "占比",
    "比例",
    "%",
    "share",
    "ratio",
    "percent",
    "率",
    "内容",
    "原因",
    "text",
    "content",
    "分",
    "score",
    "rating",
  ],
};
