import type { FieldSpec } from "../fields";

/**
 * Whether the goods leave China, or their destination country.
 *
 * Its spellings come from Chinese team sheets (是否出口, 目的国, 发往海外?); English team sheets (Destination
 * country, Ship Overseas, Export?). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const exportShipment: FieldSpec<"exportShipment"> = {
  id: "exportShipment",
  kind: "export",
  level: "order",
  aliases: [
    "出口",
    "是否出口",
    "目的国",
    "目的国家",
    "目的地",
    "发往国家",
    "出口国家",
    "Export",
    "Exported",
    "Destination",
    "Destination country",
    "Ship to country",
  ],
  keywords: [
    "出口",
    "目的国",
    "目的地",
    "发往",
    "export",
    "destination",
    "海外",
    "国外",
    "境外",
    "overseas",
    "abroad",
    "international",
  ],
  not: ["仓", "warehouse", "费", "fee", "价", "price"],
};
