import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { CliError } from "../../../src/cli/errors";
import type { DelimitedRow } from "../../../src/cli/io/csv";
import { openXlsxRows, readXlsx } from "../../../src/cli/io/xlsx";

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "guard-xlsx-"));
  file = path.join(dir, "ledger.xlsx");
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("说明");
  notes.getCell("A1").value = "exported from 1688";
  const orders = wb.addWorksheet("订单");
  orders.getCell("A1").value = "采购台账 2024";
  orders.addRow([]);
  orders.getRow(3).values = ["订单编号", "实付款(元)", "订单创建时间", "商品链接", "备注", "合计"];
  orders.getRow(4).values = [
    "2024031512345678",
    "¥6,688.00",
    new Date(Date.UTC(2024, 2, 15)),
    { text: "店铺", hyperlink: "https://detail.1688.com/offer/123.html" },
    { richText: [{ text: "急" }, { font: { bold: true }, text: "单" }] },
    { formula: "1+2", result: 3 },
  ];
  orders.getRow(5).values = ["2024031599999999", 120, null, "https://shop1.1688.com"];
  orders.getCell("F5").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  await wb.xlsx.writeFile(file);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readXlsx", () => {
  it("reads the first sheet when no sheet is named", async () => {
    const table = await readXlsx(file);
    expect(table.sheetName).toBe("说明");
    expect(table.cells).toEqual([["exported from 1688"]]);
  });

  it("reads a named sheet with rows at their sheet positions", async () => {
    const { sheetName, cells } = await readXlsx(file, { sheet: "订单" });
    expect(sheetName).toBe("订单");
    expect(cells[0]).toEqual(["采购台账 2024"]);
    expect(cells[1]).toEqual([]);
    expect(cells[2]?.[0]).toBe("订单编号");
  });

  it("gives text money as text, dates as Date, formulas as their cached result", async () => {
    const { cells } = await readXlsx(file, { sheet: "订单" });
    const row = cells[3] ?? [];
    expect(row[1]).toBe("¥6,688.00");
    expect(row[2]).toEqual(new Date(Date.UTC(2024, 2, 15)));
    expect(row[5]).toBe(3);
  });

  it("flattens rich text and reads hyperlinks as their text", async () => {
    const { cells } = await readXlsx(file, { sheet: "订单" });
    expect(cells[3]?.[3]).toBe("店铺");
    expect(cells[3]?.[4]).toBe("急单");
  });

  it("gives an error result as the error text", async () => {
    const { cells } = await readXlsx(file, { sheet: "订单" });
    expect(cells[4]?.[5]).toBe("#DIV/0!");
  });

  it("names the file and lists the sheets for an unknown sheet", async () => {
    await expect(readXlsx(file, { sheet: "Orders" })).rejects.toThrow(
      new CliError(`${file}: no sheet named "Orders" (sheets: "说明", "订单")`),
    );
  });

  it("names the file when it is not an xlsx workbook", async () => {
    const bad = path.join(dir, "renamed.xlsx");
    await writeFile(bad, "订单编号,金额\n1,2\n");
    await expect(readXlsx(bad)).rejects.toThrow(/renamed\.xlsx: cannot read/);
  });
});

describe("readXlsx on workbooks other programs wrote", () => {
  const WRITERS = path.resolve(__dirname, "../../fixtures/xlsx-writers");
  it.each(["openpyxl-features.xlsx", "libreoffice-features.xlsx", "pandas-plain.xlsx"])(
    "reads %s (notes, images and absolute part names alike)",
    async (name) => {
      const { cells } = await readXlsx(path.join(WRITERS, name));
      const header = cells.findIndex((row) => row.includes("供应商"));
      expect(header).toBeGreaterThanOrEqual(0);
      expect(cells.length - header - 1).toBe(30);
    },
  );
});

describe("openXlsxRows", () => {
  it("reads a sheet as a stream, row 1 on (rows the sheet skips as empty ones), the same cells as readXlsx, as often as asked", async () => {
    const source = await openXlsxRows(file, { sheet: "订单" });
    try {
      expect(source.sheetName).toBe("订单");
      expect(source.sheetBytes).toBeGreaterThan(0);
      const whole = await readXlsx(file, { sheet: "订单" });
      for (let pass = 0; pass < 2; pass++) {
        const rows: DelimitedRow[] = [];
        for await (const batch of source.rows()) rows.push(...batch);
        expect(rows.map((r) => r.rowNumber)).toEqual(rows.map((_, i) => i + 1));
        expect(rows[1]!.values).toEqual([]);
        expect(rows.map((r) => r.values)).toEqual(whole.cells);
      }
    } finally {
      await source.close();
    }
  });

  it("names the file when a sheet is missing or the file is not a workbook", async () => {
    await expect(openXlsxRows(file, { sheet: "没有" })).rejects.toThrow(CliError);
    const notXlsx = path.join(dir, "not.xlsx");
    await writeFile(notXlsx, "订单编号,金额\n1,2\n");
    await expect(openXlsxRows(notXlsx)).rejects.toThrow(notXlsx);
  });
});
