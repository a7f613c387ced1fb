import type { FieldSpec } from "../fields";

/**
 * How the order was paid (Alipay escrow, WeChat, bank transfer...), for the payment-channel check.
 *
 * Its spellings come from 马帮 (Mabang) (付款类型); 领星 (Lingxing) (结算方式); BigSeller (Payment Method); Chinese
 * team sheets (付款方式, 支付方式, 付款方式(支付宝/微信/对公)); English team sheets (Payment method, Pay method, Paid via).
 * Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const paymentMethod: FieldSpec<"paymentMethod"> = {
  id: "paymentMethod",
  kind: "payment",
  level: "order",
  aliases: [
    "付款方式",
    "支付方式",
    "付款渠道",
    "支付渠道",
    "结算方式",
    "交易方式",
    "Payment method",
    "Payment",
    "Payment channel",
    "Payment type",
    "Pay method",
    "Paid via",
  ],
  keywords: [
    "付款方式",
    "支付方式",
    "付款渠道",
    "支付渠道",
    "结算方式",
    "交易方式",
    "paymentmethod",
    "paymentchannel",
    "paymenttype",
    "paymethod",
    "paidvia",
  ],
  weak: ["payment", "付款", "支付"],
  concepts: [
    "方式+付|支付|收款|结算",
    "渠道+付|支付",
    "类型+付款|支付",
    "途径+付|支付",
    "怎么付",
    "payment+method|channel|type|via|terms",
    "pay+method|via|by",
    "paid+how|via|by",
  ],
  not: [
    "状态",
    "status",
    "时间",
    "日期",
    "date",
    "金额",
    "amount",
    "比例",
    "%",
    "人",
    "账号",
    "账户",
    "account",
    "状况",
    "进度",
    "情况",
    "progress",
    "到期",
    "截止",
    "期限",
    "due",
    "样",
    "sample",
  ],
};
