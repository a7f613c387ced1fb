import {
  BatchScorer,
  batchFacts,
  levelOf,
  orderSupplierKey,
  scoreOrder,
  scoreOrders,
  TrackingUse,
} from "../../src/rules/score";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/rules/settings";
import { buildBlacklist } from "../../src/rules/blacklist";
import type { Order, Verdict } from "../../src/rules/types";

const order = (o: Partial<Order>): Order => ({ row: 2, supplier: {}, payment: "escrow", ...o });
/** The columns of a small team ledger: evidence it has no column for stays silent. */
const fields = new Set(["supplierName", "storeYears", "badges", "paymentMethod", "total", "paidUpfront"]);

describe("scoreOrder", () => {
  it("sums the points, caps at 100 and rounds", () => {
    const v = scoreOrder(
      order({
        supplier: { years: 1, badges: [] },
        payment: "wechat",
        total: { amount: 10000, currency: "USD" },
        paidUpfront: { amount: 10000, currency: "USD" },
      }),
      { settings: DEFAULT_SETTINGS, fields },
    );
    expect(v.reasons.map((r) => r.rule)).toEqual([
      "store-age",
      "exposure",
      "payment-channel",
      "deposit",
      "badges",
    ]);
    expect(v).toMatchObject({ score: 100, level: "HIGH" });
  });

  it("makes a blacklisted supplier 100 whatever else it shows", () => {
    const blacklist = buildBlacklist([["义乌市骗子贸易有限公司"]]);
    const v = scoreOrder(
      order({ supplier: { name: "义乌市骗子贸易有限公司", years: 10, badges: ["deep_audit"] } }),
      {
        settings: DEFAULT_SETTINGS,
        blacklist,
      },
    );
    expect(v.score).toBe(100);
    expect(v.reasons[0]?.rule).toBe("blacklisted");
  });

  it("counts missing evidence when there is no ledger to say which columns exist (a form)", () => {
    const v = scoreOrder(order({ supplier: { years: 5, badges: ["powerful_merchant"] } }), {
      settings: DEFAULT_SETTINGS,
    });
    expect(v.reasons.map((r) => r.code)).toEqual(["uscc_missing"]);
  });

  it("is LOW and silent for a clean escrow order", () => {
    expect(
      scoreOrder(order({ supplier: { years: 5, badges: ["powerful_merchant"] } }), {
        settings: DEFAULT_SETTINGS,
        fields,
      }),
    ).toEqual({
      score: 0,
      level: "LOW",
      reasons: [],
    });
  });
});

describe("levels", () => {
  it.each([
    [0, "LOW"],
    [29, "LOW"],
    [30, "MEDIUM"],
    [59, "MEDIUM"],
    [60, "HIGH"],
    [100, "HIGH"],
  ] as const)("calls %s %s", (score, level) => {
    expect(levelOf(score, DEFAULT_SETTINGS)).toBe(level);
  });

  it("follows the team's bounds", () => {
    expect(levelOf(45, parseSettings({ levels: { medium: 50, high: 80 } }))).toBe("LOW");
  });
});

describe("scoring rows together", () => {
  const ups = "1Z999AA10123456784";

  it("tells suppliers apart by name first, then member id, then link", () => {
    expect(
      orderSupplierKey(order({ supplier: { name: "Yiwu Hongda Trading Co., Ltd.", memberId: "b2b-1" } })),
    ).toBe("name:yiwuhongdatrading");
    expect(orderSupplierKey(order({ supplier: { memberId: " B2B-1 " } }))).toBe("member:b2b-1");
    expect(orderSupplierKey(order({}))).toBeUndefined();
  });

  it("collects, per compact tracking number, the suppliers that used it", () => {
    const facts = batchFacts([
      order({ trackingNumber: ups, supplier: { name: "A公司" } }),
      order({ trackingNumber: ` ${ups.toLowerCase()} `, supplier: { name: "B公司" } }),
      order({ trackingNumber: ups }),
    ]);
    expect(facts.trackingSuppliers.get(ups)?.size).toBe(2);
  });

  it("keeps each number's suppliers apart when facts build up over several calls", () => {
    const use = new TrackingUse();
    use.add([
      order({ trackingNumber: "YT1000000000001", supplier: { name: "A公司" } }),
      order({ trackingNumber: "YT1000000000002", supplier: { name: "A公司" } }),
    ]);
    expect(use.facts().trackingSuppliers.size).toBe(0);
    const facts = use
      .add([order({ trackingNumber: "YT1000000000001", supplier: { name: "B公司" } })])
      .facts();
    expect([...(facts.trackingSuppliers.get("YT1000000000001") ?? [])]).toEqual(["name:a", "name:b"]);
    // A number only one supplier used is not a fact the checks need.
    expect(facts.trackingSuppliers.has("YT1000000000002")).toBe(false);
  });

  it("tells when a later batch gives a number of an earlier one another supplier (and only then)", () => {
    const a = (n: string) => order({ trackingNumber: n, supplier: { name: "A公司" } });
    const b = (n: string) => order({ trackingNumber: n, supplier: { name: "B公司" } });
    const c = (n: string) => order({ trackingNumber: n, supplier: { name: "C公司" } });
    // Both uses in one batch: judged together, nothing late.
    const together = new TrackingUse().add([a("YT1000000000001"), b("YT1000000000001")]);
    expect(together.changedLate).toBe(false);
    // The same supplier again in a later batch, or a new number: nothing late.
    together.add([b("YT1000000000001"), a("YT1000000000009")]);
    expect(together.changedLate).toBe(false);
    // A third supplier for a number an earlier batch shared: its earlier orders' facts changed.
    together.add([c("YT1000000000001")]);
    expect(together.changedLate).toBe(true);
    // A number first used in an earlier batch, by another supplier in a later one.
    const apart = new TrackingUse().add([a("YT1000000000002")]);
    expect(apart.changedLate).toBe(false);
    apart.add([b("YT1000000000002")]);
    expect(apart.changedLate).toBe(true);
    // Numbers given one by one (as the task pane keeps them) are not batches.
    const byNumber = new TrackingUse();
    byNumber.addNumber("YT1000000000003", "name:a");
    byNumber.addNumber("YT1000000000003", "name:b");
    expect(byNumber.changedLate).toBe(false);
  });

  it("keeps one empty scorer for the life of the module (so the scorers' shape outlives them)", () => {
    expect(BatchScorer.shapeKeeper).toBeInstanceOf(BatchScorer);
    expect(BatchScorer.shapeKeeper.finish()).toEqual([]);
  });

  it("gives one verdict per order added, whatever capacity it was told", () => {
    const orders = [
      order({ trackingNumber: ups, supplier: { name: "A公司" } }),
      order({ payment: "wechat" }),
      order({ trackingNumber: ups, supplier: { name: "B公司" } }),
    ];
    const expected = scoreOrders(orders, { settings: DEFAULT_SETTINGS });
    for (const capacity of [undefined, 0, 2, 3, 100]) {
      const scorer = new BatchScorer({ settings: DEFAULT_SETTINGS, capacity });
      scorer.add(orders.slice(0, 1));
      scorer.add(orders.slice(1));
      const verdicts = scorer.finish();
      expect(verdicts).toHaveLength(3);
      expect(verdicts).toEqual(expected);
    }
    // The number two suppliers share is found across the calls.
    expect(expected[0]?.reasons.map((r) => r.code)).toContain("tracking_reused");
  });

  it("finds every shared number among thousands, and only those", () => {
    const numbers = Array.from({ length: 5000 }, (_, i) => `YT${String(i * 7919).padStart(13, "0")}`);
    const use = new TrackingUse();
    use.add(numbers.map((n) => order({ trackingNumber: n, supplier: { name: "A公司" } })));
    use.add(
      numbers
        .filter((_, i) => i % 3 === 0)
        .map((n) => order({ trackingNumber: n, supplier: { name: "B公司" } })),
    );
    use.add(numbers.map((n) => order({ trackingNumber: n, supplier: { name: "A公司" } })));
    const shared = use.facts().trackingSuppliers;
    expect(shared.size).toBe(1667);
    expect(numbers.every((n, i) => shared.has(n) === (i % 3 === 0))).toBe(true);
    expect([...(shared.get(numbers[3] as string) ?? [])]).toEqual(["name:a", "name:b"]);
  });

  it("ignores blank tracking numbers and orders with no supplier", () => {
    const facts = batchFacts([
      order({ trackingNumber: "  ", supplier: { name: "A公司" } }),
      order({ trackingNumber: "  ", supplier: { name: "B公司" } }),
      order({ trackingNumber: ups }),
      order({ trackingNumber: ups }),
    ]);
    expect(facts.trackingSuppliers.size).toBe(0);
  });

  it("gives an order nothing was found on score 0 at the level the settings give 0", () => {
    const quiet = order({ payment: "escrow", supplier: { name: "A公司" } });
    const strict = parseSettings({ levels: { medium: 0, high: 60 } });
    expect(scoreOrders([quiet], { settings: DEFAULT_SETTINGS, fields: new Set() })[0]).toEqual({
      score: 0,
      level: "LOW",
      reasons: [],
    });
    expect(scoreOrders([quiet], { settings: strict, fields: new Set() })[0]?.level).toBe("MEDIUM");
    expect(scoreOrder(quiet, { settings: DEFAULT_SETTINGS, fields: new Set() }).level).toBe("LOW");
  });

  it("flags both orders that share a number", () => {
    const verdicts = scoreOrders(
      [
        order({ trackingNumber: ups, supplier: { name: "A公司" } }),
        order({ trackingNumber: ups, supplier: { name: "B公司" } }),
      ],
      { settings: DEFAULT_SETTINGS },
    );
    expect(verdicts.every((v) => v.reasons.some((r) => r.code === "tracking_reused"))).toBe(true);
  });

  it("flags earlier rows when the sharing shows only further down, with the final supplier count", () => {
    const reused = (v: Verdict) => v.reasons.find((r) => r.code === "tracking_reused")?.facts.suppliers;
    const verdicts = scoreOrders(
      [
        order({ row: 2, trackingNumber: ups, supplier: { name: "A公司" } }),
        order({ row: 3, trackingNumber: ups, supplier: {} }),
        order({ row: 4, trackingNumber: "YT1000000000001", supplier: { name: "A公司" } }),
        order({ row: 5, trackingNumber: ups.toLowerCase(), supplier: { name: "B公司" } }),
        order({ row: 6, trackingNumber: ups, supplier: { name: "C公司" } }),
      ],
      { settings: DEFAULT_SETTINGS },
    );
    expect(verdicts.map(reused)).toEqual([3, 3, undefined, 3, 3]);
  });

  it("flags exactly the numbers a second supplier reused among thousands, wherever they sit", () => {
    const numbers = Array.from({ length: 3000 }, (_, i) => `YT${String(i * 7919).padStart(13, "0")}`);
    const orders = [
      ...numbers.map((n) => order({ trackingNumber: n, supplier: { name: "A公司" } })),
      // Lines repeating their order's number and supplier, and later orders of the same supplier.
      ...numbers
        .slice(0, 500)
        .map((n) => order({ trackingNumber: ` ${n.toLowerCase()}`, supplier: { name: "A公司" } })),
      ...numbers
        .filter((_, i) => i % 7 === 3)
        .map((n) => order({ trackingNumber: n, supplier: { name: "B公司" } })),
    ];
    const verdicts = scoreOrders(orders, { settings: DEFAULT_SETTINGS });
    const flagged = new Set(
      orders.flatMap((o, i) =>
        verdicts[i]?.reasons.some((r) => r.code === "tracking_reused")
          ? [o.trackingNumber?.trim().toUpperCase()]
          : [],
      ),
    );
    expect([...flagged].sort()).toEqual(numbers.filter((_, i) => i % 7 === 3).sort());
    expect(verdicts.filter((v) => v.reasons.some((r) => r.code === "tracking_reused"))).toHaveLength(
      429 * 2 + numbers.slice(0, 500).filter((_, i) => i % 7 === 3).length,
    );
  });

  it("gives the same verdicts in one pass as scoring each order with the facts of all", () => {
    const orders = [
      order({ row: 2, trackingNumber: ups, supplier: { name: "A公司" }, shipped: true }),
      order({ row: 3, trackingNumber: "ZX12345", carrier: "义乌专线", supplier: { name: "B公司" } }),
      order({ row: 4, supplier: { name: "B公司" }, shipped: true }),
      order({ row: 5, trackingNumber: ups, supplier: { name: "B公司" } }),
    ];
    const batch = batchFacts(orders);
    const fields = new Set(["trackingNumber", "carrier"]);
    expect(scoreOrders(orders, { settings: DEFAULT_SETTINGS, fields })).toEqual(
      orders.map((o) => scoreOrder(o, { settings: DEFAULT_SETTINGS, fields, batch })),
    );
  });
});
