import type { FieldSpec } from "../fields";

/**
 * How many units the line orders.
 *
 * Its spellings come from 1688's order export (数量); 店小秘 (Dianxiaomi) (采购数量); 领星 (Lingxing) (采购量, 实际采购量);
 * BigSeller (Quantity, Purchase Quantity); Chinese team sheets (数量(个), 数量（件）, 订购数量); English team sheets
 * (Qty, QTY (pcs), Order Qty). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const quantity: FieldSpec<"quantity"> = {
  id: "quantity",
  kind: "number",
  level: "line",
  aliases: [
    "数量",
    "采购数量",
    "订购数量",
    "下单数量",
    "购买数量",
    "件数",
    "Qty",
    "Quantity",
    "Order qty",
    "Purchase qty",
    "PCS",
    "Units",
  ],
  keywords: ["数量", "件数", "qty", "quantity"],
  concepts: ["数量", "qty", "quantity", "量+采购|订|购|下单", "数+采购|订购|购买", "pcs"],
  not: [
    "退",
    "次品",
    "不良",
    "库存",
    "到货",
    "入库",
    "收货",
    "实收",
    "在途",
    "箱",
    "moq",
    "起订",
    "最小",
    "最低",
    "样",
    "sample",
    "评价",
    "销量",
    "日均",
    "return",
    "defect",
    "carton",
    "per",
    "box",
    "ctn",
    "入仓",
    "上架",
    "listing",
    "review",
    "评论",
    "stock",
    "销售",
    "sales",
    "sold",
  ],
};
