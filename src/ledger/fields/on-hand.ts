import type { FieldSpec } from "../fields";

/**
 * Stock on hand.
 *
 * Its spellings come from 领星 (Lingxing) (可用库存); Chinese team sheets (库存, 库存数量, 库存量); English team sheets
 * (On hand, Stock, Stock Qty). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const onHand: FieldSpec<"onHand"> = {
  id: "onHand",
  kind: "number",
  level: "line",
  aliases: [
    "可用库存",
    "库存",
    "现有库存",
    "库存数量",
    "当前库存",
    "在库",
    "On hand",
    "Stock",
    "Inventory",
    "Available stock",
    "In stock",
  ],
  keywords: ["可用库存", "库存", "onhand", "stock", "inventory"],
};
