import { parseShare } from "../../../src/ledger/parse/percent";

describe("parseShare", () => {
  it.each<[unknown, number]>([
    ["30%", 0.3],
    ["30 %", 0.3],
    ["３０％", 0.3],
    [0.3, 0.3],
    ["0.3", 0.3],
    ["30", 0.3],
    [30, 0.3],
    [100, 1],
    ["100%", 1],
    [1, 1],
    [0, 0],
    ["0%", 0],
    ["0.5%", 0.005],
    ["12.5%", 0.125],
    ["3/7", 0.3],
    ["30/70", 0.3],
    ["3成", 0.3],
  ])("reads %j as %d", (v, n) => {
    const r = parseShare(v as string);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(n, 12);
  });

  it.each(["150%", 150, "101", "-10%", -0.2, "abc", "3/5", "12成", "1,5%"])("refuses %j", (v) => {
    expect(parseShare(v).ok).toBe(false);
  });

  it("says a share above 100% is too big", () => {
    expect(parseShare("150%")).toMatchObject({
      ok: false,
      message: expect.stringContaining("more than 100%"),
    });
  });

  it.each([null, "", " ", "-"])("reads %j as not known", (v) => {
    expect(parseShare(v)).toEqual({ ok: true, value: undefined });
  });
});
