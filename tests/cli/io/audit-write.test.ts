import { copyFile, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { audit } from "../run-audit";
import { buildWorkbook } from "../../xlsx/build-workbook";
import { missingElement, readParts, sheetRows } from "../../xlsx/package-check";
import { XlsxPackage, parseRelationships, relsPartOf } from "../../../src/xlsx/package";

const WRITERS = path.resolve(__dirname, "../../fixtures/xlsx-writers");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "guard-fidelity-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The parts the audit changes in a package: workbook, its relationships, content types, styles, the ledger sheet and its tables. */
async function changedParts(file: string, sheet?: string): Promise<Set<string>> {
  const pkg = await XlsxPackage.open(file);
  try {
    const ledger = pkg.pickSheet(sheet);
    const tables = parseRelationships(await pkg.text(relsPartOf(ledger.part)), ledger.part)
      .filter((r) => r.type.endsWith("/table"))
      .map((r) => r.part!);
    return new Set(
      [pkg.workbookPart, relsPartOf(pkg.workbookPart), "[Content_Types].xml", pkg.partOfType("styles") ?? "", ledger.part, ...tables].map(
        (p) => p.toLowerCase(),
      ),
    );
  } finally {
    await pkg.close();
  }
}

interface Case {
  name: string;
  make: (file: string) => Promise<unknown>;
  ext?: string;
  minBytes?: number;
}

const cases: Case[] = [
  { name: "an Excel-like workbook with every feature, 40 rows", make: (f) => buildWorkbook(f, { rows: 40 }) },
  {
    name: "the same workbook over 2 MB",
    make: (f) => buildWorkbook(f, { rows: 45000 }),
    minBytes: 2 * 1024 * 1024,
  },
  {
    name: "a macro-enabled workbook in the 1904 date system, every element prefixed",
    make: (f) => buildWorkbook(f, { rows: 40, macros: true, date1904: true, prefixed: true }),
    ext: ".xlsm",
  },
  ...["openpyxl-features", "libreoffice-features", "pandas-plain"].map((w) => ({
    name: `${w}.xlsx`,
    make: (f: string) => copyFile(path.join(WRITERS, `${w}.xlsx`), f),
  })),
];

describe.each(cases)("the audited copy of $name", ({ name, make, ext = ".xlsx", minBytes }) => {
  let input: string;
  let output: string;
  let code: number;
  let stderr: string;

  beforeAll(async () => {
    const base = name.replace(/[^a-z0-9]+/gi, "-").slice(0, 40);
    input = path.join(dir, `${base}${ext}`);
    output = path.join(dir, `${base}.audited${ext}`);
    await make(input);
    if (minBytes !== undefined) expect((await stat(input)).size).toBeGreaterThan(minBytes);
    const run = await audit(input, "--out", output);
    code = run.code;
    stderr = run.stderr;
  }, 120000);

  it("is written", () => {
    expect(stderr.replace(/^guard audit: [\d,]+ rows read\n/gm, "")).toBe("");
    expect([0, 1, 3]).toContain(code);
  });

  it("holds every part of the user's; those the audit does not change byte for byte, as stored", async () => {
    const before = await readParts(input);
    const after = await readParts(output);
    const changed = await changedParts(input);
    for (const [part, original] of before) {
      const copy = after.get(part);
      expect({ part, there: copy !== undefined }).toEqual({ part, there: true });
      expect({ part, crcOk: copy!.crcOk }).toEqual({ part, crcOk: true });
      if (changed.has(part.toLowerCase())) continue;
      expect({ part, same: copy!.data.equals(original.data), raw: copy!.raw.equals(original.raw) }).toEqual({
        part,
        same: true,
        raw: true,
      });
    }
  }, 60000);

  it("keeps every element of the user's in the parts it changes", async () => {
    const before = await readParts(input);
    const after = await readParts(output);
    for (const part of await changedParts(input)) {
      const name = [...before.keys()].find((k) => k.toLowerCase() === part);
      if (name === undefined) continue;
      const missing = missingElement(before.get(name)!.data.toString("utf8"), after.get(name)!.data.toString("utf8"));
      expect({ part: name, missing }).toEqual({ part: name, missing: undefined });
    }
  }, 60000);

  it("keeps every cell's value and adds the risk columns right of everything on the sheet", async () => {
    const before = await sheetRows(input);
    const after = await sheetRows(output);
    const byRow = new Map(after.map((r) => [r.rowNumber, r]));
    let width = 0;
    for (const r of before) width = Math.max(width, r.lastColumn);
    let scored = 0;
    const differ: number[] = [];
    const key = (values: readonly unknown[]): string =>
      JSON.stringify(values.map((v) => (v instanceof Date ? `D${v.getTime()}` : v)));
    for (const row of before) {
      const copy = byRow.get(row.rowNumber);
      if (copy === undefined || key(copy.values.slice(0, row.values.length)) !== key(row.values)) differ.push(row.rowNumber);
      const level = copy?.values[width + 1];
      if (typeof level === "string" && ["LOW", "MEDIUM", "HIGH"].includes(level)) scored++;
    }
    expect(differ).toEqual([]);
    expect(scored).toBeGreaterThan(20);
    expect(after.find((r) => r.values.includes("Risk score"))?.values.indexOf("Risk score")).toBe(width);
  }, 60000);

  it("adds the Summary sheet to the workbook", async () => {
    const pkg = await XlsxPackage.open(output);
    try {
      const before = await XlsxPackage.open(input);
      const names = before.sheets.map((s) => s.name);
      await before.close();
      expect(pkg.sheets.map((s) => s.name)).toEqual([...names, "Summary"]);
      const summary = pkg.pickSheet("Summary");
      expect(pkg.entry(summary.part)).toBeDefined();
    } finally {
      await pkg.close();
    }
  });
});

describe("an Excel table ending at the ledger's last column", () => {
  it("is widened over the new columns, with new column ids", async () => {
    const input = path.join(dir, "table.xlsx");
    await buildWorkbook(input, { rows: 40 });
    const output = path.join(dir, "table.audited.xlsx");
    await audit(input, "--out", output);
    const table = (await readParts(output)).get("xl/tables/table1.xml")!.data.toString("utf8");
    expect(table).toContain('ref="A1:K41"');
    expect(table).toContain('<tableColumns count="11">');
    expect(table).toContain('<tableColumn id="9" name="Risk score"/>');
    expect(table).toContain('<tableColumn id="11" name="Reasons"/>');
  });
});
