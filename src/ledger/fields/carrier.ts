import type { FieldSpec } from "../fields";

/**
 * The carrier or courier of the shipment.
 *
 * Its spellings come from 1688's order export (物流公司); 店小秘 (Dianxiaomi) (快递公司); 领星 (Lingxing) (物流商);
 * BigSeller (Logistics company, Shipping Carrier); Chinese team sheets (快递, 物流, 承运商); English team sheets
 * (Carrier, Courier, Shipping company). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const carrier: FieldSpec<"carrier"> = {
  id: "carrier",
  kind: "text",
  level: "order",
  aliases: [
    "物流公司",
    "快递公司",
    "快递",
    "物流",
    "承运商",
    "承运人",
    "物流商",
    "快递名称",
    "Carrier",
    "Courier",
    "Logistics",
    "Shipping company",
    "Express",
    "Logistics company",
  ],
  keywords: [
    "物流公司",
    "快递公司",
    "承运",
    "物流商",
    "快递名称",
    "carrier",
    "courier",
    "logisticscompany",
    "shippingcompany",
  ],
  weak: ["快递", "物流", "logistics", "express"],
  concepts: ["物流+公司|商|名称|方式", "快递+公司|名称", "承运", "carrier", "courier", "express+company"],
  not: [
    "单号",
    "编号",
    "号",
    "no",
    "number",
    "#",
    "费",
    "fee",
    "cost",
    "天数",
    "days",
    "时效",
    "状态",
    "status",
    "备注",
    "单",
    "样",
    "sample",
    "头程",
  ],
};
