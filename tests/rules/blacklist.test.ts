import { blacklistFor, buildBlacklist, clearBlacklistCache } from "../../src/rules/blacklist";
import type { CellValue } from "../../src/rules/types";

const WITH_HEADER: CellValue[][] = [
  ["供应商名称", "店铺链接", "会员ID", "统一社会信用代码", "原因", "添加日期"],
  ["义乌市宏达贸易有限公司", "https://hongda.1688.com", "", "", "收款后失联", new Date(2024, 2, 1)],
  ["Shenzhen ABC Tech Co., Ltd.", "", "b2b-2201234567890abcd", "", "发空包", ""],
  ["", "", "", "91330100799655058B", "冒用执照", ""],
  ["", "https://shop1434123456789.1688.com/page/offerlist.htm", "", "", "假货", ""],
];

describe("buildBlacklist", () => {
  const list = buildBlacklist(WITH_HEADER);

  it("reads a header row and one entry per data row", () => {
    expect(list.size).toBe(4);
    expect(list.entries.map((e) => e.row)).toEqual([2, 3, 4, 5]);
    expect(list.entries[0]).toMatchObject({ name: "义乌市宏达贸易有限公司", reason: "收款后失联" });
    expect(list.entries[0]?.meta).toBeUndefined();
  });

  it.each([
    ["义乌市宏达贸易有限公司"],
    ["义乌市宏达贸易 Co., Ltd."],
    ["义乌市 宏达贸易有限责任公司"],
    ["ｓｈｅｎｚｈｅｎ　ａｂｃ　ｔｅｃｈ　ｌｉｍｉｔｅｄ"],
    ["SHENZHEN ABC TECH CO.,LTD"],
  ])("matches the name variant %s", (name) => {
    expect(list.match({ name })).toBeDefined();
  });

  it("matches by shop link alone, whatever the page of the shop", () => {
    expect(list.match({ shopUrl: "hongda.1688.com/page/contactinfo.htm" })?.row).toBe(2);
    expect(list.match({ shopUrl: "https://shop1434123456789.1688.com" })?.reason).toBe("假货");
  });

  it("matches by member id, from the id itself or from a link carrying it", () => {
    expect(list.match({ memberId: "B2B-2201234567890ABCD" })?.row).toBe(3);
    expect(list.match({ shopUrl: "https://b2b-2201234567890abcd.1688.com" })?.row).toBe(3);
    expect(
      list.match({ shopUrl: "https://winport.m.1688.com/page/index.html?memberId=b2b-2201234567890abcd" })
        ?.row,
    ).toBe(3);
  });

  it("matches by USCC alone, however it is written", () => {
    expect(list.match({ uscc: "9133 0100 7996 5505 8b" })?.reason).toBe("冒用执照");
  });

  it("matches an order on any identifier it shares, even when the others differ", () => {
    expect(list.match({ name: "Another Name Ltd", uscc: "91330100799655058B" })?.row).toBe(4);
  });

  it("does not match a different supplier", () => {
    expect(list.match({ name: "义乌市宏达电子有限公司" })).toBeUndefined();
    expect(list.match({ shopUrl: "https://hongda2.1688.com" })).toBeUndefined();
    expect(list.match({ uscc: "91110108551385082Q" })).toBeUndefined();
    expect(list.match({})).toBeUndefined();
  });

  it("does not treat a sister company in another city as the listed one", () => {
    const l = buildBlacklist([["腾讯科技（深圳）有限公司"]]);
    expect(l.match({ name: "腾讯科技（北京）有限公司" })).toBeUndefined();
    expect(l.match({ name: "腾讯科技(深圳)有限公司" })).toBeDefined();
  });

  it("reads a list without a header: names in the first column, the next text column as the reason", () => {
    const l = buildBlacklist([
      ["义乌市宏达贸易有限公司", "收款后失联"],
      ["东莞市长安五金厂", "拒绝验厂"],
      ["https://b2b-22012345678.1688.com", ""],
      ["91330100799655058B", ""],
    ]);
    expect(l.size).toBe(4);
    expect(l.match({ name: "义乌市宏达贸易" })?.reason).toBe("收款后失联");
    expect(l.match({ name: "收款后失联" })).toBeUndefined();
    expect(l.match({ memberId: "b2b-22012345678" })?.row).toBe(3);
    expect(l.match({ uscc: "91330100799655058B" })?.row).toBe(4);
  });

  it("does not take a first row of company names for a header", () => {
    const l = buildBlacklist([["义乌市宏达贸易有限公司"], ["Yiwu Name Supplier Co., Ltd."]]);
    expect(l.size).toBe(2);
  });

  it("reads a single column that mixes names, links and USCCs", () => {
    const l = buildBlacklist([
      ["Blacklist"],
      ["义乌市宏达贸易有限公司"],
      ["https://hongda.1688.com"],
      ["91330100799655058B"],
    ]);
    expect(l.match({ shopUrl: "https://hongda.1688.com/" })).toBeDefined();
    expect(l.match({ uscc: "91330100799655058B" })).toBeDefined();
  });

  it("indexes a lookalike link by its host", () => {
    const l = buildBlacklist([["店铺链接"], ["https://1688.com.shop-verify.top/offer/1.html"]]);
    expect(l.match({ shopUrl: "http://1688.com.shop-verify.top/other" })).toBeDefined();
  });

  it("ignores empty rows and an empty range", () => {
    expect(buildBlacklist([]).size).toBe(0);
    expect(
      buildBlacklist([
        [null, ""],
        [undefined, "  "],
      ]).size,
    ).toBe(0);
  });
});

describe("blacklistFor", () => {
  beforeEach(() => clearBlacklistCache());

  const copy = (cells: CellValue[][]) => cells.map((row) => [...row]);

  it("builds once per distinct content and reuses the index for fresh copies", () => {
    const a = blacklistFor(copy(WITH_HEADER));
    const b = blacklistFor(copy(WITH_HEADER));
    expect(b).toBe(a);
    expect(b.match({ uscc: "91330100799655058B" })).toBeDefined();
  });

  it("rebuilds when a row is added or removed", () => {
    const a = blacklistFor(copy(WITH_HEADER));
    const more = [...copy(WITH_HEADER), ["新加的供应商有限公司", "", "", "", "", ""]];
    const b = blacklistFor(more);
    expect(b).not.toBe(a);
    expect(b.match({ name: "新加的供应商" })).toBeDefined();
  });

  it("rebuilds when a cell of a small list changes, on the next turn (when a workbook edit can arrive)", async () => {
    blacklistFor(copy(WITH_HEADER));
    await Promise.resolve();
    await Promise.resolve();
    const edited = copy(WITH_HEADER);
    edited[3]![0] = "改过的名字有限公司";
    expect(blacklistFor(edited).match({ name: "改过的名字" })).toBeDefined();
  });

  it("notices an edit deep inside a long list on the next call that can see it", async () => {
    const rows: CellValue[][] = [["供应商"], ...Array.from({ length: 5000 }, (_, i) => [`测试${i}有限公司`])];
    blacklistFor(copy(rows));
    // A workbook edit arrives as a new message: a later turn of the event loop.
    await Promise.resolve();
    await Promise.resolve();
    const edited = copy(rows);
    edited[2345]![0] = "深处改动有限公司";
    expect(blacklistFor(copy(edited)).match({ name: "深处改动" })).toBeDefined();
    expect(blacklistFor(copy(edited)).match({ name: "测试2344" })).toBeUndefined();
  });

  it("keeps a few lists at once (two blacklist ranges in one workbook)", () => {
    const other: CellValue[][] = [["供应商"], ["别的名单有限公司"]];
    const a = blacklistFor(copy(WITH_HEADER));
    const b = blacklistFor(copy(other));
    expect(blacklistFor(copy(WITH_HEADER))).toBe(a);
    expect(blacklistFor(copy(other))).toBe(b);
  });

  it("tells apart two lists of one size in one turn when their middle rows differ", () => {
    // 1,000 rows with the header: row 501 (index 500) is the one halfway down.
    const rows = (middle: string): CellValue[][] => [
      ["供应商"],
      ...Array.from({ length: 999 }, (_, i) => [i === 499 ? middle : `测试${i}有限公司`]),
    ];
    const a = blacklistFor(copy(rows("甲名单有限公司")));
    const b = blacklistFor(copy(rows("乙名单有限公司")));
    expect(b).not.toBe(a);
    expect(blacklistFor(copy(rows("甲名单有限公司"))).match({ name: "甲名单" })).toBeDefined();
    expect(blacklistFor(copy(rows("乙名单有限公司"))).match({ name: "甲名单" })).toBeUndefined();
  });

  it("is not fooled by the caller changing its array after the call", () => {
    const cells = copy(WITH_HEADER);
    const a = blacklistFor(cells);
    cells[1]![0] = "changed in place";
    expect(a.match({ name: "义乌市宏达贸易" })).toBeDefined();
  });
});
