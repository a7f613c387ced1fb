import { normalizeCompanyName, supplierKey } from "../../../src/rules/identifiers/supplier-key";

describe("normalizeCompanyName", () => {
  it.each([
    ["义乌市宏达贸易有限公司", "义乌市宏达贸易"],
    ["义乌市宏达贸易有限责任公司", "义乌市宏达贸易"],
    ["义乌市宏达贸易股份有限公司", "义乌市宏达贸易"],
    ["义乌市宏达贸易公司", "义乌市宏达贸易"],
    ["义乌市宏达贸易 Co., Ltd.", "义乌市宏达贸易"],
    ["  义乌市 宏达贸易 有限公司 ", "义乌市宏达贸易"],
    ["Yiwu Hongda Trading Co., Ltd.", "yiwuhongdatrading"],
    ["YIWU HONGDA TRADING CO.,LTD", "yiwuhongdatrading"],
    ["Yiwu Hongda Trading Company Limited", "yiwuhongdatrading"],
    ["Yiwu Hongda Trading Limited", "yiwuhongdatrading"],
    ["ＹＩＷＵ　ＨＯＮＧＤＡ　ＴＲＡＤＩＮＧ　ＣＯ．，ＬＴＤ．", "yiwuhongdatrading"],
    ["Acme Inc.", "acme"],
    ["Acme LLC", "acme"],
    ["Acme Corp.", "acme"],
  ])("reduces %s to %s", (name, normal) => {
    expect(normalizeCompanyName(name)).toBe(normal);
  });

  it("keeps a bracketed region: sister companies in other cities stay different", () => {
    expect(normalizeCompanyName("腾讯科技（深圳）有限公司")).toBe("腾讯科技深圳");
    expect(normalizeCompanyName("腾讯科技(深圳)有限公司")).toBe("腾讯科技深圳");
    expect(normalizeCompanyName("腾讯科技（北京）有限公司")).not.toBe(
      normalizeCompanyName("腾讯科技（深圳）有限公司"),
    );
  });

  it("keeps 厂 (factory), which is part of the registered name", () => {
    expect(normalizeCompanyName("东莞市长安五金厂")).toBe("东莞市长安五金厂");
  });

  it("returns an empty string for an empty name", () => {
    expect(normalizeCompanyName("  ")).toBe("");
  });
});

describe("supplierKey", () => {
  it.each([
    ["https://b2b-2201234567890abcd.1688.com", "member:b2b-2201234567890abcd"],
    [
      "https://winport.m.1688.com/page/index.html?memberId=B2B-2201234567890ABCD",
      "member:b2b-2201234567890abcd",
    ],
    ["b2b-2201234567890abcd", "member:b2b-2201234567890abcd"],
    ["https://shop1434123456789.1688.com/page/offerlist.htm", "shop:shop1434123456789"],
    ["gzxinyi.1688.com", "shop:gzxinyi"],
    ["https://detail.1688.com/offer/623456789012.html", "offer:623456789012"],
    ["https://1688.com.shop-verify.top/x", "host:1688.com.shop-verify.top"],
    ["义乌市宏达贸易有限公司", "name:义乌市宏达贸易"],
    ["Yiwu Hongda Trading Co., Ltd.", "name:yiwuhongdatrading"],
  ])("keys %s as %s", (text, key) => {
    expect(supplierKey(text)).toBe(key);
  });

  it("returns undefined when the text names nothing", () => {
    expect(supplierKey("")).toBeUndefined();
    expect(supplierKey("https://m.1688.com")).toBeUndefined();
  });
});
