import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  decodeText,
  parseDelimited,
  readDelimitedChunks,
  readDelimitedRows,
  sniffDelimiter,
  textEncodingOf,
} from "../../../src/cli/io/csv";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** GB18030 bytes for the characters these tests use (Node has no GB encoder). */
const GB: Record<string, number[]> = {
  订: [0xb6, 0xa9],
  单: [0xb5, 0xa5],
  编: [0xb1, 0xe0],
  号: [0xba, 0xc5],
  卖: [0xc2, 0xf4],
  家: [0xbc, 0xd2],
  "¥": [0xa3, 0xa4], // full-width yen sign as GBK writes it
};
const gb = (s: string): Uint8Array => Uint8Array.from([...s].flatMap((ch) => GB[ch] ?? [ch.charCodeAt(0)]));

describe("parseDelimited", () => {
  it.each([
    [
      "plain fields",
      "a,b,c\n1,2,3\n",
      [
        ["a", "b", "c"],
        ["1", "2", "3"],
      ],
    ],
    [
      "CRLF line ends",
      "a,b\r\n1,2\r\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "old Mac CR line ends",
      "a,b\r1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "no final line break",
      "a,b\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "a quoted comma",
      'name,total\n"Yiwu Toys, Ltd.",6688\n',
      [
        ["name", "total"],
        ["Yiwu Toys, Ltd.", "6688"],
      ],
    ],
    ["a doubled quote", '"say ""hi""",x\n', [['say "hi"', "x"]]],
    [
      "a line break inside quotes",
      '"line 1\nline 2",x\r\ny,z\r\n',
      [
        ["line 1\nline 2", "x"],
        ["y", "z"],
      ],
    ],
    ["a CRLF inside quotes", '"a\r\nb",c\n', [["a\r\nb", "c"]]],
    [
      "empty fields as null",
      "a,,c\n,,\n",
      [
        ["a", null, "c"],
        [null, null, null],
      ],
    ],
    ["a trailing delimiter", "a,\n", [["a", null]]],
    ["an empty quoted field as null", '"",x\n', [[null, "x"]]],
    ["text after a closing quote kept", '"12"34,x\n', [["1234", "x"]]],
    ["an unterminated quote taking the rest", '"abc\ndef', [["abc\ndef"]]],
    ["a blank line as one empty cell", "a\n\nb\n", [["a"], [null], ["b"]]],
    ["long digit strings kept as text", "运单号\n773012345678901234\n", [["运单号"], ["773012345678901234"]]],
  ])("reads %s", (_name, text, expected) => {
    expect(parseDelimited(text)).toEqual(expected);
  });

  it("returns no rows for an empty file", () => {
    expect(parseDelimited("")).toEqual([]);
  });

  it("splits on tabs when told to", () => {
    expect(parseDelimited("a\tb,c\n1\t2\n", { delimiter: "\t" })).toEqual([
      ["a", "b,c"],
      ["1", "2"],
    ]);
  });
});

describe("sniffDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3", ","],
    ["a\tb\tc\n1\t2\t3", "\t"],
    ["a;b;c\n1;2,5;3", ";"],
    ['"x\ty",b\n', ","],
  ] as const)("picks the separator of %j", (text, expected) => {
    expect(sniffDelimiter(text)).toBe(expected);
  });
});

describe("decodeText", () => {
  it("drops a UTF-8 byte-order mark", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("订单编号,卖家")]);
    expect(decodeText(bytes)).toBe("订单编号,卖家");
  });

  it("reads UTF-8 without a byte-order mark", () => {
    expect(decodeText(utf8("卖家公司名,¥6,688.00"))).toBe("卖家公司名,¥6,688.00");
  });

  it("reads a GBK/GB18030 csv exported by Chinese Excel", () => {
    const bytes = gb("订单编号,卖家\n123,¥6688\n");
    expect(parseDelimited(decodeText(bytes))).toEqual([
      ["订单编号", "卖家"],
      ["123", "￥6688"],
    ]);
  });

  it("reads UTF-16LE with its byte-order mark (Excel's Unicode text)", () => {
    const text = "订单\t数量\n";
    const body = Buffer.from(text, "utf16le");
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...body]))).toBe(text);
  });
});

describe("readDelimitedRows", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "guard-csv-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A 1688-style ledger: CJK names, ¥ money, a quoted line break, a quoted comma, CRLF line ends. */
  const LEDGER =
    "订单编号,卖家公司名,实付款(元),备注\r\n" +
    Array.from(
      { length: 12 },
      (_, i) =>
        `3700${i},"义乌市佳禾玩具有限公司${i}","¥${(1000 + i * 7).toLocaleString("en-US")}.00",${
          i % 3 === 0 ? '"先发货\r\n后付款, 极兔速递"' : "测试供应商295有限公司"
        }`,
    ).join("\r\n") +
    "\r\n";

  async function rowsOf(file: string, chunkBytes: number): Promise<(string | null)[][]> {
    const rows: (string | null)[][] = [];
    const numbers: number[] = [];
    for await (const row of readDelimitedRows(file, { chunkBytes })) {
      numbers.push(row.rowNumber);
      rows.push(row.values as (string | null)[]);
    }
    expect(numbers).toEqual(rows.map((_, i) => i + 1));
    return rows;
  }

  it.each([
    ["UTF-8", (t: string) => Buffer.from(t, "utf8")],
    [
      "UTF-8 with a byte-order mark",
      (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]),
    ],
    [
      "UTF-16LE with its byte-order mark",
      (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]),
    ],
  ])(
    "reads %s cut into chunks of every size from 1 to 13 bytes exactly as the whole file, CJK split across chunks included",
    async (name, encode) => {
      const bytes = encode(LEDGER);
      const file = path.join(dir, `${name}.csv`);
      await writeFile(file, bytes);
      const expected = parseDelimited(decodeText(bytes));
      expect(expected).toHaveLength(13);
      expect(expected[1]).toEqual([
        "37000",
        "义乌市佳禾玩具有限公司0",
        "¥1,000.00",
        "先发货\r\n后付款, 极兔速递",
      ]);
      for (let size = 1; size <= 13; size++) expect(await rowsOf(file, size)).toEqual(expected);
      expect(JSON.stringify(await rowsOf(file, 5))).not.toContain("\uFFFD");
    },
  );

  it("reads a GB18030 csv cut into chunks of every size from 1 to 5 bytes exactly as the whole file", async () => {
    const bytes = gb("订单编号,卖家\n123,¥6688\n单号,家\n");
    const file = path.join(dir, "gbk.csv");
    await writeFile(file, bytes);
    expect(await textEncodingOf(file)).toEqual({ label: "gb18030", bom: 0 });
    for (let size = 1; size <= 5; size++)
      expect(await rowsOf(file, size)).toEqual([
        ["订单编号", "卖家"],
        ["123", "￥6688"],
        ["单号", "家"],
      ]);
  });

  it("reads as GB18030 a file whose bytes stop being UTF-8 only past its first chunk, as decodeText does", async () => {
    const bytes = Buffer.concat([Buffer.from(`a,b\n${"x,y\n".repeat(30000)}`), Buffer.from(gb("卖家,家\n"))]);
    const file = path.join(dir, "late-gbk.csv");
    await writeFile(file, bytes);
    const rows = await rowsOf(file, 65536);
    expect(rows).toHaveLength(30002);
    expect(rows[30001]).toEqual(["卖家", "家"]);
  });

  it("gives every row of a csv longer than an Excel sheet (1,048,576 rows), none lost", async () => {
    const total = 1_048_576 + 10;
    const file = path.join(dir, "long.csv");
    const lines: string[] = ["n,v"];
    for (let i = 2; i <= total; i++) lines.push(`${i},测`);
    await writeFile(file, `${lines.join("\n")}\n`);
    let count = 0;
    let last: unknown[] = [];
    let lastNumber = 0;
    for await (const rows of readDelimitedChunks(file)) {
      count += rows.length;
      const end = rows[rows.length - 1];
      if (end) {
        last = end.values;
        lastNumber = end.rowNumber;
      }
    }
    expect(count).toBe(total);
    expect(lastNumber).toBe(total);
    expect(last).toEqual([String(total), "测"]);
  }, 60_000);
});
