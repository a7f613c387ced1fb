import { decodeText, parseDelimited, sniffDelimiter } from "../../../src/cli/io/csv";

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
