import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  EXPORT_1688_HEADERS,
  FIELD_BY_ID,
  FIELD_IDS,
  FIELDS,
  IGNORED_HEADERS,
  isFieldId,
  type FieldDef,
} from "../../src/ledger/fields";
import { mapHeaders, normalizeHeader, UNIT_MARKS } from "../../src/ledger/header";

const FIELD_DIR = path.join(__dirname, "../../src/ledger/fields");

/** Every file of src/ledger/fields/, with what it exports. */
const FIELD_FILES = readdirSync(FIELD_DIR)
  .filter((name) => name.endsWith(".ts"))
  .sort()
  .map((name) => ({
    name,
    source: readFileSync(path.join(FIELD_DIR, name), "utf8"),
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports: Object.values(require(path.join(FIELD_DIR, name)) as Record<string, unknown>),
  }));

/** orderId → order-id.ts */
const fileNameOf = (id: string): string => `${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`;

describe("the field files", () => {
  it("holds one file per field, every one of them registered in the index", () => {
    expect(FIELD_FILES.map((f) => f.name)).toEqual(FIELDS.map((f) => fileNameOf(f.id)).sort());
  });

  describe.each(FIELD_FILES)("src/ledger/fields/$name", ({ name, source, exports }) => {
    it("exports one field, named after the file, that the index registers as it is", () => {
      expect(exports).toHaveLength(1);
      const def = exports[0] as FieldDef;
      expect(fileNameOf(def.id)).toBe(name);
      expect(FIELDS).toContain(def);
      expect(FIELD_BY_ID[def.id]).toBe(def);
    });

    it("says what the field is and where its spellings come from", () => {
      expect(source).toMatch(/\/\*\*\n \* \S[^]*spellings come from [^]*\*\/\nexport const/);
    });

    it("reads each of its aliases, alone in a header row, as itself", () => {
      const def = exports[0] as FieldDef;
      const misread = def.aliases.filter((a) => mapHeaders([a]).columns[0]?.field !== def.id);
      expect(misread).toEqual([]);
    });
  });
});

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

  it("asks in its concepts only for unit marks the header reader sets", () => {
    const marks = FIELDS.flatMap((f) => (f.concepts ?? []).flatMap((c) => c.match(/<[^>]*>/g) ?? []));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(UNIT_MARKS).toContain(m);
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
