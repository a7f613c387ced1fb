import { memoizeString } from "../../src/rules/memo";

describe("memoizeString", () => {
  it("computes once per distinct input", () => {
    const fn = jest.fn((s: string) => ({ length: s.length }));
    const fast = memoizeString(fn);
    expect(fast("abc")).toEqual({ length: 3 });
    expect(fast("abc")).toBe(fast("abc"));
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("freezes object results so a caller cannot change what others get", () => {
    const fast = memoizeString((s: string) => ({ s }));
    expect(Object.isFrozen(fast("x"))).toBe(true);
  });

  it("starts afresh past its bound and still answers correctly", () => {
    const fn = jest.fn((s: string) => s.toUpperCase());
    const fast = memoizeString(fn, 2);
    expect([fast("a"), fast("b"), fast("c"), fast("a")]).toEqual(["A", "B", "C", "A"]);
    expect(fn).toHaveBeenCalledTimes(4);
  });
});
