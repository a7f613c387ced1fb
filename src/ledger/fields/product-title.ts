import type { FieldSpec } from "../fields";

/**
 * The goods' title or name.
 *
 * Its spellings come from 1688's order export (货品标题); 店小秘 (Dianxiaomi) (商品名称); 马帮 (Mabang) (产品名称); 领星
 * (Lingxing) (品名); BigSeller (Product name); Chinese team sheets (中文品名, 商品标题, 产品名); English team sheets
 * (Product, Item name, Description). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const productTitle: FieldSpec<"productTitle"> = {
  id: "productTitle",
  kind: "text",
  level: "line",
  aliases: [
    "货品标题",
    "商品标题",
    "商品名称",
    "产品名称",
    "货品名称",
    "品名",
    "产品",
    "商品",
    "标题",
    "Product",
    "Product name",
    "Product title",
    "Item",
    "Item name",
    "Title",
    "Description",
    "Goods",
  ],
  keywords: ["标题", "品名", "商品名", "产品名", "货品名", "productname", "producttitle", "itemname"],
};
