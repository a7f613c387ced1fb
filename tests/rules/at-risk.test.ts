import { moneyAtRisk } from "../../src/rules/at-risk";
import { DEFAULT_SETTINGS } from "../../src/rules/settings";
import type { Order } from "../../src/rules/types";

const order = (o: Partial<Order>): Order => ({ row: 2, supplier: {}, payment: "unknown", ...o });
const usd = (amount: number) => ({ amount, currency: "USD" });

describe("money at risk", () => {
  it("counts nothing held in 1688 escrow, however much was paid into it", () => {
    expect(
      moneyAtRisk(order({ payment: "escrow", total: usd(9000), amountPaid: usd(9000) }), DEFAULT_SETTINGS),
    ).toMatchObject({
      usd: 0,
      share: 0,
      basis: "escrow",
      totalUsd: 9000,
    });
  });

  it("counts nothing once the goods are received", () => {
    expect(
      moneyAtRisk(order({ payment: "wechat", received: true, paidUpfront: usd(9000) }), DEFAULT_SETTINGS).usd,
    ).toBe(0);
  });

  it("counts a stated prepayment outside escrow", () => {
    expect(
      moneyAtRisk(order({ payment: "wechat", total: usd(10000), paidUpfront: usd(2500) }), DEFAULT_SETTINGS),
    ).toMatchObject({
      usd: 2500,
      share: 0.25,
      basis: "stated",
    });
  });

  it("counts a stated share of the total", () => {
    expect(
      moneyAtRisk(order({ payment: "bank_transfer", total: usd(10000), paidShare: 0.5 }), DEFAULT_SETTINGS),
    ).toMatchObject({
      usd: 5000,
      basis: "share",
    });
  });

  it("assumes 1688's staged payment released 30% when no amount is recorded", () => {
    expect(moneyAtRisk(order({ payment: "staged", total: usd(10000) }), DEFAULT_SETTINGS)).toMatchObject({
      usd: 3000,
      basis: "staged_default",
    });
  });

  it("counts credit terms as nothing paid, unless a prepayment is stated", () => {
    expect(
      moneyAtRisk(order({ payment: "credit", total: usd(10000), amountPaid: usd(10000) }), DEFAULT_SETTINGS)
        .usd,
    ).toBe(0);
    expect(
      moneyAtRisk(order({ payment: "credit", total: usd(10000), paidUpfront: usd(4000) }), DEFAULT_SETTINGS)
        .usd,
    ).toBe(4000);
  });

  it("counts money paid through a known private channel, but not through an unknown one", () => {
    expect(
      moneyAtRisk(order({ payment: "wechat", total: usd(1000), amountPaid: usd(1000) }), DEFAULT_SETTINGS)
        .usd,
    ).toBe(1000);
    expect(
      moneyAtRisk(order({ payment: "unknown", total: usd(1000), amountPaid: usd(1000) }), DEFAULT_SETTINGS),
    ).toEqual({
      basis: "unknown",
      totalUsd: 1000,
    });
  });

  it("gives every result the same keys in the same order, whatever the basis", () => {
    // One shape for every result: the checks that read it are compiled once and stay compiled.
    const orders = [
      order({ payment: "escrow", total: usd(9000) }),
      order({ payment: "wechat", received: true }),
      order({ payment: "wechat", total: usd(10000), paidUpfront: usd(2500) }),
      order({ payment: "wechat", total: usd(10000), paidShare: 0.3 }),
      order({ payment: "wechat", paidShare: 0.3 }),
      order({ payment: "staged", total: usd(10000) }),
      order({ payment: "credit" }),
      order({ payment: "unknown" }),
    ];
    const results = orders.map((o) => moneyAtRisk(o, DEFAULT_SETTINGS));
    expect(new Set(results.map((r) => r.basis)).size).toBeGreaterThanOrEqual(7);
    for (const r of results) expect(Object.keys(r)).toEqual(["amount", "usd", "totalUsd", "share", "basis"]);
  });
});
