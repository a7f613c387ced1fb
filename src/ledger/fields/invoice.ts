import type { FieldSpec } from "../fields";

/**
 * Whether there is an invoice, or its number: one of the export documents.
 *
 * Its spellings come from Chinese team sheets (发票, 是否开票, 已开票); English team sheets (Invoice, Invoice No.,
 * Commercial Invoice). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const invoice: FieldSpec<"invoice"> = {
  id: "invoice",
  kind: "evidence",
  level: "order",
  aliases: [
    "发票",
    "是否开票",
    "开票",
    "已开票",
    "发票号",
    "发票号码",
    "发票状态",
    "商业发票",
    "Invoice",
    "Invoice no.",
    "Commercial invoice",
    "Invoiced",
  ],
  keywords: ["发票", "开票", "invoice"],
  not: ["抬头", "税号", "纳税", "开户", "地址", "电话", "邮箱", "title"],
};
