import type { FieldSpec } from "../fields";

/**
 * Days from order to shipment.
 *
 * Its spellings come from Chinese team sheets (采购天数, 交期, 交期(天)); English team sheets (Lead time, Lead time
 * (days), Lead Time (days)). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const leadDays: FieldSpec<"leadDays"> = {
  id: "leadDays",
  kind: "number",
  level: "line",
  aliases: [
    "采购天数",
    "采购周期",
    "交期",
    "生产周期",
    "备货周期",
    "Lead time",
    "Lead days",
    "Purchase days",
    "Production time",
  ],
  keywords: [
    "采购天数",
    "采购周期",
    "交期",
    "生产周期",
    "备货周期",
    "leadtime",
    "leaddays",
    "purchasedays",
    "productiontime",
  ],
};
