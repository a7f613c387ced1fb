import type { FieldSpec } from "../fields";

/**
 * The SKU or article number of the line.
 *
 * Its spellings come from 1688's order export (SKU ID); 店小秘 (Dianxiaomi) (SKU, 商品SKU); 马帮 (Mabang)
 * (SKU编码); 领星 (Lingxing) (MSKU); 聚水潭 (商品编码). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const sku: FieldSpec<"sku"> = {
  id: "sku",
  kind: "id",
  level: "line",
  aliases: ["SKU ID", "SKU", "sku编码", "sku编号", "商品编码", "货号"],
  keywords: ["sku"],
};
