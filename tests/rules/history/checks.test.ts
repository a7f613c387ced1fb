import type { CheckContext } from "../../../src/rules/checks/check";
import { HISTORY_CHECKS, moneyAtRiskOn } from "../../../src/rules/history";
import { escrowWindow } from "../../../src/rules/history/escrow-window";
import { lateDelivery } from "../../../src/rules/history/late-delivery";
import { silentStore } from "../../../src/rules/history/silent-store";
import { DEFAULT_SETTINGS, parseSettings, type Settings } from "../../../src/rules/settings";
import type { Order, Reason } from "../../../src/rules/types";
import { AS_OF, cny, day, order } from "./fixtures";

function run(
  check: typeof silentStore,
  o: Order,
  settings: Settings = DEFAULT_SETTINGS,
  extra: Partial<CheckContext> = {},
) {
  const ctx: CheckContext = {
    settings,
    atRisk: { basis: "unknown" },
    asOf: AS_OF,
    now: moneyAtRiskOn(o, settings, AS_OF),
    ...extra,
  };
  return check.run(o, ctx) as Reason | undefined;
}

const deposit = (paid: string, more: Partial<Order> = {}) =>
  order({
    payment: "wechat",
    total: cny(30000),
    paidUpfront: cny(9000),
    received: false,
    history: { paidDate: day(paid) },
    ...more,
  });

describe("the history checks", () => {
  it("run in a stable order after the table's checks", () => {
    expect(HISTORY_CHECKS.map((c) => c.id)).toEqual(["silent-store", "late-delivery", "escrow-window"]);
  });
});

describe("silent-store", () => {
  it("flags a deposit paid 8 days ago with no tracking number", () => {
    expect(run(silentStore, deposit("2026-06-22"))).toMatchObject({
      code: "deposit_no_tracking",
      points: 20,
      facts: { days: 8, since: "2026-06-22", paid: 9000, currency: "CNY", atRiskUsd: 1250 },
    });
  });

  it("waits the days the settings give", () => {
    expect(run(silentStore, deposit("2026-06-25"))).toBeUndefined();
    expect(
      run(silentStore, deposit("2026-06-25"), parseSettings({ history: { silentDays: 3 } })),
    ).toBeDefined();
  });

  it("is silent once a tracking number is posted, for escrow money, or without a date", () => {
    expect(
      run(silentStore, deposit("2026-06-01", { trackingNumber: "YT2412345678901", shipped: true })),
    ).toBeUndefined();
    expect(
      run(silentStore, deposit("2026-06-01", { payment: "escrow", paidUpfront: undefined })),
    ).toBeUndefined();
    expect(run(silentStore, deposit("2026-06-01", { history: {} }))).toBeUndefined();
  });
});

describe("late-delivery", () => {
  const promised = (iso: string | undefined, more: Partial<Order> = {}) =>
    order({ received: false, history: iso === undefined ? {} : { promisedDate: day(iso) }, ...more });

  it("flags goods not received after the promised date, with the days late", () => {
    expect(run(lateDelivery, promised("2026-06-16"))).toMatchObject({
      code: "delivery_overdue",
      points: 15,
      facts: { days: 14, promised: "2026-06-16" },
    });
  });

  it("is silent on the promised day, once received, and when the date is missing", () => {
    expect(run(lateDelivery, promised("2026-06-30"))).toBeUndefined();
    expect(run(lateDelivery, promised("2026-06-01", { received: true }))).toBeUndefined();
    expect(run(lateDelivery, promised(undefined))).toBeUndefined();
  });
});

describe("escrow-window", () => {
  const shipped = (number: string, more: Partial<Order> = {}) =>
    order({
      payment: "escrow",
      received: false,
      shipped: true,
      carrier: "中通快递",
      trackingNumber: number,
      history: { shippedDate: day("2026-06-25") },
      ...more,
    });

  it("names the day escrow pays the seller for an open order with a fake number", () => {
    expect(run(escrowWindow, shipped("ZX8812345"))).toMatchObject({
      code: "fake_tracking_open",
      points: 10,
      facts: { release: "2026-07-05", daysLeft: 5, autoConfirmDays: 10, shipped: "2026-06-25" },
    });
  });

  it("flags a number another supplier used too while the order is open", () => {
    const batch = { trackingSuppliers: new Map([["YT2412345678901", new Set(["name:a", "name:b"])]]) };
    const o = shipped("YT2412345678901", { carrier: "圆通速递" });
    expect(run(escrowWindow, o, DEFAULT_SETTINGS, { batch })?.code).toBe("reused_tracking_open");
    expect(run(escrowWindow, o)).toBeUndefined();
  });

  it("names the window without a day when the ship date is unknown, and is silent once received", () => {
    expect(run(escrowWindow, shipped("ZX8812345", { history: {} }))?.facts).toEqual({
      number: "ZX8812345",
      autoConfirmDays: 10,
      escrow: true,
    });
    expect(run(escrowWindow, shipped("ZX8812345", { received: true }))).toBeUndefined();
  });
});
