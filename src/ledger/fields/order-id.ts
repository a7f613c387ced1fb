import type { FieldSpec } from "../fields";

/**
 * The order or purchase-order number.
 *
 * Its spellings come from 1688's order export (订单编号); 店小秘 (Dianxiaomi) (采购单号, 1688订单号); 马帮 (Mabang) (网采单号,
 * 采购单据号); 通途 (Tongtu) (采购单编号); 领星 (Lingxing) (采购订单号); BigSeller (PO Number, Purchase Order No., Purchase
 * Order ID); 聚水潭 (平台订单号, 采购订单编码); 旺店通 (外部订单号); Chinese team sheets (订单号, 1688单号, 阿里订单号); English team
 * sheets (PO No., PO #, Order ID). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const orderId: FieldSpec<"orderId"> = {
  id: "orderId",
  kind: "id",
  level: "order",
  aliases: [
    "订单编号",
    "订单号",
    "采购单号",
    "采购订单号",
    "1688订单号",
    "单号",
    "订单id",
    "Order ID",
    "Order No.",
    "Order number",
    "Order #",
    "PO",
    "PO number",
    "PO No.",
    "Purchase order",
  ],
  keywords: [
    "订单编号",
    "订单号",
    "采购单号",
    "orderid",
    "orderno",
    "ordernumber",
    "order#",
    "ponumber",
    "pono",
  ],
  concepts: [
    "订单+号|编号|编码|id",
    "采购单+号|编号",
    "单号+1688|阿里|网采|采购|订",
    "order+no|number|#|id|reference",
    "po#",
    "poid",
  ],
  not: [
    "物流",
    "快递",
    "运单",
    "追踪",
    "跟踪",
    "tracking",
    "waybill",
    "退",
    "发票",
    "合同",
    "批次",
    "下游",
    "商品",
    "货品",
    "计划",
    "plan",
  ],
};
