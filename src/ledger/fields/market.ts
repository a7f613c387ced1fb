import type { FieldSpec } from "../fields";

/**
 * Where the goods are sold (a marketplace or country).
 *
 * Its spellings come from 领星 (Lingxing) (站点); Chinese team sheets (目标市场); English team sheets
 * (Marketplace). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const market: FieldSpec<"market"> = {
  id: "market",
  kind: "text",
  level: "order",
  aliases: [
    "目标市场",
    "销售市场",
    "站点",
    "市场",
    "销售平台",
    "平台",
    "Market",
    "Marketplace",
    "Site",
    "Target market",
    "Sales channel",
  ],
  keywords: ["目标市场", "销售市场", "站点", "销售平台", "marketplace", "targetmarket", "saleschannel"],
  weak: ["市场", "market"],
};
