import { createHash } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { audit, type Run } from "./run-audit";
import { RULE_IDS } from "../../src/rules/types";

const EXAMPLES = path.resolve(__dirname, "../../examples");
let dir: string;

const inDir = (name: string): string => path.join(dir, name);
const sha = async (file: string): Promise<string> =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

async function readSheet(file: string, sheet: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${file}`);
  return ws;
}

/** A small English team ledger; `rows` are the data rows. */
async function teamCsv(name: string, rows: string[][]): Promise<string> {
  const header = [
    "Supplier",
    "Store years",
    "Badges",
    "Payment method",
    "Order total (USD)",
    "Paid upfront",
    "Qty",
  ];
  const file = inDir(name);
  await writeFile(file, [header, ...rows].map((r) => r.join(",")).join("\r\n") + "\r\n");
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "guard-audit-"));
  for (const f of ["1688-orders.xlsx", "erp-purchases.xlsx", "team-ledger.csv", "blacklist.csv"]) {
    await copyFile(path.join(EXAMPLES, f), inDir(f));
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("guard audit on the 1688 export", () => {
  let run: Run;
  let before: string;

  beforeAll(async () => {
    before = await sha(inDir("1688-orders.xlsx"));
    run = await audit(inDir("1688-orders.xlsx"), "--blacklist", inDir("blacklist.csv"));
  });

  it("exits 1 because the blacklisted supplier's orders are HIGH", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  it("writes FILE.audited.xlsx with the three columns right of the 49 export columns, filled on every order row", async () => {
    const ws = await readSheet(inDir("1688-orders.audited.xlsx"), "订单列表");
    const header = ws.getRow(1);
    expect(header.getCell(1).value).toBe("订单编号");
    expect([50, 51, 52].map((c) => header.getCell(c).value)).toEqual(["Risk score", "Risk level", "Reasons"]);
    let rows = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows++;
      expect(typeof row.getCell(50).value).toBe("number");
      expect(["LOW", "MEDIUM", "HIGH"]).toContain(row.getCell(51).value);
      expect(String(row.getCell(52).value)).not.toBe("");
    });
    expect(rows).toBeGreaterThan(30);
  });

  it("keeps the original cells", async () => {
    const ws = await readSheet(inDir("1688-orders.audited.xlsx"), "订单列表");
    const original = await readSheet(inDir("1688-orders.xlsx"), "订单列表");
    for (const n of [1, 2, 3, 10]) {
      for (const c of [1, 4, 6, 10, 31, 32]) {
        expect(ws.getRow(n).getCell(c).value).toEqual(original.getRow(n).getCell(c).value);
      }
    }
  });

  it("leaves the input file byte for byte as it was", async () => {
    expect(await sha(inDir("1688-orders.xlsx"))).toBe(before);
  });

  it("adds conditional formatting for HIGH and MEDIUM on the risk columns", async () => {
    const ws = await readSheet(inDir("1688-orders.audited.xlsx"), "订单列表");
    const cf = (
      ws as unknown as {
        conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }>;
      }
    ).conditionalFormattings;
    const ours = cf.find((c) => c.ref.startsWith("AX2:AZ"));
    expect(ours?.rules.map((r) => r.formulae?.[0])).toEqual(['$AY2="HIGH"', '$AY2="MEDIUM"']);
  });

  it("adds a Summary sheet whose level counts match the ledger sheet", async () => {
    const ws = await readSheet(inDir("1688-orders.audited.xlsx"), "订单列表");
    const counts: Record<string, number> = { HIGH: 0, MEDIUM: 0, LOW: 0 };
    ws.eachRow((row, n) => {
      const level = row.getCell(51).value;
      if (n > 1 && typeof level === "string") counts[level] = (counts[level] ?? 0) + 1;
    });
    const summary = await readSheet(inDir("1688-orders.audited.xlsx"), "Summary");
    const byLabel = new Map<string, unknown>();
    summary.eachRow((row) => byLabel.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(byLabel.get("HIGH")).toBe(counts["HIGH"]);
    expect(byLabel.get("MEDIUM")).toBe(counts["MEDIUM"]);
    expect(byLabel.get("LOW")).toBe(counts["LOW"]);
    expect(counts["HIGH"]).toBeGreaterThan(0);
    expect(byLabel.get("汕头市澄海区乐童玩具厂")).toBe(100);
  });

  it("prints the summary table: levels, suppliers by risk, reasons by frequency", () => {
    expect(run.stdout).toMatch(/^Audit summary: .*1688-orders\.xlsx \(\d+ rows\) -> /);
    expect(run.stdout).toMatch(/HIGH\s+\d+/);
    expect(run.stdout).toContain("Suppliers by risk:");
    expect(run.stdout).toContain("Reasons by frequency:");
    expect(run.stdout).toMatch(/blacklisted\s+on_blacklist/);
  });

  it("refuses to replace the existing output without --force", async () => {
    const again = await audit(inDir("1688-orders.xlsx"));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("1688-orders.audited.xlsx: already exists; add --force to replace it");
  });

  it("replaces the output with --force", async () => {
    const again = await audit(inDir("1688-orders.xlsx"), "--force");
    expect(again.code).toBe(0);
  });

  it("never overwrites the input, even with --force", async () => {
    const again = await audit(inDir("1688-orders.xlsx"), "--out", inDir("./1688-orders.xlsx"), "--force");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("is the input file");
    expect(await sha(inDir("1688-orders.xlsx"))).toBe(before);
  });
});

describe("guard audit exit codes and messages", () => {
  it("exits 0 for a ledger with no HIGH row", async () => {
    const file = await teamCsv("clean.csv", [
      ['"Yiwu Jiahe Toys Co., Ltd."', "8", "Powerful Merchant", "1688 escrow", "400", "", "50"],
    ]);
    const run = await audit(file);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("exits 1 when a row is HIGH", async () => {
    const file = await teamCsv("high.csv", [
      ["Ningbo Xingchen Trading", "1", "", "WeChat transfer", "9000", "$9000", "500"],
    ]);
    const run = await audit(file);
    expect(run.code).toBe(1);
  });

  it("exits 2 for a bad cell, naming file, sheet, row and column, and still writes the other rows", async () => {
    const file = await teamCsv("bad-cell.csv", [
      ["Good Supplier Co.", "8", "Powerful Merchant", "1688 escrow", "400", "", "50"],
      ["Other Supplier Co.", "5", "Super Factory", "1688 escrow", "about ten grand", "", "50"],
    ]);
    const run = await audit(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}, sheet "bad-cell", row 3, column E (Order total (USD)):`);
    const ws = await readSheet(inDir("bad-cell.audited.xlsx"), "bad-cell");
    expect(ws.getRow(2).getCell(9).value).toBe("LOW");
    expect(String(ws.getRow(3).getCell(10).value)).toMatch(/^ERROR: column E \(Order total \(USD\)\): /);
  });

  it("exits 2 naming the file for a missing input", async () => {
    const run = await audit(inDir("nope.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${inDir("nope.xlsx")}: no such file`);
  });

  it("exits 2 listing the sheets for an unknown --sheet", async () => {
    const run = await audit(inDir("1688-orders.xlsx"), "--sheet", "Orders", "--out", inDir("x.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no sheet named "Orders" (sheets: "订单列表")');
  });

  it("exits 2 for a file that is not a ledger", async () => {
    const file = inDir("notes.csv");
    await writeFile(file, "hello,world\n1,2\n");
    const run = await audit(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/notes\.csv, sheet "notes": not a purchase ledger: no header row found/);
  });

  it("exits 2 for a bad settings file, naming the file and the key", async () => {
    const settings = inDir("settings.json");
    await writeFile(settings, JSON.stringify({ deposit: { maxShare: 3 } }));
    const run = await audit(inDir("team-ledger.csv"), "--settings", settings, "--out", inDir("y.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(settings);
    expect(run.stderr).toContain("deposit.maxShare");
  });

  it("leaves no temporary or partial file behind when the audit fails", async () => {
    const file = inDir("notes.csv");
    await audit(file, "--out", inDir("partial.xlsx"));
    const { readdir } = await import("node:fs/promises");
    const names = await readdir(dir);
    expect(names.filter((n) => n.includes("partial") || n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("guard audit --json and the streamed path", () => {
  it("prints one verdict object per row instead of the table", async () => {
    const run = await audit(inDir("team-ledger.csv"), "--json", "--out", inDir("team-json.xlsx"));
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(32);
    const first = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(first).toEqual(
      expect.objectContaining({
        row: 2,
        score: expect.any(Number),
        level: expect.any(String),
        reasons: expect.any(Array),
      }),
    );
  });

  it("gives the same verdicts streamed as loaded whole, and keeps the title row above the header", async () => {
    const whole = await audit(inDir("erp-purchases.xlsx"), "--json", "--out", inDir("erp-whole.xlsx"));
    const streamed = await audit(
      inDir("erp-purchases.xlsx"),
      "--json",
      "--stream",
      "--out",
      inDir("erp-stream.xlsx"),
    );
    expect(streamed.stdout).toBe(whole.stdout);
    const ws = await readSheet(inDir("erp-stream.xlsx"), "采购单");
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^采购单列表/);
    expect([17, 18, 19].map((c) => ws.getRow(2).getCell(c).value)).toEqual([
      "Risk score",
      "Risk level",
      "Reasons",
    ]);
    expect(typeof ws.getRow(3).getCell(17).value).toBe("number");
  });

  it("keeps number formats, fonts, fills, row heights, rich text and formulas when streaming", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("订单");
    ws.addRow(["供应商", "订单金额", "付款方式", "店铺链接", "两倍金额"]);
    const row = ws.addRow([
      "义乌市测试贸易有限公司",
      6688,
      "微信转账",
      { text: "店铺", hyperlink: "https://shop1.1688.com" },
      { formula: "B2*2", result: 13376 },
    ]);
    row.getCell(1).font = { bold: true, color: { argb: "FFC00000" } };
    row.getCell(2).numFmt = "¥#,##0.00";
    row.getCell(3).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    row.height = 30;
    const styled = ws.addRow([
      { richText: [{ text: "汕头", font: { italic: true } }, { text: "玩具厂" }] },
      500,
    ]);
    styled.getCell(2).numFmt = "0.0";
    await wb.xlsx.writeFile(inDir("styled.xlsx"));

    await audit(inDir("styled.xlsx"), "--stream", "--out", inDir("styled-stream.xlsx"));
    const original = await readSheet(inDir("styled.xlsx"), "订单");
    const copy = await readSheet(inDir("styled-stream.xlsx"), "订单");
    for (const n of [1, 2, 3]) {
      for (const c of [1, 2, 3, 4, 5]) {
        // exceljs' streaming reader meets a sheet's links after its rows: the copy keeps the link text.
        if (n === 2 && c === 4) continue;
        const [a, b] = [original.getRow(n).getCell(c), copy.getRow(n).getCell(c)];
        expect({ n, c, value: b.value, style: b.style }).toEqual({ n, c, value: a.value, style: a.style });
      }
    }
    expect(copy.getRow(2).getCell(4).value).toBe("店铺");
    expect(copy.getRow(2).height).toBe(30);
    expect(copy.getRow(2).getCell(2).numFmt).toBe("¥#,##0.00");
    expect(copy.getRow(2).getCell(6).value).toEqual(expect.any(Number));
  });

  it("writes Chinese headers and reasons with --lang zh", async () => {
    await audit(inDir("erp-purchases.xlsx"), "--lang", "zh", "--out", inDir("erp-zh.xlsx"));
    const ws = await readSheet(inDir("erp-zh.xlsx"), "采购单");
    expect([17, 18, 19].map((c) => ws.getRow(2).getCell(c).value)).toEqual([
      "风险分",
      "风险等级",
      "风险原因",
    ]);
  });
});

describe("the sample ledgers", () => {
  it("exercise every rule of the catalogue at least once", async () => {
    const seen = new Set<string>();
    for (const f of ["1688-orders.xlsx", "erp-purchases.xlsx", "team-ledger.csv"]) {
      const run = await audit(
        inDir(f),
        "--blacklist",
        inDir("blacklist.csv"),
        "--json",
        "--out",
        inDir(`all-rules-${f}.xlsx`),
      );
      expect(run.code).toBe(1);
      for (const line of run.stdout.trim().split("\n")) {
        const row = JSON.parse(line) as { reasons?: Array<{ rule: string }> };
        for (const r of row.reasons ?? []) seen.add(r.rule);
      }
    }
    expect(RULE_IDS.filter((id) => !seen.has(id))).toEqual([]);
  });
});
