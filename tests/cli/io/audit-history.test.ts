import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { audit } from "../run-audit";
import { formatSuppliers, historyCells } from "../../../src/cli/io/audit-history";
import { scoreLedger } from "../../../src/ledger/score-rows";
import { DEFAULT_SETTINGS } from "../../../src/rules/settings";
import { ledgerZh } from "../../rules/history/fixtures";

const FIXTURES = path.resolve(__dirname, "../../fixtures");
const AS_OF = new Date("2026-06-30T00:00:00Z");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "guard-history-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sheetValues(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

/** The fixture ledger as an xlsx workbook (audited in memory). */
async function fixtureXlsx(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("采购台账");
  for (const row of ledgerZh()) ws.addRow(row);
  const file = path.join(dir, "ledger.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("guard audit --as-of", () => {
  it.each([
    ["an xlsx loaded whole", "xlsx", [] as string[]],
    ["an xlsx streamed", "xlsx", ["--stream"]],
    ["a csv", "csv", [] as string[]],
  ])("adds Money at risk and Days at risk columns and a Suppliers sheet to %s", async (_, kind, extra) => {
    const input = kind === "xlsx" ? await fixtureXlsx() : path.join(FIXTURES, "history-ledger.csv");
    const out = path.join(dir, `out-${kind}-${extra.length}.xlsx`);
    const run = await audit(input, "--as-of", "2026-06-30", "--out", out, "--force", ...extra);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Suppliers by money at risk (2026-06-30):");
    const ledgerSheet = kind === "xlsx" ? "采购台账" : "history-ledger";
    const rows = await sheetValues(out, ledgerSheet);
    const header = rows[0] ?? [];
    const at = header.indexOf("Money at risk (USD)");
    expect(header.slice(at - 3, at + 2)).toEqual([
      "Risk score",
      "Risk level",
      "Reasons",
      "Money at risk (USD)",
      "Days at risk",
    ]);
    expect(rows[2]?.slice(at, at + 2)).toEqual([2500, 41]);
    const suppliers = await sheetValues(out, "Suppliers");
    expect(suppliers[0]).toEqual(["Suppliers as of 2026-06-30"]);
    expect(suppliers[3]?.slice(0, 2)).toEqual(["义乌市宏达贸易有限公司", 3]);
    const huaqiang = suppliers.find((r) => r?.[0] === "深圳市华强创新电子有限公司");
    expect(String(huaqiang?.[12])).toBe("row 7: 6222021234567890123 -> 6217 0000 1111 2222 333");
  });

  it("adds neither the columns nor the sheet without --as-of", async () => {
    const out = path.join(dir, "plain.xlsx");
    await audit(path.join(FIXTURES, "history-ledger.csv"), "--out", out, "--force");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["history-ledger", "Summary"]);
    expect((await sheetValues(out, "history-ledger"))[0]).not.toContain("Money at risk (USD)");
  });

  it("refuses a date it cannot read, naming it", async () => {
    const run = await audit(path.join(FIXTURES, "history-ledger.csv"), "--as-of", "31/31/2026");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--as-of needs a date such as 2026-06-30 or "today", not "31/31/2026"');
  });
});

describe("the history cells and the printed suppliers", () => {
  it("leave the age blank where nothing is at risk and both blank where the ledger cannot tell", () => {
    expect(
      historyCells({ usd: 0, amount: undefined, days: undefined, since: undefined, basis: "received" }),
    ).toEqual([0, null]);
    expect(
      historyCells({
        usd: undefined,
        amount: undefined,
        days: undefined,
        since: undefined,
        basis: "unknown",
      }),
    ).toEqual([null, null]);
    expect(historyCells(undefined)).toEqual([null, null]);
  });

  it("list in Chinese only the suppliers with money at risk or a flag", () => {
    const { history } = scoreLedger(ledgerZh(), { settings: DEFAULT_SETTINGS, asOf: AS_OF });
    const text = formatSuppliers(history?.suppliers ?? [], "zh", AS_OF);
    expect(text).toContain("供应商风险金额排序 (2026-06-30):");
    expect(text).toContain("收款账号变更 1 次，价格骤降 1 次");
    expect(text).not.toContain("汕头市澄海区乐童玩具厂");
    expect(formatSuppliers([], "zh", AS_OF)).toBe("");
  });
});
