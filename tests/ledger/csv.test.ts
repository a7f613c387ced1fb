import { CsvError, CsvParser, parseCsv, writeCsv } from "../../src/ledger/csv";

describe("parseCsv", () => {
  it.each([
    [
      "plain fields",
      "a,b,c\r\n1,2,3\r\n",
      [
        ["a", "b", "c"],
        ["1", "2", "3"],
      ],
    ],
    [
      "LF line ends",
      "a,b\n1,2\n",
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
      "a,b\r\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "a byte-order mark",
      "\uFEFF供应商,原因\r\n义乌某某,假货\r\n",
      [
        ["供应商", "原因"],
        ["义乌某某", "假货"],
      ],
    ],
    ["doubled quotes", '"say ""hi""",x', [['say "hi"', "x"]]],
    ["embedded commas", '"Shenzhen, Guangdong",y', [["Shenzhen, Guangdong", "y"]]],
    [
      "embedded CRLF and LF",
      '"line1\r\nline2","a\nb"\r\nz,w',
      [
        ["line1\r\nline2", "a\nb"],
        ["z", "w"],
      ],
    ],
    ["empty fields", ",,\r\n", [["", "", ""]]],
    ["an empty quoted field", '"",a', [["", "a"]]],
    ["a quote inside an unquoted field kept as text", 'ab"c,d', [['ab"c', "d"]]],
  ])("reads %s", (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it("returns no rows for empty text", () => {
    expect(parseCsv("")).toEqual([]);
  });

  it("rejects a quoted field that is never closed, naming the line it opened on", () => {
    expect(() => parseCsv('a,b\r\n"open,c\r\nd')).toThrow(CsvError);
    expect(() => parseCsv('a,b\r\n"open,c\r\nd')).toThrow(/line 2/);
  });

  it("rejects text after a closing quote", () => {
    expect(() => parseCsv('"a"b,c')).toThrow(/after a closing quote/);
  });
});

describe("writeCsv", () => {
  it("quotes only fields that need it and ends lines with CRLF after a BOM", () => {
    expect(
      writeCsv([
        ["a", "b,c", 'q"q'],
        ["x\ny", " pad", ""],
      ]),
    ).toBe('\uFEFFa,"b,c","q""q"\r\n"x\ny"," pad",\r\n');
  });

  it("leaves the BOM out when asked", () => {
    expect(writeCsv([["a"]], { bom: false })).toBe("a\r\n");
  });

  it("round-trips awkward content through parseCsv", () => {
    const rows = [
      ["供应商", "Shop link", "Reason"],
      [
        "义乌市某某贸易有限公司",
        "https://shop123.1688.com",
        'said "pay WeChat", then vanished\r\nsecond line',
      ],
      ["", ",", '"'],
    ];
    expect(parseCsv(writeCsv(rows))).toEqual(rows);
  });
});

describe("parseCsv, lenient and other delimiters", () => {
  it("sniffs semicolons and tabs", () => {
    expect(parseCsv("a;b\r\n1;2\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a\tb\n1\t2\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("keeps what is there when not strict", () => {
    expect(parseCsv('"a"b,c\n', { strict: false })).toEqual([["ab", "c"]]);
    expect(parseCsv('x,"open\nrest\n', { strict: false })).toEqual([["x", "open\nrest"]]);
  });
});

describe("CsvParser", () => {
  /** Quotes, doubled quotes, CRLF cut in two, line breaks in quotes, stray text after a quote, CJK. */
  const TRICKY =
    '\uFEFF订单编号,卖家,备注\r\n"37001","义乌市佳禾玩具有限公司","他说""全款""\r\n发货"\r\n' +
    '37002,"深圳,华强",x"y\r"37003"z,,\n\n"unclosed\r\nrest';

  const whole = (strict: boolean) => parseCsv(TRICKY, { strict });

  function inPieces(text: string, cuts: readonly number[], strict: boolean): string[][] {
    const parser = new CsvParser({ strict });
    const rows: string[][] = [];
    let from = 0;
    for (const cut of [...cuts, text.length]) {
      for (const row of parser.push(text.slice(from, cut))) rows.push(row);
      from = cut;
    }
    for (const row of parser.end()) rows.push(row);
    return rows;
  }

  it("gives the same rows wherever the text is cut in two", () => {
    const expected = whole(false);
    expect(expected[1]).toEqual(["37001", "义乌市佳禾玩具有限公司", '他说"全款"\r\n发货']);
    for (let cut = 0; cut <= TRICKY.length; cut++) expect(inPieces(TRICKY, [cut], false)).toEqual(expected);
  });

  it("gives the same rows fed one character at a time", () => {
    const cuts = Array.from({ length: TRICKY.length }, (_, i) => i);
    expect(inPieces(TRICKY, cuts, false)).toEqual(whole(false));
  });

  it("raises the same strict error, on the same line, however the text is cut", () => {
    expect(() => whole(true)).toThrow(new CsvError('unexpected "z" after a closing quote', 5));
    for (let cut = 0; cut <= TRICKY.length; cut += 3)
      expect(() => inPieces(TRICKY, [cut], true)).toThrow('line 5: unexpected "z" after a closing quote');
  });

  it("holds rows back until five lines are in to sniff the delimiter from", () => {
    const parser = new CsvParser();
    expect(parser.push("a;b\n1;2\n")).toEqual([]);
    expect(parser.push("3;4\n5;6\n7;8\n9;0\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
      ["7", "8"],
      ["9", "0"],
    ]);
    expect(parser.end()).toEqual([]);
  });
});
