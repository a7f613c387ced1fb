import { isDateFormat, Styles } from "../../src/xlsx/styles";

const XML =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

describe("isDateFormat", () => {
  it.each([
    ["yyyy-mm-dd", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-804]aaaa;@", false],
    ["h:mm:ss", true],
    ['#,##0.00 "元"', false],
    ["0.00_);[Red](0.00)", false],
    ["0.00E+00", false],
    ["General", false],
  ])("%s is a date format: %s", (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});

describe("Styles", () => {
  it("tells which cell formats show dates, built-in and custom", () => {
    expect(new Styles(XML).dateStyles()).toEqual([false, true, true]);
  });

  it("appends fonts, fills, formats and dxfs after the workbook's own, updating counts, renumbering nothing", () => {
    const styles = new Styles(XML);
    const bold = styles.addBoldFont();
    const fill = styles.addSolidFill("FFDDEBF7");
    const xf = styles.addXf({ fontId: bold, fillId: fill });
    const money = styles.addXf({ numFmtId: styles.numFmt("#,##0.00") });
    const custom = styles.numFmt("0.000");
    const dxf = styles.addDxf("FF9C0006", "FFFFC7CE");
    expect([bold, fill, xf, money, custom, dxf]).toEqual([1, 2, 3, 4, 165, 0]);
    const xml = styles.toXml();
    expect(xml).toContain(
      '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>',
    );
    expect(xml).toContain(
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/>',
    );
    expect(xml).toContain('<numFmts count="2">');
    expect(xml).toContain('numFmtId="165" formatCode="0.000"');
    // No dxfs element before: one is added in its place, after cellStyles.
    expect(xml).toMatch(/<\/cellStyles><dxfs count="1"><dxf>/);
    expect(new Styles(xml).dateStyles()).toEqual([false, true, true, false, false]);
  });

  it("gives the same index for the same style asked twice", () => {
    const styles = new Styles(XML);
    expect(styles.addXf({ fontId: styles.addBoldFont() })).toBe(
      styles.addXf({ fontId: styles.addBoldFont() }),
    );
  });
});
