import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { io } from "./cli-io";

beforeAll(async () => {
  await import("../../src/cli/dossier");
}, 60_000);

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", name);
const dir = mkdtempSync(path.join(os.tmpdir(), "guard-dossier-"));

async function dossier(lang: "zh" | "en", out: string, ...by: string[]) {
  const t = io();
  const code = await main(
    [
      "dossier",
      fixture(`pay-ledger.${lang}.csv`),
      ...by,
      "--out",
      out,
      "--as-of",
      "2026-12-01",
      "--blacklist",
      fixture("pay-blacklist.csv"),
    ],
    t,
  );
  return { code, t };
}

/** Every cell of the workbook's first sheet as text, row by row. */
async function sheetText(file: string): Promise<{ name: string; rows: string[][]; links: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  const links: string[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      const v = cell.value;
      if (v !== null && typeof v === "object" && "hyperlink" in v) links.push(String(v.hyperlink));
      cells.push(cell.text);
    });
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    rows.push(cells);
  });
  return { name: sheet.name, rows, links };
}

describe("guard dossier", () => {
  it("writes a Chinese ledger's supplier dossier as xlsx, in Chinese, links clickable", async () => {
    const out = path.join(dir, "minghui.xlsx");
    const { code, t } = await dossier("zh", out, "--supplier", "宁波市海曙明辉工贸有限公司");
    expect(code).toBe(0);
    expect(t.out).toContain("纠纷证据表：宁波市海曙明辉工贸有限公司");
    const { name, rows, links } = await sheetText(out);
    expect(name).toBe("证据表");
    expect(rows[0]?.[0]).toBe("纠纷证据表：宁波市海曙明辉工贸有限公司");
    const flat = rows.map((r) => r.join("|"));
    for (const title of [
      "供应商身份",
      "时间线",
      "审核记录与风险发现",
      "黑名单与供应商历史",
      "2026-12-01 的风险金额",
      "台账所指的证据",
    ])
      expect(flat).toContain(title);
    expect(flat).toContain("收款账号（按时间顺序）|6222 0210 0011 2233; 6217 8500 0000 9988");
    expect(flat).toContain(
      "2026-11-20|3|PO-5102|付款|¥4,320，银行转账，收款：宁波市海曙明辉工贸有限公司 6217 8500 0000 9988",
    );
    expect(links).toEqual(
      expect.arrayContaining([
        "https://chat.example.cn/mh-0901.png",
        "https://pay.example.cn/receipt-5101.pdf",
      ]),
    );
    // The xlsx parts: the sheet names itself in the workbook part, and the links are relationships.
    const parts = readFileSync(out);
    expect(parts.subarray(0, 2).toString()).toBe("PK");
  });

  it("writes an English ledger's order dossier as printable HTML, escaped", async () => {
    const out = path.join(dir, "po-5106.html");
    const { code } = await dossier("en", out, "--order", "PO-5106");
    expect(code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain("<h1>Dispute dossier: Yiwu Hongda Trading Co., Ltd.</h1>");
    expect(html).toContain("<h2>Supplier identity</h2>");
    expect(html).toContain(
      "possible blacklist match: &quot;Yiwu Hongda Trading Co., Ltd.&quot; reads in pinyin as blacklisted &quot;义乌市宏达贸易有限公司&quot;",
    );
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script|src=/i);
  });

  it("escapes what a ledger cell says, and links nothing but web addresses", async () => {
    const ledger = path.join(dir, "hostile.csv");
    writeFileSync(
      ledger,
      'Order ID,Supplier,Order total,Payment method,Chat\nX-1,"<script>alert(1)</script> Ltd",USD 900,Bank transfer,javascript:alert(2)\n',
    );
    const out = path.join(dir, "hostile.html");
    expect(
      await main(["dossier", ledger, "--order", "X-1", "--out", out, "--as-of", "2026-12-01"], io()),
    ).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Ltd");
    expect(html).not.toContain('href="javascript');
  });

  it("exits 2 for an order the ledger lacks, an output that exists, or another extension, leaving no file", async () => {
    const missing = await dossier("en", path.join(dir, "none.html"), "--order", "PO-0000");
    expect(missing.code).toBe(2);
    expect(missing.t.err).toContain('no order "PO-0000"');
    expect(existsSync(path.join(dir, "none.html"))).toBe(false);
    const again = await dossier("en", path.join(dir, "po-5106.html"), "--order", "PO-5106");
    expect(again.code).toBe(2);
    expect(again.t.err).toContain("already exists; add --force");
    expect((await dossier("en", path.join(dir, "x.pdf"), "--order", "PO-5106")).code).toBe(2);
    expect(
      await main(["dossier", fixture("pay-ledger.en.csv"), "--out", path.join(dir, "y.html")], io()),
    ).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
