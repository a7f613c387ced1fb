import { Readable } from "node:stream";
import { SharedStringTable } from "../../src/xlsx/shared-strings";
import {
  scanSheet,
  serialToDate,
  SheetError,
  type SheetPiece,
  WantedColumns,
  type XlsxRow,
} from "../../src/xlsx/sheet-reader";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const strings = SharedStringTable.of(["供应商", "测试供应商295有限公司", "¥1,903.00", "宁波星辰贸易"]);

const SHEET =
  `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${MAIN}"><dimension ref="A1:F4"/><sheetData>` +
  `<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>极兔速递</t></is></c><c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t>汕头</t></r><r><t xml:space="preserve"> 玩具厂</t></r><rPh sb="0" eb="1"><t>シャン</t></rPh></is></c></row>` +
  `<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>45000</v></c><c r="C3"><f t="shared" ref="C3:C4" si="0">B3*2</f><v>90000</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="str"><f>A3&amp;"x"</f><v>a&amp;b_x000D_</v></c></row>` +
  `<row r="4"><c t="s"><v>2</v></c><c><v>-1.5E3</v></c><c s="1"/></row>` +
  `</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;

/** The sheet as bytes handed over `size` bytes at a time (cutting multi-byte characters). */
async function scan(xml: string, size: number, date1904 = false): Promise<SheetPiece[]> {
  const bytes = Buffer.from(xml, "utf8");
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out: SheetPiece[] = [];
  for await (const p of scanSheet(Readable.from(chunks), {
    sharedStrings: strings,
    dateStyles: [false, true],
    date1904,
    keepXml: true,
    where: 'sheet "订单"',
  }))
    out.push(p);
  return out;
}

/** The pieces without the rows' bytes (kept or not as the chunks fall). */
const withoutBytes = (pieces: SheetPiece[]): SheetPiece[] =>
  pieces.map((p) => {
    if (p.kind !== "row") return p;
    const row = { ...p.row };
    delete row.bytes;
    return { kind: "row", row };
  });

const rowsOf = (pieces: SheetPiece[]): XlsxRow[] => pieces.flatMap((p) => (p.kind === "row" ? [p.row] : []));

describe("scanSheet", () => {
  it("reads shared, inline and rich text, dates, shared formulas' results, booleans, errors and escaped text", async () => {
    const rows = rowsOf(await scan(SHEET, 1 << 16));
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 4]);
    expect(rows[0]!.values).toEqual(["供应商", "极兔速递", "汕头 玩具厂"]);
    expect(rows[1]!.values).toEqual([
      "测试供应商295有限公司",
      serialToDate(45000, false),
      90000,
      true,
      "#N/A",
      "a&b\r",
    ]);
    expect(rows[2]!.values).toEqual(["¥1,903.00", -1500]);
    expect(rows[2]!.lastColumn).toBe(3);
  });

  it("tells its wanted columns once, in place (columns past XFD ignored)", () => {
    const columns = new WantedColumns();
    const bits = columns.bits;
    expect(columns.known).toBe(false);
    expect([bits[0], bits[16383], bits[16384]]).toEqual([1, 1, 0]);
    columns.want([0, 4, -1, 16384, 16383]);
    expect(columns.known).toBe(true);
    expect(columns.bits).toBe(bits);
    expect([bits[0], bits[1], bits[4], bits[16383]]).toEqual([1, 0, 1, 1]);
  });

  it("reads only the wanted columns' values once told, and still every row's first value and last column", async () => {
    const xml =
      `<worksheet xmlns="${MAIN}"><sheetData>` +
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>3</v></c><c r="C1"><v>7</v></c></row>` +
      `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>8</v></c><c r="H2" s="1"/></row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><t> </t></is></c><c r="B3" t="inlineStr"><is><t>合计</t></is></c><c r="C3"><v>9</v></c></row>` +
      `<row r="4"><c r="B4"><v>5</v></c></row>` +
      `</sheetData></worksheet>`;
    const columns = new WantedColumns();
    const rows: XlsxRow[] = [];
    // One row per chunk: the reader is told about the header before the rows below it are read.
    const chunks = xml.split(/(?=<row )/).map((part) => Buffer.from(part));
    for await (const p of scanSheet(Readable.from(chunks), {
      sharedStrings: strings,
      dateStyles: [],
      date1904: false,
      keepXml: false,
      where: "",
      columns,
    })) {
      if (p.kind !== "row") continue;
      rows.push(p.row);
      // The reader learns which columns it reads once the first row (the header) has been seen.
      if (!columns.known) columns.want([2]);
    }
    expect(rows.map((r) => r.values)).toEqual([
      ["供应商", "宁波星辰贸易", 7],
      ["测试供应商295有限公司", null, 8],
      // The first cell is blank, so the next one is read too: a total line still shows as one.
      [null, "合计", 9],
      [null, 5],
    ]);
    expect(rows.map((r) => r.lastColumn)).toEqual([3, 8, 3, 2]);
  });

  it("gives the same rows and XML whatever the chunks, even a character's bytes split between two", async () => {
    const whole = withoutBytes(await scan(SHEET, 1 << 16));
    for (const size of [1, 2, 3, 7]) {
      const pieces = withoutBytes(await scan(SHEET, size));
      expect(pieces).toEqual(whole);
      expect(JSON.stringify(pieces)).not.toContain("\ufffd");
      // A byte order mark, however the chunks cut it, is not part of the text.
      expect(withoutBytes(await scan(`\ufeff${SHEET}`, size))).toEqual(whole);
    }
  });

  it("reads a long sheet in big chunks as it reads it whole: rows cut at a chunk's end, one longer than a chunk", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const r = i + 1;
      const text = r === 1500 ? "长".repeat(30000) : r === 2000 ? "y".repeat(70000) : `供应商${r}`;
      return `<row r="${r}"><c r="A${r}" t="s"><v>${r % 4}</v></c><c r="B${r}" t="inlineStr"><is><t>${text}</t></is></c><c r="C${r}"><v>${r}.25</v></c></row>`;
    });
    const ascii = rows.map((r, i) =>
      i === 1499 ? r.replace(/长+/, "z".repeat(30000)) : r.replace(/供应商/, "s"),
    );
    for (const body of [rows, ascii]) {
      const xml = `<worksheet xmlns="${MAIN}"><sheetData>${body.join("")}</sheetData><pageMargins left="0.7"/></worksheet>`;
      const whole = await scan(xml, 1 << 24);
      for (const size of [9000, 40000, 100003]) {
        const pieces = await scan(xml, size);
        expect(withoutBytes(pieces)).toEqual(withoutBytes(whole));
        for (const r of rowsOf(pieces))
          if (r.bytes) expect(Buffer.from(r.bytes).toString("latin1")).toBe(r.xml);
      }
      expect(rowsOf(whole)).toHaveLength(3000);
    }
  });

  it("keeps an ASCII row's bytes as read (they are its XML), and none for a row of other characters", async () => {
    const ascii =
      `<worksheet xmlns="${MAIN}"><sheetData>` +
      Array.from(
        { length: 30 },
        (_, i) =>
          `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 4}</v></c><c r="B${i + 1}"><v>${i}.5</v></c></row>`,
      ).join("\n") +
      `</sheetData></worksheet>`;
    for (const size of [1, 7, 64, 1 << 16]) {
      const rows = rowsOf(await scan(ascii, size));
      expect(rows).toHaveLength(30);
      for (const r of rows) if (r.bytes) expect(Buffer.from(r.bytes).toString("latin1")).toBe(r.xml);
      if (size >= 64) expect(rows.every((r) => r.bytes !== undefined)).toBe(true);
    }
    for (const size of [5, 64]) {
      const rows = rowsOf(await scan(`${SHEET.slice(0, 120)}${" ".repeat(200)}${SHEET.slice(120)}`, size));
      for (const r of rows) {
        if (/[^\t\n\r\x20-\x7e]/.test(r.xml!)) expect(r.bytes).toBeUndefined();
        else if (r.bytes) expect(Buffer.from(r.bytes).toString("latin1")).toBe(r.xml);
      }
    }
  });

  it("reads a number as Number reads its text, plain decimals and the rest", async () => {
    const texts = [
      "0",
      "-0",
      "66.8",
      "0.1",
      "-1903.25",
      "123456789012345",
      "1234567890123456",
      "12345678.1234567",
      "0.30000000000000004",
      "1.5E3",
      "-.5",
      ".5",
      "5.",
      "007",
      "9.99e307",
      "-9.99E+307",
      "1e-300",
    ];
    const xml =
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1">` +
      texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${t}</v></c>`).join("") +
      `</row></sheetData></worksheet>`;
    const [row] = rowsOf(await scan(xml, 1 << 16));
    expect(row!.values).toEqual(texts.map(Number));
    expect(Object.is(row!.values[1], -0)).toBe(true);
  });

  it("hands back the head, each row's XML as written and the tail, which rebuild the sheet", async () => {
    const pieces = await scan(SHEET, 5);
    const text = pieces.map((p) => (p.kind === "row" ? `${p.row.lead}${p.row.xml}` : p.xml)).join("");
    expect(text).toBe(SHEET.replace(/^\uFEFF/, ""));
  });

  it("reads dates in the 1904 date system", () => {
    expect(serialToDate(45000, false).toISOString().slice(0, 10)).toBe("2023-03-15");
    expect(
      serialToDate(45000 - 1462, true)
        .toISOString()
        .slice(0, 10),
    ).toBe("2023-03-15");
  });

  it("refuses at once a row past Excel's last row, naming it", async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="99999999"><c r="A99999999"><v>1</v></c></row></sheetData></worksheet>`;
    await expect(scan(xml, 1 << 16)).rejects.toThrow(/row 99,999,999 is past Excel's last row \(1,048,576\)/);
    await expect(scan(xml, 1 << 16)).rejects.toThrow(SheetError);
  });

  it("refuses a cell whose shared string the table does not hold, naming the cell, never reading it as blank", async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>99</v></c></row></sheetData></worksheet>`;
    await expect(scan(xml, 1 << 16)).rejects.toThrow(
      /sheet "订单": cell B3 refers to shared string 99, but the workbook's shared strings table holds 4 \(the workbook is damaged\)/,
    );
  });

  it("refuses a cell past column XFD", async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`;
    await expect(scan(xml, 1 << 16)).rejects.toThrow(/past Excel's last column \(XFD/);
  });

  it("reads a sheet whose elements carry a namespace prefix", async () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>对公转账</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const rows = rowsOf(await scan(xml, 3));
    expect(rows[0]!.values).toEqual([null, "对公转账"]);
  });
});
