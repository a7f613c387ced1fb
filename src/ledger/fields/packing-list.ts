import type { FieldSpec } from "../fields";

/**
 * Whether there is a packing list: one of the export documents.
 *
 * Its spellings come from Chinese team sheets (装箱单, 有无装箱单); English team sheets (Packing list, Packing
 * List?, Packing List). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const packingList: FieldSpec<"packingList"> = {
  id: "packingList",
  kind: "evidence",
  level: "order",
  aliases: ["装箱单", "箱单", "装箱清单", "Packing list", "Packing"],
  keywords: ["装箱单", "箱单", "装箱清单", "packinglist"],
  weak: ["packing"],
  not: ["size", "尺寸", "方式", "要求", "method", "weight"],
};
