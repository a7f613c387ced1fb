import type { FieldSpec } from "../fields";

/**
 * Who the money was paid to, compared with the supplier's name by the payee check.
 *
 * Its spellings come from Chinese team sheets (收款人, 收款账户, 收款户名); English team sheets (Payee, Beneficiary,
 * Payee Name). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const payee: FieldSpec<"payee"> = {
  id: "payee",
  kind: "text",
  level: "order",
  aliases: [
    "收款人",
    "收款账户名",
    "收款户名",
    "收款方",
    "收款账户",
    "收款单位",
    "收款人姓名",
    "户名",
    "开户名",
    "Payee",
    "Payee name",
    "Beneficiary",
    "Account name",
    "Account holder",
  ],
  keywords: [
    "收款",
    "户名",
    "payee",
    "beneficiary",
    "accountname",
    "accountholder",
    "paidto",
    "payto",
    "payableto",
  ],
  not: ["客户", "方式", "method", "时间", "日期", "状态", "金额", "amount", "date"],
};
