/**
 * Memoises a pure function of one string. Ledgers repeat the same supplier,
 * link and licence on many rows, so identifier checks are answered once per
 * distinct value. The cache is invisible to results (the function is pure and
 * results are frozen) and bounded: it starts afresh past `max` entries.
 * @example const fast = memoizeString(slowCheck); fast("91330100716105852F")
 */
export function memoizeString<T>(fn: (text: string) => T, max = 20_000): (text: string) => T {
  let cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    if (cache.size >= max) cache = new Map();
    cache.set(text, typeof value === "object" && value !== null ? Object.freeze(value) : value);
    return value;
  };
}
