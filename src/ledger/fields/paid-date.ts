import type { FieldSpec } from "../fields";

/**
 * When the order was paid.
 *
 * Its spellings come from 1688's order export (订单付款时间); 店小秘 (Dianxiaomi) (付款时间); Chinese team sheets
 * (付款日期, 支付时间, 付款日); English team sheets (Payment date, Paid date, Payment Date). Each source is labelled,
 * with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const paidDate: FieldSpec<"paidDate"> = {
  id: "paidDate",
  kind: "date",
  level: "order",
  aliases: [
    "订单付款时间",
    "付款时间",
    "付款日期",
    "支付时间",
    "支付日期",
    "Paid date",
    "Payment date",
    "Paid on",
    "Date paid",
  ],
  keywords: ["付款时间", "付款日期", "支付时间", "支付日期", "paymentdate", "paiddate", "datepaid", "paidon"],
  concepts: ["付款+日|时间|日期", "支付+日|时间|日期"],
  not: ["到期", "截止", "应付", "due", "预计", "计划", "期限", "样", "sample", "退", "refund"],
};
