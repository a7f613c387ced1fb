import type { FieldSpec } from "../fields";

/**
 * When the supplier shipped, or whether it has.
 *
 * Its spellings come from Chinese team sheets (发货日期, 发货时间, 是否发货); English team sheets (Ship date, Shipped
 * date, Shipped?). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const shippedDate: FieldSpec<"shippedDate"> = {
  id: "shippedDate",
  kind: "shipped",
  level: "order",
  aliases: [
    "发货日期",
    "发货时间",
    "发货日",
    "卖家发货时间",
    "已发货",
    "是否发货",
    "Ship date",
    "Shipped date",
    "Shipping date",
    "Dispatch date",
    "Shipped on",
    "Shipped",
    "发货",
  ],
  keywords: [
    "发货日期",
    "发货时间",
    "是否发货",
    "shipdate",
    "shippeddate",
    "shippingdate",
    "dispatchdate",
    "shippedon",
  ],
  concepts: [
    "发货+状态|日期|时间|日|是否|已",
    "shipped+date|on|time|day",
    "dispatch+date|on|time",
    "ship+date|time|day",
    "出货+日期|时间|日",
    "发出+日期|时间|日",
    "寄出+日期|时间|日",
  ],
  not: [
    "预计",
    "预期",
    "计划",
    "expected",
    "地址",
    "address",
    "快递",
    "物流",
    "样",
    "sample",
    "退",
    "return",
  ],
};
