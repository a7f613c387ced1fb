import type { FieldSpec } from "../fields";

/**
 * The tracking or waybill number.
 *
 * Its spellings come from 1688's order export (运单号); 店小秘 (Dianxiaomi) (物流单号); 马帮 (Mabang) (快递单号); 通途
 * (Tongtu) (跟踪号); 领星 (Lingxing) (物流跟踪号); BigSeller (Tracking No., Tracking Number); Chinese team sheets
 * (快递单号（多个用逗号隔开）, 物流追踪号, 追踪号); English team sheets (Tracking #, Tracking number, Tracking). Each source is
 * labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const trackingNumber: FieldSpec<"trackingNumber"> = {
  id: "trackingNumber",
  kind: "id",
  level: "order",
  aliases: [
    "运单号",
    "物流单号",
    "快递单号",
    "运单编号",
    "物流编号",
    "快递号",
    "追踪号",
    "跟踪号",
    "Tracking no.",
    "Tracking number",
    "Tracking",
    "Tracking #",
    "Waybill",
    "Waybill no.",
    "AWB",
    "AWB no.",
  ],
  keywords: [
    "运单",
    "物流单号",
    "快递单号",
    "物流编号",
    "快递号",
    "追踪号",
    "跟踪号",
    "tracking",
    "waybill",
    "awb",
  ],
  concepts: [
    "单号+物流|快递|运",
    "追踪",
    "跟踪",
    "tracking",
    "waybill",
    "快递单",
    "物流单",
    "面单",
    "运单",
    "express+no|number|#|id",
    "courier+no|number|#|id",
    "号+物流|快递",
  ],
  not: [
    "费",
    "fee",
    "cost",
    "公司",
    "company",
    "状态",
    "status",
    "退货",
    "退",
    "return",
    "样",
    "sample",
    "头程",
  ],
};
