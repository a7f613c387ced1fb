import type { FieldSpec } from "../fields";

/**
 * The team's own reference or target price, which the price check compares the unit price with.
 *
 * Its spellings come from Chinese team sheets (参考价, 市场价, 目标价); English team sheets (Target price,
 * Reference Price, Benchmark Price). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const referencePrice: FieldSpec<"referencePrice"> = {
  id: "referencePrice",
  kind: "money",
  level: "line",
  aliases: [
    "参考价",
    "参考价格",
    "市场价",
    "市场价格",
    "目标价",
    "目标价格",
    "对标价",
    "行情价",
    "Reference price",
    "Market price",
    "Target price",
    "Benchmark price",
  ],
  keywords: [
    "参考价",
    "市场价",
    "目标价",
    "对标",
    "行情价",
    "referenceprice",
    "marketprice",
    "targetprice",
    "benchmark",
  ],
  concepts: [
    "价+参考|市场|目标|对标|行情|历史|竞品|同行",
    "price+reference|market|target|benchmark|historical|competitor",
  ],
};
