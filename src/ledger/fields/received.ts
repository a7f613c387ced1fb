import type { FieldSpec } from "../fields";

/**
 * Whether the goods arrived: yes/no, a received quantity or a date of receipt.
 *
 * Its spellings come from 店小秘 (Dianxiaomi) (到货数量); 马帮 (Mabang) (入库数量); 领星 (Lingxing) (到货量); BigSeller
 * (Received qty); Chinese team sheets (已收货, 是否收货, 是否到货); English team sheets (Received, Date received,
 * Received (Y/N)). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const received: FieldSpec<"received"> = {
  id: "received",
  kind: "received",
  level: "order",
  aliases: [
    "已收货",
    "收货",
    "是否收货",
    "到货",
    "是否到货",
    "已到货",
    "到货数量",
    "收货数量",
    "实收数量",
    "入库数量",
    "收货日期",
    "收货时间",
    "到货日期",
    "到货时间",
    "Received",
    "Goods received",
    "Received qty",
    "Qty received",
    "Delivered",
    "Arrived",
    "Received date",
    "Date received",
  ],
  keywords: [
    "到货数量",
    "收货数量",
    "实收数量",
    "入库数量",
    "收货",
    "到货",
    "入库",
    "实收",
    "received",
    "arrived",
  ],
  concepts: ["签收", "到货+数|量|日期|时间|是否|已", "received", "入仓"],
  not: [
    "预计",
    "预期",
    "计划",
    "expected",
    "eta",
    "warehouse",
    "样",
    "sample",
    "地址",
    "address",
    "仓库",
    "收货仓",
    "入库仓",
    "到货仓",
  ],
};
