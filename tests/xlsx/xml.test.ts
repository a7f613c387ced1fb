import {
  escapeXml,
  isAsciiText,
  qualified,
  tagEnd,
  unescapeExcelText,
  unescapeXml,
} from "../../src/xlsx/xml";

describe("xml text", () => {
  it("escapes what element content cannot hold, and reads it back", () => {
    const text = '定金 <50%> & "私下" a_x0041_\u0001';
    const escaped = escapeXml(text);
    expect(escaped).toBe("定金 &lt;50%&gt; &amp; &quot;私下&quot; a_x005F_x0041__x0001_");
    expect(unescapeExcelText(unescapeXml(escaped))).toBe(text);
    // Nothing to escape: the same text back.
    expect(escapeXml("no risk found")).toBe("no risk found");
  });

  it("tells ASCII text from text with other characters", () => {
    expect(isAsciiText('<row r="2" spans="1:52">')).toBe(true);
    expect(isAsciiText("")).toBe(true);
    expect(isAsciiText("¥1,903.00")).toBe(false);
    expect(isAsciiText("极兔速递")).toBe(false);
  });

  it("finds a tag's end past quoted '>' and names elements under a prefix", () => {
    expect(tagEnd('<c r="A1" x="a>b">', 0)).toBe(18);
    expect(tagEnd('<c r="A1', 0)).toBe(-1);
    expect(qualified("x", "row")).toBe("x:row");
    expect(qualified("", "row")).toBe("row");
  });
});
