import { normSInv, reorderPoint, reorderQty, safetyStock, sampleStdDev } from "../../src/rules/inventory";
import { caught } from "./helpers";

describe("normSInv", () => {
  // Published quantiles of the standard normal distribution (NORM.S.INV in Excel).
  it.each([
    [0.9, 1.2816],
    [0.95, 1.6449],
    [0.975, 1.96],
    [0.99, 2.3263],
    [0.999, 3.0902],
    [0.5, 0],
    [0.05, -1.6449],
    [0.1, -1.2816],
  ])("gives z = %p → %p to four decimals", (p, z) => {
    expect(normSInv(p)).toBeCloseTo(z, 4);
  });

  // Reference quantiles from mpmath at 50 digits, rounded to the nearest double.
  it.each([
    [0.9, 1.2815515655446006],
    [0.95, 1.6448536269514722],
    [0.99, 2.3263478740408408],
    [0.975, 1.9599639845400538],
    [0.3, -0.524400512708041],
    [0.075, -1.439531470938456], // on the central region's edge (|p - 0.5| = 0.425)
    [0.02425, -1.9729610513118847],
    [1e-10, -6.361340902404056], // far tail
  ])("matches the reference quantile of %p to 1e-12", (p, z) => {
    expect(Math.abs(normSInv(p) - z)).toBeLessThan(1e-12);
  });

  it("is antisymmetric around one half", () => {
    for (const p of [0.01, 0.2, 0.4, 0.499]) expect(normSInv(1 - p)).toBeCloseTo(-normSInv(p), 12);
  });

  it.each([0, 1, -0.1, 1.5, 95, NaN, Infinity])("rejects the probability %p", (p) => {
    const e = caught(() => normSInv(p));
    expect(e.argument).toBe("p");
    expect(e.message).toMatch(/strictly between 0 and 1/);
    expect(e.messageZh).toMatch(/严格介于 0 和 1 之间/);
  });
});

describe("reorderPoint", () => {
  it.each([
    [20, 15, 0, 300],
    [20, 15, 100, 400],
    [0, 30, 50, 50],
    [2.5, 10, 0, 25],
  ])("orders again at %p a day x %p days + %p safety stock = %p", (daily, lead, safety, point) => {
    expect(reorderPoint(daily, lead, safety)).toBe(point);
  });

  it("defaults the safety stock to zero", () => {
    expect(reorderPoint(20, 15)).toBe(300);
  });

  it.each([
    ["dailySales", () => reorderPoint(-1, 15, 0)],
    ["leadDays", () => reorderPoint(20, -15, 0)],
    ["safetyStock", () => reorderPoint(20, 15, -10)],
    ["dailySales", () => reorderPoint(NaN, 15, 0)],
    ["leadDays", () => reorderPoint(20, Infinity, 0)],
  ])("names %s when it is negative or not finite", (argument, call) => {
    expect(caught(call).argument).toBe(argument);
  });
});

describe("safetyStock", () => {
  it("is z x sigma x sqrt(lead days): 95%, sigma 10, 16 days", () => {
    expect(safetyStock(0.95, 10, 16)).toBeCloseTo(1.6448536269514722 * 10 * 4, 10);
  });

  it.each([
    [0.9, 5, 9, 19.2233],
    [0.99, 8, 25, 93.0539],
    [0.5, 10, 16, 0],
  ])("at service level %p with sigma %p over %p days holds %p units", (level, sigma, lead, units) => {
    expect(safetyStock(level, sigma, lead)).toBeCloseTo(units, 4);
  });

  it("needs no safety stock when sales do not vary or the lead time is zero", () => {
    expect(safetyStock(0.95, 0, 16)).toBe(0);
    expect(safetyStock(0.95, 10, 0)).toBe(0);
  });

  it.each([0.4, 1, 95, -0.95])("rejects the service level %p, hinting at the share form", (level) => {
    const e = caught(() => safetyStock(level, 10, 16));
    expect(e.argument).toBe("serviceLevel");
  });

  it("explains that 95 should be written 0.95", () => {
    expect(caught(() => safetyStock(95, 10, 16)).message).toMatch(/0\.95 for 95%/);
  });

  it.each([
    ["sigmaDailySales", () => safetyStock(0.95, -1, 16)],
    ["leadDays", () => safetyStock(0.95, 10, -16)],
    ["serviceLevel", () => safetyStock(NaN, 10, 16)],
  ])("names %s when it is out of range", (argument, call) => {
    expect(caught(call).argument).toBe(argument);
  });
});

describe("sampleStdDev", () => {
  it.each([
    [[18, 22, 20, 25, 15], 3.807886553],
    [[2, 4, 4, 4, 5, 5, 7, 9], 2.138089935], // STDEV.S of the textbook sample
    [[10, 10, 10], 0],
    [[0, 1], 0.707106781],
  ])("gives STDEV.S of %j as %p", (values, sigma) => {
    expect(sampleStdDev(values)).toBeCloseTo(sigma, 8);
  });

  it("feeds safetyStock as the sigma of daily sales", () => {
    const sigma = sampleStdDev([18, 22, 20, 25, 15]);
    expect(safetyStock(0.95, sigma, 16)).toBeCloseTo(1.6448536269514722 * 3.807886553 * 4, 6);
  });

  it.each([[[]], [[12]]])("needs at least two values (%j)", (values) => {
    const e = caught(() => sampleStdDev(values));
    expect(e.argument).toBe("values");
    expect(e.message).toMatch(/at least two/);
  });

  it("names the position of a negative or non-finite value", () => {
    expect(caught(() => sampleStdDev([10, -3, 12])).argument).toBe("values[1]");
    expect(caught(() => sampleStdDev([10, 12, NaN])).argument).toBe("values[2]");
  });
});

describe("reorderQty", () => {
  it("reorders 140 units at 20 a day, 15 lead days, 7 safety days, 200 on hand and 100 in transit", () => {
    // need (15 + 7) x 20 = 440 > 300 available; quantity 440 - 300 = 140; 300 / 20 = 15 days of cover
    expect(reorderQty({ dailySales: 20, leadDays: 15, safetyDays: 7, onHand: 200, inTransit: 100 })).toEqual({
      reorder: true,
      quantity: 140,
      coverDays: 15,
    });
  });

  it("adds the review period to the quantity: 30 review days make it 740", () => {
    // (30 + 15 + 7) x 20 = 1040 - 300 = 740
    expect(
      reorderQty({
        dailySales: 20,
        leadDays: 15,
        safetyDays: 7,
        onHand: 200,
        inTransit: 100,
        reviewDays: 30,
      }),
    ).toEqual({ reorder: true, quantity: 740, coverDays: 15 });
  });

  it("does not reorder when stock and transit exactly cover lead and safety days", () => {
    expect(reorderQty({ dailySales: 20, leadDays: 15, safetyDays: 7, onHand: 340, inTransit: 100 })).toEqual({
      reorder: false,
      quantity: 0,
      coverDays: 22,
    });
  });

  it("reorders one unit short of the cover", () => {
    const r = reorderQty({ dailySales: 20, leadDays: 15, safetyDays: 7, onHand: 339, inTransit: 100 });
    expect(r.reorder).toBe(true);
    expect(r.quantity).toBe(1);
  });

  it("still suggests the review-period quantity when no reorder is due yet", () => {
    // 440 needed now, 500 available: no alert; the next order should bring (10 + 22) x 20 - 500 = 140
    expect(
      reorderQty({ dailySales: 20, leadDays: 15, safetyDays: 7, onHand: 500, inTransit: 0, reviewDays: 10 }),
    ).toEqual({ reorder: false, quantity: 140, coverDays: 25 });
  });

  it("rounds a fractional need up to whole units", () => {
    // 3.3 a day x 10 days = 33 - 30 = 3; 3.3 x 11 = 36.3 → 37 - 30 = 7
    expect(
      reorderQty({ dailySales: 3.3, leadDays: 10, safetyDays: 0, onHand: 30, inTransit: 0 }).quantity,
    ).toBe(3);
    expect(
      reorderQty({ dailySales: 3.3, leadDays: 11, safetyDays: 0, onHand: 30, inTransit: 0 }).quantity,
    ).toBe(7);
  });

  it("ignores floating-point dust: 0.1 a day for 30 days is exactly 3 units", () => {
    expect(reorderQty({ dailySales: 0.1, leadDays: 30, safetyDays: 0, onHand: 3, inTransit: 0 })).toEqual({
      reorder: false,
      quantity: 0,
      coverDays: 30,
    });
  });

  it("never reorders an item that does not sell, and its cover is unbounded", () => {
    expect(reorderQty({ dailySales: 0, leadDays: 15, safetyDays: 7, onHand: 0, inTransit: 0 })).toEqual({
      reorder: false,
      quantity: 0,
      coverDays: Infinity,
    });
  });

  it("orders the whole need when nothing is on hand or in transit", () => {
    expect(reorderQty({ dailySales: 20, leadDays: 15, safetyDays: 7, onHand: 0, inTransit: 0 })).toEqual({
      reorder: true,
      quantity: 440,
      coverDays: 0,
    });
  });

  const base = { dailySales: 20, leadDays: 15, safetyDays: 7, onHand: 200, inTransit: 100 };
  it.each([
    ["dailySales", { ...base, dailySales: -20 }],
    ["leadDays", { ...base, leadDays: -1 }],
    ["safetyDays", { ...base, safetyDays: NaN }],
    ["onHand", { ...base, onHand: -200 }],
    ["inTransit", { ...base, inTransit: Infinity }],
    ["reviewDays", { ...base, reviewDays: -30 }],
  ])("names %s when it is negative or not finite, in English and Chinese", (argument, input) => {
    const e = caught(() => reorderQty(input));
    expect(e.argument).toBe(argument);
    expect(e.message).toContain(argument);
    expect(e.messageZh).toMatch(new RegExp(`^${argument}（.+）(不能为负数|必须是有限的数字)`));
  });
});
