import {
  hashPair,
  itemPrices,
  setLowest,
  slotOf,
  startSupplier,
} from "../../../src/rules/history/item-prices";
import { hashOf } from "../../../src/rules/score";

const pairOf = (text: string): [number, number] => {
  const out = new Int32Array(2);
  hashPair(text, out);
  return [out[0] as number, out[1] as number];
};

describe("hashPair", () => {
  it("gives FNV-1a first (as hashOf) and a second, independent hash", () => {
    const [a, b] = pairOf("600000000123/红色-XL");
    expect(a).toBe(hashOf("600000000123/红色-XL"));
    expect(b).not.toBe(a);
    expect(pairOf("600000000123/红色-XL")).toEqual([a, b]);
  });

  it("keeps the two hashes of FNV-colliding texts apart", () => {
    // Two Offer-ID-like texts with the same 32-bit FNV-1a hash.
    const [a1, b1] = pairOf("6000549599");
    const [a2, b2] = pairOf("6000712382");
    expect(a1).toBe(a2);
    expect(b1).not.toBe(b2);
  });
});

describe("itemPrices", () => {
  it("finds an item's lowest price within the supplier, and a new item as the complement of a free slot", () => {
    const p = itemPrices(4);
    startSupplier(p, 4);
    const [x1, x2] = pairOf("X");
    const free = slotOf(p, x1, x2);
    expect(free).toBeLessThan(0);
    setLowest(p, ~free, x1, x2, 10, 0);
    const slot = slotOf(p, x1, x2);
    expect(slot).toBe(~free);
    expect(p.usd[slot]).toBe(10);
    expect(p.at[slot]).toBe(0);
  });

  it("tells apart items whose first hashes meet", () => {
    const p = itemPrices(4);
    startSupplier(p, 4);
    const [a1, b1] = pairOf("6000549599");
    const [a2, b2] = pairOf("6000712382");
    setLowest(p, ~slotOf(p, a1, b1), a1, b1, 10, 0);
    expect(slotOf(p, a2, b2)).toBeLessThan(0);
    setLowest(p, ~slotOf(p, a2, b2), a2, b2, 3, 1);
    expect(p.usd[slotOf(p, a1, b1)]).toBe(10);
    expect(p.usd[slotOf(p, a2, b2)]).toBe(3);
  });

  it("forgets the previous supplier's items without clearing the table", () => {
    const p = itemPrices(8);
    const [x1, x2] = pairOf("X");
    startSupplier(p, 8);
    setLowest(p, ~slotOf(p, x1, x2), x1, x2, 10, 0);
    startSupplier(p, 8);
    expect(slotOf(p, x1, x2)).toBeLessThan(0);
  });

  it("holds a supplier of 5,000 items, every price where it was put", () => {
    const p = itemPrices(5_000);
    startSupplier(p, 5_000);
    for (let k = 0; k < 5_000; k++) {
      const [h1, h2] = pairOf(`SKU-${k}`);
      setLowest(p, ~slotOf(p, h1, h2), h1, h2, k + 1, k);
    }
    for (let k = 0; k < 5_000; k += 7) {
      const [h1, h2] = pairOf(`SKU-${k}`);
      expect(p.usd[slotOf(p, h1, h2)]).toBe(k + 1);
    }
  });
});
