import type { FieldSpec } from "../fields";

/**
 * The share of the reviews written in the last 30 days (a burst of fake reviews).
 *
 * Its spellings come from Chinese team sheets (近30天评价占比, 近一月评价比例, 近30天评价数占比(%)); English team sheets
 * (Reviews last 30d %, % reviews in last 30 days). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const recentReviewShare: FieldSpec<"recentReviewShare"> = {
  id: "recentReviewShare",
  kind: "share",
  level: "order",
  aliases: [
    "近30天评价占比",
    "30天评价占比",
    "近期评价占比",
    "近30天评价比例",
    "Recent reviews",
    "Recent review share",
    "Recent reviews %",
    "Reviews last 30 days %",
  ],
  keywords: [
    "近30天评价占比",
    "30天评价占比",
    "近期评价占比",
    "近30天评价比例",
    "recentreview",
    "last30days%",
  ],
  concepts: [
    "评价+近|最近|30天|30日|一月|一个月|本月+占比|比例|%|率",
    "评论+近|最近|30天|30日|一月|一个月|本月+占比|比例|%|率",
    "review+recent|last|30+%|share|ratio|percent|rate",
  ],
};
