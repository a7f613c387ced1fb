import { parseSettings } from "../../../src/rules/settings";
import {
  DOSSIER_SHEET,
  dossierSheetCells,
  dossierSheetNames,
  writeDossierSheet,
} from "../../../src/taskpane/excel/dossier-sheet";
import { createExcelApi } from "../../../src/taskpane/mock/excel-api";
import { createSampleWorkbook, SAMPLE_SHEET } from "../../../src/taskpane/mock/sample";
import type { MockWorkbook } from "../../../src/taskpane/mock/workbook";
import { dossierRows } from "../../../src/taskpane/model/pay";
import { AS_OF, blacklist, payLedgerCells } from "../../rules/pay/fixtures";

const g = globalThis as unknown as { Excel: unknown };

function useMockHost(book: MockWorkbook): string[] {
  const failures: string[] = [];
  g.Excel = createExcelApi(book, () => "=", failures);
  return failures;
}

const dump = (book: MockWorkbook): string =>
  JSON.stringify(book.sheets.map((s) => ({ name: s.name, rows: s.rows })));

/** The dossier the pane writes for the selected row PO-5102 of the Chinese pay ledger. */
function rowsFor(id: string): string[][] {
  const cells = payLedgerCells("zh");
  const rows = dossierRows(cells, cells.findIndex((r) => r[0] === id) - 1, {
    settings: parseSettings({}),
    blacklist: blacklist(),
    asOf: AS_OF,
    sheet: "采购台账",
  });
  if (rows === undefined) throw new Error("no dossier");
  return rows;
}

const text = (book: MockWorkbook, name: string): string[] =>
  (book.sheet(name)?.rows ?? []).map((row) =>
    (row ?? [])
      .map((c) => String(c?.value ?? ""))
      .join("|")
      .replace(/\|+$/, ""),
  );

describe("writing the dispute dossier to a new sheet", () => {
  it("writes the selected order's dossier, in the ledger's language, to GuardDossier, the ledger sheet staying active", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    const ledgerBefore = JSON.stringify(book.sheet(SAMPLE_SHEET)?.rows);
    const rows = rowsFor("PO-5102");
    const written = await writeDossierSheet(rows);
    expect(written.sheet).toBe(DOSSIER_SHEET);
    const lines = text(book, DOSSIER_SHEET);
    expect(lines[0]).toBe("纠纷证据表：宁波市海曙明辉工贸有限公司");
    expect(lines).toContain("供应商身份");
    expect(lines).toContain("收款账号（按时间顺序）|6222 0210 0011 2233; 6217 8500 0000 9988");
    expect(lines).toContain(
      "2026-11-20|3|PO-5102|付款|¥4,320，银行转账，收款：宁波市海曙明辉工贸有限公司 6217 8500 0000 9988",
    );
    expect(lines).toContain("台账所指的证据");
    expect(book.activeSheet.name).toBe(SAMPLE_SHEET);
    expect(JSON.stringify(book.sheet(SAMPLE_SHEET)?.rows)).toBe(ledgerBefore);
  });

  it("writes cells as text, so a ledger cell that looks like a formula stays inert", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    await writeDossierSheet([['=HYPERLINK("http://x")', "0012"], [], ["title"]]);
    expect(book.sheet(DOSSIER_SHEET)?.cell(0, 0)).toEqual({ value: '=HYPERLINK("http://x")' });
    expect(book.sheet(DOSSIER_SHEET)?.cell(0, 1)).toEqual({ value: "0012" });
  });

  it("takes the next free name when GuardDossier exists", async () => {
    const book = createSampleWorkbook();
    useMockHost(book);
    await writeDossierSheet([["a"]]);
    await expect(writeDossierSheet([["b"]])).resolves.toMatchObject({ sheet: dossierSheetNames()[1] });
  });

  it("leaves the workbook as it was when a write fails", async () => {
    const book = createSampleWorkbook();
    const failures = useMockHost(book);
    const before = dump(book);
    failures.push("", "the workbook is locked for editing");
    await expect(writeDossierSheet(rowsFor("PO-5102"))).rejects.toThrow("locked");
    expect(book.sheet(DOSSIER_SHEET)).toBeUndefined();
    expect(dump(book)).toBe(before);
  });

  it("pads rows to one rectangle and drops trailing blank rows", () => {
    expect(dossierSheetCells([["a"], ["b", "c"], [], [""]])).toEqual([
      ["'a", ""],
      ["'b", "'c"],
    ]);
  });
});
