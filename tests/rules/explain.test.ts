import { EXPLAINED_CODES, explain, summarizeReasons } from "../../src/rules/explain";
import type { Reason } from "../../src/rules/types";

const reason = (code: string, facts: Reason["facts"] = {}, points = 10): Reason => ({
  rule: "deposit",
  code,
  points,
  facts,
});

describe("explain", () => {
  it.each(EXPLAINED_CODES)("has an English and a Chinese sentence for %s", (code) => {
    const en = explain(reason(code), "en");
    const zh = explain(reason(code), "zh");
    expect(en).not.toBe(`deposit: ${code}`);
    expect(zh).not.toBe(`deposit: ${code}`);
    expect(zh).toMatch(/\p{Script=Han}/u);
  });

  it("writes the guide's deposit sentence with the order's own currency", () => {
    const r = reason("prepaid_full", {
      paid: 48000,
      currency: "CNY",
      total: 48000,
      totalCurrency: "CNY",
      maxShare: 0.3,
    });
    expect(explain(r, "en")).toBe(
      "paid 100% (¥48,000) upfront on a ¥48,000 order; guide: at most 30% before receipt",
    );
    expect(explain(r, "zh")).toBe("订单 ¥48,000，收货前已付 100%（¥48,000）；指南：收货前最多付 30%");
  });

  it("names the blacklist in both languages (the task pane's flag rule looks for these words)", () => {
    expect(explain(reason("on_blacklist"), "en")).toContain("blacklist");
    expect(explain(reason("on_blacklist"), "zh")).toContain("黑名单");
  });

  it("falls back to rule and code for a code it does not know", () => {
    expect(explain(reason("brand_new_code"), "en")).toBe("deposit: brand_new_code");
  });
});

describe("summarizeReasons", () => {
  it("puts the weightiest reason first and joins them", () => {
    const text = summarizeReasons(
      {
        score: 35,
        level: "MEDIUM",
        reasons: [
          reason("no_badge", {}, 10),
          { ...reason("wechat_transfer", {}, 30), rule: "payment-channel" },
        ],
      },
      "en",
    );
    expect(text.startsWith("paid by WeChat transfer")).toBe(true);
    expect(text).toContain("; no Deep Factory Audit");
  });

  it("says so when nothing was found", () => {
    expect(summarizeReasons({ score: 0, level: "LOW", reasons: [] }, "en")).toBe("no risk found");
    expect(summarizeReasons({ score: 0, level: "LOW", reasons: [] }, "zh")).toBe("未发现风险");
  });

  it("names the carriers a tracking number fits in Chinese in a Chinese sentence", () => {
    const r = reason(
      "tracking_carrier_mismatch",
      { number: "773052198412", carrier: "顺丰", fits: "SF Express, ZTO Express" },
      20,
    );
    expect(explain(r, "zh")).toBe("运单号 773052198412 不是 顺丰 的单号（符合 顺丰速运、中通快递）");
    expect(explain(r, "en")).toContain("(fits SF Express, ZTO Express)");
  });

  it("says 1 year and 2 years, 1 other supplier and 2 other suppliers", () => {
    expect(explain(reason("young_store", { years: 1, minYears: 3 }), "en")).toBe(
      "store is 1 year on 1688; guide: at least 3",
    );
    expect(explain(reason("young_store", { years: 2, minYears: 3 }), "en")).toContain("2 years on 1688");
    expect(explain(reason("tracking_reused", { number: "7730", suppliers: 2 }), "en")).toContain(
      "1 other supplier:",
    );
    expect(explain(reason("tracking_reused", { number: "7730", suppliers: 3 }), "en")).toContain(
      "2 other suppliers:",
    );
  });
});
