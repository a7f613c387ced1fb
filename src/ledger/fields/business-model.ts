import type { FieldSpec } from "../fields";

/**
 * What the supplier says it is: factory, trading company, wholesaler (1688's 经营模式).
 *
 * Its spellings come from Chinese team sheets (经营模式, 商家类型, 供应商类型); English team sheets (Business type,
 * Business Type, Supplier Type). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const businessModel: FieldSpec<"businessModel"> = {
  id: "businessModel",
  kind: "businessModel",
  level: "order",
  aliases: [
    "经营模式",
    "商家类型",
    "供应商类型",
    "卖家类型",
    "企业类型",
    "Business model",
    "Business type",
    "Supplier type",
    "Seller type",
  ],
  keywords: ["经营模式", "商家类型", "供应商类型", "businessmodel", "businesstype", "suppliertype"],
  concepts: [
    "类型+经营|商家|供应商|卖家|企业|公司|工厂",
    "模式+经营|生产|贸易|商家",
    "贸易+生产|工厂|厂家",
    "工贸",
    "type+business|supplier|seller|vendor|company",
    "trading+manufactur|factory",
    "trad+manufactur|factory|maker",
    "还是+工厂|贸易|厂家",
  ],
};
