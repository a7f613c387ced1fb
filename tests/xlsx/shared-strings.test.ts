import {
  PackageLimitError,
  parseSharedStrings,
  SharedStringTable,
  type SharedStrings,
} from "../../src/xlsx/shared-strings";
import { findElements, qualified, rootPrefix, stringItemText } from "../../src/xlsx/xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const SST =
  `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN}" count="6" uniqueCount="6">` +
  "<si><t>测试供应商295有限公司</t></si><si><t>¥1,903.00</t></si><si/>" +
  '<si><r><rPr><b/></rPr><t>极兔</t></r><r><t xml:space="preserve">速递 </t></r></si>' +
  '<si><t>东莞五金</t><rPh sb="0" eb="2"><t>ドングァン</t></rPh></si><si><t>a &amp; b_x000D_</t></si></sst>';
const EXPECTED = ["测试供应商295有限公司", "¥1,903.00", "", "极兔速递 ", "东莞五金", "a & b\r"];

/** Every shape of item a writer produces, with what each reads as. */
const SHAPES: Array<[string, string]> = [
  ["<si><t>宁波星辰贸易有限公司</t></si>", "宁波星辰贸易有限公司"],
  ["<si/>", ""],
  ["<si />", ""],
  ["<si></si>", ""],
  ["<si><t/></si>", ""],
  ["<si><t></t></si>", ""],
  ['<si><t xml:space="preserve">  ¥ 1,903.00 </t></si>', "  ¥ 1,903.00 "],
  ["<si>\n  <t>圆通速递</t>\n</si>", "圆通速递"],
  ["<si><t>订单😀已发货🚚</t></si>", "订单😀已发货🚚"],
  ["<si><t>SKU_01_红色</t></si>", "SKU_01_红色"],
  ["<si><t>a>b</t></si>", "a>b"],
  ["<si><t>&lt;b&gt; &quot;x&quot; &apos;y&apos; &amp;&#x4E2D;&#22269;</t></si>", "<b> \"x\" 'y' &中国"],
  ["<si><t>line_x000D__x000A_next_x005F_x0041_</t></si>", "line\r\nnext_x0041_"],
  ["<si><t>_xD83D__xDE00_ 笑</t></si>", "😀 笑"],
  [
    '<si><r><t>汕头</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> 玩具厂</t></r></si>',
    "汕头 玩具厂",
  ],
  ['<si><t>东莞</t><rPh sb="0" eb="2"><t>ドングァン</t></rPh><phoneticPr fontId="1"/></si>', "东莞"],
  ['<si><r><t>义乌</t></r><rPh sb="0" eb="1"><t>イ</t></rPh><r><t>小商品</t></r></si>', "义乌小商品"],
  ["<si><r><t>a &amp;</t></r><r><t> b_x0009_</t></r></si>", "a & b\t"],
];

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const texts = (table: SharedStrings): Array<string | undefined> =>
  Array.from({ length: table.count }, (_, i) => table.text(i));

/** What the table reads, the part handed over in these pieces. */
async function read(pieces: Iterable<Buffer>): Promise<Array<string | undefined>> {
  return texts(await parseSharedStrings(pieces));
}

/** A reference reading: the whole part as one string, each item cut out and read by stringItemText. */
function reference(xml: string): string[] {
  const prefix = rootPrefix(xml, "sst");
  return findElements(xml, qualified(prefix, "si")).map(([a, b]) => stringItemText(xml.slice(a, b), prefix));
}

/** A small pseudo-random sequence, the same on every run. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("parseSharedStrings", () => {
  it("refuses a part that ends inside a text instead of dropping it", async () => {
    const part = Buffer.from(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>宁波星辰</t></si><si><t>¥1,9',
    );
    await expect(parseSharedStrings(chunks(part, 7))).rejects.toThrow(
      /ends inside a text \(the workbook is damaged\)/,
    );
    await expect(parseSharedStrings(chunks(part, 7))).rejects.toThrow(PackageLimitError);
  });

  it("reads plain, empty, rich and phonetic items with escapes", async () => {
    expect(await read(chunks(Buffer.from(SST), 1 << 16))).toEqual(EXPECTED);
  });

  it("reads the same items whatever the chunks, cut inside a tag or a character", async () => {
    const bytes = Buffer.from(SST);
    for (let size = 1; size <= 40; size++) expect(await read(chunks(bytes, size))).toEqual(EXPECTED);
  });

  it("keeps count over many items cut at every place", async () => {
    const items = Array.from({ length: 5000 }, (_, i) => `供应商${i}`);
    const xml = `<sst>${items.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`;
    for (const size of [3, 17, 1000, 4099]) expect(await read(chunks(Buffer.from(xml), size))).toEqual(items);
  });

  it.each(SHAPES)("reads %s", async (item, text) => {
    const xml = `<sst xmlns="${MAIN}"><si><t>前</t></si>${item}<si><t>后</t></si></sst>`;
    expect(await read([Buffer.from(xml)])).toEqual(["前", text, "后"]);
    expect(reference(xml)).toEqual(["前", text, "后"]);
  });

  it("reads every shape with the part cut in two at each byte, and one byte at a time", async () => {
    const xml = `<sst xmlns="${MAIN}" count="${SHAPES.length}">${SHAPES.map(([item]) => item).join("")}</sst>`;
    const bytes = Buffer.from(xml);
    const expected = SHAPES.map(([, text]) => text);
    for (let cut = 1; cut < bytes.length; cut++)
      expect(await read([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(expected);
    expect(await read(chunks(bytes, 1))).toEqual(expected);
  });

  it("reads items of digits, escaped or long, with the part cut in two at each byte", async () => {
    const items: Array<[string, string]> = [
      ["<si><t>3700000000000000001</t></si>", "3700000000000000001"],
      ["<si><t>007</t></si>", "007"],
      ["<si><t>&#x31;2</t></si>", "12"],
      ["<si><r><t>12</t></r><r><t>345</t></r></si>", "12345"],
      [`<si><t>${"5".repeat(300)}</t></si>`, "5".repeat(300)],
      [`<si><t>${"供".repeat(50)}</t></si>`, "供".repeat(50)],
      ["<si><t>1</t></si>", "1"],
    ];
    const bytes = Buffer.from(`<sst xmlns="${MAIN}">${items.map(([item]) => item).join("")}</sst>`);
    const expected = items.map(([, text]) => text);
    for (let cut = 1; cut < bytes.length; cut++)
      expect(await read([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(expected);
  });

  it("reads a part whose elements carry a namespace prefix", async () => {
    const body = SHAPES.map(([item]) =>
      item.replace(/<(\/?)(si|t|r|rPr|rPh|b|sz|phoneticPr)([\s>/])/g, "<$1x:$2$3"),
    ).join("");
    const xml = `<?xml version="1.0"?>\n<x:sst xmlns:x="${MAIN}">${body}</x:sst>`;
    const expected = SHAPES.map(([, text]) => text);
    for (const size of [1, 7, 1 << 16]) expect(await read(chunks(Buffer.from(xml), size))).toEqual(expected);
  });

  it.each([
    ["an empty part", ""],
    ["an empty root", `<sst xmlns="${MAIN}" count="0" uniqueCount="0"/>`],
    ["a root with no items", `<?xml version="1.0"?>\n<sst xmlns="${MAIN}">\n</sst>`],
  ])("reads %s as an empty table", async (_, xml) => {
    const table = await parseSharedStrings([Buffer.from(xml)]);
    expect(table.count).toBe(0);
    expect(table.text(0)).toBeUndefined();
  });

  it("reads 120,000 items exactly as the reference reading does, whatever the chunks", async () => {
    const rand = prng(20);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const words = [
      "测试供应商",
      "有限公司",
      "¥",
      "极兔速递",
      "义乌",
      "😀",
      "a",
      "_",
      " ",
      "SKU-",
      "é",
      "&amp;",
      "&#x4E2D;",
    ];
    const items: string[] = [];
    for (let i = 0; i < 120_000; i++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(words)).join("") + String(i);
      const r = rand();
      items.push(
        r < 0.8
          ? `<si><t>${text}</t></si>`
          : r < 0.85
            ? `<si><t xml:space="preserve"> ${text} </t></si>`
            : r < 0.9
              ? `<si><r><t>${text}</t></r><r><rPr><b/></rPr><t>${i}</t></r></si>`
              : r < 0.93
                ? `<si><t>${text}</t><rPh sb="0" eb="1"><t>カ</t></rPh></si>`
                : r < 0.96
                  ? `<si><t>${text}_x000D_</t></si>`
                  : "<si/>",
      );
    }
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN}">${items.join("")}</sst>`;
    const expected = reference(xml);
    expect(expected).toHaveLength(120_000);
    const bytes = Buffer.from(xml);
    for (const size of [1 << 18, 65_537, 4099]) expect(await read(chunks(bytes, size))).toEqual(expected);
  });

  it.each([
    ["its size told", 1],
    ["a size told ten times too small", 0.1],
    ["a size told ten times too large", 10],
    ["no size told", undefined],
  ])("reads items of tens of thousands of characters among short ones, %s", async (_, told) => {
    const rand = prng(32_767);
    const items: string[] = [];
    for (let i = 0; i < 3000; i++)
      items.push(
        rand() < 0.02
          ? "供应商😀¥".repeat(Math.floor(rand() * 6553) + 1) + "有"
          : `测试${i}` + "¥".repeat(Math.floor(rand() * 40)),
      );
    const xml = `<sst xmlns="${MAIN}">${items.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`;
    const bytes = Buffer.from(xml);
    const size = told === undefined ? undefined : Math.round(bytes.length * told);
    expect(texts(await parseSharedStrings(chunks(bytes, 1 << 18), size))).toEqual(items);
    expect(texts(await parseSharedStrings(chunks(bytes, 4099), size))).toEqual(items);
  });
});

describe("SharedStringTable", () => {
  it("answers undefined for an index it does not hold", () => {
    const table = SharedStringTable.of(["极兔速递", ""]);
    expect(table.count).toBe(2);
    expect(table.text(1)).toBe("");
    for (const i of [-1, 2, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 32])
      expect(table.text(i)).toBeUndefined();
    expect(SharedStringTable.of([]).text(0)).toBeUndefined();
  });

  it("gives each item's text again and again, items that share a cache slot included", () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `测试供应商${i}有限公司¥${i}😀`);
    const table = SharedStringTable.of(items);
    const order = [0, 4096, 0, 8192, 4096, 1, 19_999, 1, 15_903, 11_807, 15_903];
    for (let round = 0; round < 3; round++) for (const i of order) expect(table.text(i)).toBe(items[i]);
    expect(texts(table)).toEqual(items);
  });

  it("holds items of digits two a byte, others as their UTF-8 bytes, plus a byte each", () => {
    const names = Array.from({ length: 1000 }, (_, i) => `义乌小商品${i}`);
    const ids = Array.from({ length: 1000 }, (_, i) => String(3700000000000000000n + BigInt(i)));
    const utf8 = names.reduce((n, t) => n + Buffer.byteLength(t), 0);
    // 19 digits in 10 bytes; a byte per item; where each block of 16 items starts, 4 bytes.
    expect(SharedStringTable.of([...names, ...ids]).byteLength).toBe(utf8 + 10 * 1000 + 2000 + 4 * 125);
  });

  it("gives back items of digits exactly: leading zeros, odd and even counts, and items too long to pack", () => {
    const items = [
      "0",
      "00",
      "007",
      "0012",
      "3700000000000000001",
      "600000000001",
      "9".repeat(253),
      "8".repeat(254),
      "7".repeat(255),
      "1".repeat(100_000),
      "１２３",
      " 12",
      "12 ",
      "1.5",
      "-3",
      "1e5",
      "",
      "12/",
      "12:",
    ];
    expect(texts(SharedStringTable.of(items))).toEqual(items);
  });

  it("finds every item wherever it sits in its block, long items among them", () => {
    const rand = prng(7);
    const items = Array.from({ length: 5000 }, (_, i) => {
      const r = rand();
      if (r < 0.3) return String(Math.floor(rand() * 1e9)).padStart(1 + Math.floor(rand() * 19), "0");
      if (r < 0.4) return "测试供应商有限公司".repeat(1 + Math.floor(rand() * 700)) + i;
      if (r < 0.45) return "a".repeat([125, 126, 127, 128, 16_383, 16_384][Math.floor(rand() * 6)]!);
      if (r < 0.5) return "";
      return `极兔速递${i}`;
    });
    const table = SharedStringTable.of(items);
    for (let k = 0; k < 20_000; k++) {
      const i = Math.floor(rand() * items.length);
      expect(table.text(i)).toBe(items[i]);
    }
    expect(texts(table)).toEqual(items);
  });
});
