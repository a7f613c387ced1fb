import { evaluateRisk, readSettingsArg, reasonsText } from "../../src/functions/risk";
import { DEFAULT_SETTINGS } from "../../src/rules/settings";
import { InputError } from "../../src/rules/input-error";

const HEADERS = [["订单编号", "卖家公司名", "物流公司", "运单号", "实付款(元)", "订单状态"]];

describe("evaluateRisk", () => {
  it("scores rows together: one tracking number on two suppliers' orders is flagged", () => {
    const rows = [
      ["A1", "义乌市晨光饰品有限公司", "UPS", "1Z999AA10123456784", "¥1,000", "等待买家收货"],
      ["A2", "深圳市华强电子有限公司", "UPS", "1Z999AA10123456784", "¥2,000", "等待买家收货"],
    ];
    const result = evaluateRisk(HEADERS, rows, null, null);
    const codes = result.rows.map((r) => (r.kind === "verdict" ? r.verdict.reasons.map((x) => x.code) : []));
    expect(codes[0]).toContain("tracking_reused");
    expect(codes[1]).toContain("tracking_reused");
  });

  it("leaves a blank row blank rather than erroring", () => {
    const rows = [
      ["A1", "义乌市晨光饰品有限公司", "UPS", "1Z999AA10123456784", "¥1,000", "等待买家收货"],
      [null, null, null, null, null, null],
    ];
    expect(evaluateRisk(HEADERS, rows, null, null).rows[1]).toEqual({ kind: "blank" });
  });

  it("honours a column-mapping correction from the settings", () => {
    const headers = [["单号", "厂家", "转账方式"]];
    const rows = [["X1", "某某厂", "微信"]];
    const plain = evaluateRisk(headers, rows, null, null).rows[0];
    const fixed = evaluateRisk(headers, rows, null, [["columns.转账方式", "paymentMethod"]]).rows[0];
    const codesOf = (r: typeof plain) => (r?.kind === "verdict" ? r.verdict.reasons.map((x) => x.code) : []);
    expect(codesOf(fixed)).toContain("wechat_transfer");
    expect(codesOf(plain)).not.toContain("wechat_transfer");
  });

  it("rejects a correction to a field that does not exist, naming it", () => {
    expect(() =>
      evaluateRisk(HEADERS, [["A1", "x", "", "", "", ""]], null, [["columns.运单号", "trackingNo"]]),
    ).toThrow(/trackingNo/);
  });

  it("rejects a one-column settings range", () => {
    expect(() => readSettingsArg([["deposit.maxShare"]])).toThrow(InputError);
  });

  it("reuses parsed settings for the same content", () => {
    const a = readSettingsArg([["deposit.maxShare", "40%"]]);
    expect(readSettingsArg([["deposit.maxShare", "40%"]])).toBe(a);
    expect(readSettingsArg(null)).toBe(DEFAULT_SETTINGS);
  });
});

describe("reasonsText", () => {
  it("cuts a row's reasons to the 32,767 characters a cell holds", () => {
    // 400 columns whose cells cannot be read: each is named among the reasons.
    const headers = [Array.from({ length: 400 }, (_, i) => (i === 0 ? "Supplier" : `Order total ${i}`))];
    const rows = [Array.from({ length: 400 }, (_, i) => (i === 0 ? "Yiwu Hongda" : "#N/A"))];
    const result = evaluateRisk(headers, rows, null, [["columns.Order total 1", "total"]]);
    const outcome = result.rows[0];
    if (outcome?.kind !== "verdict") throw new Error("expected a verdict");
    const many = {
      ...outcome.verdict,
      reasons: Array.from({ length: 400 }, () => outcome.verdict.reasons).flat(),
    };
    const text = reasonsText(many, result);
    expect(text.length).toBeLessThanOrEqual(32767);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("settings that hold error values", () => {
  it("names a long key among the settings not read by its first 40 characters", () => {
    const longKey = "x".repeat(32767);
    const result = evaluateRisk([["Supplier"]], [["Yiwu Hongda"]], null, [[longKey, { code: "#N/A" }]]);
    expect(result.unreadSettings).toEqual([`${"x".repeat(39)}… (#N/A)`]);
  });
});
