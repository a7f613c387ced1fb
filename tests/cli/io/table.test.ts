import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readTable, tableFormat } from "../../../src/cli/io/table";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "guard-table-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("tableFormat", () => {
  it.each([
    ["ledger.xlsx", "xlsx"],
    ["LEDGER.XLSM", "xlsx"],
    ["orders.csv", "csv"],
    ["orders.tsv", "tsv"],
    ["orders.txt", "tsv"],
  ])("reads %s as %s", (file, format) => {
    expect(tableFormat(file)).toBe(format);
  });

  it.each([
    ["old.xls", /old \.xls format is not supported/],
    ["notes.docx", /unknown file type "\.docx"/],
    ["noext", /unknown file type "\(none\)"/],
  ])("refuses %s naming the file", (file, message) => {
    expect(() => tableFormat(file)).toThrow(message);
    expect(() => tableFormat(file)).toThrow(file);
  });
});

describe("readTable", () => {
  it("reads a csv file named after the file", async () => {
    const file = path.join(dir, "team-ledger.csv");
    await writeFile(file, '\uFEFFSupplier,Order total (USD)\r\n"Yiwu Toys, Ltd.","1,200"\r\n');
    await expect(readTable(file)).resolves.toEqual({
      sheetName: "team-ledger",
      cells: [
        ["Supplier", "Order total (USD)"],
        ["Yiwu Toys, Ltd.", "1,200"],
      ],
    });
  });

  it("reads a .txt file as tab separated", async () => {
    const file = path.join(dir, "export.txt");
    await writeFile(file, "订单编号\t金额\n1\t6,688\n");
    const { cells } = await readTable(file);
    expect(cells).toEqual([
      ["订单编号", "金额"],
      ["1", "6,688"],
    ]);
  });

  it("names a missing file", async () => {
    const file = path.join(dir, "missing.xlsx");
    await expect(readTable(file)).rejects.toThrow(`${file}: no such file`);
  });

  it("names a folder given as a file", async () => {
    const folder = path.join(dir, "folder.csv");
    await mkdir(folder);
    await expect(readTable(folder)).rejects.toThrow(`${folder}: is a folder, not a file`);
  });

  it("refuses a sheet name for a csv file", async () => {
    const file = path.join(dir, "one.csv");
    await writeFile(file, "a\n");
    await expect(readTable(file, { sheet: "Orders" })).rejects.toThrow(/--sheet applies to xlsx/);
  });
});
