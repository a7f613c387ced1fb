import type { FieldSpec } from "../fields";

/**
 * Whether a changed payee account was confirmed with the supplier by phone (收款账号已核实): it
 * clears the STOP that a new payee account gets before paying. Read only by src/ledger/pay-facts.ts
 * (GUARD.PAYCHECK, guard pay, guard dossier, the pane's "Before you pay" card), never into `Order`.
 *
 * Its spellings come from the buyer's guide ("call to confirm any change of bank account") as
 * procurement teams write it in their ledgers (收款账号已核实, 电话核实; Payee confirmed, Confirmed by
 * phone). Examples are labelled in tests/fixtures/header-corpus.tsv.
 */
export const payeeConfirmed: FieldSpec<"payeeConfirmed"> = {
  id: "payeeConfirmed",
  kind: "evidence",
  level: "order",
  aliases: [
    "收款账号已核实",
    "收款账号核实",
    "账号已核实",
    "账号核实",
    "换号已核实",
    "电话核实",
    "已电话核实",
    "收款确认",
    "Payee confirmed",
    "Payee verified",
    "Account confirmed",
    "Account verified",
    "Confirmed by phone",
    "Payee confirmed by phone",
  ],
  keywords: ["电话核实", "payeeconfirmed", "payeeverified", "accountconfirmed", "accountverified"],
  concepts: ["核实+账号|账户|收款|电话", "confirmed+payee|account|phone", "verified+payee|account|phone"],
};
