import type { FieldSpec } from "../fields";

/**
 * The seller's 1688 member id or Wangwang (Aliwangwang) login.
 *
 * Its spellings come from 1688's order export (卖家会员名); Chinese team sheets (供应商旺旺, 旺旺, 旺旺号); English team
 * sheets (Wangwang, Seller ID). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const memberId: FieldSpec<"memberId"> = {
  id: "memberId",
  kind: "id",
  level: "order",
  aliases: [
    "卖家会员名",
    "会员名",
    "会员id",
    "旺旺",
    "旺旺号",
    "旺旺名",
    "阿里旺旺",
    "卖家旺旺",
    "供应商旺旺",
    "卖家id",
    "Member ID",
    "Login ID",
    "Seller ID",
    "Wangwang",
    "Member name",
  ],
  keywords: [
    "会员名",
    "会员id",
    "供应商会员",
    "旺旺",
    "memberid",
    "membername",
    "loginid",
    "sellerid",
    "wangwang",
  ],
};
