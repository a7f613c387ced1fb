import type { FieldSpec } from "../fields";

/**
 * Whether a sample or trial order came first.
 *
 * Its spellings come from Chinese team sheets (样品, 是否样品, 拿样); English team sheets (Sample, Samples, Sample
 * sent). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const sample: FieldSpec<"sample"> = {
  id: "sample",
  kind: "evidence",
  level: "order",
  aliases: [
    "样品",
    "是否样品",
    "样品单",
    "拿样",
    "是否拿样",
    "打样",
    "试单",
    "Sample",
    "Samples",
    "Sample ordered",
    "Trial order",
    "Trial",
  ],
  keywords: ["样品", "拿样", "打样", "试单", "sample", "trial"],
  concepts: ["样品", "样+寄|拿|打|要|送|试|衣|板|单", "sample", "trial", "试单"],
  not: [
    "费",
    "价",
    "金额",
    "运费",
    "cost",
    "fee",
    "price",
    "amount",
    "图",
    "数量",
    "qty",
    "quantity",
    "单号",
    "tracking",
    "快递",
    "物流",
    "运单",
    "方式",
    "渠道",
    "method",
    "channel",
  ],
};
