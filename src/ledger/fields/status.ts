import type { FieldSpec } from "../fields";

/**
 * The order's status (1688's 订单状态: 等待卖家发货, 交易成功...).
 *
 * Its spellings come from 1688's order export (订单状态); 店小秘 (Dianxiaomi) (采购状态); BigSeller (Status, PO
 * Status); 旺店通 (单据状态); Chinese team sheets (交易状态, 状态, 订单状态（1688）); English team sheets (Order status,
 * Order Status, Order Stage). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const status: FieldSpec<"status"> = {
  id: "status",
  kind: "status",
  level: "order",
  aliases: ["订单状态", "交易状态", "采购状态", "状态", "订单进度", "Status", "Order status", "State"],
  keywords: ["订单状态", "交易状态", "采购状态", "orderstatus"],
  weak: ["状态", "status", "stage", "阶段"],
  not: [
    "审核",
    "打印",
    "付款",
    "支付",
    "发货",
    "入库",
    "物流",
    "payment",
    "shipping",
    "退",
    "refund",
    "return",
    "售后",
    "listing",
    "上架",
    "库存",
    "stock",
    "pay",
    "paid",
    "结算",
    "审批",
  ],
};
