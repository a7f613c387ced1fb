import { parseShare, readShareMark } from "../../../src/ledger/parse/percent";

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

describe("parseShare on shares as clerks type them", () => {
  it.each<[string, number]>([
    ["全款", 1],
    ["全额", 1],
    ["付清", 1],
    ["已付清", 1],
    ["已结清", 1],
    ["半款", 0.5],
    ["30%定金", 0.3],
    ["定金30%", 0.3],
    ["定金３０％", 0.3],
    ["付3成", 0.3],
    ["3成", 0.3],
    ["三成", 0.3],
    ["预付 50%", 0.5],
    ["定金 30", 0.3],
    ["无", 0],
    ["没有", 0],
    ["未付", 0],
  ])("reads %j as %d", (text, share) => {
    const r = parseShare(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(share, 12);
  });

  it.each(["定金很多", "付款", "12成", "定金150%"])("still refuses %j", (text) => {
    expect(parseShare(text).ok).toBe(false);
  });
});

describe("readShareMark", () => {
  it.each<[string, number]>([
    ["全款", 1],
    ["30%", 0.3],
    ["30%定金", 0.3],
    ["付3成", 0.3],
  ])("reads %j, which cannot be an amount, as a share %d", (text, share) => {
    expect(readShareMark(text)).toEqual({ ok: true, value: share });
  });

  it.each(["6688", "¥6,688.00", "30", "定金 30", "abc"])("leaves %j to the money parser", (text) => {
    expect(readShareMark(text)).toBeUndefined();
  });
});
