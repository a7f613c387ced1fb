import type { FieldSpec } from "../fields";

/**
 * Whether a contract (1688's e-contract) was signed, or its number.
 *
 * Its spellings come from Chinese team sheets (合同, 是否签合同, 签订合同); English team sheets (Contract, Contract
 * signed?, Contract Signed?). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const contract: FieldSpec<"contract"> = {
  id: "contract",
  kind: "evidence",
  level: "order",
  aliases: [
    "合同",
    "电子合同",
    "是否签合同",
    "签合同",
    "采购合同",
    "合同号",
    "合同编号",
    "Contract",
    "E-contract",
    "Contract signed",
    "Contract no.",
  ],
  keywords: ["合同", "contract"],
};
