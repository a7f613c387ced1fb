import { storeUrl } from "../../../src/rules/checks/store-url";
import { order, run } from "./helpers";

describe("store-url", () => {
  it.each([
    "https://detail.1688.com.shop-cn.top/offer/6012.html",
    "http://l688.com/shop",
    "https://1688-com.net/x",
  ])("gives 30 points to the lookalike %s", (shopUrl) => {
    expect(run(storeUrl, order({ supplier: { shopUrl } }))).toMatchObject([
      { rule: "store-url", code: "lookalike_url", points: 30 },
    ]);
  });

  it.each(["https://detail.1688.com/offer/612345678901.html", "https://shop1432227742039.1688.com/"])(
    "is silent for the genuine %s",
    (shopUrl) => {
      expect(run(storeUrl, order({ supplier: { shopUrl } }))).toEqual([]);
    },
  );

  it("is silent when the link cell holds a shop name rather than a URL", () => {
    expect(run(storeUrl, order({ supplier: { shopUrl: "晨光饰品厂" } }))).toEqual([]);
  });
});
