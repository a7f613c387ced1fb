import { scoreLedger } from "../../../src/ledger/score-rows";
import { explain } from "../../../src/rules/explain";
import { ledgerHistory, supplierHistory, withReasons } from "../../../src/rules/history";
import { DEFAULT_SETTINGS, parseSettings } from "../../../src/rules/settings";
import type { Verdict } from "../../../src/rules/types";
import { AS_OF, cny, day, ledgerEn, ledgerZh, order } from "./fixtures";

const settings = DEFAULT_SETTINGS;

function scored(cells: ReturnType<typeof ledgerZh>, asOf: Date | undefined) {
  return scoreLedger(cells, { settings, asOf });
}

/** Reason codes by sheet row. */
function codesByRow(result: ReturnType<typeof scored>): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  result.results.forEach((r, i) => {
    if (r.ok) out[r.order.row] = (result.verdicts[i] as Verdict).reasons.map((x) => x.code);
  });
  return out;
}

describe.each([
  ["Chinese", ledgerZh],
  ["English", ledgerEn],
])("a six-month ledger with %s headers, as of 2026-06-30", (_, cells) => {
  const result = scored(cells(), AS_OF);
  const codes = codesByRow(result);
  const suppliers = result.history?.suppliers ?? [];
  const card = (label: string) => suppliers.find((s) => s.label.startsWith(label));

  it("reads every row, the unreadable promised date included", () => {
    expect(result.results.every((r) => r.ok)).toBe(true);
  });

  it("flags the store that took two deposits and went silent, with the money and its age", () => {
    expect(codes[3]).toEqual(expect.arrayContaining(["deposit_no_tracking", "delivery_overdue"]));
    expect(codes[4]).toContain("deposit_no_tracking");
    expect(result.now?.[1]).toMatchObject({ usd: 2500, days: 41, amount: cny(18000) });
    expect(result.now?.[2]).toMatchObject({ days: 29, amount: cny(30000) });
    const hongda = card("义乌市宏达贸易");
    expect(hongda).toMatchObject({ orders: 3, atRiskOrders: 2, oldestAtRiskDays: 41 });
    expect(hongda?.atRiskUsd).toBeCloseTo(2500 + 30000 / 7.2, 2);
    expect(suppliers[0]?.label).toBe("义乌市宏达贸易有限公司");
  });

  it("flags the order paid to the supplier's new bank account, once", () => {
    expect(codes[5]).not.toContain("payee_account_changed");
    expect(codes[6]).not.toContain("payee_account_changed");
    expect(codes[7]).toContain("payee_account_changed");
    expect(card("深圳市华强创新电子")).toMatchObject({
      payeeAccounts: ["6222 0212 3456 7890 123", "6217 0000 1111 2222 333"],
      payeeChanges: [{ row: 7, from: "6222021234567890123", to: "6217 0000 1111 2222 333" }],
    });
  });

  it("flags a unit price 40% below what the team paid the supplier for the item before, with no reference column", () => {
    expect(codes[7]).toContain("price_below_history");
    expect(card("深圳市华强创新电子")?.priceDrops).toEqual([
      expect.objectContaining({ row: 7, item: "HQ-100", below: 0.4, earlierRow: 6 }),
    ]);
  });

  it("gives the supplier that is always late an on-time rate of 0 and its open order's released escrow", () => {
    expect(card("东莞市鼎峰塑胶制品厂")).toMatchObject({ onTime: 0, late: 3, overdue: 1, onTimeRate: 0 });
    expect(codes[11]).toEqual(["delivery_overdue"]);
    expect(result.now?.[9]).toMatchObject({ basis: "auto_released", days: 8 });
    expect(card("深圳市华强创新电子")?.onTimeRate).toBe(1);
  });

  it("names the escrow window on an open order whose tracking number fits no carrier", () => {
    expect(codes[12]).toEqual(["tracking_invalid", "fake_tracking_open"]);
    const i = result.results.findIndex((r) => r.ok && r.order.row === 12);
    const reason = (result.verdicts[i] as Verdict).reasons[1];
    expect(reason?.facts).toMatchObject({ release: "2026-07-05", daysLeft: 5, autoConfirmDays: 10 });
    expect(explain(reason!, "en")).toContain("10 days after shipping, on 2026-07-05 (5 days left)");
    expect(explain(reason!, "zh")).toContain("发货 10 天后自动确认收货");
  });

  it("says nothing time-based about the order whose promised date cannot be read, and names that cell", () => {
    expect(codes[13]).toEqual(["wechat_transfer", "unreadable_cell"]);
    const i = result.results.findIndex((r) => r.ok && r.order.row === 13);
    expect(result.results[i]?.order.issues?.[0]).toMatchObject({ field: "promisedDate" });
  });
});

describe("scores without an as-of date", () => {
  it("are exactly what they were: no history reasons, no history figures", () => {
    const plain = scored(ledgerZh(), undefined);
    expect(plain.history).toBeUndefined();
    expect(plain.now).toBeUndefined();
    const codes = Object.values(codesByRow(plain)).flat();
    for (const code of [
      "deposit_no_tracking",
      "delivery_overdue",
      "fake_tracking_open",
      "payee_account_changed",
    ])
      expect(codes).not.toContain(code);
    expect(plain.results.every((r) => !r.ok || r.order.history === undefined)).toBe(true);
  });

  it("judged on an earlier day see only what was known then", () => {
    const march = scored(ledgerZh(), day("2026-03-05"));
    const codes = codesByRow(march);
    // PO-2601 was shipped on 3-01 and received on 3-08: on 3-05 it was open, its deposit out for 23 days.
    expect(march.now?.[0]).toMatchObject({ days: 23, amount: cny(14400) });
    expect(codes[3]).toEqual(["wechat_transfer"]); // PO-2614 was not placed yet: nothing time-based
    expect(march.history?.suppliers.find((s) => s.label.startsWith("深圳"))?.payeeChanges).toEqual([]);
  });
});

describe("ledgerHistory", () => {
  it("groups orders that share any blacklist key: a shop link joins the company name", () => {
    const link = "https://b2b-2201234567890abcd.1688.com";
    const orders = [
      order({ row: 2, supplier: { name: "义乌市宏达贸易有限公司", shopUrl: link } }),
      order({ row: 3, supplier: { shopUrl: link } }),
      order({ row: 4, supplier: { name: "义乌宏达贸易" } }),
    ];
    const history = ledgerHistory(orders, { settings, asOf: AS_OF });
    expect(history.suppliers).toHaveLength(2);
    expect(Array.from(history.supplierIndex)).toEqual([
      history.supplierIndex[0],
      history.supplierIndex[0],
      1 - (history.supplierIndex[0] as number),
    ]);
  });

  it("counts the lines of one order once in orders and spend", () => {
    const orders = [
      order({ row: 2, orderId: "A", total: cny(7200), history: { orderDate: day("2026-03-01") } }),
      order({ row: 3, orderId: "A", total: cny(7200), history: { orderDate: day("2026-03-01") } }),
      order({ row: 4, orderId: "B", total: cny(720), history: { orderDate: day("2026-03-02") } }),
    ];
    const [h] = supplierHistory(orders, { settings, asOf: AS_OF });
    expect(h).toMatchObject({ orders: 2, rows: [2, 3, 4], spendUsd: 1100 });
  });

  it("compares prices in date order, whatever the row order (newest first, as 1688 exports)", () => {
    const orders = [
      order({ row: 2, unitPrice: cny(6), history: { orderDate: day("2026-05-01"), item: "X" } }),
      order({ row: 3, unitPrice: cny(10), history: { orderDate: day("2026-02-01"), item: "X" } }),
    ];
    const history = ledgerHistory(orders, { settings, asOf: AS_OF });
    expect(history.reasons[0]?.map((r) => r.code)).toEqual(["price_below_history"]);
    expect(history.reasons[1]).toBeUndefined();
  });

  it("compares an item's price only with the same supplier's, and each item with itself", () => {
    const other = { name: "东莞市鼎峰塑胶制品厂" };
    const orders = [
      order({
        row: 2,
        unitPrice: cny(10),
        history: { orderDate: day("2026-02-01"), item: "600000000123/红色" },
      }),
      order({
        row: 3,
        supplier: other,
        unitPrice: cny(5),
        history: { orderDate: day("2026-02-02"), item: "600000000123/红色" },
      }),
      order({
        row: 4,
        unitPrice: cny(5),
        history: { orderDate: day("2026-02-03"), item: "600000000123/蓝色" },
      }),
      order({
        row: 5,
        unitPrice: cny(6),
        history: { orderDate: day("2026-02-04"), item: "600000000123/红色" },
      }),
    ];
    const history = ledgerHistory(orders, { settings, asOf: AS_OF });
    expect(history.reasons.map((r) => r?.map((x) => x.code))).toEqual([
      undefined,
      undefined,
      undefined,
      ["price_below_history"],
    ]);
    expect(history.suppliers.flatMap((s) => s.priceDrops)).toEqual([
      expect.objectContaining({ row: 5, item: "600000000123/红色", earlierRow: 2, below: 0.4 }),
    ]);
  });

  it("flags each change of account, back to an old one too, and not a retyped one", () => {
    const orders = [
      order({ row: 2, history: { orderDate: day("2026-02-01"), payeeAccount: "6222 0212 3456 7890 123" } }),
      order({ row: 3, history: { orderDate: day("2026-02-02"), payeeAccount: "6222-0212-3456-7890-123" } }),
      order({ row: 4, history: { orderDate: day("2026-02-03"), payeeAccount: "6217 0000 1111 2222 333" } }),
      order({ row: 5, history: { orderDate: day("2026-02-04"), payeeAccount: "6222021234567890123" } }),
    ];
    const history = ledgerHistory(orders, { settings, asOf: AS_OF });
    expect(history.reasons.map((r) => r?.map((x) => x.code))).toEqual([
      undefined,
      undefined,
      ["payee_account_changed"],
      ["payee_account_changed"],
    ]);
    expect(history.suppliers[0]?.payeeAccounts).toEqual([
      "6222 0212 3456 7890 123",
      "6217 0000 1111 2222 333",
    ]);
  });

  it("takes the price-drop share from the settings", () => {
    const orders = [
      order({ row: 2, unitPrice: cny(10), history: { orderDate: day("2026-02-01"), item: "X" } }),
      order({ row: 3, unitPrice: cny(8), history: { orderDate: day("2026-05-01"), item: "X" } }),
    ];
    const strict = parseSettings({ history: { priceDropShare: 0.2 } });
    expect(ledgerHistory(orders, { settings, asOf: AS_OF }).reasons[1]).toBeUndefined();
    expect(ledgerHistory(orders, { settings: strict, asOf: AS_OF }).reasons[1]?.[0]?.code).toBe(
      "price_below_history",
    );
  });

  it("lists a tracking number another supplier used too", () => {
    const orders = [
      order({ row: 2, trackingNumber: "YT2412345678901" }),
      order({ row: 3, supplier: { name: "东莞市鼎峰塑胶制品厂" }, trackingNumber: "YT2412345678901" }),
    ];
    const suppliers = supplierHistory(orders, { settings, asOf: AS_OF });
    expect(suppliers.map((s) => s.reusedTracking)).toEqual([["YT2412345678901"], ["YT2412345678901"]]);
  });

  it("compares tracking numbers compacted, and a cell of dashes is no number", () => {
    const orders = [
      order({ row: 2, trackingNumber: "YT 2412-3456-78901" }),
      order({ row: 3, supplier: { name: "东莞市鼎峰塑胶制品厂" }, trackingNumber: "yt2412345678901" }),
      order({ row: 4, trackingNumber: "--" }),
      order({ row: 5, supplier: { name: "东莞市鼎峰塑胶制品厂" }, trackingNumber: " - " }),
    ];
    const suppliers = supplierHistory(orders, { settings, asOf: AS_OF });
    expect(suppliers.map((s) => s.reusedTracking)).toEqual([["YT2412345678901"], ["YT2412345678901"]]);
  });
});

describe("withReasons", () => {
  it("adds the points and recomputes the level, capped at 100", () => {
    const base: Verdict = {
      score: 20,
      level: "LOW",
      reasons: [{ rule: "deposit", code: "x", points: 20, facts: {} }],
    };
    const more = [{ rule: "payee-change" as const, code: "payee_account_changed", points: 90, facts: {} }];
    expect(withReasons(base, more, settings)).toMatchObject({ score: 100, level: "HIGH" });
    expect(withReasons(base, undefined, settings)).toBe(base);
  });
});
