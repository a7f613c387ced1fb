import type { FieldSpec } from "../fields";

/**
 * Whether the order is paid (ERP purchase orders: 未支付 / 部分支付 / 已完成).
 *
 * Its spellings come from 店小秘 (Dianxiaomi) (付款状态); 马帮 (Mabang) (支付状态, 付款进度); 领星 (Lingxing) (结算状态);
 * BigSeller (Payment status, Payment Status); Chinese team sheets (是否已付款, 付款状况, 付清了吗); English team sheets
 * (Paid?, Pay Status, Fully Paid?). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const paymentStatus: FieldSpec<"paymentStatus"> = {
  id: "paymentStatus",
  kind: "paymentStatus",
  level: "order",
  aliases: ["付款状态", "支付状态", "结算状态", "Payment status", "Paid status"],
  keywords: ["付款状态", "支付状态", "结算状态", "paymentstatus", "paidstatus"],
  concepts: [
    "状态+付款|支付|结算|付|pay",
    "状况+付款|支付|结算",
    "进度+付款|支付|结算",
    "情况+付款|支付|结算",
    "status+pay|paid|settle",
  ],
  asked: ["付款", "支付", "付清", "结清", "paid", "payment", "pay", "settled"],
  not: [
    "定金",
    "订金",
    "预付",
    "首付",
    "prepaid",
    "deposit",
    "upfront",
    "运费",
    "shipping",
    "样",
    "sample",
    "退",
    "refund",
    "方式",
    "渠道",
    "method",
    "channel",
    "via",
    "type",
  ],
};
