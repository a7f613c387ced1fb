import type { FieldSpec } from "../fields";

/**
 * Where the payment receipt is kept (a link or a file name): evidence the dispute dossier lists for
 * a bank recall or a 1688 claim. Read only by src/ledger/pay-facts.ts, never into `Order`.
 *
 * Its spellings come from finance and team sheets (付款凭证, 转账截图, 银行回单; Payment receipt,
 * Payment proof). Examples are labelled in tests/fixtures/header-corpus.tsv.
 */
export const receiptLink: FieldSpec<"receiptLink"> = {
  id: "receiptLink",
  kind: "text",
  level: "order",
  aliases: [
    "付款凭证",
    "付款截图",
    "转账凭证",
    "转账截图",
    "支付凭证",
    "银行回单",
    "回单",
    "收据",
    "Receipt",
    "Payment receipt",
    "Payment proof",
    "Receipt link",
  ],
  keywords: ["付款凭证", "转账凭证", "支付凭证", "回单", "收据", "receipt"],
};
