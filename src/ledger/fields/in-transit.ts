import type { FieldSpec } from "../fields";

/**
 * Stock on its way.
 *
 * Its spellings come from 领星 (Lingxing) (在途数量); Chinese team sheets (在途, 在途库存); English team sheets (In
 * transit). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const inTransit: FieldSpec<"inTransit"> = {
  id: "inTransit",
  kind: "number",
  level: "line",
  aliases: ["在途", "在途数量", "在途库存", "采购在途", "In transit", "Inbound", "On order"],
  keywords: ["在途", "intransit", "inbound", "onorder"],
};
