import type { FieldSpec } from "../fields";

/**
 * The product category.
 *
 * Its spellings come from 店小秘 (Dianxiaomi) (产品分类); BigSeller (Category); Chinese team sheets (品类, 类目).
 * Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const category: FieldSpec<"category"> = {
  id: "category",
  kind: "text",
  level: "line",
  aliases: [
    "品类",
    "类目",
    "类别",
    "产品类别",
    "商品类目",
    "分类",
    "产品分类",
    "Category",
    "Product category",
    "Product type",
  ],
  keywords: ["品类", "类目", "类别", "分类", "category"],
  not: ["颜色", "尺码", "color", "colour", "size", "规格"],
};
