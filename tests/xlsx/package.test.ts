import path from "node:path";
import { parseRelationships, relsPartOf, resolveTarget, XlsxPackage } from "../../src/xlsx/package";

const WRITERS = path.resolve(__dirname, "../fixtures/xlsx-writers");

describe("resolveTarget", () => {
  it.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet1.xml", "../drawings/drawing1.xml", "xl/drawings/drawing1.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
  ])("from %s, %s is %s", (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });
  it("names a part's relationships part", () => {
    expect(relsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
  });
  it("leaves external targets without a part", () => {
    const rels = parseRelationships(
      '<Relationships><Relationship Id="rId1" Type="t/hyperlink" Target="https://shop1.1688.com" TargetMode="External"/></Relationships>',
      "xl/worksheets/sheet1.xml",
    );
    expect(rels[0]!.part).toBeUndefined();
  });
});

describe("XlsxPackage", () => {
  it.each([
    ["openpyxl-features.xlsx", ["采购台账", "汇总", "Lists"], "hidden"],
    ["libreoffice-features.xlsx", ["采购台账", "汇总", "Lists"], "hidden"],
    ["pandas-plain.xlsx", ["Sheet1"], undefined],
  ])("lists the sheets of %s, absolute or relative part names alike", async (file, names, lastState) => {
    const pkg = await XlsxPackage.open(path.join(WRITERS, file));
    expect(pkg.sheets.map((s) => s.name)).toEqual(names);
    for (const s of pkg.sheets) expect(pkg.entry(s.part)).toBeDefined();
    if (lastState !== undefined) expect(pkg.sheets[pkg.sheets.length - 1]!.state).toBe(lastState);
    expect(pkg.pickSheet().name).toBe(names[0]);
    expect(() => pkg.pickSheet("Orders")).toThrow(/no sheet named "Orders" \(sheets: /);
    expect((await pkg.sharedStrings()).count).toBeGreaterThanOrEqual(0);
    await pkg.close();
  });
});
