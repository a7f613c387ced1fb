import { copyFile, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { audit } from "../run-audit";
import { buildLongLedger, buildPlain, buildWorkbook, inlineRow } from "../../xlsx/build-workbook";
import { auditCsv } from "../../../src/cli/io/audit-write";
import { DEFAULT_SETTINGS } from "../../../src/rules/settings";
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
      [
        pkg.workbookPart,
        relsPartOf(pkg.workbookPart),
        "[Content_Types].xml",
        pkg.partOfType("styles") ?? "",
        ledger.part,
        ...tables,
      ].map((p) => p.toLowerCase()),
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
      const missing = missingElement(
        before.get(name)!.data.toString("utf8"),
        after.get(name)!.data.toString("utf8"),
      );
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
      if (copy === undefined || key(copy.values.slice(0, row.values.length)) !== key(row.values))
        differ.push(row.rowNumber);
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

const HEADER = ["订单号", "供应商", "付款方式", "订单金额", "已付金额", "运单号"];
const dataRow = (r: number): Array<string | number> => [
  `OD${r}`,
  "义乌市样例贸易有限公司",
  r % 2 === 0 ? "微信转账" : "支付宝担保交易",
  1000 + r,
  300,
  `YT${String(r).padStart(13, "0")}`,
];

describe("reader faults", () => {
  it("a cell at row 99,999,999: exit 2 naming the row, nothing written", async () => {
    const input = path.join(dir, "far-row.xlsx");
    await buildPlain(
      input,
      inlineRow(1, HEADER) + inlineRow(2, dataRow(2)) + inlineRow(99999999, dataRow(3)),
    );
    const run = await audit(input, "--out", path.join(dir, "far-row.out.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("row 99,999,999 is past Excel's last row");
    await expect(stat(path.join(dir, "far-row.out.xlsx"))).rejects.toThrow();
  });

  it("a cell past column XFD: exit 2 saying so", async () => {
    const input = path.join(dir, "far-col.xlsx");
    await buildPlain(input, `${inlineRow(1, HEADER)}<row r="2"><c r="XFE2"><v>1</v></c></row>`);
    const run = await audit(input, "--out", path.join(dir, "far-col.out.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("past Excel's last column (XFD");
  });

  it.each([
    ["says less than the rows hold", "A1:B2"],
    ["says the sheet reaches XFD1048576", "A1:XFD1048576"],
    ["is missing", undefined],
  ])("a dimension that %s: the new columns go right of the cells really there", async (_, dimension) => {
    const input = path.join(dir, `dim-${dimension ?? "none"}.xlsx`.replace(/:/g, "-"));
    const rows = [
      inlineRow(1, HEADER),
      ...Array.from({ length: 30 }, (__, i) => inlineRow(i + 2, dataRow(i + 2))),
    ];
    await buildPlain(input, rows.join(""), dimension === undefined ? {} : { dimension });
    const output = input.replace(/\.xlsx$/, ".out.xlsx");
    const run = await audit(input, "--out", output);
    expect(run.stderr).toBe("");
    const after = await sheetRows(output);
    expect(after[0]!.values.slice(6)).toEqual(["Risk score", "Risk level", "Reasons"]);
    expect(after[1]!.values.slice(0, 6)).toEqual(dataRow(2));
  });

  it("a cell naming a shared string the table does not hold: exit 2 naming the sheet and cell, nothing written", async () => {
    const input = path.join(dir, "dangling.xlsx");
    const row2 = inlineRow(2, dataRow(2)).replace(
      /<c r="B2" t="inlineStr"><is><t>[^<]*<\/t><\/is><\/c>/,
      '<c r="B2" t="s"><v>7</v></c>',
    );
    expect(row2).toContain('<c r="B2" t="s"><v>7</v></c>');
    await buildPlain(input, inlineRow(1, HEADER) + row2, { sharedStrings: ["宁波星辰五金"] });
    const output = path.join(dir, "dangling.out.xlsx");
    const run = await audit(input, "--out", output);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${input}: sheet "订单": cell B2 refers to shared string 7, but the workbook's shared strings table holds 1 (the workbook is damaged)`,
    );
    await expect(stat(output)).rejects.toThrow();
  });

  it("a shared strings part that inflates a thousand times over: refused as a zip bomb", async () => {
    const input = path.join(dir, "bomb.xlsx");
    await buildPlain(input, inlineRow(1, HEADER), {
      sstEntry: async (zip) => {
        const s = zip.addStream("xl/sharedStrings.xml");
        await s.write('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>');
        const zeros = Buffer.alloc(1 << 20, 0x61);
        for (let i = 0; i < 100; i++) await s.write(zeros);
        await s.write("</t></si></sst>");
        await s.end();
      },
    });
    const run = await audit(input, "--out", path.join(dir, "bomb.out.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /xl\/sharedStrings\.xml would inflate from [\d,]+ to 104,857,6\d\d bytes .*a zip bomb/,
    );
  }, 30000);
});

describe("a tracking number two suppliers used, far apart in the ledger", () => {
  // Rows are scored 1,000 at a time: row 10 is written long before row 2,400 shows its number again.
  const OTHER = "宁波星辰五金有限公司";
  const rowsOf = (reuseAt: number): Array<Array<string | number>> =>
    Array.from({ length: 2500 }, (_, i) => {
      const r = i + 2;
      const row = dataRow(r);
      if (r === reuseAt) {
        row[1] = OTHER;
        row[5] = dataRow(10)[5]!;
      }
      return row;
    });
  const reasonsOf = (values: unknown[]): string => String(values[8] ?? "");

  it.each([
    ["far apart: the copy is written again, both orders flagged", 2400, true],
    ["in one chunk: written once, both orders flagged", 12, false],
  ])(
    "xlsx, %s",
    async (_, reuseAt, again) => {
      const input = path.join(dir, `reuse-${reuseAt}.xlsx`);
      await buildPlain(input, [HEADER, ...rowsOf(reuseAt)].map((row, i) => inlineRow(i + 1, row)).join(""));
      const output = path.join(dir, `reuse-${reuseAt}.out.xlsx`);
      const run = await audit(input, "--out", output);
      expect(run.stderr.includes("reading the ledger again")).toBe(again);
      expect(run.stdout).toMatch(/tracking_reused\s+2\s/);
      const rows = await sheetRows(output);
      const flagged = rows.filter((r) => reasonsOf(r.values).includes("also used by 1 other supplier"));
      expect(flagged.map((r) => r.values[0])).toEqual(["OD10", `OD${reuseAt}`]);
      // Everything else as the first write had it: the user's cells, one row each.
      expect(rows).toHaveLength(2501);
      expect(rows[2400]!.values.slice(0, 6)).toEqual(rowsOf(reuseAt)[2399]);
    },
    60000,
  );

  it("xlsx whose dimension lies as well: written a third time, every cell kept, both orders flagged", async () => {
    const input = path.join(dir, "reuse-dim.xlsx");
    const rows = [HEADER, ...rowsOf(2400)].map((row, i) => inlineRow(i + 1, row));
    await buildPlain(input, rows.join(""), { dimension: "A1:B2" });
    const output = path.join(dir, "reuse-dim.out.xlsx");
    const run = await audit(input, "--out", output);
    expect(run.stderr).toContain("reading the ledger again");
    const after = await sheetRows(output);
    expect(after[0]!.values.slice(6)).toEqual(["Risk score", "Risk level", "Reasons"]);
    const flagged = after.filter((r) => reasonsOf(r.values).includes("also used by 1 other supplier"));
    expect(flagged.map((r) => r.values[0])).toEqual(["OD10", "OD2400"]);
    expect(after[2400]!.values.slice(0, 6)).toEqual(rowsOf(2400)[2399]);
  }, 60000);

  it("xlsx with --json: the facts are gathered first, every line printed once", async () => {
    const input = path.join(dir, "reuse-json.xlsx");
    await buildPlain(input, [HEADER, ...rowsOf(2400)].map((row, i) => inlineRow(i + 1, row)).join(""));
    const run = await audit(input, "--out", path.join(dir, "reuse-json.out.xlsx"), "--json");
    expect(run.stderr).not.toContain("reading the ledger again");
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { row: number; reasons: Array<{ code: string }> });
    expect(lines).toHaveLength(2500);
    const reused = lines.filter((l) => l.reasons.some((r) => r.code === "tracking_reused")).map((l) => l.row);
    expect(reused).toEqual([10, 2400]);
  }, 60000);

  it("csv: the copy is written again, both orders flagged, in either language", async () => {
    const input = path.join(dir, "reuse.csv");
    const lines = [HEADER, ...rowsOf(2400)].map((row) => row.join(","));
    await writeFile(input, `${lines.join("\r\n")}\r\n`);
    const output = path.join(dir, "reuse.csv.out.xlsx");
    const run = await audit(input, "--out", output, "--lang", "zh");
    expect(run.stderr).toContain("重新读取账本");
    const rows = await sheetRows(output);
    const flagged = rows.filter((r) => reasonsOf(r.values).includes("另有 1 个供应商使用"));
    expect(flagged.map((r) => r.values[0])).toEqual(["OD10", "OD2400"]);
  }, 60000);
});

describe("the audited copy of a csv longer than a sheet", () => {
  it("goes on to further sheets under the header repeated, and the Summary says so", async () => {
    const cells = [HEADER, ...Array.from({ length: 249 }, (_, i) => dataRow(i + 2).map(String))];
    const output = path.join(dir, "long.xlsx");
    const result = await auditCsv(
      { file: "long.csv", settings: DEFAULT_SETTINGS, lang: "en" },
      { sheetName: "long", cells },
      output,
      undefined,
      100,
    );
    expect(result.summary.rows).toBe(249);
    const pkg = await XlsxPackage.open(output);
    expect(pkg.sheets.map((s) => s.name)).toEqual(["long", "long (2)", "long (3)", "Summary"]);
    await pkg.close();
    const first = await sheetRows(output, "long");
    const second = await sheetRows(output, "long (2)");
    const third = await sheetRows(output, "long (3)");
    expect(first.length).toBe(100);
    expect(second.length).toBe(100);
    expect(third.length).toBe(52);
    for (const sheet of [second, third])
      expect(sheet[0]!.values).toEqual([...HEADER, "Risk score", "Risk level", "Reasons"]);
    expect(second[1]!.values.slice(0, 6)).toEqual(dataRow(101));
    expect(third[51]!.values.slice(0, 6)).toEqual(dataRow(250));
    const summary = await sheetRows(output, "Summary");
    expect(summary[2]!.values[0]).toBe(
      'The ledger has 250 rows, more than an Excel sheet\'s 100: the rest are on the sheet(s) "long (2)", "long (3)", under the header repeated.',
    );
  });
});

describe("the audited copy of a csv read as a stream", () => {
  it("is the same workbook as from the rows held in memory", async () => {
    const cells = [HEADER, ...Array.from({ length: 120 }, (_, i) => dataRow(i + 2).map(String))];
    const held = path.join(dir, "held.xlsx");
    const streamed = path.join(dir, "streamed.xlsx");
    const ctx = { file: "rows.csv", settings: DEFAULT_SETTINGS, lang: "en" as const };
    await auditCsv(ctx, { sheetName: "rows", cells }, held);
    const result = await auditCsv(
      ctx,
      {
        sheetName: "rows",
        count: cells.length,
        width: Math.max(...cells.map((r) => r.length)),
        rows: async function* () {
          for (const row of cells) yield row;
        },
      },
      streamed,
    );
    expect(result.summary.rows).toBe(120);
    expect(await sheetRows(streamed, "rows")).toEqual(await sheetRows(held, "rows"));
    expect(await sheetRows(streamed, "Summary")).toEqual(await sheetRows(held, "Summary"));
  });
});

describe("a 200,000-row ledger with Chinese and ¥ text in its shared strings", () => {
  it("comes out with every original cell's text identical and no U+FFFD anywhere", async () => {
    // Generated once per machine into the temporary folder (a few seconds), then reused.
    const input = path.join(os.tmpdir(), "guard-test-cjk-200000-v1.xlsx");
    if (!(await stat(input).catch(() => undefined))) await buildLongLedger(input, 200_000);
    const output = path.join(dir, "cjk.audited.xlsx");
    const run = await audit(input, "--out", output);
    expect([0, 1, 3]).toContain(run.code);
    const before = await sheetRows(input);
    const after = await sheetRows(output);
    expect(after.length).toBe(before.length);
    expect(before.length).toBe(200_001);
    const differ: number[] = [];
    for (let i = 0; i < before.length; i++) {
      const a = before[i]!.values;
      const b = after[i]!.values;
      for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) differ.push(before[i]!.rowNumber);
    }
    expect(differ).toEqual([]);
    // Each column's text has its own shape: a shared string read at a wrong index would show.
    const shapes = [
      /^37\d{17}$/,
      /^测试供应商\d+有限公司$/,
      /^¥[\d,]+\.\d\d$/,
      /^(极兔|圆通|中通|韵达)(速递|快递)$/,
      /^JT\d{13}$/,
      /^(交易成功|等待买家收货)$/,
    ];
    const misread = after.slice(1).filter((r) => !shapes.every((re, c) => re.test(String(r.values[c]))));
    expect(misread.map((r) => r.rowNumber)).toEqual([]);
    const sheet = (await readParts(output)).get("xl/worksheets/sheet1.xml")!.data.toString("utf8");
    expect(sheet.includes("\ufffd")).toBe(false);
    expect(after[1]!.values[1]).toMatch(/^测试供应商\d+有限公司$/);
    expect(after[1]!.values[2]).toMatch(/^¥[\d,]+\.\d\d$/);
  }, 600000);
});
