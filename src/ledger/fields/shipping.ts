import type { FieldSpec } from "../fields";

/**
 * The shipping fee of the order (1688's 运费).
 *
 * Its spellings come from 1688's order export (运费(元)); 店小秘 (Dianxiaomi) (运费); 马帮 (Mabang) (采购运费); 领星
 * (Lingxing) (物流费用); BigSeller (Shipping fee); Chinese team sheets (运费（元）, 邮费, 快递费); English team sheets
 * (Shipping cost, Freight, Shipping). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const shipping: FieldSpec<"shipping"> = {
  id: "shipping",
  kind: "money",
  level: "order",
  aliases: [
    "运费(元)",
    "运费",
    "邮费",
    "快递费",
    "物流费",
    "运费金额",
    "Shipping",
    "Shipping fee",
    "Shipping cost",
    "Freight",
    "Postage",
    "Delivery fee",
  ],
  keywords: [
    "运费",
    "邮费",
    "快递费",
    "物流费",
    "freight",
    "shippingfee",
    "shippingcost",
    "postage",
    "deliveryfee",
  ],
  weak: ["shipping"],
  not: [
    "样",
    "sample",
    "方式",
    "时效",
    "天数",
    "days",
    "单号",
    "公司",
    "method",
    "address",
    "地址",
    "mode",
    "to",
    "mark",
    "唛头",
    "退",
    "return",
    "refund",
    "头程",
  ],
};
