import type { FieldSpec } from "../fields";

/**
 * The shop's repeat-buyer rate (1688's 回头率).
 *
 * Its spellings come from 1688's order export (回头率); Chinese team sheets (回头率(%), 复购率, 回头客率); English team
 * sheets (Repeat rate, Repeat buyer rate, Repeat Buyer Rate). Each source is labelled, with more examples,
 * in tests/fixtures/header-corpus.tsv.
 */
export const repeatRate: FieldSpec<"repeatRate"> = {
  id: "repeatRate",
  kind: "share",
  level: "order",
  aliases: [
    "回头率",
    "复购率",
    "回购率",
    "买家回头率",
    "Repeat rate",
    "Repeat buyer rate",
    "Repeat purchase rate",
    "Return buyer rate",
    "Repurchase rate",
  ],
  keywords: ["回头率", "复购", "回购", "repeat", "repurchase", "回头"],
};
