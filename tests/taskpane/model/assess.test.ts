import { riskLevel, riskScore } from "../../../src/functions/functions";
import { clearBlacklistCache, blacklistFor } from "../../../src/rules/blacklist";
import { DEFAULT_SETTINGS, flattenSettings, settingsFromPairs } from "../../../src/rules/settings";
import type { CellValue } from "../../../src/rules/types";
import { TABLE_LAYOUT } from "../../../src/taskpane/excel/layout";
import { fieldLabel } from "../../../src/taskpane/components/fieldLabels";
import {
  assessLedger,
  columnOverrides,
  dateNotes,
  ledgerDates,
  mappingWarnings,
} from "../../../src/taskpane/model/assess";
import { SAMPLE_BLACKLIST, SAMPLE_HEADERS, SAMPLE_ROWS } from "../../../src/taskpane/mock/sample";

/** The GuardSettings body as the formulas receive it (no header row). */
const settingsBody = (extra: Array<[string, string]> = []): CellValue[][] => [
  ...flattenSettings(DEFAULT_SETTINGS).filter(([k]) => !k.startsWith("columns.")),
  ...extra,
];

/** What the pane computes for each row, by data-row index. */
function paneScores(cells: CellValue[][], settingsCells: CellValue[][], blacklistCells: CellValue[][]) {
  const settings = settingsFromPairs([["Key", "Value"], ...settingsCells]);
  const blacklist = blacklistFor([[...TABLE_LAYOUT.GuardBlacklist.columns], ...blacklistCells]);
  const assessment = assessLedger(cells, settings, blacklist);
  return new Map(assessment.rows.map((r) => [r.index, r.verdict]));
}

const ledger: CellValue[][] = [[...SAMPLE_HEADERS], ...SAMPLE_ROWS];

beforeEach(() => clearBlacklistCache());

describe("assessLedger: the pane scores each row as its sheet formula does", () => {
  it.each([
    ["default settings", settingsBody()],
    ["a column correction in the settings", settingsBody([["columns.掌柜ID", "memberId"]])],
    ["stricter thresholds", settingsBody([["deposit.maxShare", "0.1"]])],
  ])("gives every sample row the score and level of GUARD.RISKSCORE with %s", (_name, settingsCells) => {
    const pane = paneScores(ledger, settingsCells, SAMPLE_BLACKLIST);
    SAMPLE_ROWS.forEach((row, i) => {
      const score = riskScore([[...SAMPLE_HEADERS]], [row], SAMPLE_BLACKLIST, settingsCells)[0]?.[0];
      const level = riskLevel([[...SAMPLE_HEADERS]], [row], SAMPLE_BLACKLIST, settingsCells)[0]?.[0];
      expect({ row: i, score: pane.get(i)?.score, level: pane.get(i)?.level }).toEqual({
        row: i,
        score,
        level,
      });
    });
  });

  it("keeps the reused tracking number out of the rows' own reasons, as the formulas do", () => {
    const assessment = assessLedger(ledger, DEFAULT_SETTINGS);
    const codes = assessment.rows.flatMap((r) => r.verdict?.reasons.map((x) => x.code) ?? []);
    expect(codes).not.toContain("tracking_reused");
  });

  it("scores a continuation line alone, without its order's supplier or payment", () => {
    const assessment = assessLedger(ledger, DEFAULT_SETTINGS);
    const last = assessment.rows.find((r) => r.index === SAMPLE_ROWS.length - 1);
    expect(last?.order?.supplier.name).toBeUndefined();
    expect(last?.order?.orderId).toBeUndefined();
  });

  it("gives blank and totals rows no entry, as their formulas stay blank", () => {
    const cells: CellValue[][] = [
      [...SAMPLE_HEADERS],
      SAMPLE_ROWS[0] ?? [],
      SAMPLE_HEADERS.map(() => ""),
      ["合计", ...SAMPLE_HEADERS.slice(1).map(() => "")],
    ];
    expect(assessLedger(cells, DEFAULT_SETTINGS).rows.map((r) => r.index)).toEqual([0]);
    expect(riskScore([[...SAMPLE_HEADERS]], [SAMPLE_HEADERS.map(() => "")])).toEqual([[""]]);
  });

  it("reports every row as unreadable when no column is recognised, as the formulas answer #VALUE!", () => {
    const cells: CellValue[][] = [
      ["甲", "乙"],
      ["x", "y"],
    ];
    const assessment = assessLedger(cells, DEFAULT_SETTINGS);
    expect(assessment.rows).toEqual([
      { index: 0, issues: [expect.objectContaining({ message: "no known column" })] },
    ]);
    expect((riskScore([["甲", "乙"]], [["x", "y"]])[0]?.[0] as { code: string }).code).toBe("#VALUE!");
  });
});

describe("assessLedger: findings across the ledger", () => {
  it("names the tracking number two suppliers share, with both suppliers and rows", () => {
    const { findings } = assessLedger(ledger, DEFAULT_SETTINGS);
    expect(findings.sharedTracking).toEqual([
      {
        number: "773052198412",
        suppliers: ["深圳市恒锐电子科技有限公司", "广州市白云区潮品服饰店"],
        rows: [1, 9],
      },
    ]);
  });

  it("does not report a number the same supplier uses on two orders", () => {
    const row = SAMPLE_ROWS[0] ?? [];
    const cells: CellValue[][] = [[...SAMPLE_HEADERS], row, ["2403011999", ...row.slice(1)]];
    expect(assessLedger(cells, DEFAULT_SETTINGS).findings.sharedTracking).toEqual([]);
  });

  it("matches shared numbers written differently (spaces, lower case)", () => {
    const a = [...(SAMPLE_ROWS[0] ?? [])];
    const b = [...(SAMPLE_ROWS[2] ?? [])];
    b[14] = "sf 1409 2783 06121";
    const { findings } = assessLedger([[...SAMPLE_HEADERS], a, b], DEFAULT_SETTINGS);
    expect(findings.sharedTracking.map((f) => f.rows)).toEqual([[0, 1]]);
  });

  it("lists the continuation lines (订单编号 blank under an order row)", () => {
    const { findings } = assessLedger(ledger, DEFAULT_SETTINGS);
    expect(findings.continuationRows).toEqual([SAMPLE_ROWS.length - 1]);
  });

  it("does not count a row with a blank order id after a blank row as a continuation", () => {
    const line = SAMPLE_ROWS[SAMPLE_ROWS.length - 1] ?? [];
    const cells: CellValue[][] = [
      [...SAMPLE_HEADERS],
      SAMPLE_ROWS[0] ?? [],
      SAMPLE_HEADERS.map(() => ""),
      line,
    ];
    expect(assessLedger(cells, DEFAULT_SETTINGS).findings.continuationRows).toEqual([]);
  });

  it("finds no continuation lines in a ledger without an order-id column", () => {
    const cells = ledger.map((r) => r.slice(1));
    expect(assessLedger(cells, DEFAULT_SETTINGS).findings.continuationRows).toEqual([]);
  });

  it("applies the settings' column corrections to the header", () => {
    const settings = settingsFromPairs([["columns.掌柜ID", "memberId"]]);
    expect(columnOverrides(settings)).toEqual({ 掌柜ID: "memberId" });
    expect(assessLedger(ledger, settings).header.byField.memberId).toBe(2);
  });

  it("scores a row with a cell it cannot read, as the formula does, and lists the cell", () => {
    const headers = ["订单号", "供应商名称", "诚信通年限", "付款方式", "订单金额", "已付金额"];
    const row: CellValue[] = [
      "SG-9",
      "宁波市海曙区星辰家居用品商行",
      "1年",
      "微信转账",
      "１２０００元",
      "看合同",
    ];
    const assessment = assessLedger([headers, row], DEFAULT_SETTINGS);
    const [only] = assessment.rows;
    expect(only?.issues).toEqual([
      { column: "已付金额", message: '"看合同" is not an amount of money', messageZh: '"看合同" 不是金额' },
    ]);
    expect(only?.verdict?.score).toBe(riskScore([headers], [row])[0]?.[0]);
    expect(only?.verdict?.reasons).toContainEqual(
      expect.objectContaining({ rule: "input", code: "unreadable_cell", points: 0 }),
    );
  });
});

describe("mappingWarnings: the pane names the columns that look relevant but are not read", () => {
  const settings = settingsFromPairs([["Key", "Value"], ...settingsBody()]);
  const cells: CellValue[][] = [
    ["供应商", "采购数量", "样品费", "订单金额"],
    ["义乌市好日子日用品有限公司", 2000, 50, "¥6688"],
  ];

  it("says what the command line says, with the pane's field labels, in the pane's language", () => {
    const { header } = assessLedger(cells, settings);
    expect(mappingWarnings(header, "en", (f) => fieldLabel(f, "en"))).toEqual([
      {
        index: 2,
        text: 'column C "样品费" looks like Sample · sample but is not read; to read it, set columns.样品费 = sample in the settings',
      },
    ]);
    expect(mappingWarnings(header, "zh", (f) => fieldLabel(f, "zh"))[0]?.text).toBe(
      "C 列“样品费”看起来是字段 样品，但未被读取；如需读取，请在设置中设 columns.样品费 = sample",
    );
  });

  it("goes quiet once a correction in the settings reads the column", () => {
    const corrected = settingsFromPairs([["Key", "Value"], ...settingsBody([["columns.样品费", "sample"]])]);
    expect(assessLedger(cells, corrected).header.warnings).toEqual([]);
  });

  it("has nothing to say about the sample ledger", () => {
    expect(assessLedger(ledger, settings).header.warnings).toEqual([]);
  });
});

describe("assessLedger after an edit: only the rows that changed are read and scored again", () => {
  const trackingColumn = SAMPLE_HEADERS.indexOf("运单号");
  const paidColumn = SAMPLE_HEADERS.indexOf("预付款(元)");
  const view = (a: ReturnType<typeof assessLedger>) => ({
    header: a.header,
    rows: a.rows,
    findings: a.findings,
  });
  /** The ledger with data row `index`'s column `column` set to `value` (a new array for that row only). */
  const edit = (cells: CellValue[][], index: number, column: number, value: CellValue): CellValue[][] => {
    const next = cells.slice();
    const row = [...(cells[index + 1] as CellValue[])];
    row[column] = value;
    next[index + 1] = row;
    return next;
  };

  it.each([
    ["a paid amount", 2, paidColumn, "¥9,999.00"],
    ["a tracking number that another supplier's order carries", 3, trackingColumn, "SF1409278306121"],
    ["a cleared order id (the row becomes a continuation line)", 1, 0, ""],
    ["a row emptied", 4, -1, ""],
  ])("gives what a fresh assessment gives after %s", (_what, index, column, value) => {
    const blacklist = blacklistFor([[...TABLE_LAYOUT.GuardBlacklist.columns], ...SAMPLE_BLACKLIST]);
    const before = assessLedger(ledger, DEFAULT_SETTINGS, blacklist);
    let next: CellValue[][];
    if (column < 0) {
      next = ledger.slice();
      next[index + 1] = SAMPLE_HEADERS.map(() => "");
    } else next = edit(ledger, index, column, value);
    const after = assessLedger(next, DEFAULT_SETTINGS, blacklist, before);
    expect(view(after)).toEqual(view(assessLedger(next, DEFAULT_SETTINGS, blacklist)));
  });

  it("keeps every other row's verdict as it was (the same objects) and the findings when nothing across rows moved", () => {
    const before = assessLedger(ledger, DEFAULT_SETTINGS);
    const after = assessLedger(edit(ledger, 2, paidColumn, "¥1.00"), DEFAULT_SETTINGS, undefined, before);
    expect(after.read?.rowsRead).toBe(1);
    after.rows.forEach((row, k) => {
      if (row.index === 2) expect(row).not.toBe(before.rows[k]);
      else expect(row).toBe(before.rows[k]);
    });
    expect(after.findings).toBe(before.findings);
  });

  it("finds a tracking number shared by two suppliers that the edit created", () => {
    const before = assessLedger(ledger, DEFAULT_SETTINGS);
    const number = String(SAMPLE_ROWS[0]?.[trackingColumn]);
    expect(before.findings.sharedTracking.map((s) => s.number)).not.toContain(number);
    const after = assessLedger(edit(ledger, 3, trackingColumn, number), DEFAULT_SETTINGS, undefined, before);
    const shared = after.findings.sharedTracking.find((s) => s.number === number);
    expect(shared?.rows).toEqual([0, 3]);
    expect(shared?.suppliers).toEqual(["义乌市鑫达日用品有限公司", "东莞市宏图塑胶制品厂"]);
  });

  it("scores everything again when the settings or the blacklist change", () => {
    const before = assessLedger(ledger, DEFAULT_SETTINGS);
    const stricter = settingsFromPairs([["Key", "Value"], ...settingsBody([["deposit.maxShare", "0.1"]])]);
    const after = assessLedger(ledger, stricter, undefined, before);
    expect(after.rows[0]).not.toBe(before.rows[0]);
    expect(view(after)).toEqual(view(assessLedger(ledger, stricter)));
  });
});

describe("the mapping view's date notes", () => {
  const cells: CellValue[][] = [
    ["订单号", "供应商", "付款方式", "订单金额", "下单日期"],
    ["ZH-1", "义乌市宏达贸易有限公司", "银行转账", "¥34,560", "03/04/2025"],
    ["ZH-2", "义乌市宏达贸易有限公司", "支付宝担保交易", "¥2,000", "20250520"],
    ["ZH-3", "义乌市宏达贸易有限公司", "支付宝担保交易", "¥2,000", "5月6日"],
  ];
  const header = assessLedger(cells, DEFAULT_SETTINGS).header;
  const asOf = new Date(Date.UTC(2025, 5, 30));

  it("names the ambiguous date with its sheet row (header on sheet row 3), in English and Chinese", () => {
    const dates = ledgerDates(header, cells, 2, asOf);
    expect(dateNotes(dates, "en")).toEqual([
      { index: 4, text: "下单日期: 1 of 3 dates not read (e.g. row 4 `03/04/2025`)" },
    ]);
    expect(dateNotes(dates, "zh")[0]?.text).toBe(
      "下单日期：3 个日期中 1 个未读取（例：第 4 行 `03/04/2025`）",
    );
  });

  it("says nothing about a column whose dates were all read", () => {
    const read = cells.map((r, i) => (i === 1 ? [...r.slice(0, 4), "13/04/2025"] : r));
    expect(dateNotes(ledgerDates(header, read, 0, asOf), "en")).toEqual([]);
  });
});
