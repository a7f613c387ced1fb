import type { FieldSpec } from "../fields";

/**
 * Days of safety stock.
 *
 * Its spellings come from Chinese team sheets (安全天数); English team sheets (Safety days). Each source is
 * labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const safetyDays: FieldSpec<"safetyDays"> = {
  id: "safetyDays",
  kind: "number",
  level: "line",
  aliases: ["安全天数", "安全库存天数", "Safety days", "Safety stock days"],
  keywords: ["安全天数", "安全库存天数", "safetydays", "safetystockdays"],
};
