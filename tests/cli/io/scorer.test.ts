import { ChunkedScorer, type ScoredRow, type SheetRow } from "../../../src/cli/io/scorer";
import { DEFAULT_SETTINGS } from "../../../src/rules/settings";
import type { CellValue } from "../../../src/rules/types";

/** Orders of a third supplier, paid in escrow: they put the facts below chunks apart. */
const FILLER: CellValue[][] = Array.from({ length: 40 }, (_, i) => [
  `PO-F${i}`,
  "东莞精工塑胶",
  "支付宝担保交易",
  "¥800",
  "¥240",
  "2025-03-15",
  "",
  "",
]);

/**
 * A team ledger with what only the whole ledger shows: a supplier paid into a new account in
 * its fourth order (row 47), and one tracking number given by two suppliers, first in row 2,
 * then in row 48, forty rows (twenty chunks of two) later. Past the rows the header is looked
 * for in (30), so chunks do form.
 */
const LEDGER: CellValue[][] = [
  ["订单编号", "供应商", "付款方式", "订单金额", "已付金额", "下单日期", "收款账号", "运单号"],
  [
    "PO-1",
    "义乌宏达贸易",
    "对公转账",
    "¥3,000",
    "¥900",
    "2025-01-05",
    "6222 0210 0011 2233",
    "SF1402983765214",
  ],
  ["PO-2", "义乌宏达贸易", "对公转账", "¥3,000", "¥900", "2025-02-05", "6222 0210 0011 2233", ""],
  ["PO-3", "宁波星辰五金", "支付宝担保交易", "¥1,200", "¥360", "2025-02-09", "", "YT7390215846301"],
  ["PO-4", "义乌宏达贸易", "对公转账", "¥3,000", "¥900", "2025-03-05", "6222 0210 0011 2233", ""],
  ["PO-5", "宁波星辰五金", "支付宝担保交易", "¥1,200", "¥360", "2025-03-09", "", "YT7390215846302"],
  ...FILLER,
  ["PO-6", "义乌宏达贸易", "对公转账", "¥3,000", "¥3,000", "2025-04-05", "6217 8500 0000 9988", ""],
  ["PO-7", "宁波星辰五金", "支付宝担保交易", "¥1,200", "¥360", "2025-04-09", "", "SF1402983765214"],
];

const AS_OF = new Date(Date.UTC(2025, 5, 30));

function scorer(chunkSize: number, extra: Partial<ConstructorParameters<typeof ChunkedScorer>[0]> = {}) {
  return new ChunkedScorer({
    file: "ledger.csv",
    sheet: "Orders",
    settings: DEFAULT_SETTINGS,
    chunkSize,
    asOf: AS_OF,
    ...extra,
  });
}

function run(s: ChunkedScorer): ScoredRow[] {
  const out: ScoredRow[] = [];
  LEDGER.forEach((values, i) => out.push(...s.push({ rowNumber: i + 1, values } as SheetRow)));
  out.push(...s.finish());
  return out;
}

/** Each scored row's reason codes and money at risk, by sheet row. */
function outcomes(rows: ScoredRow[]): Array<[number, string[], number | undefined]> {
  return rows
    .filter((r) => r.outcome !== undefined)
    .map((r) => [r.rowNumber, r.outcome!.verdict.reasons.map((x) => x.code).sort(), r.outcome!.now?.usd]);
}

describe("ChunkedScorer", () => {
  it("scores in chunks after a first pass exactly as in one chunk: the reasons across orders reach every row", () => {
    const whole = outcomes(run(scorer(Number.POSITIVE_INFINITY)));
    const first = scorer(2, { readOnly: true });
    // The first pass reads only: nothing scored, nothing to write.
    expect(run(first).every((r) => r.outcome === undefined)).toBe(true);
    const known = first.record();
    expect(known).toBeDefined();
    const second = scorer(2, { known });
    const chunked = outcomes(run(second));
    expect(chunked).toEqual(whole);
    // The facts themselves are there: the new account on row 47, the shared number on rows 2 and 48.
    const codes = new Map(chunked.map(([row, c]) => [row, c]));
    expect(codes.get(47)).toContain("payee_account_changed");
    expect(codes.get(2)).toContain("tracking_reused");
    expect(codes.get(48)).toContain("tracking_reused");
    expect(
      second
        .history()
        ?.suppliers.map((s) => s.label)
        .sort(),
    ).toEqual(
      first
        .history()
        ?.suppliers.map((s) => s.label)
        .sort(),
    );
  });

  it("without a first pass, chunks flag a shared tracking number only from the chunk that shows it on, and say so", () => {
    const first = scorer(2, { asOf: undefined });
    const codes = new Map(outcomes(run(first)).map(([row, c]) => [row, c]));
    expect(codes.get(2)).not.toContain("tracking_reused");
    expect(codes.get(48)).toContain("tracking_reused");
    // Row 2 was judged short of the facts: a second pass with them flags it too.
    expect(first.factsChangedLate).toBe(true);
    const second = scorer(2, { asOf: undefined, known: first.facts() });
    const secondRows = outcomes(run(second));
    const again = new Map(secondRows.map(([row, c]) => [row, c]));
    expect(again.get(2)).toContain("tracking_reused");
    expect(again.get(48)).toContain("tracking_reused");
    expect(second.factsChangedLate).toBe(false);
    // In one chunk nothing is learnt late, and the second pass gives what one chunk gives.
    const whole = scorer(Number.POSITIVE_INFINITY, { asOf: undefined });
    expect(outcomes(run(whole))).toEqual(secondRows);
    expect(whole.factsChangedLate).toBe(false);
  });

  it("a first pass for the facts alone (no asOf) keeps no orders and gives no record", () => {
    const first = scorer(2, { asOf: undefined, readOnly: true });
    expect(run(first).every((r) => r.outcome === undefined)).toBe(true);
    expect(first.record()).toBeUndefined();
    expect([...first.facts().batch.trackingSuppliers.keys()]).toEqual(["SF1402983765214"]);
  });
});
