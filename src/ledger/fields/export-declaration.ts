import type { FieldSpec } from "../fields";

/**
 * Whether there is a customs export declaration: one of the export documents.
 *
 * Its spellings come from Chinese team sheets (报关单, 是否报关, 报关); English team sheets (Customs declaration,
 * Customs Declaration, Export Declaration). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const exportDeclaration: FieldSpec<"exportDeclaration"> = {
  id: "exportDeclaration",
  kind: "evidence",
  level: "order",
  aliases: [
    "报关单",
    "报关",
    "出口报关",
    "出口报关单",
    "报关单号",
    "Export declaration",
    "Customs declaration",
    "Declaration",
    "Customs",
  ],
  keywords: ["报关", "declaration", "customs"],
};
