import { evaluateRisk } from "../../../src/functions/risk";
import { summarizeReasons } from "../../../src/rules/explain";
import { DEFAULT_SETTINGS, flattenSettings } from "../../../src/rules/settings";
import { TABLE } from "../../../src/taskpane/excel/layout";
import { planRiskColumns, locateLedger } from "../../../src/taskpane/excel/plan";
import {
  cellValue,
  evaluateCondition,
  evaluateFormula,
  splitArguments,
} from "../../../src/taskpane/mock/formulas";
import {
  createSampleWorkbook,
  SAMPLE_BLACKLIST,
  SAMPLE_HEADER_ROW,
  SAMPLE_HEADERS,
  SAMPLE_ROWS,
} from "../../../src/taskpane/mock/sample";
import type { MockFormat, MockWorkbook } from "../../../src/taskpane/mock/workbook";

const SETTINGS = flattenSettings(DEFAULT_SETTINGS).filter(([k]) => !k.startsWith("columns."));
const REF = `Orders[[#Headers],[订单编号]:[合同]],Orders[@[订单编号]:[合同]],${TABLE.blacklist},${TABLE.settings}`;

function book(): MockWorkbook {
  return createSampleWorkbook({ withGuardTables: true });
}

/** Evaluates a formula as if written in the ledger row holding data row `index`. */
function at(b: MockWorkbook, index: number, formula: string) {
  return evaluateFormula(b, b.activeSheet, SAMPLE_HEADER_ROW + 1 + index, SAMPLE_HEADERS.length, formula);
}

describe("splitArguments", () => {
  it.each([
    ["a,b", ["a", "b"]],
    ["Orders[[#Headers],[A]:[B]], Orders[@[A]:[B]]", ["Orders[[#Headers],[A]:[B]]", "Orders[@[A]:[B]]"]],
    ['"x,y",B2', ['"x,y"', "B2"]],
    ["Orders[@['[a]:[b']]],x", ["Orders[@['[a]:[b']]]", "x"]],
    ["", []],
  ])("splits %j at its top-level commas", (text, parts) => {
    expect(splitArguments(text)).toEqual(parts);
  });
});

describe("evaluateFormula: the risk formulas the pane writes", () => {
  it.each(SAMPLE_ROWS.map((_, i) => i))(
    "gives data row %i the engine's score, level and reasons over structured references",
    (index) => {
      const b = book();
      const expected = evaluateRisk(
        [[...SAMPLE_HEADERS]],
        [SAMPLE_ROWS[index] ?? []],
        SAMPLE_BLACKLIST,
        SETTINGS,
      ).rows[0];
      if (expected?.kind !== "verdict") throw new Error(`row ${index} has no verdict`);
      expect(at(b, index, `=GUARD.RISKSCORE(${REF})`)).toBe(expected.verdict.score);
      expect(at(b, index, `=GUARD.RISKLEVEL(${REF})`)).toBe(expected.verdict.level);
      expect(at(b, index, `=GUARD.RISKREASONS(${REF})`)).toBe(summarizeReasons(expected.verdict, "en"));
    },
  );

  it("scores the blacklisted supplier 100", () => {
    const b = book();
    const index = SAMPLE_ROWS.findIndex((r) => r[1] === SAMPLE_BLACKLIST[0]?.[0]);
    expect(at(b, index, `=GUARD.RISKSCORE(${REF})`)).toBe(100);
  });

  it("reads A1 references, and uses the defaults without blacklist and settings arguments", () => {
    const expected = evaluateRisk([[...SAMPLE_HEADERS]], [SAMPLE_ROWS[2] ?? []], undefined, undefined)
      .rows[0];
    expect(expected?.kind).toBe("verdict");
    expect(at(book(), 2, "=GUARD.RISKSCORE($A$3:$Q$3,A6:Q6)")).toBe(
      expected?.kind === "verdict" ? expected.verdict.score : undefined,
    );
  });

  it("evaluates exactly what planRiskColumns writes", () => {
    const b = book();
    const sheet = b.activeSheet;
    const used = sheet.usedRegion();
    if (!used) throw new Error("empty sheet");
    const values = Array.from({ length: used.rowCount }, (_, i) =>
      Array.from({ length: used.columnCount }, (_, j) => cellValue(b, sheet, used.row + i, used.column + j)),
    );
    const state = {
      sheet: sheet.name,
      used: { region: used, values },
      tables: [{ name: "Orders", region: b.tables[0]?.region ?? used }],
    };
    const ledger = locateLedger(state);
    if (!ledger) throw new Error("no ledger");
    const plan = planRiskColumns(ledger, []);
    if (!plan.ok) throw new Error(plan.code);
    const [score, level] = plan.values[1] ?? [];
    expect(typeof at(b, 0, String(score))).toBe("number");
    expect(["LOW", "MEDIUM", "HIGH"]).toContain(at(b, 0, String(level)));
  });

  it("leaves a blank ledger row blank", () => {
    const b = book();
    expect(at(b, SAMPLE_ROWS.length + 3, `=GUARD.RISKSCORE(${REF})`)).toBe("");
  });

  it("answers Chinese reasons when the settings say language zh", () => {
    const b = book();
    const settings = b.table(TABLE.settings);
    if (!settings) throw new Error("no settings table");
    const r = settings.region;
    settings.sheet.setCell(r.row + r.rowCount, r.column, { value: "language" });
    settings.sheet.setCell(r.row + r.rowCount, r.column + 1, { value: "zh" });
    r.rowCount++;
    expect(at(b, 2, `=GUARD.RISKREASONS(${REF})`)).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ["an unknown function", "=SUM(A1:A3)", "#NAME?"],
    ["a plain value", "42", "#NAME?"],
    [
      "a missing table",
      `=GUARD.RISKSCORE(Nope[[#Headers],[订单编号]:[合同]],Nope[@[订单编号]:[合同]])`,
      "#REF!",
    ],
    [
      "an unknown column",
      `=GUARD.RISKSCORE(Orders[[#Headers],[订单编号]:[X]],Orders[@[订单编号]:[X]])`,
      "#REF!",
    ],
    ["too few arguments", "=GUARD.RISKSCORE(Orders[[#Headers],[订单编号]:[合同]])", "#VALUE!"],
    ["a header range of two rows", "=GUARD.RISKSCORE($A$3:$Q$4,A6:Q6)", "#VALUE!"],
    ["rows narrower than the header", "=GUARD.RISKSCORE($A$3:$Q$3,A6:P6)", "#VALUE!"],
  ])("answers %s with an error value", (_what, formula, error) => {
    expect(at(book(), 2, formula)).toBe(error);
  });
});

describe("evaluateCondition: the flags' conditional-format formulas", () => {
  const format = (formula: string): MockFormat => ({
    id: "f",
    type: "Custom",
    region: { sheet: "采购台账", row: 3, column: 0, rowCount: 21, columnCount: 17 },
    formula,
    priority: 0,
    stopIfTrue: false,
  });

  it.each([
    ['=$K4="微信转账"', 5, true],
    ['=$K4="微信转账"', 3, false],
    ['=AND($K4<>"",$M4=3000)', 5, true],
    ["=OR($M4=1,$M4=2)", 5, false],
    ["=NOT($M4=3000)", 5, false],
    ['=ISNUMBER(SEARCH("佳美",$B4))', 5, true],
    ['=ISNUMBER(SEARCH("佳美",$B4))', 3, false],
    ['=AND($K4="微信转账",N("SourcingGuard:flag")=0)', 5, true],
  ])("evaluates %s on sheet row %i as %s", (formula, row, expected) => {
    const b = book();
    expect(evaluateCondition(b, b.activeSheet, format(formula), row, 0)).toBe(expected);
  });

  it("reads a relative reference from the cell being formatted", () => {
    const b = book();
    expect(evaluateCondition(b, b.activeSheet, format('=B4="义乌市佳美饰品商行"'), 5, 0)).toBe(true);
    expect(evaluateCondition(b, b.activeSheet, format('=B4="义乌市佳美饰品商行"'), 5, 1)).toBe(false);
  });

  it("treats a condition it cannot read as false", () => {
    const b = book();
    expect(evaluateCondition(b, b.activeSheet, format("=VLOOKUP(A4,B:C,2)"), 5, 0)).toBe(false);
  });
});
