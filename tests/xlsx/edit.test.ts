import {
  addOverrides,
  addRelationships,
  addSheetsToWorkbook,
  splitRow,
  writeRowStart,
  editHead,
  extendTable,
  insertConditionalFormatting,
  tailExtent,
  topPriority,
} from "../../src/xlsx/edit";

describe("editHead", () => {
  it("widens the dimension and splits a column range that reaches into the new columns", () => {
    const head =
      '<worksheet><dimension ref="A1:H41"/><cols><col min="1" max="1" width="14"/><col min="5" max="16384" width="9" style="2"/></cols><sheetData>';
    expect(
      editHead(
        head,
        "",
        [
          [9, 11],
          [10, 90],
        ],
        10,
        41,
      ),
    ).toBe(
      '<worksheet><dimension ref="A1:J41"/><cols><col min="1" max="1" width="14"/><col min="5" max="8" width="9" style="2"/><col min="9" max="9" width="11" customWidth="1"/><col min="10" max="10" width="90" customWidth="1"/><col min="11" max="16384" width="9" style="2"/></cols><sheetData>',
    );
  });

  it("adds a cols element before sheetData when the sheet has none", () => {
    expect(editHead("<x:worksheet><x:sheetData>", "x", [[3, 11]], 3, 1)).toBe(
      '<x:worksheet><x:cols><x:col min="3" max="3" width="11" customWidth="1"/></x:cols><x:sheetData>',
    );
  });
});

describe("splitRow", () => {
  it("says where a row's cells lie, with its start tag widened and its end tag under the sheet's prefix", () => {
    const row = '<x:row r="2" spans="1:2"><x:c r="A2"/><x:c r="B2"><x:v>1</x:v></x:c></x:row>';
    const split = splitRow(row, 5, "x");
    expect(split.open).toBe('<x:row r="2" spans="1:5">');
    expect(row.slice(split.body, split.bodyEnd)).toBe('<x:c r="A2"/><x:c r="B2"><x:v>1</x:v></x:c>');
    expect(split.close).toBe("</x:row>");
  });

  it("opens a self-closing row, with no cells of its own", () => {
    const split = splitRow('<row r="7" ht="20"/>', 3, "");
    expect(split).toEqual({ open: '<row r="7" ht="20">', body: 20, bodyEnd: 20, close: "</row>" });
  });
});

describe("writeRowStart", () => {
  const rows = [
    '<row r="2" spans="1:2"><c r="A2"/></row>',
    '<row r="2" spans="3"><c r="C2"/></row>',
    '<row r="2" spans=":9" ht="20"><c r="C2"/></row>',
    '<row r="9" ht="20"><c r="C9"/></row>',
    '<row r="7" spans="1:2"/>',
    '<row r="7"/>',
    "<row r='4' x:note=\"a>b\" spans=\"2:5\"><c r='B4'/></row>",
  ];

  it("writes a row's start tag from its bytes as splitRow makes it, and says where its cells begin", () => {
    for (const row of rows) {
      const written: number[] = [];
      const out = {
        ascii: (s: string) => written.push(...Buffer.from(s, "latin1")),
        range: (b: Uint8Array, from: number, to: number) => written.push(...b.subarray(from, to)),
      };
      const split = splitRow(row, 12, "");
      const body = writeRowStart(out, Buffer.from(row, "latin1"), "12");
      expect(Buffer.from(written).toString("latin1")).toBe(split.open);
      expect(body).toBe(split.body === split.bodyEnd ? -1 : split.body);
    }
  });
});

describe("the sheet's tail", () => {
  const tail =
    '</sheetData><mergeCells count="1"><mergeCell ref="A43:M43"/></mergeCells><conditionalFormatting sqref="E2:E41"><cfRule type="cellIs" priority="1"/></conditionalFormatting><dataValidations count="1"><dataValidation sqref="D2:D41"/></dataValidations><pageMargins/><extLst><ext><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule priority="7"/><xm:sqref>E2:E41</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>';

  it("says how far right its ranges reach, and which", () => {
    expect(tailExtent(tail)).toEqual({ column: 13, what: "merged cells A43:M43" });
  });

  it("takes the next conditional formatting priority after all of them", () => {
    expect(topPriority(tail)).toBe(7);
  });

  it("puts new conditional formatting after the user's, before data validation", () => {
    const out = insertConditionalFormatting(tail, "", '<conditionalFormatting sqref="N2:P41"/>');
    expect(out).toContain('</conditionalFormatting><conditionalFormatting sqref="N2:P41"/><dataValidations');
  });

  it("puts it before data validation, hyperlinks or page margins when the sheet has none", () => {
    const out = insertConditionalFormatting(
      "</sheetData><hyperlinks/><pageMargins/></worksheet>",
      "",
      "<cf/>",
    );
    expect(out).toBe("</sheetData><cf/><hyperlinks/><pageMargins/></worksheet>");
  });
});

describe("workbook, relationships and content types", () => {
  it("add sheets after the highest sheetId, with the document's own prefixes", () => {
    const wb =
      '<x:workbook xmlns:x="m" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="A" sheetId="4" rel:id="rId1"/></x:sheets></x:workbook>';
    expect(
      addSheetsToWorkbook(wb, [{ name: "Summary", part: "xl/worksheets/sheet9.xml", relId: "rId7" }]),
    ).toContain('<x:sheet name="Summary" sheetId="5" rel:id="rId7"/></x:sheets>');
    expect(
      addRelationships("<Relationships/>", [{ id: "rId1", type: "t", target: "worksheets/s.xml" }]),
    ).toBe('<Relationships><Relationship Id="rId1" Type="t" Target="worksheets/s.xml"/></Relationships>');
    expect(addOverrides("<Types></Types>", [{ part: "xl/a.xml", type: "w" }])).toBe(
      '<Types><Override PartName="/xl/a.xml" ContentType="w"/></Types>',
    );
  });
});

describe("extendTable", () => {
  const table =
    '<table id="1" name="T" ref="A1:B5"><autoFilter ref="A1:B5"/><tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="3" name="b"/></tableColumns></table>';
  it("widens a table and its autofilter over new columns numbered after its last id", () => {
    expect(extendTable(table, ["Risk score"])).toBe(
      '<table id="1" name="T" ref="A1:C5"><autoFilter ref="A1:C5"/><tableColumns count="3"><tableColumn id="1" name="a"/><tableColumn id="3" name="b"/><tableColumn id="4" name="Risk score"/></tableColumns></table>',
    );
  });
  it("leaves a table alone when a new name is taken", () => {
    expect(extendTable(table, ["B"])).toBeUndefined();
  });
});
