import * as guard from "../../src/functions/functions";
import { CellError } from "../../src/functions/cell-error";
import { errorOf } from "./helpers";
import { useCustomFunctions } from "./runtime-shim";
import { HEADERS, ROWS } from "./cases";
import { ledgerEn, ledgerZh } from "../rules/history/fixtures";

describe("GUARD.RISKSCORE / RISKLEVEL / RISKREASONS", () => {
  it("returns one score per row, a blank for a blank row, and a score for a row with a cell it cannot read", () => {
    const out = guard.riskScore(HEADERS, ROWS);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual([100]);
    expect(typeof out[1]?.[0]).toBe("number");
    expect(out[2]).toEqual([""]);
    expect(typeof out[3]?.[0]).toBe("number");
  });

  it("names a cell it cannot read among the row's reasons, in English and Chinese", () => {
    const en = guard.riskReasons(HEADERS, ROWS.slice(3, 4))[0]?.[0];
    expect(en).toMatch(
      /column Paid upfront not read: the cell holds the Excel error #N\/A; scored without it/,
    );
    const zh = guard.riskReasons(HEADERS, ROWS.slice(3, 4), undefined, [["language", "zh"]])[0]?.[0];
    expect(zh).toContain("“Paid upfront”列无法读取：单元格是 Excel 错误值 #N/A；评分时未计入");
  });

  it("gives levels and reasons for the same rows", () => {
    expect(guard.riskLevel(HEADERS, ROWS.slice(0, 2))).toEqual([["HIGH"], ["LOW"]]);
    const first = guard.riskReasons(HEADERS, ROWS.slice(0, 1))[0]?.[0];
    expect(first).toContain("paid by WeChat transfer");
  });

  it("speaks Chinese when the settings say language zh", () => {
    const first = guard.riskReasons(HEADERS, ROWS.slice(0, 1), undefined, [["language", "zh"]])[0]?.[0];
    expect(first).toContain("微信转账");
  });

  it("scores a blacklisted supplier 100", () => {
    const blacklist = [["Supplier"], ["Yiwu Chenguang Jewelry Co., Ltd."]];
    expect(guard.riskScore(HEADERS, ROWS.slice(1, 2), blacklist)).toEqual([[100]]);
  });

  it("follows a settings override", () => {
    expect(guard.riskLevel(HEADERS, ROWS.slice(1, 2))).toEqual([["LOW"]]);
    expect(guard.riskLevel(HEADERS, ROWS.slice(1, 2), undefined, [["levels.medium", 0]])).toEqual([
      ["MEDIUM"],
    ]);
  });

  it.each([
    [
      "two header rows",
      [HEADERS[0]!, HEADERS[0]!],
      ROWS.slice(0, 1),
      null,
      /headers: expected the ledger's header row/,
    ],
    ["rows narrower than headers", HEADERS, [["PO-1", "x"]], null, /rows have 2 columns but headers has 7/],
    ["a header row with no known column", [["foo", "bar"]], [[1, 2]], null, /no known column/],
    [
      "an unknown setting",
      HEADERS,
      ROWS.slice(0, 1),
      [["deposit.maxshar", 0.3]],
      /deposit\.maxshar.*unknown setting/,
    ],
  ])("answers #VALUE! with a message for %s", (_name, headers, rows, settings, message) => {
    const out = guard.riskScore(
      headers as unknown[][],
      rows as unknown[][],
      undefined,
      (settings ?? undefined) as unknown[][] | undefined,
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.[0]).toBeInstanceOf(CellError);
    expect((out[0]?.[0] as CellError).message).toMatch(message);
  });
});

describe("GUARD.DEPOSITOK", () => {
  it.each([
    [48000, 14400, "CNY", null, true],
    [48000, 48000, "CNY", null, false],
    ["¥48,000", "¥48,000", null, "是", true],
    [300, 300, "USD", null, true],
    ["US$ 800", "US$ 400", null, null, false],
    ["1.2万", "3,600", null, null, true],
    ["４８０００", "１４４００", "元", null, true],
  ])("DEPOSITOK(%p, %p, %p, %p) is %p", (total, paid, currency, received, expected) => {
    expect(guard.depositOk(total, paid, currency, received)).toBe(expected);
  });

  it.each([
    [1000, 2000, /paidUpfront: .*more than the order total/],
    [-1000, 0, /total: must not be negative/],
    ["abc", 0, /total: .*abc/],
    [1000, "#N/A", /paidUpfront/],
  ])("DEPOSITOK(%p, %p) is #VALUE! with a message", (total, paid, message) => {
    const out = errorOf(() => guard.depositOk(total, paid));
    expect(out.code).toBe("#VALUE!");
    expect(out.message).toMatch(message);
  });
});

describe("GUARD.EXPOSUREOK and GUARD.PAYMENTSAFE", () => {
  it("follows the guide: 10,000 USD to a one-year store is too much, 3,000 USD to a four-year store is fine", () => {
    expect(guard.exposureOk("US$10,000", 1)).toBe(false);
    expect(guard.exposureOk(3000, "4年", "USD")).toBe(true);
    expect(guard.exposureOk("¥50,000", "4 years")).toBe(true);
  });

  it.each([
    ["担保交易", true],
    ["Alipay escrow", true],
    ["诚e赊", true],
    ["微信转账", false],
    ["Western Union", false],
    ["转账到个人账户", false],
  ])("PAYMENTSAFE(%p) is %p", (method, expected) => {
    expect(guard.paymentSafe(method)).toBe(expected);
  });

  it("answers #N/A for a method it does not know", () => {
    expect(errorOf(() => guard.paymentSafe("老规矩")).code).toBe("#N/A");
  });
});

describe("identifier functions", () => {
  it("checks tracking numbers and names carriers", () => {
    expect(guard.trackingValid("1Z999AA10123456784", "UPS")).toBe(true);
    expect(guard.trackingValid("1Z999AA10123456785")).toBe(false);
    expect(guard.trackingValid("1Z999AA10123456784", "顺丰")).toBe(false);
    expect(guard.trackingCarrier("1Z999AA10123456784")).toBe("UPS");
    expect(errorOf(() => guard.trackingCarrier("ZX123")).code).toBe("#N/A");
    expect(errorOf(() => guard.trackingValid("1Z999AA10123456784", "Acme Parcels")).message).toMatch(
      /carrier/,
    );
  });

  it("checks business licence codes", () => {
    expect(guard.usccValid("91330100716105852F")).toBe(true);
    expect(guard.usccValid("91330100716105852G")).toBe(false);
    expect(guard.usccInfo("91330100716105852F")).toMatch(/Zhejiang|浙江/);
  });

  it("tells genuine 1688 links from lookalikes and non-links", () => {
    expect(guard.storeUrlOk("https://detail.1688.com/offer/612345678901.html")).toBe(true);
    expect(guard.storeUrlOk("https://detail.1688.com.offer-cn.top/612345678901.html")).toBe(false);
    expect(errorOf(() => guard.storeUrlOk("晨光饰品")).code).toBe("#VALUE!");
  });

  it("derives supplier keys and matches the blacklist on any identifier", () => {
    expect(guard.supplierId("义乌市宏达贸易有限公司")).toBe("name:义乌市宏达贸易");
    const list = [
      ["Supplier", "Shop link"],
      ["深圳市速发贸易有限公司", "https://sufa888.1688.com/"],
    ];
    expect(guard.blacklisted("Shenzhen Other Co.", list, "http://sufa888.1688.com")).toBe(true);
    expect(guard.blacklisted("深圳市速发贸易有限公司", list)).toBe(true);
    expect(guard.blacklisted("义乌市宏达贸易有限公司", list)).toBe(false);
  });
});

describe("inventory and other checks", () => {
  it("computes reorder points and quantities", () => {
    expect(guard.reorderPoint(20, 15, 100)).toBe(400);
    expect(guard.reorderQty(20, 15, 7, 200, 100)).toBe(140);
    expect(guard.reorderQty(20, 15, 7, 2000, 100)).toBe(0);
    const history = [[18], [22], [20], [19], [21]];
    const rop = guard.reorderPointServiceLevel(history, 16, 0.95) as number;
    expect(rop).toBeCloseTo(20 * 16 + 1.6449 * Math.sqrt(2.5) * 4, 2);
  });

  it("flags too-perfect reviews and names missing certificates", () => {
    expect(guard.reviewFlag(5, 8)).toBe(true);
    expect(guard.reviewFlag(4.8, 300, 20)).toBe(false);
    expect(guard.certsMissing("electronics", "US", "CE")).toContain("FCC");
    expect(errorOf(() => guard.certsMissing("gravel", "US", "")).code).toBe("#N/A");
  });

  it("answers #VALUE! naming the argument for a negative stock", () => {
    expect(errorOf(() => guard.reorderQty(20, 15, 7, -1, 0)).message).toMatch(/onHand/);
  });
});

describe("error values as arguments (allowErrorForDataTypeAny)", () => {
  const cf = useCustomFunctions();
  /** What Excel's runtime hands a function for an error cell. */
  const cell = (code: string): unknown => new cf.Error(code);
  const isExcelError = (v: unknown, code: string) =>
    v instanceof cf.Error && (v as { code: string }).code === code;

  const good = ROWS.slice(0, 2);
  const withError = (column: number, code: string): unknown[][] =>
    good.map((row, i) => (i === 0 ? row.map((v, c) => (c === column ? cell(code) : v)) : row));

  it("scores the row with an #N/A in a column it reads without that cell, and names the cell in its reasons", () => {
    const rows = withError(6, "#N/A");
    const out = guard.riskScore(HEADERS, rows);
    expect(typeof out[0]?.[0]).toBe("number");
    expect(String(guard.riskReasons(HEADERS, rows)[0]?.[0])).toMatch(/Paid upfront.*#N\/A/);
    expect(out[1]).toEqual(guard.riskScore(HEADERS, good.slice(1))[0]);
  });

  it("scores a row whose error value sits in a column no check reads", () => {
    const headers = [[...HEADERS[0]!, "备注"]];
    const rows = good.map((row) => [...row, cell("#VALUE!")]);
    expect(guard.riskScore(headers, rows)).toEqual(guard.riskScore(HEADERS, good));
  });

  it("reads the other headers when one header cell is #REF!", () => {
    const headers = [[...HEADERS[0]!, cell("#REF!")]];
    const rows = good.map((row) => [...row, "x"]);
    expect(guard.riskLevel(headers, rows)).toEqual([["HIGH"], ["LOW"]]);
  });

  it("matches the rest of a blacklist that holds an #N/A", () => {
    const blacklist = [["Supplier"], [cell("#N/A")], ["Yiwu Chenguang Jewelry Co., Ltd."]];
    expect(guard.riskScore(HEADERS, good, blacklist)).toEqual([[100], [100]]);
    expect(guard.blacklisted("Yiwu Chenguang Jewelry Co., Ltd.", blacklist)).toBe(true);
    expect(guard.blacklisted("Ningbo Mingda Electric Co. Ltd.", blacklist)).toBe(false);
  });

  it("leaves a setting whose cell holds an error at its default and says so in the reasons", () => {
    const settings = [
      ["levels.medium", cell("#N/A")],
      [cell("#REF!"), 5],
      ["language", "en"],
    ];
    expect(guard.riskLevel(HEADERS, good, undefined, settings)).toEqual(guard.riskLevel(HEADERS, good));
    const reasons = guard.riskReasons(HEADERS, good, undefined, settings);
    expect(reasons[1]?.[0]).toBe(
      "no risk found (settings not read, defaults used: levels.medium (#N/A), (#REF!))",
    );
    const zh = guard.riskReasons(HEADERS, good, undefined, [...settings.slice(0, 1), ["language", "zh"]]);
    expect(zh[1]?.[0]).toBe("未发现风险 （设置含错误值，已用默认值：levels.medium (#N/A)）");
  });

  it.each([
    ["#N/A", "#N/A", /total: the cell holds the Excel error #N\/A/],
    ["#VALUE!", "#VALUE!", /total: the cell holds the Excel error #VALUE!/],
    ["#DIV/0!", "#DIV/0!", /^$/],
    ["#NUM!", "#NUM!", /^$/],
    ["#REF!", "#VALUE!", /total: the cell holds the Excel error #REF!/],
    ["#NAME?", "#VALUE!", /#NAME\?/],
  ])("answers a single-value argument holding %s with %s, naming the argument", (code, answer, message) => {
    let thrown: unknown;
    try {
      guard.depositOk(cell(code), 100);
    } catch (e) {
      thrown = e;
    }
    expect(isExcelError(thrown, answer)).toBe(true);
    expect((thrown as { message: string }).message).toMatch(message);
  });

  it("names the day of a sales history that holds an error value", () => {
    expect(() => guard.reorderPointServiceLevel([[18], [cell("#N/A")], [20]], 16, 0.95)).toThrow(
      /salesHistory\[2\]: the cell holds the Excel error #N\/A/,
    );
  });
});

describe("GUARD.MONEYATRISK / DAYSATRISK and RISKSCORE's today", () => {
  // The six-month ledger of tests/rules/history, in Chinese and English headers.
  const zh = ledgerZh();
  const en = ledgerEn();
  const SERIAL_2026_06_30 = 46203; // =DATE(2026,6,30) in Excel

  it.each([
    ["Chinese", zh],
    ["English", en],
  ])("gives the money at risk in USD and its age for each row of the %s ledger", (_, cells) => {
    const [headers, ...rows] = cells;
    const money = guard.moneyAtRisk([headers!], rows, SERIAL_2026_06_30);
    const days = guard.daysAtRisk([headers!], rows, "2026-06-30");
    expect(money.slice(0, 3)).toEqual([[0], [2500], [4166.67]]);
    expect(days.slice(0, 3)).toEqual([[0], [41], [29]]);
    expect(days[9]).toEqual([8]); // escrow released 10 days after shipping, not received
  });

  it("needs today, and says so in both languages", () => {
    const [headers, ...rows] = zh;
    const [[cell]] = guard.moneyAtRisk([headers!], rows.slice(0, 1), null) as [[CellError]];
    expect(cell).toBeInstanceOf(CellError);
    expect(cell.message).toContain("today");
    expect(cell.message).toContain("评估日期");
  });

  it("gives #N/A where money is at risk but the ledger has no date for it", () => {
    const headers = [["Supplier", "Payment method", "Order total", "Paid upfront", "Received"]];
    const rows = [["Yiwu Hongda Trading", "WeChat transfer", "¥10,000", "¥3,000", "no"]];
    expect(guard.moneyAtRisk(headers, rows, "2026-06-30")).toEqual([[416.67]]);
    const [[cell]] = guard.daysAtRisk(headers, rows, "2026-06-30") as [[CellError]];
    expect(cell).toBeInstanceOf(CellError);
    expect(cell.code).toBe("#N/A");
  });

  it("adds the checks over time to RISKSCORE only when today is given", () => {
    const [headers, ...rows] = zh;
    expect(guard.riskScore([headers!], rows.slice(0, 3))).toEqual([[30], [30], [60]]);
    expect(guard.riskScore([headers!], rows.slice(0, 3), undefined, undefined, "2026-06-30")).toEqual([
      [30],
      [65],
      [80],
    ]);
    const reasons = guard.riskReasons([headers!], rows.slice(1, 2), undefined, undefined, SERIAL_2026_06_30);
    expect(String(reasons[0]?.[0])).toContain("paid 41 days ago (2026-05-20) and still no tracking number");
  });
});

describe("the functions' today reaches the dates of the ledger (issue 17)", () => {
  const headers = [["Supplier", "Payment method", "Order total", "Paid upfront", "Order date"]];
  const SERIAL_2025_06_30 = 45838; // =DATE(2025,6,30) in Excel

  it("reads 5月6日 in today's year, not the machine's", () => {
    const rows = [["Yiwu Hongda Trading", "WeChat transfer", "¥10,000", "¥3,000", "5月6日"]];
    expect(guard.daysAtRisk(headers, rows, SERIAL_2025_06_30)).toEqual([[55]]);
    expect(guard.daysAtRisk(headers, rows, "2026-03-01")).toEqual([[299]]); // 2025-05-06: 2026-05-06 is still to come
  });

  it("reads 2/10/25 month first when the range holds 1/20/25, and finds the silent store 140 days on", () => {
    const rows = [
      ["Guangzhou Baiyun Lighting", "Bank transfer", "US$4,800", "US$4,800", "2/10/25"],
      ["Yiwu Hongda Trading", "Alipay escrow", "US$300", "", "1/20/25"],
    ];
    const reasons = guard.riskReasons(headers, rows, undefined, undefined, SERIAL_2025_06_30);
    expect(String(reasons[0]?.[0])).toContain(
      "US$4,800 paid 140 days ago (2025-02-10) and still no tracking number",
    );
  });

  it("names 2/10/25 as unreadable when nothing in the range says which comes first", () => {
    const rows = [["Guangzhou Baiyun Lighting", "Bank transfer", "US$4,800", "US$4,800", "2/10/25"]];
    const reasons = String(guard.riskReasons(headers, rows, undefined, undefined, SERIAL_2025_06_30)[0]?.[0]);
    expect(reasons).toContain('"2/10/25" is ambiguous');
    expect(reasons).not.toContain("still no tracking number");
  });
});

describe("linked data types as arguments", () => {
  const money = (n: number) => ({ type: "FormattedNumber", basicValue: n, numberFormat: "¥#,##0" });
  const company = {
    type: "Entity",
    text: "义乌市宏达贸易有限公司",
    properties: {},
    basicType: "Error",
    basicValue: "#VALUE!",
  };

  it("reads formatted numbers in DEPOSITOK as the amounts they show", () => {
    expect(guard.depositOk(money(48000), money(14400), "CNY")).toBe(true);
    expect(guard.depositOk(money(48000), money(48000), "CNY")).toBe(false);
  });

  it("matches a company entity against the blacklist by the name its cell shows", () => {
    expect(guard.blacklisted(company, [["供应商"], ["义乌市宏达贸易有限公司"]])).toBe(true);
    expect(guard.blacklisted("义乌市宏达贸易有限公司", [["供应商"], [company]])).toBe(true);
  });

  it("scores ledger rows holding data types, with the entity's name in the reasons (English and Chinese)", () => {
    const headers = [["Supplier", "Payment method", "Order total", "Paid upfront"]];
    const rows = [[company, "WeChat transfer", money(48000), money(48000)]];
    const en = guard.riskReasons(headers, rows)[0]?.[0];
    expect(en).toContain("paid 100% (¥48,000) upfront on a ¥48,000 order");
    expect(en).not.toContain("[object Object]");
    const zh = guard.riskReasons(headers, rows, undefined, [["language", "zh"]])[0]?.[0];
    expect(zh).toContain("¥48,000");
    expect(zh).not.toContain("[object Object]");
  });
});

describe("numbers as large as Excel holds", () => {
  it("names a 1E+307 money cell unreadable in RISKREASONS instead of throwing", () => {
    const headers = [["Supplier", "Payment method", "Order total", "Paid upfront"]];
    const rows = [["Yiwu Hongda", "WeChat transfer", 1e307, 1e307]];
    expect(guard.riskScore(headers, rows)).toEqual([[30]]);
    expect(guard.riskReasons(headers, rows)[0]?.[0]).toContain(
      "column Order total not read: 1E+307 is too large to be read (more than 10^15)",
    );
  });

  it.each([
    [
      "MONEYATRISK",
      () =>
        guard.moneyAtRisk(
          [["Supplier", "Payment method", "Order total", "Paid upfront"]],
          [["A", "WeChat transfer", 9.99e307, 9.99e307]],
          46203,
        ),
    ],
    ["REORDERPOINT", () => guard.reorderPoint(9e307, 100, 0)],
    ["REORDERQTY", () => guard.reorderQty(9e307, 100, 7, 0, 0)],
  ])("%s answers #VALUE! or #N/A with a message, never Infinity or 0", (_id, call) => {
    let answer: unknown;
    try {
      answer = call();
    } catch (e) {
      answer = e;
    }
    const cell = Array.isArray(answer) ? (answer as unknown[][])[0]?.[0] : answer;
    expect(cell).toBeInstanceOf(CellError);
    expect((cell as CellError).message).toMatch(/too large to be read|does not say what was paid/);
  });
});
