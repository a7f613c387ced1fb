import type { FieldSpec } from "../fields";

/**
 * The shop's rating out of 5 (1688's 综合服务分).
 *
 * Its spellings come from 1688's order export (综合服务分); Chinese team sheets (服务分, 店铺评分, 评分); English team
 * sheets (Rating, Rating (0-5), Seller Rating). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const reviewScore: FieldSpec<"reviewScore"> = {
  id: "reviewScore",
  kind: "number",
  level: "order",
  aliases: [
    "综合服务分",
    "服务分",
    "评分",
    "店铺评分",
    "评价分",
    "综合评分",
    "星级",
    "Rating",
    "Score",
    "Review score",
    "Store rating",
    "Service score",
  ],
  keywords: ["服务分", "评分", "评价分", "星级", "rating", "reviewscore", "servicescore"],
  weak: ["score"],
};
