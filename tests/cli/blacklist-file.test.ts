import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { loadBlacklist } from "../../src/cli/blacklist-file";
import { CliError } from "../../src/cli/errors";

const dir = mkdtempSync(path.join(os.tmpdir(), "guard-blacklist-"));
const file = (name: string, content: string | Uint8Array): string => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

const LIST = "供应商名称,店铺链接,原因\r\n义乌市宏达贸易有限公司,https://sufa888.1688.com,收款后失联\r\n";

/** Text in a legacy double-byte encoding (big5, gbk), through a table built from the decoder. */
function encodeLegacy(label: string, text: string): Uint8Array {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

/** The CliError a load fails with. */
async function refusal(p: string, lang: "en" | "zh" = "en"): Promise<CliError> {
  try {
    await loadBlacklist(p, lang);
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error(`${p} was accepted`);
}

describe("--blacklist files that hold no entries are refused (exit 2)", () => {
  it("refuses an empty file, in English and Chinese", async () => {
    const p = file("empty.csv", "");
    const en = await refusal(p);
    expect(en.exitCode).toBe(2);
    expect(en.message).toBe(`no blacklist entries in ${p}: the file is empty`);
    expect((await refusal(p, "zh")).message).toBe(`${p} 中没有黑名单记录：文件为空`);
  });

  it("refuses random bytes as binary data", async () => {
    let seed = 17;
    const bytes = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    expect((await refusal(file("random.csv", bytes))).message).toMatch(
      /^no blacklist entries in .*: binary data/,
    );
  });

  it("refuses UTF-16 without a byte-order mark", async () => {
    const p = file("utf16.csv", Buffer.from(LIST, "utf16le"));
    expect((await refusal(p)).message).toContain("UTF-16 without a byte-order mark");
    expect((await refusal(p, "zh")).message).toContain("没有字节顺序标记的 UTF-16");
  });

  it("reads UTF-16 with its byte-order mark", async () => {
    const p = file("utf16-bom.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LIST, "utf16le")]));
    expect((await loadBlacklist(p)).size).toBeGreaterThan(0);
  });

  it("refuses Big5 text, which GBK would read as other characters", async () => {
    const p = file(
      "big5.csv",
      encodeLegacy(
        "big5",
        "供應商名稱,原因\r\n義烏市宏達貿易有限公司,收款後失聯\r\n深圳市速發電子商行,假貨\r\n",
      ),
    );
    expect((await refusal(p)).message).toMatch(/not UTF-8, UTF-16 or GBK \(Big5\?\)/);
  });

  it("reads GBK text, as Chinese Excel saves a csv", async () => {
    const p = file("gbk.csv", encodeLegacy("gbk", LIST));
    const index = await loadBlacklist(p);
    expect(index.match({ name: "义乌市宏达贸易有限公司" })).toBeDefined();
  });

  it("refuses an xlsx workbook renamed .csv", async () => {
    const p = path.join(dir, "renamed.csv");
    copyFileSync(path.join(__dirname, "..", "..", "examples", "1688-orders.xlsx"), p);
    expect((await refusal(p)).message).toContain("an xlsx workbook (a zip archive) under a text file's name");
  });

  it("refuses a csv or a sheet whose rows name no supplier, link, member id or USCC", async () => {
    const csv = file("header-only.csv", "供应商名称,原因\r\n,只有备注\r\n");
    expect((await refusal(csv)).message).toBe(
      `no blacklist entries in ${csv}: no row names a supplier, shop link, member id or USCC`,
    );
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blacklist").addRow(["Supplier", "Reason"]);
    const xlsx = path.join(dir, "empty-sheet.xlsx");
    await workbook.xlsx.writeFile(xlsx);
    expect((await refusal(xlsx, "zh")).message).toBe(
      `${xlsx} 中没有黑名单记录：没有一行写有供应商、店铺链接、会员名或统一社会信用代码`,
    );
  });

  it("still reads a good blacklist", async () => {
    const index = await loadBlacklist(file("good.csv", LIST));
    expect(index.match({ shopUrl: "https://sufa888.1688.com/page/offerlist.htm" })).toBeDefined();
  });
});

describe("--blacklist cells longer than Excel holds", () => {
  it("refuses a line of one huge cell before parsing it, naming its row and column", async () => {
    const p = file(
      "long-line.csv",
      `供应商名称,原因\r\n义乌市宏达贸易有限公司,${"x".repeat(32767 * 4 + 1)}\r\n`,
    );
    const e = await refusal(p);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(
      `${p}, row 2, column B: a cell longer than an Excel cell holds (32767 characters); blacklist not read`,
    );
  });

  it("refuses a cell of 40,000 characters found once parsed, in Chinese too", async () => {
    const p = file("long-cell.csv", `供应商名称,原因\r\n"${"义".repeat(40000)}",x\r\n`);
    expect((await refusal(p, "zh")).message).toBe(
      `${p}, row 2, column A：单元格超过 Excel 单元格的上限（32767 个字符）；黑名单未读取`,
    );
  });
});

describe("--blacklist rows wider than a sheet", () => {
  it("refuses a line of more than 16,384 cells before parsing it", async () => {
    const p = file("wide-line.csv", `供应商名称,原因\r\n${"义乌市宏达,".repeat(20000)}\r\n`);
    expect((await refusal(p)).message).toBe(
      `${p}, row 2: more than the 16384 columns an Excel sheet has; blacklist not read`,
    );
  });
});
