import type { FieldSpec } from "../fields";

/**
 * The link to the supplier's 1688 shop or offer, checked for lookalike domains.
 *
 * Its spellings come from 店小秘 (Dianxiaomi) (1688链接, 采购链接); 马帮 (Mabang) (货源链接); 通途 (Tongtu) (供应商链接);
 * BigSeller (Purchase link); Chinese team sheets (商品链接, 店铺链接, 产品链接); English team sheets (1688 link,
 * Product URL, Product link). Each source is labelled, with more examples, in
 * tests/fixtures/header-corpus.tsv.
 */
export const shopUrl: FieldSpec<"shopUrl"> = {
  id: "shopUrl",
  kind: "text",
  level: "order",
  aliases: [
    "商品链接",
    "店铺链接",
    "店铺网址",
    "供应商链接",
    "采购链接",
    "货源链接",
    "1688链接",
    "链接",
    "网址",
    "URL",
    "Link",
    "Shop URL",
    "Store URL",
    "Product link",
    "Product URL",
    "1688 link",
    "Supplier link",
    "Offer link",
  ],
  keywords: ["链接", "网址", "url", "link", "website"],
  not: ["图片", "主图", "图", "image", "photo", "picture", "img"],
  concepts: ["page+product|shop|store|supplier|offer", "主页", "首页", "homepage"],
};
