import * as guard from "../../src/functions/functions";
import { errorOf } from "./helpers";
import { payCheck } from "../../src/functions/paycheck";
import { BLACKLIST_CELLS, payLedgerCells } from "../rules/pay/fixtures";

const DEC_1 = 46357; // =DATE(2026,12,1)
const ZH = [["language", "zh"]];

describe.each(["zh", "en"] as const)("GUARD.PAYCHECK on the %s pay ledger", (lang) => {
  const [headers, ...rows] = payLedgerCells(lang);
  const H = [headers!];
  const rowOf = (id: string) => [rows.find((r) => r[0] === id)!];
  const check = (row: unknown, amount?: unknown, settings?: unknown[][]) =>
    guard.paycheck(H, rows, row, amount, DEC_1, BLACKLIST_CELLS, settings as never);

  it("says STOP for a new payee account by bank transfer, given the row's own cells", () => {
    const text = check(rowOf("PO-5102"));
    expect(text).toMatch(
      /^STOP: payee account 6217 8500 0000 9988 is not the 6222 0210 0011 2233 this supplier was paid before \(row 1\)/,
    );
  });

  it("says HOLD for the 700 USD balance of a 1,000 USD order with 300 paid and no tracking number", () => {
    const text = check("PO-5103");
    expect(text).toMatch(/^HOLD: after this US\$700 payment, US\$1,000 of a US\$1,000 order \(100%\)/);
    expect(check("PO-5103", "US$700")).toBe(text);
  });

  it("says PAY for a 30% Alipay escrow deposit to a five-year store, in Chinese when the settings say so", () => {
    expect(check(rowOf("PO-5104"), 10800)).toMatch(/^PAY: not on the blacklist/);
    const zh = check(rowOf("PO-5104"), "¥10,800", ZH);
    expect(zh).toMatch(/^PAY 可付款：不在黑名单中（共 1 条）/);
  });

  it("says STOP for the blacklisted supplier and for a person as payee", () => {
    expect(check("PO-5105")).toMatch(
      /^STOP: supplier is on the team blacklist \(entry row 2: 义乌市宏达贸易有限公司, 收定金后失联\)/,
    );
    expect(check("PO-5109", undefined, ZH)).toMatch(
      /^STOP 停止：收款人“李娜”不是注册公司“温州市鹿城区佳美鞋业有限公司”/,
    );
  });

  it("says HOLD for a possible blacklist match, and PAY once the allow-list clears it", () => {
    expect(check("PO-5106")).toMatch(
      /^HOLD: possible blacklist match: .* blacklisted "义乌市宏达贸易有限公司" \(row 2\)/,
    );
    const allow = [
      ["供应商", "黑名单", "确认人", "日期"],
      [rows.find((r) => r[0] === "PO-5106")![1]!, "义乌市宏达贸易有限公司", "王强", "2026-11-30"],
    ];
    expect(guard.paycheck(H, rows, "PO-5106", null, DEC_1, BLACKLIST_CELLS, null as never, allow)).toMatch(
      /^PAY: /,
    );
  });

  it("says HOLD for the overdue order only when given the day", () => {
    expect(check("PO-5107")).toMatch(/^HOLD: promised for 2026-11-10, 21 days late/);
    expect(guard.paycheck(H, rows, "PO-5107")).toMatch(/^PAY: /);
  });

  it("answers #N/A for a row that is not in the ledger and #VALUE! for a bad amount", () => {
    expect(errorOf(() => check("PO-0000")).code).toBe("#N/A");
    const bad = errorOf(() => check("PO-5103", "seven hundred"));
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toMatch(/amount/);
    const paid = errorOf(() => check("PO-5101"));
    expect(paid.message).toContain("paid in full already");
    expect(paid.message).toContain("已全额付款");
  });
});

describe("payCheck", () => {
  const [headers, ...rows] = payLedgerCells("zh");

  it("refuses a ledger whose width is not the header row's", () => {
    expect(() =>
      payCheck(
        [headers!],
        rows.map((r) => r.slice(1)),
        "PO-5103",
        null,
        null,
        null,
        null,
      ),
    ).toThrow(/columns/);
  });

  it("judges again when a cell of the ledger changes (the ledger read is reused only for the same cells)", () => {
    const at = rows.findIndex((r) => r[0] === "PO-5102");
    expect(payCheck([headers!], rows, "PO-5102", null, "2026-12-01", null, null).verdict.verdict).toBe(
      "STOP",
    );
    const confirmed = rows.map((r, i) => (i === at ? r.map((c, j) => (j === 6 ? "已电话核实" : c)) : r));
    const after = payCheck([headers!], confirmed, "PO-5102", null, "2026-12-01", null, null).verdict;
    expect(after.reasons.map((r) => r.rule)).not.toContain("payee-account");
    expect(payCheck([headers!], rows, "PO-5102", null, "2026-12-01", null, null).verdict.verdict).toBe(
      "STOP",
    );
  });

  it("gives the verdict as data beside its text", () => {
    const { verdict, text } = payCheck([headers!], rows, "PO-5103", null, "2026-12-01", null, null);
    expect(verdict.verdict).toBe("HOLD");
    expect(verdict.reasons.map((r) => r.rule)).toEqual(["deposit"]);
    expect(text.startsWith("HOLD: ")).toBe(true);
  });
});

describe("PAYCHECK on cells as long as Excel holds", () => {
  it("answers in at most the 32,767 characters a cell holds", () => {
    const long = "宏".repeat(32_767);
    const headers = [["卖家公司名", "付款方式", "货品总价(元)", "预付款(元)", "运单号"]];
    const rows = [[long, long, "¥1,000", "¥300", long]];
    const text = guard.paycheck(headers, rows, [rows[0]], undefined, undefined, [["供应商名称"], [long]]);
    expect(text.length).toBeLessThanOrEqual(32_767);
    expect(text).toMatch(/^(PAY|HOLD|STOP)/);
  });
});
