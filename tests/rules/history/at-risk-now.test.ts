import { moneyAtRiskOn } from "../../../src/rules/history";
import { DEFAULT_SETTINGS, parseSettings } from "../../../src/rules/settings";
import { AS_OF, cny, day, order } from "./fixtures";

const settings = DEFAULT_SETTINGS;
const wechatDeposit = order({
  payment: "wechat",
  total: cny(48000),
  paidUpfront: cny(14400),
  received: false,
  history: { paidDate: day("2026-05-20") },
});

describe("money at risk on a day", () => {
  it("counts a deposit paid outside escrow, with its age in days", () => {
    expect(moneyAtRiskOn(wechatDeposit, settings, AS_OF)).toMatchObject({
      usd: 2000,
      amount: cny(14400),
      days: 41,
      basis: "stated",
    });
  });

  it("falls back on the order date when no payment date is recorded", () => {
    const o = order({ ...wechatDeposit, history: { orderDate: day("2026-06-23") } });
    expect(moneyAtRiskOn(o, settings, AS_OF).days).toBe(7);
  });

  it("knows the amount but not the age when the ledger has no date", () => {
    expect(moneyAtRiskOn({ ...wechatDeposit, history: {} }, settings, AS_OF)).toMatchObject({
      usd: 2000,
      days: undefined,
    });
  });

  it("counts nothing for goods received by the day, and the deposit for goods received after it", () => {
    const received = {
      ...wechatDeposit,
      received: true,
      history: { paidDate: day("2026-05-20"), receivedDate: day("2026-06-10") },
    };
    expect(moneyAtRiskOn(received, settings, AS_OF).usd).toBe(0);
    expect(moneyAtRiskOn(received, settings, day("2026-06-01"))).toMatchObject({ usd: 2000, days: 12 });
  });

  it("counts nothing for an order placed after the day", () => {
    expect(moneyAtRiskOn(wechatDeposit, settings, day("2026-05-01"))).toMatchObject({
      usd: 0,
      basis: "not_yet",
    });
  });

  it("counts escrow money once the auto-confirm window after shipping has closed on an open order", () => {
    const escrow = order({
      payment: "escrow",
      total: cny(7200),
      received: false,
      history: { paidDate: day("2026-06-01"), shippedDate: day("2026-06-15") },
    });
    expect(moneyAtRiskOn(escrow, settings, day("2026-06-24"))).toMatchObject({ usd: 0, basis: "escrow" });
    expect(moneyAtRiskOn(escrow, settings, day("2026-06-30"))).toMatchObject({
      usd: 1000,
      basis: "auto_released",
      days: 5,
    });
    const longer = parseSettings({ history: { autoConfirmDays: 20 } });
    expect(moneyAtRiskOn(escrow, longer, day("2026-06-30")).usd).toBe(0);
  });

  it("counts escrow money from the very day the window closes, not the day before", () => {
    const escrow = order({
      payment: "escrow",
      total: cny(7200),
      received: false,
      history: { paidDate: day("2026-06-01"), shippedDate: new Date("2026-06-15T18:30:00Z") },
    });
    expect(moneyAtRiskOn(escrow, settings, new Date("2026-06-24T23:59:00Z"))).toMatchObject({
      usd: 0,
      basis: "escrow",
    });
    const closed = moneyAtRiskOn(escrow, settings, day("2026-06-25"));
    expect(closed).toMatchObject({ usd: 1000, basis: "auto_released", days: 0 });
    expect(closed.since?.toISOString()).toBe("2026-06-25T00:00:00.000Z");
  });

  it("leaves escrow alone when the ship date is unknown", () => {
    const escrow = order({ payment: "escrow", total: cny(7200), received: false, history: {} });
    expect(moneyAtRiskOn(escrow, settings, AS_OF)).toMatchObject({ usd: 0, basis: "escrow" });
  });
});
