import type { FieldSpec } from "../fields";

/**
 * The share of the order paid before receipt (30%, 全款).
 *
 * Its spellings come from 领星 (Lingxing) (预付比例); Chinese team sheets (定金比例, 定金比例(%), 订金比例); English team
 * sheets (Deposit %, Deposit ratio, Deposit rate). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const paidShare: FieldSpec<"paidShare"> = {
  id: "paidShare",
  kind: "share",
  level: "order",
  aliases: [
    "预付比例",
    "预付款比例",
    "定金比例",
    "订金比例",
    "首付比例",
    "付款比例",
    "预付%",
    "Deposit %",
    "Deposit share",
    "Deposit ratio",
    "Deposit rate",
    "Deposit percent",
    "Deposit percentage",
    "Upfront %",
    "Upfront share",
    "Prepayment %",
    "Prepayment ratio",
    "Paid share",
    "% paid upfront",
    "Share paid upfront",
  ],
  keywords: [
    "预付比例",
    "预付款比例",
    "定金比例",
    "订金比例",
    "首付比例",
    "付款比例",
    "预付%",
    "定金%",
    "deposit%",
    "depositratio",
    "depositshare",
    "depositrate",
    "depositpercent",
    "upfront%",
    "upfrontshare",
    "prepayment%",
    "prepaymentratio",
    "%paidupfront",
    "sharepaidupfront",
  ],
  weak: ["比例", "占比", "ratio", "percent"],
  concepts: [
    "比例+定金|订金|预付|首付",
    "%+定金|订金|预付|首付|deposit|upfront|prepay",
    "deposit+ratio|share|rate|percent|%",
    "比率+定金|订金|预付|首付",
    "百分比+定金|订金|预付|首付",
    "占比+定金|订金|预付|首付",
  ],
};
