import type { FieldSpec } from "../fields";

/**
 * Whether the supplier presents itself as the source factory (1688's 源头厂家 label).
 *
 * Its spellings come from Chinese team sheets (是否源头厂家, 源头工厂, 源头厂家？); English team sheets (Source factory,
 * Claims to be factory, Factory? (Y/N)). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const claimsFactory: FieldSpec<"claimsFactory"> = {
  id: "claimsFactory",
  kind: "bool",
  level: "order",
  aliases: [
    "源头厂家",
    "源头工厂",
    "是否源头厂家",
    "是否源头工厂",
    "是否工厂",
    "是否厂家",
    "源头",
    "工厂直销",
    "Claims factory",
    "Is factory",
    "Source factory",
    "Factory direct",
  ],
  keywords: ["源头", "是否工厂", "是否厂家", "isfactory", "claimsfactory", "factorydirect"],
  concepts: [
    "工厂+自称|号称|声称|是不是|是否",
    "厂家+自称|号称|声称|是不是|是否",
    "factory+claim|says|said|self",
  ],
  asked: ["工厂", "厂家", "厂商", "factory", "manufacturer"],
  not: [
    "验",
    "看厂",
    "拜访",
    "考察",
    "视频",
    "visit",
    "audit",
    "video",
    "名称",
    "name",
    "地址",
    "address",
    "年",
    "看",
    "参观",
    "去过",
    "到访",
    "实地",
  ],
};
