import type { FieldSpec } from "../fields";

/**
 * When the goods actually arrived.
 *
 * Its spellings come from 领星 (Lingxing) (入库日期); Chinese team sheets (签收时间, 签收日期, 入库时间); English team
 * sheets (Delivered On). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const receivedDate: FieldSpec<"receivedDate"> = {
  id: "receivedDate",
  kind: "date",
  level: "order",
  aliases: [
    "签收日期",
    "签收时间",
    "实际到货日期",
    "实际到货时间",
    "实际交货日期",
    "入库日期",
    "入库时间",
    "Delivered date",
    "Delivered on",
    "Date delivered",
    "Actual delivery date",
    "Arrival date",
  ],
  keywords: ["签收", "实际到货", "实际交货", "入库日期", "delivereddate", "deliveredon", "arrivaldate"],
};
