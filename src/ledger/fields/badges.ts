import type { FieldSpec } from "../fields";

/**
 * The shop's badges (深度验厂, 实力商家, 品牌授权...).
 *
 * Its spellings come from Chinese team sheets (认证, 店铺标签, 商家标识); English team sheets (Badges, Store Badges,
 * Credentials). Each source is labelled, with more examples, in tests/fixtures/header-corpus.tsv.
 */
export const badges: FieldSpec<"badges"> = {
  id: "badges",
  kind: "badges",
  level: "order",
  aliases: [
    "认证",
    "资质",
    "标识",
    "标签",
    "徽章",
    "店铺标签",
    "商家标识",
    "认证标识",
    "Badges",
    "Badge",
    "Credentials",
    "Credential",
    "Store badges",
    "Tags",
  ],
  keywords: [
    "资质",
    "标识",
    "徽章",
    "badge",
    "credential",
    "实力商家",
    "超级工厂",
    "powerfulmerchant",
    "superfactory",
  ],
  weak: ["认证"],
};
