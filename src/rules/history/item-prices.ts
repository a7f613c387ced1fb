/**
 * The lowest unit price a supplier was paid for each item so far, looked up by
 * the item's 64-bit hash while that supplier's orders are walked in time order.
 *
 * Why hashes: the item of an order is a text of its own (Offer ID and SKU, or
 * the product title); numbering texts in one table cost a string comparison
 * per order against a text far away in memory, the largest single cost of the
 * supplier history. Two 32-bit hashes that both agree on two different texts
 * of one supplier's items would merge their prices (about one chance in 10^19
 * per pair); a price drop is only reported after the two items' texts compare
 * equal (`sameItem`), so a merge could hide a drop but never invent one.
 *
 * One table serves every supplier: a slot belongs to the supplier whose number
 * it is stamped with, so nothing is cleared between suppliers, and each
 * supplier uses only the first slots it needs (a table twice its orders),
 * which stay in cache while its orders are walked.
 */
export interface ItemPrices {
  owner: Int32Array;
  h1: Int32Array;
  h2: Int32Array;
  usd: Float64Array;
  at: Int32Array;
  /** The slots the current supplier uses, less one. */
  mask: number;
  /** The current supplier's stamp. */
  stamp: number;
}

/** Slots for `count` items: a power of two, at least twice `count` (so probes stay short), at least 16. */
function tableSize(count: number): number {
  let size = 16;
  while (size < 2 * count) size *= 2;
  return size;
}

/** A table for suppliers of up to `most` priced orders each. */
export function itemPrices(most: number): ItemPrices {
  const size = tableSize(most);
  return {
    owner: new Int32Array(size),
    h1: new Int32Array(size),
    h2: new Int32Array(size),
    usd: new Float64Array(size),
    at: new Int32Array(size),
    mask: 15,
    stamp: 0,
  };
}

/** Starts a supplier with `count` priced orders (at most the table's `most`). */
export function startSupplier(p: ItemPrices, count: number): void {
  p.mask = tableSize(count) - 1;
  p.stamp++;
}

/**
 * The item's slot for the current supplier: its index when the item has a
 * price already, else the bitwise complement of the free slot it takes
 * (claimed by `setLowest`).
 */
export function slotOf(p: ItemPrices, h1: number, h2: number): number {
  let at = h1 & p.mask;
  while (p.owner[at] === p.stamp) {
    if (p.h1[at] === h1 && p.h2[at] === h2) return at;
    at = (at + 1) & p.mask;
  }
  return ~at;
}

/** Records `usd`, paid on order `order`, as the item's lowest price in `slot`. */
export function setLowest(
  p: ItemPrices,
  slot: number,
  h1: number,
  h2: number,
  usd: number,
  order: number,
): void {
  p.owner[slot] = p.stamp;
  p.h1[slot] = h1;
  p.h2[slot] = h2;
  p.usd[slot] = usd;
  p.at[slot] = order;
}

/** FNV-1a and a multiply-xorshift hash of a text, in one pass, into `out[0]` and `out[1]`. */
export function hashPair(text: string, out: Int32Array): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9e3779b9 | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out[0] = a;
  out[1] = b;
}
