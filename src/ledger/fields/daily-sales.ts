import type { FieldSpec } from "../fields";

/**
 * Average daily sales.
 *
 * Its spellings come from Chinese team sheets (日均销量, 日销量); English team sheets (Daily sales). Each source
 * is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const dailySales: FieldSpec<"dailySales"> = {
  id: "dailySales",
  kind: "number",
  level: "line",
  aliases: [
    "日均销量",
    "日均",
    "日销量",
    "日销",
    "Daily sales",
    "Avg daily sales",
    "Average daily sales",
    "Sales per day",
    "ADS",
  ],
  keywords: ["日均", "日销", "dailysales", "salesperday"],
};
