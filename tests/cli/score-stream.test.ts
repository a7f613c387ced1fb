import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { cellRows, delimitedFileRows, scoreRowStream } from "../../src/cli/score-stream";
import { verdictToJson } from "../../src/cli/format";
import { locateIssue } from "../../src/cli/errors";
import { parseDelimited } from "../../src/cli/io/csv";
import { scoreLedger } from "../../src/ledger/score-rows";
import { DEFAULT_SETTINGS } from "../../src/rules/settings";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "guard-score-stream-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A 1688-style ledger of `orders` orders under a title row: every fifth order
 * has a continuation line (blank 订单编号), so chunks must be cut between
 * orders; tracking number SF0000000001 is used by 供应商0 on the first order and
 * by 供应商7 on the last, thousands of rows apart; one amount cannot be read.
 */
function ledgerText(orders: number): string {
  const lines = ["采购台账 2026,,,,,", "订单编号,卖家公司名,实付款(元),付款方式,运单号,数量"];
  for (let i = 0; i < orders; i++) {
    const tracking = i === 0 || i === orders - 1 ? "SF0000000001" : `YT${String(1e12 + i)}`;
    const paid = i === 1234 ? "看合同" : `"¥${(800 + (i % 97) * 13).toLocaleString("en-US")}.00"`;
    lines.push(
      `37${i},义乌市供应商${i % 11}有限公司,${paid},${i % 3 === 0 ? "微信转账" : "担保交易"},${tracking},${i % 40}`,
    );
    if (i % 5 === 0) lines.push(`,,,,,${i % 7}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

async function run(file: string, json: boolean): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await scoreRowStream(
    {
      file,
      sheet: "台账",
      rows: await delimitedFileRows(file, "csv"),
      settings: DEFAULT_SETTINGS,
      lang: "zh",
      json,
      columns: false,
      maxListedWarnings: 20,
    },
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe("scoreRowStream", () => {
  const ORDERS = 3000;
  let file: string;
  let text: string;

  beforeAll(async () => {
    text = ledgerText(ORDERS);
    file = path.join(dir, "台账.csv");
    await writeFile(file, text);
  });

  it("gives every row the verdict scoreLedger gives it with the whole file in memory, across chunks", async () => {
    const whole = scoreLedger(parseDelimited(text), { settings: DEFAULT_SETTINGS });
    const at = { file, sheet: "台账" };
    const expected = whole.results.map(({ order }, i) =>
      JSON.stringify(
        verdictToJson(
          order.row,
          whole.verdicts[i]!,
          "zh",
          order.issues?.map((issue) => locateIssue(at, whole.header.columns, order.row, issue)),
        ),
      ),
    );
    const streamed = await run(file, true);
    expect(streamed.out).toHaveLength(ORDERS + ORDERS / 5);
    expect(streamed.out).toEqual(expected);
    expect(streamed.code).toBe(3);
  });

  it("scores rows held in memory (a workbook's sheet) the same as the file read as a stream", async () => {
    const fromFile = await run(file, true);
    const out: string[] = [];
    await scoreRowStream(
      {
        file,
        sheet: "台账",
        rows: cellRows(parseDelimited(text)),
        settings: DEFAULT_SETTINGS,
        lang: "zh",
        json: true,
        columns: false,
        maxListedWarnings: 20,
      },
      (l) => out.push(l),
      () => undefined,
    );
    expect(out).toEqual(fromFile.out);
  });

  it("flags the tracking number shared by two suppliers on the first order, before the last one is read", async () => {
    const { out } = await run(file, true);
    const first = JSON.parse(out[0]!) as { row: number; reasons: Array<{ code: string }> };
    expect(first.row).toBe(3);
    expect(first.reasons.map((r) => r.code)).toContain("tracking_reused");
    const second = JSON.parse(out[2]!) as { row: number; reasons: Array<{ code: string }> };
    expect(second.row).toBe(5);
    expect(second.reasons.map((r) => r.code)).not.toContain("tracking_reused");
  });

  it("prints the table with the Row column as wide as the last row's number and names the unread cell once", async () => {
    const { out, err } = await run(file, false);
    const lines = out.join("\n").split("\n");
    expect(lines[0]).toMatch(/^行 {4}分数 {2}等级 {4}原因$/);
    expect(lines).toHaveLength(2 + ORDERS + ORDERS / 5);
    expect(lines[lines.length - 1]).toMatch(/^3602 {2}\d+ +(LOW|MEDIUM|HIGH) +.*SF0000000001/);
    expect(err.filter((l) => l.includes("看合同"))).toHaveLength(1);
  });

  it("does not flag a number one supplier used on two orders far apart", async () => {
    const lines = ["订单编号,卖家公司名,实付款(元),运单号"];
    for (let i = 0; i < 1500; i++)
      lines.push(
        `37${i},义乌市供应商${i % 3}有限公司,900,${i === 0 || i === 1497 ? "SF0000000002" : `YT${1e12 + i}`}`,
      );
    const same = path.join(dir, "同一供应商.csv");
    await writeFile(same, `${lines.join("\n")}\n`);
    const { out } = await run(same, true);
    expect(out).toHaveLength(1500);
    const reused = out.filter((l) => l.includes("tracking_reused"));
    expect(reused).toEqual([]);
  });
});
