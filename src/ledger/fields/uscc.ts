import type { FieldSpec } from "../fields";

/**
 * The supplier's Unified Social Credit Code (统一社会信用代码) from its business licence.
 *
 * Its spellings come from Chinese team sheets (统一社会信用代码, 信用代码, 营业执照号); English team sheets (USCC, Business
 * license No., Business License No.). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const uscc: FieldSpec<"uscc"> = {
  id: "uscc",
  kind: "id",
  level: "order",
  aliases: [
    "统一社会信用代码",
    "社会信用代码",
    "信用代码",
    "营业执照号",
    "营业执照",
    "执照号",
    "USCC",
    "Credit code",
    "Business license",
    "Business licence",
    "License no.",
    "Registration number",
  ],
  keywords: ["信用代码", "营业执照", "执照", "uscc", "creditcode", "license", "licence"],
};
