import type { FieldSpec } from "../fields";

/**
 * The bank account or card the money went to.
 *
 * Its spellings come from Chinese team sheets (收款账号, 收款银行卡号); English team sheets (Beneficiary Account,
 * Bank Acct No.). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const payeeAccount: FieldSpec<"payeeAccount"> = {
  id: "payeeAccount",
  kind: "id",
  level: "order",
  aliases: [
    "收款账号",
    "收款账户号",
    "收款卡号",
    "收款银行账号",
    "银行账号",
    "银行卡号",
    "开户行及账号",
    "对公账号",
    "Payee account",
    "Bank account",
    "Account number",
    "Account no.",
    "IBAN",
  ],
  keywords: [
    "收款账",
    "银行账",
    "对公账",
    "卡号",
    "payeeaccount",
    "bankaccount",
    "accountnumber",
    "accountno",
    "iban",
  ],
  concepts: ["account+beneficiary|payee|收款|bank", "账号+收款|银行|对公", "账户+号"],
  not: ["name", "名", "holder"],
};
