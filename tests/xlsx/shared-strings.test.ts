import { parseSharedStrings } from "../../src/xlsx/shared-strings";

const SST =
  '<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">' +
  "<si><t>测试供应商295有限公司</t></si><si><t>¥1,903.00</t></si><si/>" +
  '<si><r><rPr><b/></rPr><t>极兔</t></r><r><t xml:space="preserve">速递 </t></r></si>' +
  '<si><t>东莞五金</t><rPh sb="0" eb="2"><t>ドングァン</t></rPh></si><si><t>a &amp; b_x000D_</t></si></sst>';
const EXPECTED = ["测试供应商295有限公司", "¥1,903.00", "", "极兔速递 ", "东莞五金", "a & b\r"];

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe("parseSharedStrings", () => {
  it("reads plain, empty, rich and phonetic items with escapes", async () => {
    expect(await parseSharedStrings(chunks(Buffer.from(SST), 1 << 16))).toEqual(EXPECTED);
  });

  it("reads the same items whatever the chunks, cut inside a tag or a character", async () => {
    const bytes = Buffer.from(SST);
    for (let size = 1; size <= 40; size++)
      expect(await parseSharedStrings(chunks(bytes, size))).toEqual(EXPECTED);
  });

  it("keeps count over many items cut at every place", async () => {
    const items = Array.from({ length: 5000 }, (_, i) => `供应商${i}`);
    const xml = `<sst>${items.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`;
    for (const size of [3, 17, 1000, 4099])
      expect(await parseSharedStrings(chunks(Buffer.from(xml), size))).toEqual(items);
  });
});
