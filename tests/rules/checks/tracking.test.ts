import { tracking } from "../../../src/rules/checks/tracking";
import { explain } from "../../../src/rules/explain";
import { batchFacts } from "../../../src/rules/score";
import { DEFAULT_SETTINGS } from "../../../src/rules/settings";
import { scoreLedger } from "../../../src/ledger/score-rows";
import { order, run } from "./helpers";

/** UPS's published sample number (valid check digit). */
const UPS = "1Z999AA10123456784";

describe("tracking", () => {
  it("gives 15 points to a shipped order without a number", () => {
    expect(run(tracking, order({ shipped: true }), { fields: ["trackingNumber"] })).toMatchObject([
      { code: "shipped_without_tracking", points: 15 },
    ]);
  });

  it("is silent for an order not yet shipped", () => {
    expect(run(tracking, order({ shipped: false }), { fields: ["trackingNumber"] })).toEqual([]);
  });

  it("gives 20 points to an internal number that fits no carrier", () => {
    expect(run(tracking, order({ trackingNumber: "ZX-88-1234" }))).toMatchObject([
      { code: "tracking_invalid", points: 20 },
    ]);
  });

  it("gives 20 points to a dedicated line", () => {
    expect(run(tracking, order({ trackingNumber: UPS, carrier: "美国专线" }))).toMatchObject([
      { code: "dedicated_line", points: 20 },
    ]);
  });

  it("gives 20 points to a number that contradicts the carrier column, named in English and Chinese", () => {
    const found = run(tracking, order({ trackingNumber: "SF1023574470215", carrier: "中通" }));
    expect(found).toMatchObject([{ code: "tracking_carrier_mismatch", points: 20 }]);
    const [r] = found;
    if (!r) throw new Error("no reason");
    expect(explain(r, "en")).toBe("tracking number SF1023574470215 is not a 中通 number (fits SF Express)");
    expect(explain(r, "zh")).toBe("运单号 SF1023574470215 不是 中通 的单号（符合 顺丰速运）");
  });

  it("is silent for a valid number of the stated carrier", () => {
    expect(run(tracking, order({ trackingNumber: UPS.toLowerCase(), carrier: "UPS" }))).toEqual([]);
  });

  it("flags one number on orders of different suppliers (empty parcel)", () => {
    const a = order({ trackingNumber: UPS, supplier: { name: "义乌市晨光饰品有限公司" } });
    const b = order({
      trackingNumber: `${UPS.slice(0, 6)} ${UPS.slice(6)}`,
      supplier: { name: "深圳市华强电子有限公司" },
    });
    const batch = batchFacts([a, b]);
    expect(run(tracking, a, { batch })).toMatchObject([
      { code: "tracking_reused", points: 30, facts: { suppliers: 2 } },
    ]);
  });

  it("does not flag the lines of one order sharing its number", () => {
    const a = order({ trackingNumber: UPS, supplier: { name: "义乌市晨光饰品有限公司" } });
    const b = order({ trackingNumber: UPS, supplier: { name: "义乌市晨光饰品有限公司" } });
    expect(run(tracking, a, { batch: batchFacts([a, b]) })).toEqual([]);
  });

  it.each([
    ["0000000000", undefined],
    ["SF0000000000000", "顺丰"],
    ["1111111111111", "EMS"],
    ["123456789", "德邦"],
  ])(
    "gives 20 points to the placeholder %s (carrier %s), with its own code and a clear reason",
    (n, carrier) => {
      const found = run(tracking, order(carrier ? { trackingNumber: n, carrier } : { trackingNumber: n }));
      expect(found).toMatchObject([
        { code: "tracking_placeholder", points: 20, facts: { number: n, failure: "placeholder" } },
      ]);
      const [r] = found;
      if (!r) throw new Error("no reason");
      expect(explain(r, "en")).toBe(
        `tracking number ${n} is a placeholder (one digit repeated or a run such as 123456789), not a real number`,
      );
      expect(explain(r, "zh")).toBe(
        `运单号 ${n} 是占位号码（同一数字重复或 123456789 这类连号），不是真实单号`,
      );
    },
  );

  it("says a real number with a wrong check digit fails its check digit, not that it fits no carrier", () => {
    const found = run(tracking, order({ trackingNumber: "SF1023574470216", carrier: "顺丰" }));
    expect(found).toMatchObject([
      { code: "tracking_invalid", points: 20, facts: { failure: "invalid_checksum" } },
    ]);
    const [r] = found;
    if (!r) throw new Error("no reason");
    expect(explain(r, "en")).toMatch(
      /^tracking number SF1023574470216 fails its check digit \(shaped like SF Express\)/,
    );
    expect(explain(r, "zh")).toMatch(/^运单号 SF1023574470216 校验位不对（形似 顺丰速运）/);
  });
});

/**
 * A 1688 purchase ledger (Chinese headers, numbers typed as text) whose genuine
 * domestic numbers come with their carrier named: numbers from sources the carrier
 * formats were not written from (see tests/rules/identifiers/tracking.test.ts).
 */
describe("tracking, in a ledger", () => {
  const HEADER = ["订单编号", "供应商", "物流公司", "运单号"];
  const GENUINE: Array<[string, string]> = [
    ["中通快递", "75761365043766"],
    ["中通", "75701252115546"],
    ["中通快递", "773415850905356"],
    ["中通", "755308483428"],
    ["韵达快递", "46334069260168"],
    ["韵达", "31843064579230"],
    ["韵达", "1600887249033"],
    ["申通快递", "77632957076153"],
    ["申通", "77718014846666"],
    ["圆通速递", "YT894185215852"],
    ["圆通", "YT9693083639795"],
    ["顺丰速运", "SF1023574470215"],
  ];
  const cells = [
    HEADER,
    ...GENUINE.map(([carrier, number], i) => [`38${1000 + i}`, `义乌市供应商${i}有限公司`, carrier, number]),
  ];

  it("raises no tracking alarm on genuine ZTO, Yunda, STO, YTO and SF numbers with their carrier named", () => {
    const scored = scoreLedger(cells, { settings: DEFAULT_SETTINGS });
    expect(scored.header.byField.carrier).toBe(2);
    expect(scored.header.byField.trackingNumber).toBe(3);
    expect(scored.verdicts).toHaveLength(GENUINE.length);
    for (const verdict of scored.verdicts) {
      expect(verdict?.reasons.filter((r) => r.rule === "tracking")).toEqual([]);
    }
  });

  it("still gives 20 points to the same numbers under a carrier they cannot belong to, and to placeholders", () => {
    const wrong = [
      HEADER,
      ["381", "义乌市甲有限公司", "顺丰速运", "75761365043766"],
      ["382", "义乌市乙有限公司", "中通快递", "SF1023574470215"],
      ["383", "义乌市丙有限公司", "韵达快递", "00000000000000"],
    ];
    const scored = scoreLedger(wrong, { settings: DEFAULT_SETTINGS });
    const codes = scored.verdicts.map((v) =>
      v?.reasons.filter((r) => r.rule === "tracking").map((r) => [r.code, r.points]),
    );
    expect(codes).toEqual([
      [["tracking_carrier_mismatch", 20]],
      [["tracking_carrier_mismatch", 20]],
      [["tracking_placeholder", 20]],
    ]);
  });
});
