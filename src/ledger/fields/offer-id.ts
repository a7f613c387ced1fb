import type { FieldSpec } from "../fields";

/**
 * The 1688 offer (listing) id of the line.
 *
 * Its spellings come from 1688's order export (Offer ID); Chinese team sheets (商品ID). Each source is
 * labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const offerId: FieldSpec<"offerId"> = {
  id: "offerId",
  kind: "id",
  level: "line",
  aliases: ["Offer ID", "offerid", "商品id", "货品id", "商品编号", "Offer"],
  keywords: ["offerid", "商品id", "货品id"],
};
