import type { FieldSpec } from "../fields";

/**
 * Money paid before receipt outside escrow: the deposit or prepayment of DOMAIN.md's deposit and exposure
 * checks.
 *
 * Its spellings come from 通途 (Tongtu) (预付款); Chinese team sheets (定金, 订金, 定金(元)); English team sheets
 * (Deposit, Deposit paid, Deposit (USD)). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const paidUpfront: FieldSpec<"paidUpfront"> = {
  id: "paidUpfront",
  kind: "money",
  level: "order",
  aliases: [
    "预付款",
    "预付金额",
    "预付款金额",
    "预付",
    "定金",
    "订金",
    "定金金额",
    "首付款",
    "首付",
    "首款",
    "Deposit",
    "Deposit paid",
    "Paid upfront",
    "Upfront",
    "Upfront payment",
    "Prepayment",
    "Prepaid",
    "Advance payment",
    "Advance",
    "Down payment",
  ],
  keywords: [
    "预付",
    "定金",
    "订金",
    "首付",
    "首款",
    "deposit",
    "upfront",
    "prepay",
    "prepaid",
    "advance",
    "downpayment",
  ],
  not: [
    "比例",
    "占比",
    "%",
    "ratio",
    "share",
    "percent",
    "rate",
    "比率",
    "百分比",
    "到期",
    "截止",
    "日期",
    "时间",
    "date",
    "due",
  ],
};
