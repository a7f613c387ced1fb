import { CsvError } from "../../../src/ledger/csv";
import { exportBlacklistCsv, importBlacklistCsv } from "../../../src/taskpane/model/blacklist-csv";

const OPTIONS = { today: "2025-03-12", addedBy: "王丽" };

describe("importBlacklistCsv", () => {
  it("reads a Chinese header row in any column order and fills the date and who added it", () => {
    const csv =
      "\uFEFF原因,供应商,店铺链接\r\n收款后关店,泉州市丰泽区鸿运箱包店,https://l688.com/shop/hongyun\r\n";
    expect(importBlacklistCsv(csv, OPTIONS)).toEqual({
      rows: [
        [
          "泉州市丰泽区鸿运箱包店",
          "https://l688.com/shop/hongyun",
          "",
          "",
          "收款后关店",
          "2025-03-12",
          "王丽",
        ],
      ],
      neutralised: [],
      skipped: 0,
    });
  });

  it("reads a file without a header in the GuardBlacklist column order", () => {
    const result = importBlacklistCsv(
      "义乌市佳美饰品商行,https://shop6683012.1688.com,jiamei88,92330782L6TJ8P3N45,fake goods,2025-01-02,Li\n",
      OPTIONS,
    );
    expect(result.rows).toEqual([
      [
        "义乌市佳美饰品商行",
        "https://shop6683012.1688.com",
        "jiamei88",
        "92330782L6TJ8P3N45",
        "fake goods",
        "2025-01-02",
        "Li",
      ],
    ]);
  });

  it.each([["=cmd|' /C calc'!A0"], ["+1+1"], ["-2+3"], ["@SUM(A1)"], ["\t=1"]])(
    "neutralises the injected cell %j and reports its line and column",
    (cell) => {
      const csv = `Supplier,Reason\r\nBad Co,"${cell}"\r\n`;
      const result = importBlacklistCsv(csv, OPTIONS);
      expect(result.rows[0]?.[4]).toBe(`'${cell}`);
      expect(result.neutralised).toEqual([{ line: 2, column: "Reason", original: cell }]);
    },
  );

  it("skips rows without any identifier and counts them", () => {
    const result = importBlacklistCsv("Supplier,Reason\r\n,just a note\r\nReal Co,x\r\n", OPTIONS);
    expect(result.rows).toHaveLength(1);
    expect(result.skipped).toBe(1);
  });

  it("rejects malformed CSV", () => {
    expect(() => importBlacklistCsv('Supplier\r\n"unclosed', OPTIONS)).toThrow(CsvError);
  });
});

describe("exportBlacklistCsv", () => {
  it("writes the header and prefixes formula-like cells with an apostrophe", () => {
    const csv = exportBlacklistCsv([["Bad, Co", "", "", "", '=HYPERLINK("http://x")', "2025-03-12", "Li"]]);
    expect(csv).toBe(
      '\uFEFFSupplier,Shop link,Member id,USCC,Reason,Date added,Added by\r\n"Bad, Co",,,,"\'=HYPERLINK(""http://x"")",2025-03-12,Li\r\n',
    );
  });

  it("round-trips through import without re-neutralising what export made safe", () => {
    const csv = exportBlacklistCsv([
      ["深圳某某", "https://shop1.1688.com", "m1", "", "-50% 定金后失联", "2025-03-12", "Li"],
    ]);
    const back = importBlacklistCsv(csv, OPTIONS);
    expect(back.rows[0]?.[4]).toBe("'-50% 定金后失联");
    expect(back.neutralised).toEqual([]);
  });
});

describe("importBlacklistCsv and formula signs after invisible characters", () => {
  it.each([[" =cmd|' /C calc'!A0"], ["\u3000=1+1"], ["\uFEFF+1"], ['\n=HYPERLINK("x")'], ["＝1+1"]])(
    "reports %j and stores it neutralised, never trimmed into a formula",
    (cell) => {
      const quoted = `"${cell.replace(/"/g, '""')}"`;
      const csv = `Supplier,Reason\r\n${quoted},${quoted}\r\n`;
      const result = importBlacklistCsv(csv, OPTIONS);
      const stored = result.rows[0];
      expect(stored?.[0]?.startsWith("'")).toBe(true);
      expect(stored?.[4]?.startsWith("'")).toBe(true);
      expect(result.neutralised.map((n) => n.column)).toEqual(["Supplier", "Reason"]);
      expect(result.neutralised[0]).toMatchObject({ line: 2, original: cell });
    },
  );

  it("refuses a cell longer than an Excel cell holds, naming its line and column", () => {
    const csv = `Supplier,Reason\r\nBad Co,${"x".repeat(32768)}\r\n`;
    expect(() => importBlacklistCsv(csv, OPTIONS)).toThrow(
      new CsvError("column Reason holds 32,768 characters; an Excel cell holds at most 32,767", 2),
    );
  });
});
