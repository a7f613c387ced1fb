import { PartSink } from "../../src/xlsx/part-sink";
import {
  cellsXml,
  colsXml,
  conditionalFormattingXml,
  writeCells,
  type OutCell,
} from "../../src/xlsx/sheet-writer";
import type { EntryStream } from "../../src/xlsx/zip-write";

const CELLS: OutCell[] = [
  { value: 42 },
  { value: 66.8, style: 3 },
  { value: Number.NaN },
  { value: true },
  { value: false },
  { value: "HIGH" },
  { value: " 定金超过 50% & <私下转账> " },
  { value: "two\nlines" },
  { value: "" },
  { value: null, style: 2 },
  { value: undefined },
  { value: new Date(Date.UTC(2024, 0, 2, 12)) },
  { value: "x".repeat(40000) },
];

describe("writing cells", () => {
  it("writes each kind of value as SpreadsheetML, text as inline strings", () => {
    const xml = cellsXml(7, 2, CELLS.slice(0, 12));
    expect(xml).toBe(
      '<c r="B7"><v>42</v></c>' +
        '<c r="C7" s="3"><v>66.8</v></c>' +
        '<c r="D7" t="e"><v>#NUM!</v></c>' +
        '<c r="E7" t="b"><v>1</v></c>' +
        '<c r="F7" t="b"><v>0</v></c>' +
        '<c r="G7" t="inlineStr"><is><t>HIGH</t></is></c>' +
        '<c r="H7" t="inlineStr"><is><t xml:space="preserve"> 定金超过 50% &amp; &lt;私下转账&gt; </t></is></c>' +
        '<c r="I7" t="inlineStr"><is><t xml:space="preserve">two\nlines</t></is></c>' +
        '<c r="K7" s="2"/>' +
        '<c r="M7"><v>45293.5</v></c>',
    );
  });

  it("keeps white space at either end, an ideographic space too, and escapes what XML cannot hold as it is", () => {
    expect(
      cellsXml(1, 1, [{ value: "\u3000缩进" }, { value: "尾\u00a0" }, { value: "a_x0041_b\u0001c" }]),
    ).toBe(
      '<c r="A1" t="inlineStr"><is><t xml:space="preserve">\u3000缩进</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><t xml:space="preserve">尾\u00a0</t></is></c>' +
        '<c r="C1" t="inlineStr"><is><t>a_x005F_x0041_b_x0001_c</t></is></c>',
    );
  });

  it("writes each text as it is when texts of one length take turns, and a long one between", () => {
    const texts = ["LOW", "高 ", "a&b", "LOW", "y".repeat(300), "高 ", "z".repeat(300), "LOW"];
    const xml = cellsXml(
      3,
      1,
      texts.map((value) => ({ value })),
    );
    const back = [...xml.matchAll(/<t( xml:space="preserve")?>([^<]*)<\/t>/g)].map((m) =>
      m[2]!.replace("&amp;", "&"),
    );
    expect(back).toEqual(texts);
  });

  it("cuts a text to Excel's 32,767 characters", () => {
    expect(cellsXml(1, 1, [{ value: "x".repeat(40000) }])).toBe(
      `<c r="A1" t="inlineStr"><is><t>${"x".repeat(32767)}</t></is></c>`,
    );
  });

  it("writes the same bytes into a part as into a text, under a namespace prefix too", async () => {
    for (const prefix of ["", "x"]) {
      const got: Buffer[] = [];
      const entry: EntryStream = {
        write: (chunk) => {
          got.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
          return undefined;
        },
        end: () => Promise.resolve(),
      };
      const sink = new PartSink(entry, 64);
      writeCells(sink, 12, 30, CELLS, prefix);
      await sink.end();
      expect(Buffer.concat(got).toString("utf8")).toBe(cellsXml(12, 30, CELLS, prefix));
    }
  });

  it("writes column widths and conditional formatting", () => {
    expect(colsXml([[4, 12]])).toBe('<col min="4" max="4" width="12" customWidth="1"/>');
    expect(conditionalFormattingXml("A2:C9", [{ formula: '$B2="HIGH"', dxfId: 1 }], 3)).toBe(
      '<conditionalFormatting sqref="A2:C9"><cfRule type="expression" dxfId="1" priority="3"><formula>$B2=&quot;HIGH&quot;</formula></cfRule></conditionalFormatting>',
    );
  });
});
