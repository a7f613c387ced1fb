import { rename } from "node:fs/promises";
import { ZipWriter } from "../../src/xlsx/zip-write";

/**
 * Builds xlsx packages the way Excel writes them, with every feature a
 * buyer's ledger may carry: shared strings (Chinese, rich text, a phonetic
 * guide), inline strings, shared formulas, dates (1900 or 1904 system),
 * merged cells, autofilter, frozen panes, tab colour, a hidden column,
 * column widths, conditional formats, a note, a hyperlink, an image, a
 * chart, a data-validation list, an Excel table with its style, defined
 * names used by a formula, a hidden sheet, print titles, a page header,
 * orientation, sheet protection, custom document properties, and (.xlsm)
 * a VBA project.
 */

export interface BuildOptions {
  rows: number;
  date1904?: boolean;
  macros?: boolean;
  /** Ledger sheet's XML with a namespace prefix on every element (as the OpenXML SDK writes). */
  prefixed?: boolean;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const SUPPLIERS = [
  "义乌市样例贸易有限公司",
  "汕头市澄海区乐童玩具厂",
  "深圳市测试电子有限公司",
  "东莞¥精品五金厂",
];
const CHANNELS = ["支付宝担保交易", "对公转账", "微信转账"];

/** A deterministic pseudo-random source. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface BuiltWorkbook {
  /** Texts of the ledger's cells as written, by "A2"-style reference (for checking what is read). */
  texts: Map<string, string>;
}

export async function buildWorkbook(file: string, options: BuildOptions): Promise<BuiltWorkbook> {
  const n = options.rows;
  const last = n + 1;
  const rand = prng(2024);
  const texts = new Map<string, string>();
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(`<si><t>${esc(s)}</t></si>`);
      index.set(s, i);
    }
    return i;
  };
  const headers = ["订单号", "供应商", "下单日期", "付款方式", "订单金额", "已付金额", "运单号", "店铺链接"];
  // A rich-text string and one with a phonetic guide, both used in the ledger.
  const rich = strings.length;
  strings.push(
    '<si><r><rPr><b/><sz val="11"/><color rgb="FFC00000"/><rFont val="宋体"/></rPr><t>宁波</t></r><r><t xml:space="preserve">星辰 贸易</t></r></si>',
  );
  const phonetic = strings.length;
  strings.push('<si><t>东莞五金</t><rPh sb="0" eb="2"><t>ドングァン</t></rPh><phoneticPr fontId="1"/></si>');

  const p = options.prefixed ? "x:" : "";
  const rowsXml: string[] = [];
  const cell = (ref: string, body: string, attrs = ""): string => `<${p}c r="${ref}"${attrs}>${body}</${p}c>`;
  const v = (x: string | number): string => `<${p}v>${x}</${p}v>`;
  rowsXml.push(
    `<${p}row r="1" spans="1:8" ht="20" customHeight="1">${headers
      .map((h, i) => cell(`${String.fromCharCode(65 + i)}1`, v(shared(h)), ' s="3" t="s"'))
      .join("")}</${p}row>`,
  );
  headers.forEach((h, i) => texts.set(`${String.fromCharCode(65 + i)}1`, h));
  const base = options.date1904 ? 45000 - 1462 : 45000;
  for (let r = 2; r <= last; r++) {
    const supplierPick = r % 17 === 0 ? -1 : r % 23 === 0 ? -2 : Math.floor(rand() * SUPPLIERS.length);
    const supplier =
      supplierPick === -1 ? "宁波星辰 贸易" : supplierPick === -2 ? "东莞五金" : SUPPLIERS[supplierPick]!;
    const supplierIndex = supplierPick === -1 ? rich : supplierPick === -2 ? phonetic : shared(supplier);
    const order = `OD${String(r - 1).padStart(7, "0")}`;
    const channel = CHANNELS[r % 3]!;
    const amount = Math.round(rand() * 900000) / 100 + 100;
    const tracking = `YT${String(Math.floor(rand() * 1e13)).padStart(13, "0")}`;
    const f =
      r === 2 ? `<${p}f t="shared" ref="F2:F${last}" si="0">E2*0.3</${p}f>` : `<${p}f t="shared" si="0"/>`;
    rowsXml.push(
      `<${p}row r="${r}" spans="1:8">` +
        cell(`A${r}`, v(shared(order)), ' t="s"') +
        cell(`B${r}`, v(supplierIndex), ' t="s"') +
        cell(`C${r}`, v(base + (r % 300)), ' s="1"') +
        cell(`D${r}`, `<${p}is><${p}t>${esc(channel)}</${p}t></${p}is>`, ' t="inlineStr"') +
        cell(`E${r}`, v(amount), ' s="2"') +
        cell(`F${r}`, f + v(Math.round(amount * 30) / 100), ' s="2"') +
        cell(`G${r}`, v(shared(tracking)), ' t="s"') +
        (r === 2 ? cell(`H${r}`, v(shared("店铺")), ' t="s"') : "") +
        `</${p}row>`,
    );
    texts.set(`A${r}`, order);
    texts.set(`B${r}`, supplier);
    texts.set(`D${r}`, channel);
    texts.set(`G${r}`, tracking);
  }
  // A note row under the ledger, merged across four columns.
  rowsXml.push(
    `<${p}row r="${last + 2}">${cell(`A${last + 2}`, v(shared("备注：以上为 2025 年订单")), ' t="s"')}</${p}row>`,
  );

  const ns = options.prefixed ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const sheet1 =
    `${HEAD}<${p}worksheet ${ns} xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<${p}sheetPr><${p}tabColor rgb="FF00B050"/><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>` +
    `<${p}dimension ref="A1:H${last + 2}"/>` +
    `<${p}sheetViews><${p}sheetView tabSelected="1" workbookViewId="0"><${p}pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><${p}selection pane="bottomLeft" activeCell="A2" sqref="A2"/></${p}sheetView></${p}sheetViews>` +
    `<${p}sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    `<${p}cols><${p}col min="1" max="1" width="14" customWidth="1"/><${p}col min="2" max="2" width="32" customWidth="1"/><${p}col min="7" max="7" width="18" hidden="1" customWidth="1"/><${p}col min="9" max="16384" width="9.5" style="0"/></${p}cols>` +
    `<${p}sheetData>${rowsXml.join("")}</${p}sheetData>` +
    `<${p}sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" autoFilter="0"/>` +
    `<${p}mergeCells count="1"><${p}mergeCell ref="A${last + 2}:D${last + 2}"/></${p}mergeCells>` +
    `<${p}conditionalFormatting sqref="E2:E${last}"><${p}cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><${p}formula>5000</${p}formula></${p}cfRule></${p}conditionalFormatting>` +
    `<${p}dataValidations count="1"><${p}dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="D2:D${last}"><${p}formula1>"支付宝担保交易,对公转账,微信转账"</${p}formula1></${p}dataValidation></${p}dataValidations>` +
    `<${p}hyperlinks><${p}hyperlink ref="H2" r:id="rId1"/></${p}hyperlinks>` +
    `<${p}printOptions gridLines="1"/>` +
    `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<${p}pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>` +
    `<${p}headerFooter><${p}oddHeader>&amp;C采购台账 &amp;D</${p}oddHeader></${p}headerFooter>` +
    `<${p}drawing r:id="rId2"/><${p}legacyDrawing r:id="rId3"/>` +
    `<${p}tableParts count="1"><${p}tablePart r:id="rId4"/></${p}tableParts>` +
    `<${p}extLst><${p}ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{00000000-0001-0000-0000-000000000001}" priority="2"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>E2:E${last}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></${p}ext></${p}extLst>` +
    `</${p}worksheet>`;

  const sheet1Rels =
    `${HEAD}<Relationships xmlns="${PKG}">` +
    `<Relationship Id="rId1" Type="${R}/hyperlink" Target="https://shop1234567890.1688.com" TargetMode="External"/>` +
    `<Relationship Id="rId2" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>` +
    `<Relationship Id="rId3" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
    `<Relationship Id="rId4" Type="${R}/table" Target="../tables/table1.xml"/>` +
    `<Relationship Id="rId5" Type="${R}/comments" Target="../comments1.xml"/>` +
    `</Relationships>`;

  const table =
    `${HEAD}<table xmlns="${MAIN}" id="1" name="Ledger" displayName="Ledger" ref="A1:H${last}" totalsRowShown="0"><autoFilter ref="A1:H${last}"/><tableColumns count="8">` +
    headers
      .map(
        (h, i) =>
          `<tableColumn id="${i + 1}" name="${esc(h)}"${i === 5 ? "><calculatedColumnFormula>Ledger[[#This Row],[订单金额]]*0.3</calculatedColumnFormula></tableColumn" : "/"}>`,
      )
      .join("") +
    `</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;

  const sheet2 =
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:B3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>${shared("供应商")}</v></c><c r="B1" t="s"><v>${shared("合计")}</v></c></row>` +
    `<row r="2"><c r="A2" t="s"><v>${shared(SUPPLIERS[0]!)}</v></c><c r="B2"><f>SUM(TotalAmount)</f><v>0</v></c></row>` +
    `<row r="3"><c r="A3" t="s"><v>${shared(SUPPLIERS[1]!)}</v></c><c r="B3"><f>SUM(TotalAmount)/2</f><v>0</v></c></row>` +
    `</sheetData><autoFilter ref="A1:B3"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const sheet3 = `${HEAD}<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>隐藏的说明</t></is></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

  const sst = `${HEAD}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.join("")}</sst>`;
  const styles =
    `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00"/></numFmts>` +
    `<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="等线"/><charset val="134"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

  const workbook =
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
    `<workbookPr${options.date1904 ? ' date1904="1"' : ""}${options.macros ? ' codeName="ThisWorkbook"' : ""} defaultThemeVersion="166925"/>` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>` +
    `<sheets><sheet name="台账" sheetId="1" r:id="rId1"/><sheet name="供应商" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="5" state="hidden" r:id="rId3"/></sheets>` +
    `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">供应商!$A$1:$B$3</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">台账!$1:$1</definedName><definedName name="TotalAmount">台账!$E$2:$E$${last}</definedName></definedNames>` +
    `<calcPr calcId="191029"/></workbook>`;
  const workbookRels =
    `${HEAD}<Relationships xmlns="${PKG}">` +
    `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>` +
    `<Relationship Id="rId3" Type="${R}/worksheet" Target="worksheets/sheet3.xml"/>` +
    `<Relationship Id="rId4" Type="${R}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId5" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId6" Type="${R}/theme" Target="theme/theme1.xml"/>` +
    (options.macros
      ? `<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`
      : "") +
    `</Relationships>`;
  const mainType = options.macros
    ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const contentTypes =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="png" ContentType="image/png"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
    (options.macros ? `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` : "") +
    `<Override PartName="/xl/workbook.xml" ContentType="${mainType}"/>` +
    ["sheet1", "sheet2", "sheet3"]
      .map(
        (s) =>
          `<Override PartName="/xl/worksheets/${s}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    `<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
    `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
    `<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>` +
    `<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
    `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>` +
    `</Types>`;
  const rootRels = `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId4" Type="${R}/custom-properties" Target="docProps/custom.xml"/></Relationships>`;
  const drawing =
    `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:oneCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="76200" cy="76200"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>` +
    `<xdr:twoCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>19</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId2"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  const drawingRels = `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/image" Target="../media/image1.png"/><Relationship Id="rId2" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`;
  const chart = `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>台账!$E$2:$E$${Math.min(last, 11)}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  const comments = `${HEAD}<comments xmlns="${MAIN}"><authors><author>采购部</author></authors><commentList><comment ref="B2" authorId="0"><text><t>新供应商，首单</t></text></comment></commentList></comments>`;
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>';
  const png = Buffer.from(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
      "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082",
    "hex",
  );
  const custom = `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="采购部门"><vt:lpwstr>华南采购二组</vt:lpwstr></property></Properties>`;
  const app = `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`;
  const core = `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>采购部</dc:creator></cp:coreProperties>`;
  const theme = `${HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements/></a:theme>`;

  const zip = new ZipWriter(file);
  const parts: Array<[string, string | Buffer]> = [
    ["[Content_Types].xml", contentTypes],
    ["_rels/.rels", rootRels],
    ["docProps/app.xml", app],
    ["docProps/core.xml", core],
    ["docProps/custom.xml", custom],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", workbookRels],
    ["xl/worksheets/sheet1.xml", sheet1],
    ["xl/worksheets/sheet2.xml", sheet2],
    ["xl/worksheets/sheet3.xml", sheet3],
    ["xl/worksheets/_rels/sheet1.xml.rels", sheet1Rels],
    ["xl/theme/theme1.xml", theme],
    ["xl/styles.xml", styles],
    ["xl/sharedStrings.xml", sst],
    ["xl/drawings/drawing1.xml", drawing],
    ["xl/drawings/_rels/drawing1.xml.rels", drawingRels],
    ["xl/drawings/vmlDrawing1.vml", vml],
    ["xl/charts/chart1.xml", chart],
    ["xl/tables/table1.xml", table],
    ["xl/comments1.xml", comments],
    ["xl/media/image1.png", png],
  ];
  if (options.macros)
    parts.push(["xl/vbaProject.bin", Buffer.from("d0cf11e0a1b11ae1" + "00".repeat(504), "hex")]);
  for (const [name, data] of parts) await zip.addBuffer(name, data);
  await zip.finish();
  return { texts };
}

/** The parts of a one-sheet workbook with shared strings but its sheet and strings: targets absolute (as pandas writes them) or relative. */
async function oneSheetParts(zip: ZipWriter, sheetName: string, absolute: boolean): Promise<void> {
  const at = absolute ? "/xl/" : "";
  await zip.addBuffer(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  await zip.addBuffer(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="${absolute ? "/" : ""}xl/workbook.xml"/></Relationships>`,
  );
  await zip.addBuffer(
    "xl/workbook.xml",
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  await zip.addBuffer(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/worksheet" Target="${at}worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/sharedStrings" Target="${at}sharedStrings.xml"/></Relationships>`,
  );
}

/** A one-sheet workbook around the given sheetData rows (and shared strings), for reader faults. */
export async function buildPlain(
  file: string,
  rowsXml: string,
  options: {
    sharedStrings?: string[];
    dimension?: string;
    sstEntry?: (zip: ZipWriter) => Promise<void>;
  } = {},
): Promise<void> {
  const zip = new ZipWriter(file);
  await oneSheetParts(zip, "订单", true);
  const dim = options.dimension === undefined ? "" : `<dimension ref="${options.dimension}"/>`;
  await zip.addBuffer(
    "xl/worksheets/sheet1.xml",
    `${HEAD}<worksheet xmlns="${MAIN}">${dim}<sheetData>${rowsXml}</sheetData></worksheet>`,
  );
  if (options.sstEntry) await options.sstEntry(zip);
  else
    await zip.addBuffer(
      "xl/sharedStrings.xml",
      `${HEAD}<sst xmlns="${MAIN}">${(options.sharedStrings ?? []).map((s) => `<si><t>${esc(s)}</t></si>`).join("")}</sst>`,
    );
  await zip.finish();
}

/** Inline-string cells of a row, from column A. */
export function inlineRow(r: number, texts: ReadonlyArray<string | number>): string {
  const cells = texts
    .map((t, i) => {
      const ref = `${String.fromCharCode(65 + i)}${r}`;
      return typeof t === "number"
        ? `<c r="${ref}"><v>${t}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${esc(t)}</t></is></c>`;
    })
    .join("");
  return `<row r="${r}">${cells}</row>`;
}

/**
 * A long ledger as Excel saves one: every text (Chinese supplier names and
 * carriers, "¥" amounts, order and tracking numbers) in the shared strings
 * table, so reading it puts multi-byte characters across inflated chunks.
 */
export async function buildLongLedger(file: string, rows: number): Promise<void> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      index.set(s, i);
      strings.push(s);
    }
    return i;
  };
  const zip = new ZipWriter(`${file}.tmp`);
  await oneSheetParts(zip, "订单列表", false);
  const sheet = zip.addStream("xl/worksheets/sheet1.xml");
  const headers = ["订单编号", "卖家公司名", "实付款(元)", "物流公司", "运单号", "订单状态"];
  const carriers = ["极兔速递", "圆通速递", "中通快递", "韵达快递"];
  const cols = ["A", "B", "C", "D", "E", "F"];
  const rand = prng(7);
  let text = `${HEAD}<worksheet xmlns="${MAIN}"><dimension ref="A1:F${rows + 1}"/><sheetData>`;
  for (let r = 1; r <= rows + 1; r++) {
    const values =
      r === 1
        ? headers
        : [
            `37${String(r).padStart(17, "0")}`,
            `测试供应商${Math.floor(rand() * 400)}有限公司`,
            `¥${(Math.floor(rand() * 500000) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
            carriers[r % 4]!,
            `JT${String(Math.floor(rand() * 1e13)).padStart(13, "0")}`,
            r % 3 === 0 ? "交易成功" : "等待买家收货",
          ];
    text += `<row r="${r}">${values.map((v, i) => `<c r="${cols[i]}${r}" t="s"><v>${sst(v)}</v></c>`).join("")}</row>`;
    if (text.length > 1 << 16) {
      await sheet.write(text);
      text = "";
    }
  }
  await sheet.write(`${text}</sheetData></worksheet>`);
  await sheet.end();
  const table = zip.addStream("xl/sharedStrings.xml");
  text = `${HEAD}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">`;
  for (const s of strings) {
    text += `<si><t>${esc(s)}</t></si>`;
    if (text.length > 1 << 16) {
      await table.write(text);
      text = "";
    }
  }
  await table.write(`${text}</sst>`);
  await table.end();
  await zip.finish();
  await rename(`${file}.tmp`, file);
}
