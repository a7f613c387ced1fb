import {
  EXPORT_1688_HEADERS,
  FIELD_BY_ID,
  FIELD_IDS,
  FIELDS,
  IGNORED_HEADERS,
  isFieldId,
} from "../../src/ledger/fields";
import { normalizeHeader } from "../../src/ledger/header";

describe("the field table", () => {
  it("lists every field id once, each with a definition", () => {
    expect(new Set(FIELD_IDS).size).toBe(FIELD_IDS.length);
    expect(FIELDS.map((f) => f.id)).toEqual([...FIELD_IDS]);
    for (const id of FIELD_IDS) expect(FIELD_BY_ID[id].id).toBe(id);
  });

  it("gives every field at least one alias and one key word", () => {
    for (const f of FIELDS) {
      expect(f.aliases.length).toBeGreaterThan(0);
      expect(f.keywords.length).toBeGreaterThan(0);
    }
  });

  it("never gives one normalised alias to two fields", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of FIELDS) {
      for (const a of f.aliases) {
        const key = normalizeHeader(a).key;
        const other = owner.get(key);
        if (other !== undefined && other !== f.id) clashes.push(`${a}: ${other} / ${f.id}`);
        owner.set(key, f.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("holds the 1688 export's 49 columns, each either an alias or a known column to ignore", () => {
    expect(EXPORT_1688_HEADERS).toHaveLength(49);
    const aliases = new Set(FIELDS.flatMap((f) => f.aliases));
    const ignored = new Set(IGNORED_HEADERS);
    const neither = EXPORT_1688_HEADERS.filter((h) => !aliases.has(h) && !ignored.has(h));
    // 货号 is an alias of sku (teams' article numbers) that the export's own SKU ID outranks.
    expect(neither).toEqual([]);
  });

  it("keeps the buyer's columns of the export away from every field", () => {
    const aliases = new Set(FIELDS.flatMap((f) => f.aliases));
    for (const h of ["买家公司名", "买家会员名", "发票：纳税人识别号", "发票：购货单位名称"]) {
      expect(aliases.has(h)).toBe(false);
      expect(IGNORED_HEADERS).toContain(h);
    }
  });

  it("carries order-level fields down continuation rows and keeps line fields per line", () => {
    expect(FIELD_BY_ID.supplierName.level).toBe("order");
    expect(FIELD_BY_ID.total.level).toBe("order");
    expect(FIELD_BY_ID.trackingNumber.level).toBe("order");
    expect(FIELD_BY_ID.quantity.level).toBe("line");
    expect(FIELD_BY_ID.unitPrice.level).toBe("line");
    expect(FIELD_BY_ID.productTitle.level).toBe("line");
  });

  it("writes every concept as a core word, or a core and groups of words (core+word|word+word), in lower case", () => {
    for (const f of FIELDS) {
      for (const c of f.concepts ?? []) {
        expect(c).toMatch(/^[^+|]+(\+[^+|]+(\|[^+|]+)*)*$/);
        expect(c).toBe(c.toLowerCase());
      }
      for (const w of f.asked ?? []) expect(w).toBe(w.toLowerCase());
      for (const w of f.not ?? []) {
        expect(w.trim()).toBe(w);
        expect(w).not.toBe("");
        expect(w).toBe(w.toLowerCase());
      }
    }
  });

  it("never rules a field out by a word that is one of its own aliases", () => {
    const clashes = FIELDS.flatMap((f) =>
      (f.not ?? [])
        .filter((w) => f.aliases.some((a) => normalizeHeader(a).key === w))
        .map((w) => `${f.id}: ${w}`),
    );
    expect(clashes).toEqual([]);
  });

  it("recognises field ids", () => {
    expect(isFieldId("paidUpfront")).toBe(true);
    expect(isFieldId("deposit")).toBe(false);
    expect(isFieldId("toString")).toBe(false);
  });
});
