import { checkStoreUrl } from "../../../src/rules/identifiers/store-url";

describe("checkStoreUrl", () => {
  it.each([
    ["https://detail.1688.com/offer/623456789012.html", { offerId: "623456789012" }],
    ["https://detail.1688.com/offer/623456789012.html?spm=a26352.13672862.0.0", { offerId: "623456789012" }],
    ["http://detail.1688.com/offer/623456789012.html", { offerId: "623456789012" }],
    ["detail.1688.com/offer/623456789012.html", { offerId: "623456789012" }],
    ["https://shop1434123456789.1688.com", { shopKey: "shop1434123456789" }],
    ["shop1434123456789.1688.com", { shopKey: "shop1434123456789" }],
    ["https://gzxinyi.1688.com/page/offerlist.htm", { shopKey: "gzxinyi" }],
    ["https://b2b-2201234567890abcd.1688.com", { memberId: "b2b-2201234567890abcd" }],
    ["https://winport.m.1688.com/page/index.html?memberId=b2b-22012345678", { memberId: "b2b-22012345678" }],
    ["https://m.1688.com/offer/623456789012.html", { offerId: "623456789012" }],
    ["https://m.1688.com", {}],
    ["https://www.1688.com/", {}],
    ["HTTPS://DETAIL.1688.COM/offer/1.html", { offerId: "1" }],
    ["https://１６８８.com", {}],
    ["店铺: https://shop123.1688.com/ 联系人王先生", { shopKey: "shop123" }],
  ])("accepts the genuine address %s", (url, ids) => {
    const r = checkStoreUrl(url);
    expect(r.code).toBe("genuine");
    expect(r.genuine).toBe(true);
    expect(r.host === "1688.com" || r.host?.endsWith(".1688.com")).toBe(true);
    expect(r).toMatchObject(ids);
    for (const key of ["shopKey", "memberId", "offerId"] as const)
      if (!(key in ids)) expect(r[key]).toBeUndefined();
  });

  it.each([
    ["https://1688.com.shop-verify.top/offer/1.html", "1688.com.shop-verify.top"],
    ["https://detail.1688.com.cn-trade.xyz/offer/1.html", "detail.1688.com.cn-trade.xyz"],
    ["https://1688-com.top/shop", "1688-com.top"],
    ["http://l688.com/offer/1.html", "l688.com"],
    ["https://detail.l688.com/offer/1.html", "detail.l688.com"],
    ["https://1688.cn", "1688.cn"],
    ["https://www.1688.cn/offer/1.html", "www.1688.cn"],
    ["https://detail.1688.cοm/offer/1.html", "detail.1688.xn--cm-jbc"], // Greek omicron
    ["https://xn--1688-9k0b.com", "xn--1688-9k0b.com"],
    ["https://1688.com@evil.top/offer/1.html", "evil.top"],
    ["https://user:pass@detail.1688.com/offer/1.html", "detail.1688.com"],
    ["ftp://detail.1688.com/offer/1.html", "detail.1688.com"],
    ["https://192.168.0.8/1688", "192.168.0.8"],
    ["detail.1688.com.shop.top/offer/1.html", "detail.1688.com.shop.top"],
  ])("flags the lookalike %s", (url, host) => {
    const r = checkStoreUrl(url);
    expect(r.code).toBe("lookalike");
    expect(r.genuine).toBe(false);
    expect(r.host).toBe(host);
    expect(r.shopKey).toBeUndefined();
    expect(r.memberId).toBeUndefined();
  });

  it("flags a javascript: link", () => {
    expect(checkStoreUrl("javascript:alert(1)").code).toBe("lookalike");
  });

  it("explains a credentials trick by the host it really goes to", () => {
    const r = checkStoreUrl("https://detail.1688.com@phish.example/offer/1.html");
    expect(r.message).toMatch(/phish\.example/);
    expect(r.messageZh).toMatch(/phish\.example/);
  });

  it.each(["义乌市宏达贸易有限公司", "abc 123", "", "   ", "N/A", "待补充"])(
    "says %j is not a link",
    (text) => {
      const r = checkStoreUrl(text);
      expect(r.code).toBe("not_url");
      expect(r.genuine).toBe(false);
    },
  );
});

describe("other marketplaces", () => {
  it.each([
    "https://item.taobao.com/item.htm?id=1",
    "https://www.alibaba.com/product-detail/x.html",
    "https://detail.tmall.com/item.htm?id=2",
  ])("reads %s as another real site, not a lookalike", (url) => {
    const r = checkStoreUrl(url);
    expect(r.code).toBe("other_site");
    expect(r.genuine).toBe(false);
  });

  it("still calls a domain that only contains a marketplace name a lookalike", () => {
    expect(checkStoreUrl("https://taobao.com.verify-shop.top/x").code).toBe("lookalike");
  });
});

describe("checkStoreUrl on links as long as a cell holds, and longer", () => {
  it.each([
    ["https://1688.com.shop-verify.top/offer/" + "a".repeat(32700), "lookalike"],
    ["https://detail.1688.com/offer/612345678901.html?spm=" + "x".repeat(40000), "genuine"],
    ["https://l688.com/" + "中".repeat(200000), "lookalike"],
    ["1688.com.evil.top/" + "a/".repeat(20000), "lookalike"],
    ["a.".repeat(16383), "not_url"],
    ["https://" + "中".repeat(32759), "lookalike"],
  ])("judges a link of %#: %s", (link, code) => {
    expect(checkStoreUrl(link).code).toBe(code);
  });
});
