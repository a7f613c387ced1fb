import type { FieldSpec } from "../fields";

/**
 * Where photos of the goods are kept (on arrival, from an inspection): evidence the dispute dossier
 * lists against bait-and-switch. Read only by src/ledger/pay-facts.ts, never into `Order`.
 *
 * Its spellings come from team and QC sheets (货物照片, 验货照片, 到货照片; Photos, Inspection photos).
 * Examples are labelled in tests/fixtures/header-corpus.tsv.
 */
export const photoLink: FieldSpec<"photoLink"> = {
  id: "photoLink",
  kind: "text",
  level: "order",
  aliases: [
    "照片",
    "货物照片",
    "验货照片",
    "产品照片",
    "到货照片",
    "图片链接",
    "Photos",
    "Photo",
    "Photo link",
    "Goods photos",
    "Inspection photos",
  ],
  keywords: ["货物照片", "验货照片", "到货照片", "goodsphotos", "inspectionphotos", "photolink"],
};
