import type { FieldSpec } from "../fields";

/**
 * The delivery or ship date the supplier promised.
 *
 * Its spellings come from 店小秘 (Dianxiaomi) (预计到货时间); 领星 (Lingxing) (预计到货日期); Chinese team sheets (承诺发货时间);
 * English team sheets (ETA, Expected Delivery). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const promisedDate: FieldSpec<"promisedDate"> = {
  id: "promisedDate",
  kind: "date",
  level: "order",
  aliases: [
    "交货日期",
    "约定交期",
    "约定交货日期",
    "承诺交期",
    "预计到货",
    "预计到货日期",
    "预计到货时间",
    "预计交货日期",
    "承诺发货时间",
    "最晚发货时间",
    "要求到货日期",
    "Delivery date",
    "Promised date",
    "Promised delivery",
    "Expected delivery",
    "Expected delivery date",
    "ETA",
    "Due date",
  ],
  keywords: [
    "交货日期",
    "约定交期",
    "承诺交期",
    "预计到货",
    "预计交货",
    "承诺发货",
    "最晚发货",
    "要求到货",
    "deliverydate",
    "promiseddate",
    "promiseddelivery",
    "expecteddelivery",
    "duedate",
  ],
};
