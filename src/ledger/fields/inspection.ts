import type { FieldSpec } from "../fields";

/**
 * Whether a third-party inspection (SGS, Bureau Veritas, Intertek) was done.
 *
 * Its spellings come from Chinese team sheets (验货, 是否验货, 质检); English team sheets (QC, QC passed,
 * Inspection). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const inspection: FieldSpec<"inspection"> = {
  id: "inspection",
  kind: "evidence",
  level: "order",
  aliases: [
    "验货",
    "质检",
    "第三方验货",
    "是否验货",
    "验货报告",
    "检验",
    "Inspection",
    "QC",
    "SGS",
    "Third-party inspection",
    "Pre-shipment inspection",
    "Inspected",
    "Inspection report",
  ],
  keywords: ["验货", "质检", "检验", "第三方检", "inspection", "inspected", "sgs"],
  weak: ["qc"],
};
