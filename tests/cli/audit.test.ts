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
  for (const f of [
    "1688-orders.xlsx",
    "erp-purchases.xlsx",
    "team-ledger.csv",
    "blacklist.csv",
    "hand-written.csv",
  ]) {
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

  it("adds a Summary sheet whose level counts are the ledger's orders, each at its riskiest line", async () => {
    const ws = await readSheet(inDir("1688-orders.audited.xlsx"), "订单列表");
    // Continuation lines (blank 订单编号) belong to the order above them.
    const rank = ["LOW", "MEDIUM", "HIGH"];
    const orders = new Map<string, number>();
    let current = "";
    let rows = 0;
    ws.eachRow((row, n) => {
      const level = row.getCell(51).value;
      if (n === 1 || typeof level !== "string") return;
      rows++;
      const id = String(row.getCell(1).value ?? "").trim();
      if (id !== "") current = id;
      orders.set(current, Math.max(orders.get(current) ?? 0, rank.indexOf(level)));
    });
    const counts = [0, 0, 0];
    for (const r of orders.values()) counts[r] = (counts[r] ?? 0) + 1;
    const summary = await readSheet(inDir("1688-orders.audited.xlsx"), "Summary");
    const byLabel = new Map<string, unknown>();
    summary.eachRow((row) => byLabel.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(byLabel.get("HIGH")).toBe(counts[2]);
    expect(byLabel.get("MEDIUM")).toBe(counts[1]);
    expect(byLabel.get("LOW")).toBe(counts[0]);
    expect(counts[2]).toBeGreaterThan(0);
    expect(orders.size).toBeLessThan(rows);
    expect(summary.getRow(2).getCell(2).value).toBe(`${orders.size} orders (${rows} rows)`);
    expect(byLabel.get("汕头市澄海区乐童玩具厂")).toBe(100);
  });

  it("lists in the Summary sheet how each column was read: letter, header, field or ignored", async () => {
    const summary = await readSheet(inDir("1688-orders.audited.xlsx"), "Summary");
    const rows: string[][] = [];
    summary.eachRow((row) => rows.push([1, 2, 3].map((c) => String(row.getCell(c).value ?? ""))));
    const start = rows.findIndex((r) => r[0] === "Columns");
    expect(start).toBeGreaterThan(0);
    expect(rows[start + 1]).toEqual(["Column", "Header", "Read as"]);
    const table = rows.slice(start + 2, start + 2 + 49);
    expect(table[0]).toEqual(["A", "订单编号", "orderId"]);
    expect(table[1]).toEqual(["B", "买家公司名", "ignored"]);
    expect(table[31]).toEqual(["AF", "运单号", "trackingNumber"]);
    expect(rows.some((r) => r[0] === "Columns that look relevant but are not read")).toBe(false);
  });

  it("prints the summary table: orders and rows, levels by order, suppliers by risk, reasons by frequency", () => {
    expect(run.stdout).toMatch(/^Audit summary: .*1688-orders\.xlsx, \d+ orders \(\d+ rows\) -> /);
    expect(run.stdout).toMatch(/Level\s+Orders\n/);
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

  it("exits 3 for a cell it cannot read, naming file, sheet, row and column, and scores that row too", async () => {
    const file = await teamCsv("bad-cell.csv", [
      ["Good Supplier Co.", "8", "Powerful Merchant", "1688 escrow", "400", "", "50"],
      ["Other Supplier Co.", "5", "Super Factory", "1688 escrow", "about ten grand", "", "50"],
    ]);
    const run = await audit(file);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `guard audit: warning: ${file}, sheet "bad-cell", row 3, column E (Order total (USD)): "about ten grand" is not an amount of money`,
    );
    expect(run.stderr).toContain("1 row(s) scored without 1 cell(s) that could not be read");
    expect(run.stdout).toMatch(/rows with cells not read \(scored without them\): 1/);
    const ws = await readSheet(inDir("bad-cell.audited.xlsx"), "bad-cell");
    expect(ws.getRow(2).getCell(9).value).toBe("LOW");
    expect(typeof ws.getRow(3).getCell(8).value).toBe("number");
    expect(ws.getRow(3).getCell(9).value).toBe("LOW");
    expect(String(ws.getRow(3).getCell(10).value)).toBe(
      'column Order total (USD) not read: "about ten grand" is not an amount of money; scored without it',
    );
  });

  it("exits 1, not 3, when an order is HIGH and a cell could not be read, and scores every row", async () => {
    const file = await teamCsv("high-and-bad.csv", [
      ["Ningbo Xingchen Trading", "1", "", "WeChat transfer", "9000", "全款", "500"],
      ["Other Supplier Co.", "5", "Super Factory", "1688 escrow", "about ten grand", "", "50"],
    ]);
    const run = await audit(file, "--json");
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { row: number; level: string; warnings?: string[] });
    expect(lines.map((l) => [l.row, l.level])).toEqual([
      [2, "HIGH"],
      [3, "LOW"],
    ]);
    expect(lines[0]?.warnings).toBeUndefined();
    expect(lines[1]?.warnings).toEqual([
      `${file}, sheet "high-and-bad", row 3, column E (Order total (USD)): "about ten grand" is not an amount of money`,
    ]);
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

describe("guard audit and columns that are not read", () => {
  let file: string;
  beforeAll(async () => {
    file = inDir("hand.csv");
    await writeFile(
      file,
      "供应商,采购数量,订单金额,付款方式,样品费,颜色\n义乌市好日子日用品有限公司,2000,¥6688,支付宝,50,红\n",
    );
  });

  it("names the column on stderr and in the Summary sheet, in the --lang", async () => {
    const run = await audit(file, "--lang", "zh", "--out", inDir("hand-zh.xlsx"));
    expect(run.code).toBe(0);
    const warning =
      "E 列“样品费”看起来是字段 sample，但未被读取；如需读取，请在设置中设 columns.样品费 = sample";
    expect(run.stderr).toBe(`guard audit: warning: ${warning}\n`);
    const summary = await readSheet(inDir("hand-zh.xlsx"), "Summary");
    const cells: string[] = [];
    summary.eachRow((row) => cells.push(String(row.getCell(1).value ?? "")));
    const at = cells.indexOf("看似相关但未读取的列");
    expect(at).toBeGreaterThan(0);
    expect(cells[at + 1]).toBe(warning);
    expect(cells).toContain("各列的读取方式");
  });

  it("names it the same way when streaming", async () => {
    const run = await audit(file, "--stream", "--out", inDir("hand-stream.xlsx"));
    expect(run.stderr).toContain('column E "样品费" looks like sample but is not read');
    const summary = await readSheet(inDir("hand-stream.xlsx"), "Summary");
    const cells: string[] = [];
    summary.eachRow((row) => cells.push(String(row.getCell(3).value ?? "")));
    expect(cells).toEqual(expect.arrayContaining(["supplierName", "ignored"]));
  });

  it("prints how each column was read with --columns, as text or as one JSON line first", async () => {
    const text = await audit(file, "--columns", "--out", inDir("hand-cols.xlsx"));
    expect(text.stdout).toMatch(/\nColumns:\nColumn\s+Header\s+Read as\n/);
    expect(text.stdout).toMatch(/E\s+样品费\s+ignored/);
    const json = await audit(file, "--columns", "--json", "--out", inDir("hand-cols-json.xlsx"));
    const lines = json.stdout.trim().split("\n");
    const first = JSON.parse(lines[0] ?? "{}") as {
      columns: Array<{ column: string; field: string | null }>;
    };
    expect(first.columns.map((c) => c.field)).toEqual([
      "supplierName",
      "quantity",
      "total",
      "paymentMethod",
      null,
      null,
    ]);
    expect(JSON.parse(lines[1] ?? "{}")).toMatchObject({ row: 2 });
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

  it("writes a csv's plain numbers in number columns as numbers, and ids, codes and text as text", async () => {
    await audit(inDir("team-ledger.csv"), "--out", inDir("team-types.xlsx"));
    const ws = await readSheet(inDir("team-types.xlsx"), "team-ledger");
    const header = ws.getRow(1).values as unknown[];
    const col = (name: string): number => header.indexOf(name);
    const row = ws.getRow(2);
    expect(row.getCell(col("Order total (USD)")).value).toBe(900);
    expect(row.getCell(col("Qty")).value).toBe(500);
    expect(row.getCell(col("Store years")).value).toBe(8);
    expect(row.getCell(col("Unit price")).value).toBe(16.12);
    expect(row.getCell(col("Unit price")).numFmt).toBe("0.00");
    expect(row.getCell(col("Reviews")).value).toBe(401);
    // Identifiers stay text, whatever digits they hold.
    expect(row.getCell(col("Tracking no.")).value).toBe("287862974448");
    expect(row.getCell(col("USCC")).value).toBe("9133078274449682X6");
    // Full-width digits and percentages were typed as text and stay so.
    expect(ws.getRow(3).getCell(col("Store years")).value).toBe("５");
    expect(row.getCell(col("Recent reviews (last 30 days)")).value).toBe("20%");
    // The header row stays text.
    expect(typeof ws.getRow(1).getCell(col("Qty")).value).toBe("string");
  });

  it("audits the hand-written sample: every row scored, the unread cell named, quantities as numbers", async () => {
    const run = await audit(inDir("hand-written.csv"), "--lang", "zh");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^审核汇总: .*hand-written\.csv, 6 个订单 -> /);
    expect(run.stderr).toContain('row 7, column F (已付金额): "看合同" is not an amount of money');
    const ws = await readSheet(inDir("hand-written.audited.xlsx"), "hand-written");
    const levels = [2, 3, 4, 5, 6, 7].map((r) => ws.getRow(r).getCell(13).value);
    expect(levels).toEqual(["LOW", "MEDIUM", "LOW", "MEDIUM", "HIGH", "LOW"]);
    expect(ws.getRow(7).getCell(14).value).toBe('“已付金额”列无法读取："看合同" 不是金额；评分时未计入');
    // 数量 "300" is a number; "２００" (full-width) and "6688元" were typed as text and stay text.
    expect(ws.getRow(2).getCell(11).value).toBe(300);
    expect(ws.getRow(3).getCell(11).value).toBe("２００");
    expect(ws.getRow(2).getCell(5).value).toBe("6688元");
    expect(ws.getRow(2).getCell(1).value).toBe("SG-2601");
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

  it("keeps number formats, fonts, fills, row heights, rich text, links and formulas (--stream changes nothing)", async () => {
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
        const [a, b] = [original.getRow(n).getCell(c), copy.getRow(n).getCell(c)];
        expect({ n, c, value: b.value, style: b.style }).toEqual({ n, c, value: a.value, style: a.style });
      }
    }
    expect(copy.getRow(2).getCell(4).value).toEqual({ text: "店铺", hyperlink: "https://shop1.1688.com" });
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

describe("guard audit and dates it cannot read (issue 17)", () => {
  const rows = [
    ["Order ID", "Supplier", "Payment method", "Order total", "Paid upfront", "Order date"],
    ["PO-1", "Yiwu Hongda Trading", "Bank transfer", "US$4,800", "US$4,800", "1/9/25"],
    ["PO-2", "Yiwu Hongda Trading", "Alipay escrow", "US$300", "", "Jan 20, 2025"],
    ["PO-3", "Yiwu Hongda Trading", "Alipay escrow", "US$300", "", "2/10/25"],
    ["PO-4", "Yiwu Hongda Trading", "Alipay escrow", "US$300", "", "03.03.2025"],
  ];
  let csv: string;
  let xlsx: string;
  beforeAll(async () => {
    csv = inDir("dates.csv");
    await writeFile(csv, rows.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n"));
    xlsx = inDir("dates.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Orders");
    for (const r of rows) ws.addRow(r);
    await wb.xlsx.writeFile(xlsx);
  });

  const line = "Order date: 2 of 4 dates not read (e.g. row 2 `1/9/25`)";

  async function summaryCells(file: string): Promise<string[][]> {
    const summary = await readSheet(file, "Summary");
    const cells: string[][] = [];
    summary.eachRow((row) => cells.push([1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? ""))));
    return cells;
  }

  it.each([
    ["csv (streamed)", "dates.csv", "dates-csv.xlsx"],
    ["xlsx (in memory)", "dates.xlsx", "dates-xlsx.xlsx"],
  ])(
    "counts them in the Summary sheet of a %s audit, in the column table and in a line of their own",
    async (_, input, out) => {
      const run = await audit(inDir(input), "--as-of", "2025-06-30", "--out", inDir(out));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`guard audit: warning: ${line}\n`);
      expect(run.stdout).toContain(`Dates not read:\n${line}\n`);
      const cells = await summaryCells(inDir(out));
      const title = cells.findIndex((c) => c[0] === "Dates not read");
      expect(cells[title + 1]?.[0]).toBe(line);
      expect(cells).toContainEqual(["F", "Order date", "orderDate", "2 of 4 read"]);
    },
  );

  it("says it in Chinese with --lang zh, and in the --columns table", async () => {
    const run = await audit(csv, "--lang", "zh", "--columns", "--out", inDir("dates-zh.xlsx"));
    const zh = "Order date：4 个日期中 2 个未读取（例：第 2 行 `1/9/25`）";
    expect(run.stdout).toContain(`未读取的日期:\n${zh}\n`);
    expect(run.stdout).toMatch(/F\s+Order date\s+orderDate\s+4 个日期读取 2 个/);
    const cells = await summaryCells(inDir("dates-zh.xlsx"));
    expect(cells.map((c) => c[0])).toContain(zh);
  });

  it("gives the date report as one JSON line after the rows with --json --columns", async () => {
    const run = await audit(csv, "--json", "--columns", "--out", inDir("dates-json.xlsx"));
    const lines = run.stdout.trim().split("\n");
    expect(JSON.parse(lines[lines.length - 1] ?? "{}")).toEqual({
      dates: [
        {
          column: "F",
          header: "Order date",
          field: "orderDate",
          count: 4,
          unread: 2,
          example: { row: 2, text: "1/9/25" },
        },
      ],
    });
  });
});
