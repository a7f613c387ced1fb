import { hashOf } from "../../../src/rules/score";
import { idOf, textIds, textOf } from "../../../src/rules/history/text-ids";

describe("textIds", () => {
  it("numbers texts in order of first appearance, equal texts alike", () => {
    const ids = textIds();
    expect(
      ["600000000123", "600000000124", "600000000123", "测试商品 跨境专供", "600000000124"].map((t) =>
        idOf(ids, t),
      ),
    ).toEqual([0, 1, 0, 2, 1]);
    expect(ids.size).toBe(3);
    expect(textOf(ids, 2)).toBe("测试商品 跨境专供");
  });

  it("tells apart texts that differ only in case, width or trailing space (items are compared as written)", () => {
    const ids = textIds();
    const texts = ["abc", "ABC", "ａｂｃ", "abc "];
    expect(texts.map((t) => idOf(ids, t))).toEqual([0, 1, 2, 3]);
  });

  it("matches a text built at run time (a different string object) to the one numbered", () => {
    const ids = textIds();
    const offer = "600000000123";
    idOf(ids, `${offer}/红色`);
    expect(idOf(ids, ["600000000123", "红色"].join("/"))).toBe(0);
  });

  it("keeps texts whose hashes collide apart", () => {
    // Two Offer-ID-like texts with the same 32-bit FNV-1a hash.
    expect(hashOf("6000549599")).toBe(hashOf("6000712382"));
    const ids = textIds();
    expect([
      idOf(ids, "6000549599"),
      idOf(ids, "6000712382"),
      idOf(ids, "6000549599"),
      idOf(ids, "6000712382"),
    ]).toEqual([0, 1, 0, 1]);
  });

  it("grows past its first table: 50,000 texts keep their numbers", () => {
    const ids = textIds(4);
    for (let k = 0; k < 50_000; k++) expect(idOf(ids, `SKU-${k}`)).toBe(k);
    for (let k = 0; k < 50_000; k += 997) expect(idOf(ids, `SKU-${k}`)).toBe(k);
    expect(ids.size).toBe(50_000);
    expect(textOf(ids, 49_999)).toBe("SKU-49999");
  });
});
