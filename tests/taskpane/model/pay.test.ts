import "../../../src/rules/pinyin";
import { parseSettings } from "../../../src/rules/settings";
import { payCard, payLedgerOf, type PayCardModel } from "../../../src/taskpane/model/pay";
import { AS_OF, blacklist, payLedgerCells } from "../../rules/pay/fixtures";

type Verdict = Extract<PayCardModel, { kind: "verdict" }>;

describe.each(["zh", "en"] as const)("the Before you pay card on the %s pay ledger", (lang) => {
  const cells = payLedgerCells(lang);
  const settings = parseSettings({ language: lang });
  // The data-row index the pane selects: the sheet row under a header in row 1, less 2.
  const index = (id: string) => cells.findIndex((r) => r[0] === id) - 1;
  const card = (id: string, amountText = "", allowCells?: string[][]) =>
    payCard(cells, index(id), {
      settings,
      blacklist: blacklist(),
      allowCells,
      asOf: AS_OF,
      amountText,
      lang,
    });
  const verdict = (id: string, amountText = "") => card(id, amountText) as Verdict;

  it("shows STOP for the supplier now paid to 6217 8500 0000 9988 instead of 6222 0210 0011 2233", () => {
    const v = verdict("PO-5102");
    expect(v).toMatchObject({
      kind: "verdict",
      verdict: "STOP",
      orderId: "PO-5102",
      row: 3,
      amount: "¥10,080",
    });
    expect(v.reasons[0]).toMatchObject({ action: "STOP", rule: "payee-account" });
    expect(v.reasons[0]?.text).toContain("6222 0210 0011 2233");
  });

  it("shows HOLD for the 700 USD balance of a 1,000 USD order with 300 paid and no tracking number", () => {
    const v = verdict("PO-5103");
    expect(v).toMatchObject({ verdict: "HOLD", amount: "US$700" });
    expect(v.reasons.map((r) => r.rule)).toEqual(["deposit"]);
  });

  it("shows PAY for a 30% Alipay escrow deposit to a five-year store, with what was checked", () => {
    const v = verdict("PO-5104", "10800");
    expect(v).toMatchObject({ verdict: "PAY", amount: "¥10,800", reasons: [] });
    expect(v.checked.map((c) => c.rule)).toEqual(
      expect.arrayContaining(["blacklisted", "channel", "deposit"]),
    );
    expect(v.checked.every((c) => c.text.length > 0)).toBe(true);
  });

  it("shows HOLD for a possible blacklist match, cleared by the GuardAllowList table", () => {
    expect(verdict("PO-5106").verdict).toBe("HOLD");
    const name = cells.find((r) => r[0] === "PO-5106")?.[1] ?? "";
    const cleared = card("PO-5106", "", [
      ["供应商", "黑名单", "确认人", "日期"],
      [name, "义乌市宏达贸易有限公司", "王强", "2026-11-30"],
    ]) as Verdict;
    expect(cleared.verdict).toBe("PAY");
  });

  it("gives each verdict of the ledger", () => {
    const all = Object.fromEntries(
      ["PO-5105", "PO-5107", "PO-5108", "PO-5109", "PO-5111"].map((id) => [id, verdict(id).verdict]),
    );
    expect(all).toEqual({
      "PO-5105": "STOP",
      "PO-5107": "HOLD",
      "PO-5108": "HOLD",
      "PO-5109": "STOP",
      "PO-5111": "PAY",
    });
  });

  it("writes the reasons in the pane's language", () => {
    const text = verdict("PO-5103").reasons[0]?.text ?? "";
    if (lang === "zh") expect(text).toMatch(/^付此笔 US\$700 后/);
    else expect(text).toMatch(/^after this US\$700 payment/);
  });

  it("says why a row cannot be judged: paid in full, or an amount that is not one", () => {
    expect(card("PO-5101")).toEqual({
      kind: "error",
      intent: "info",
      message:
        lang === "zh"
          ? "第 2 行已全额付款：请给出付款金额"
          : "row 2 is paid in full already: give the amount to pay",
    });
    expect(card("PO-5103", "lots")).toMatchObject({ kind: "error", intent: "warning" });
  });
});

describe("payCard", () => {
  const cells = payLedgerCells("en");
  const settings = parseSettings({});

  it("shows nothing for a row that holds no order, or a sheet with no ledger", () => {
    const withBlank = [...cells, ["", "", ""]];
    const options = { settings, blacklist: undefined, asOf: AS_OF, amountText: "", lang: "en" as const };
    expect(payCard(withBlank, withBlank.length - 2, options)).toBeUndefined();
    expect(
      payCard(
        [
          ["a", "b"],
          ["1", "2"],
        ],
        0,
        options,
      ),
    ).toBeUndefined();
  });

  it("reads the cells once for the same cells and settings", () => {
    expect(payLedgerOf(cells, settings)).toBe(payLedgerOf(cells, settings));
    expect(payLedgerOf(cells, parseSettings({ language: "zh" }))).not.toBe(payLedgerOf(cells, settings));
  });
});
