import { hashOf } from "../../../src/rules/score";
import { TextIds } from "../../../src/rules/history/text-ids";

describe("TextIds", () => {
  it("numbers texts in order of first appearance, equal texts alike", () => {
    const ids = new TextIds();
    expect(
      ["600000000123", "600000000124", "600000000123", "测试商品 跨境专供", "600000000124"].map((t) =>
        ids.idOf(t),
      ),
    ).toEqual([0, 1, 0, 2, 1]);
    expect(ids.size).toBe(3);
    expect(ids.textOf(2)).toBe("测试商品 跨境专供");
  });

  it("tells apart texts that differ only in case, width or trailing space (items are compared as written)", () => {
    const ids = new TextIds();
    const texts = ["abc", "ABC", "ａｂｃ", "abc "];
    expect(texts.map((t) => ids.idOf(t))).toEqual([0, 1, 2, 3]);
  });

  it("matches a text built at run time (a different string object) to the one numbered", () => {
    const ids = new TextIds();
    const offer = "600000000123";
    ids.idOf(`${offer}/红色`);
    expect(ids.idOf(["600000000123", "红色"].join("/"))).toBe(0);
  });

  it("keeps texts whose hashes collide apart", () => {
    // Two Offer-ID-like texts with the same 32-bit FNV-1a hash.
    expect(hashOf("6000549599")).toBe(hashOf("6000712382"));
    const ids = new TextIds();
    expect([
      ids.idOf("6000549599"),
      ids.idOf("6000712382"),
      ids.idOf("6000549599"),
      ids.idOf("6000712382"),
    ]).toEqual([0, 1, 0, 1]);
  });

  it("grows past its first table: 50,000 texts keep their numbers", () => {
    const ids = new TextIds(4);
    for (let k = 0; k < 50_000; k++) expect(ids.idOf(`SKU-${k}`)).toBe(k);
    for (let k = 0; k < 50_000; k += 997) expect(ids.idOf(`SKU-${k}`)).toBe(k);
    expect(ids.size).toBe(50_000);
    expect(ids.textOf(49_999)).toBe("SKU-49999");
  });
});
