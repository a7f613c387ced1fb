import type { FieldSpec } from "../fields";

/**
 * The goods before shipping and adjustments (1688's 货品总价).
 *
 * Its spellings come from 1688's order export (货品总价(元), 货品总价); 店小秘 (Dianxiaomi) (商品金额); BigSeller (Item
 * Subtotal); Chinese team sheets (商品总价, 货款, 小计); English team sheets (Subtotal, Goods Amount, Merchandise
 * Amt). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const goodsTotal: FieldSpec<"goodsTotal"> = {
  id: "goodsTotal",
  kind: "money",
  level: "order",
  aliases: [
    "货品总价(元)",
    "货品总价",
    "货品金额",
    "商品总价",
    "商品金额",
    "货款",
    "货值",
    "小计",
    "Goods total",
    "Goods amount",
    "Merchandise total",
    "Subtotal",
    "Sub total",
  ],
  keywords: [
    "货品总价",
    "货品金额",
    "商品总价",
    "商品金额",
    "货款",
    "货值",
    "小计",
    "subtotal",
    "goodstotal",
    "goodsamount",
  ],
  not: ["预付", "定金", "订金", "首付", "尾", "deposit"],
  concepts: [
    "总额+商品|货品|货物",
    "合计+商品|货品|货物",
    "total+goods|item|product|merchandise",
    "amount+goods|item|product|merchandise",
  ],
};
