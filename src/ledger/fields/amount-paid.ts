import type { FieldSpec } from "../fields";

/**
 * What has been paid so far (1688's 实付款), with or without escrow.
 *
 * Its spellings come from 1688's order export (实付款(元), 实付款); 店小秘 (Dianxiaomi) (已支付(元)); 马帮 (Mabang)
 * (已付款金额); 领星 (Lingxing) (已付金额); BigSeller (Paid amount); Chinese team sheets (实付金额, 已付款, 付款金额); English
 * team sheets (Amount paid, Total paid, Paid Amt). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const amountPaid: FieldSpec<"amountPaid"> = {
  id: "amountPaid",
  kind: "money",
  level: "order",
  aliases: [
    "实付款(元)",
    "实付款",
    "实付金额",
    "实付",
    "已付款",
    "已付金额",
    "已付",
    "付款金额",
    "支付金额",
    "已支付",
    "已支付金额",
    "Amount paid",
    "Paid",
    "Paid amount",
    "Payment amount",
    "Total paid",
  ],
  keywords: [
    "实付",
    "已付",
    "已支付",
    "付款金额",
    "支付金额",
    "amountpaid",
    "paidamount",
    "totalpaid",
    "paymentamount",
  ],
  not: [
    "定金",
    "订金",
    "预付",
    "首付",
    "deposit",
    "prepaid",
    "prepay",
    "upfront",
    "advance",
    "未",
    "unpaid",
    "到期",
    "截止",
    "due",
    "样",
    "sample",
    "退",
    "refund",
  ],
};
