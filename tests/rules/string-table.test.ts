import { keyHash, StringTable } from "../../src/rules/string-table";

/** 1688 order ids as the export writes them: 19 digits starting 37. */
const orderId = (n: number): string => `37${String(n).padStart(17, "0")}`;

describe("StringTable", () => {
  it("numbers keys in the order added and gives a key seen before its entry and value back", () => {
    const t = new StringTable();
    expect(t.add(orderId(1), 7)).toBe(0);
    expect(t.add("YT7512345678901", 9)).toBe(1);
    // Seen before: its entry, and the value it was added with stays.
    expect(t.add(orderId(1), 100)).toBe(0);
    expect(t.size).toBe(2);
    expect(t.value(t.find(orderId(1)))).toBe(7);
    t.setValue(1, -5);
    expect(t.value(t.find("YT7512345678901"))).toBe(-5);
    expect(t.find(orderId(2))).toBe(-1);
  });

  it("finds each of 200,000 order ids, and none it was not given, across its growth", () => {
    const t = new StringTable();
    let wrong = 0;
    for (let n = 0; n < 200_000; n++) if (t.add(orderId(n * 3), n) !== n) wrong++;
    expect(t.size).toBe(200_000);
    for (let n = 0; n < 200_000; n++) {
      if (t.find(orderId(n * 3)) !== n || t.value(n) !== n) wrong++;
      if (t.find(orderId(n * 3 + 1)) !== -1) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it("keeps keys apart whose hashes are equal in all 32 bits (compares the keys, not the hash)", () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `YT${String(i * 7919).padStart(13, "0")}`);
    const seen = new Map<number, string>();
    const pairs: Array<[string, string]> = [];
    for (const k of keys) {
      const h = keyHash(k);
      const other = seen.get(h);
      if (other !== undefined) pairs.push([other, k]);
      else seen.set(h, k);
    }
    // Among 200,000 keys some pairs share a 32-bit hash: the test is only meaningful with them.
    expect(pairs.length).toBeGreaterThan(0);
    const t = new StringTable();
    keys.forEach((k, i) => t.add(k, i));
    expect(t.size).toBe(keys.length);
    for (const [a, b] of pairs) {
      expect(t.keyAt(t.find(a))).toBe(a);
      expect(t.keyAt(t.find(b))).toBe(b);
      expect(t.find(a)).not.toBe(t.find(b));
    }
    // A key with a colliding hash that was never added is not found.
    const lone = new StringTable();
    const [a, b] = pairs[0] as [string, string];
    lone.add(a, 1);
    expect(lone.find(b)).toBe(-1);
  });

  it.each([
    ["the empty string", ""],
    ["one digit, then two", "7"],
    ["an odd run of digits", "123"],
    ["an even run of digits", "1230"],
    ["leading zeros", "007"],
    ["digits around letters", "1a2b34c"],
    ["a control character and NUL", "\u0000\u0001\t"],
    ["the units around the digits", "/:09"],
    ["the last ASCII unit and the first past it", "\u007f\u0080"],
    ["a compact tracking number", "SF1234567890123"],
    ["Chinese", "测试供应商295有限公司"],
    ["full-width digits (not ASCII digits)", "１２３"],
    ["a lone surrogate and U+FFFF", "\ud83d x \uffff"],
    ["an emoji (a surrogate pair)", "店😀"],
    ["a supplier key", "name:义乌市佳禾玩具有限公司"],
  ])("gives %s back exactly as added", (_, key) => {
    const t = new StringTable();
    t.add(key, 1);
    expect(t.keyAt(0)).toBe(key);
    expect(t.find(key)).toBe(0);
  });

  it("tells apart keys whose code units are alike (digit runs, case, widths)", () => {
    const keys = [
      "",
      "0",
      "00",
      "000",
      "1",
      "01",
      "10",
      "100",
      "12",
      "1\u0002",
      "\u0001\u0002",
      "a1",
      "1a",
      "A1",
      "１",
      "\u0c01",
      "\u000c\u0001",
      "\u0100",
      "\u00e4",
      "a\u0308",
    ];
    const t = new StringTable();
    keys.forEach((k, i) => expect(t.add(k, i)).toBe(i));
    expect(t.size).toBe(keys.length);
    for (let e = 0; e < t.size; e++) expect(t.find(t.keyAt(e))).toBe(e);
  });

  it("finds and gives back keys of every length among others, those of 255 bytes and more included", () => {
    const keys: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const length = [0, 1, 19, 254, 255, 256, 509, 510, 511, 2000][i % 10]!;
      // Letters take a byte each: the key's length is its encoded length (digits would pack two a byte).
      keys.push(`k${i}`.padEnd(length, "x"));
    }
    const unique = [...new Set(keys)];
    const t = new StringTable();
    unique.forEach((k, i) => expect(t.add(k, i)).toBe(i));
    for (let e = unique.length - 1; e >= 0; e--) {
      expect(t.keyAt(e)).toBe(unique[e]);
      expect(t.find(unique[e]!)).toBe(e);
    }
    expect(t.find("k1".padEnd(256, "y"))).toBe(-1);
  });

  it("keeps values of 32 bits once one no longer fits in 16, the others as they were", () => {
    const t = new StringTable();
    for (let n = 0; n < 1000; n++) t.add(orderId(n), n * 60);
    t.setValue(5, 70_000);
    t.add(orderId(1000), -1);
    t.setValue(6, -2_000_000_000);
    for (let n = 0; n < 1000; n++)
      expect(t.value(n)).toBe(n === 5 ? 70_000 : n === 6 ? -2_000_000_000 : n * 60);
    expect(t.value(1000)).toBe(-1);
  });

  it("holds 100,000 order ids in about 20 bytes each", () => {
    const t = new StringTable();
    for (let n = 0; n < 100_000; n++) t.add(orderId(n * 7), n % 4);
    // 10 bytes of digits, a byte of length, 2 of value, a quarter of a block's start, the index's slots.
    expect(t.byteLength / 100_000).toBeLessThan(21);
  });

  it("holds a key as long as a cell can be (32,767 characters)", () => {
    const long = "测".repeat(16_000) + "9".repeat(16_767);
    const t = new StringTable();
    t.add("short", 0);
    t.add(long, 1);
    expect(t.find(long)).toBe(1);
    expect(t.find(long.slice(0, -1))).toBe(-1);
    expect(t.keyAt(1)).toBe(long);
  });
});
