import { judgePayment } from "../../../src/ledger/pay-ledger";
import { explainPay, summarizePay } from "../../../src/rules/pay/explain";
import { payVerdict, restOfOrder } from "../../../src/rules/pay/verdict";
import { PAY_RULE_IDS, type PayVerdict } from "../../../src/rules/pay/types";
import { InputError } from "../../../src/rules/input-error";
import { DEFAULT_SETTINGS } from "../../../src/rules/settings";
import type { Order } from "../../../src/rules/types";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../../../src/ledger/csv";
import { buildAllowList } from "../../../src/rules/blacklist-possible";
import { AS_OF, FIXTURES, blacklist, indexOf, payLedger } from "./fixtures";

const settings = DEFAULT_SETTINGS;
const rules = (v: PayVerdict) => v.reasons.map((r) => `${r.action} ${r.rule} ${r.code}`);

describe.each(["zh", "en"] as const)("the pay ledger with %s headers, on 2026-12-01", (lang) => {
  const ledger = payLedger(lang);
  const judge = (id: string, amount?: number, currency = "CNY") =>
    judgePayment(ledger, indexOf(ledger, id), {
      settings,
      asOf: AS_OF,
      blacklist: blacklist(),
      amount: amount === undefined ? undefined : { amount, currency },
    });

  it("stops a bank transfer to a payee account other than the one the supplier was paid before", () => {
    const v = judge("PO-5102");
    expect(v.verdict).toBe("STOP");
    expect(v.reasons[0]).toMatchObject({
      rule: "payee-account",
      code: "payee_account_changed",
      action: "STOP",
      facts: { account: "6217 8500 0000 9988", previous: "6222 0210 0011 2233", previousRow: 2 },
    });
    // The bank transfer, the share paid before shipping and the silence since 11-20 are HOLD reasons too, after the STOP.
    expect(rules(v)).toEqual([
      "STOP payee-account payee_account_changed",
      "HOLD channel outside_escrow",
      "HOLD deposit over_deposit_unshipped",
      "HOLD overdue deposit_no_tracking",
    ]);
    expect(v.amount).toEqual({ amount: 10080, currency: "CNY" });
  });

  it("holds the 700 USD balance of a 1,000 USD order with 300 paid and no tracking number", () => {
    const v = judge("PO-5103");
    expect(v.amount).toEqual({ amount: 700, currency: "USD" });
    expect(v.verdict).toBe("HOLD");
    expect(rules(v)).toEqual(["HOLD deposit over_deposit_unshipped"]);
    expect(v.reasons[0]?.facts).toMatchObject({ beforeUsd: 300, afterUsd: 1000, share: 1, maxShare: 0.3 });
    expect(explainPay(v.reasons[0]!, "en")).toBe(
      "after this US$700 payment, US$1,000 of a US$1,000 order (100%) is paid before receipt, with no valid tracking number or inspection; guide: at most 30% until the goods ship",
    );
  });

  it("passes a 30% Alipay escrow deposit to a five-year store, saying what was checked", () => {
    const v = judge("PO-5104", 10800);
    expect(v.verdict).toBe("PAY");
    expect(v.reasons).toEqual([]);
    const codes = v.checked.map((c) => c.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "not_blacklisted",
        "payee_is_company",
        "on_platform",
        "payment_protected",
        "not_overdue",
      ]),
    );
    expect(summarizePay(v, "en")).toMatch(
      /^PAY: not on the blacklist \(1 entry\); .*paid on 1688 \(Alipay escrow|支付宝担保交易\)/,
    );
  });

  it("stops a blacklisted supplier", () => {
    const v = judge("PO-5105");
    expect(v.verdict).toBe("STOP");
    expect(v.reasons[0]).toMatchObject({
      rule: "blacklisted",
      facts: { entry: "义乌市宏达贸易有限公司", why: "收定金后失联" },
    });
  });

  it("holds a possible blacklist match, naming the entry, unless the allow-list clears it", () => {
    const v = judge("PO-5106");
    expect(v.verdict).toBe("HOLD");
    expect(rules(v)).toEqual([`HOLD possible-match possible_${lang === "zh" ? "name" : "pinyin"}`]);
    expect(v.reasons[0]?.facts).toMatchObject({ listed: "义乌市宏达贸易有限公司", entryRow: 2 });
    const allow = buildAllowList(parseCsv(readFileSync(join(FIXTURES, "pay-allow.csv"), "utf8")));
    const cleared = judgePayment(ledger, indexOf(ledger, "PO-5106"), {
      settings,
      asOf: AS_OF,
      blacklist: blacklist(),
      allow,
    });
    expect(cleared.verdict).toBe("PAY");
    const note = cleared.checked.find((c) => c.code === "possible_allowed");
    expect(explainPay(note!, "en")).toMatch(
      /allow-list says it is not the same company \((王强|Wang Qiang), 2026-11-30\)/,
    );
  });

  it("holds an order promised for 2026-11-10 and not received", () => {
    const v = judge("PO-5107");
    expect(v.verdict).toBe("HOLD");
    expect(rules(v)).toEqual(["HOLD overdue delivery_overdue"]);
    expect(explainPay(v.reasons[0]!, "zh")).toContain("已逾期 21 天");
  });

  it("holds a balance that would leave a one-year store holding ¥100,000 before receipt, though the tracking number checks", () => {
    const v = judge("PO-5108");
    expect(rules(v)).toEqual(["HOLD exposure store_too_young"]);
    expect(v.checked.map((c) => c.code)).toContain("tracking_checks");
    expect(v.reasons[0]?.facts).toMatchObject({ years: 1, capUsd: 2000 });
  });

  it("stops a payment to a person instead of the company", () => {
    const v = judge("PO-5109");
    expect(v.verdict).toBe("STOP");
    expect(v.reasons[0]).toMatchObject({ rule: "payee-company", code: "payee_not_company" });
  });

  it("passes a new payee account once the payee-confirmed column says it was confirmed by phone", () => {
    const v = judge("PO-5111");
    expect(v.verdict).toBe("PAY");
    const confirmed = v.checked.find((c) => c.rule === "payee-account");
    expect(confirmed).toMatchObject({
      code: "payee_account_confirmed",
      facts: { previous: "6222 0210 7777 8888" },
    });
    expect(explainPay(confirmed!, lang)).toContain(lang === "zh" ? "已电话核实" : "confirmed by phone");
  });
});

describe("payVerdict on its own", () => {
  const ledger = payLedger("zh");
  const at = (id: string) => indexOf(ledger, id);

  it("stops the same changed account again once the confirmation is cleared", () => {
    const facts = ledger.facts.map((f) => ({ ...f, payeeConfirmed: false }));
    const v = payVerdict(ledger.orders, at("PO-5111"), { settings, asOf: AS_OF, facts });
    expect(v.verdict).toBe("STOP");
  });

  it("says the overdue check was not made without a day, and holds nothing for it", () => {
    const v = payVerdict(ledger.orders, at("PO-5107"), { settings });
    expect(v.verdict).toBe("PAY");
    expect(v.checked.map((c) => `${c.action} ${c.code}`)).toContain("UNKNOWN no_date");
  });

  it("holds a payment whose method the ledger does not record", () => {
    const order: Order = {
      ...(ledger.orders[at("PO-5104")] as Order),
      payment: "unknown",
      paymentText: undefined,
    };
    const v = payVerdict([order], 0, { settings });
    expect(rules(v)).toContain("HOLD channel channel_unknown");
  });

  it("lets a small order be paid in full upfront", () => {
    const order: Order = {
      ...(ledger.orders[at("PO-5103")] as Order),
      total: { amount: 400, currency: "USD" },
      amountPaid: { amount: 100, currency: "USD" },
    };
    const v = payVerdict([order], 0, { settings });
    expect(v.verdict).toBe("PAY");
    expect(v.checked.map((c) => c.code)).toContain("small_order");
  });

  it("refuses to guess the amount of an order paid in full or without a total", () => {
    const full: Order = { ...(ledger.orders[at("PO-5101")] as Order) };
    expect(() => restOfOrder(full)).toThrow(InputError);
    expect(() => restOfOrder({ ...full, total: undefined })).toThrow(/no order total/);
    expect(() => payVerdict([full], 0, { settings, amount: { amount: -5, currency: "CNY" } })).toThrow(
      InputError,
    );
  });

  it("explains every finding in both languages", () => {
    const all = ["PO-5102", "PO-5103", "PO-5104", "PO-5107", "PO-5108", "PO-5109", "PO-5111"].flatMap(
      (id) => {
        const v = judgePayment(ledger, at(id), { settings, asOf: AS_OF, blacklist: undefined });
        return [...v.reasons, ...v.checked];
      },
    );
    for (const f of all) {
      expect(PAY_RULE_IDS).toContain(f.rule);
      for (const lang of ["en", "zh"] as const) {
        const text = explainPay(f, lang);
        expect(text).not.toMatch(/undefined|NaN|: [a-z_]+$/);
        if (lang === "zh") expect(text).toMatch(/\p{Script=Han}/u);
      }
    }
  });
});
