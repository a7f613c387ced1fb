import path from "node:path";
import { main } from "../../src/cli/main";
import { io } from "./cli-io";

// The command loads its modules (and the xlsx reader) on first use: load them once, outside any test's time.
beforeAll(async () => {
  await import("../../src/cli/pay");
}, 60_000);

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", name);
const BLACKLIST = fixture("pay-blacklist.csv");

async function pay(lang: "zh" | "en", order: string, ...extra: string[]) {
  const t = io();
  const code = await main(
    [
      "pay",
      fixture(`pay-ledger.${lang}.csv`),
      "--order",
      order,
      "--as-of",
      "2026-12-01",
      "--blacklist",
      BLACKLIST,
      ...extra,
    ],
    t,
  );
  return { code, t };
}

interface PayJson {
  verdict: string;
  row: number;
  amount: { amount: number; currency: string };
  reasons: Array<{ rule: string; code: string; action: string; message: string }>;
  checked: Array<{ rule: string; code: string; action: string }>;
}

async function payJson(lang: "zh" | "en", order: string, ...extra: string[]) {
  const { code, t } = await pay(lang, order, "--json", ...extra);
  return { code, json: JSON.parse(t.out) as PayJson };
}

describe.each(["zh", "en"] as const)("guard pay on the %s pay ledger", (lang) => {
  it("exits 1 with STOP for a supplier paid first to 6222 0210 0011 2233 and now to 6217 8500 0000 9988 by bank transfer", async () => {
    const { code, json } = await payJson(lang, "PO-5102");
    expect(code).toBe(1);
    expect(json.verdict).toBe("STOP");
    expect(json.reasons[0]).toMatchObject({
      rule: "payee-account",
      code: "payee_account_changed",
      action: "STOP",
    });
    expect(json.reasons[0]?.message).toContain("6222 0210 0011 2233");
  });

  it("exits 1 with HOLD for the 700 USD balance of a 1,000 USD order with 300 paid and no tracking number", async () => {
    const { code, json } = await payJson(lang, "PO-5103");
    expect(code).toBe(1);
    expect(json).toMatchObject({ verdict: "HOLD", row: 4, amount: { amount: 700, currency: "USD" } });
    expect(json.reasons.map((r) => r.rule)).toEqual(["deposit"]);
  });

  it("exits 0 with PAY for a 30% Alipay escrow deposit to a five-year store", async () => {
    const { code, json } = await payJson(lang, "PO-5104", "--amount", "10800");
    expect(code).toBe(0);
    expect(json.verdict).toBe("PAY");
    expect(json.reasons).toEqual([]);
    expect(json.checked.map((c) => c.rule)).toEqual(
      expect.arrayContaining(["blacklisted", "channel", "deposit", "exposure", "overdue"]),
    );
  });

  it("gives every verdict of the ledger", async () => {
    const verdicts: Record<string, string> = {};
    for (const id of ["PO-5105", "PO-5106", "PO-5107", "PO-5108", "PO-5109", "PO-5111"])
      verdicts[id] = (await payJson(lang, id)).json.verdict;
    expect(verdicts).toEqual({
      "PO-5105": "STOP",
      "PO-5106": "HOLD",
      "PO-5107": "HOLD",
      "PO-5108": "HOLD",
      "PO-5109": "STOP",
      "PO-5111": "PAY",
    });
  });
});

describe("guard pay", () => {
  it("holds 浙江义乌宏达贸易 as a possible match of 义乌市宏达贸易有限公司, and pays it once --allow clears it", async () => {
    const held = await payJson("zh", "PO-5106");
    expect(held.code).toBe(1);
    expect(held.json.reasons[0]).toMatchObject({
      rule: "possible-match",
      code: "possible_name",
      action: "HOLD",
    });
    expect(held.json.reasons[0]?.message).toContain("义乌市宏达贸易有限公司");
    const cleared = await payJson("zh", "PO-5106", "--allow", fixture("pay-allow.csv"));
    expect(cleared.code).toBe(0);
    expect(cleared.json.checked.map((c) => c.code)).toContain("possible_allowed");
  });

  it("prints the verdict, its reasons and what was checked, in Chinese with --lang zh", async () => {
    const { code, t } = await pay("zh", "PO-5103", "--lang", "zh");
    expect(code).toBe(1);
    const lines = t.out.trim().split("\n");
    expect(lines[0]).toBe("HOLD 暂缓  订单 PO-5103（第 4 行）：付 US$700 给 广州市白云区恒信皮具厂");
    expect(lines[1]).toMatch(/^ {2}HOLD deposit: 付此笔 US\$700 后/);
    expect(lines).toContain("已检查：");
  });

  it("exits 2 naming the file for an order the ledger does not have", async () => {
    const { code, t } = await pay("en", "PO-0000");
    expect(code).toBe(2);
    expect(t.err).toContain('pay-ledger.en.csv, sheet "pay-ledger.en": ');
    expect(t.err).toContain('no order "PO-0000"');
  });

  it("exits 2 for an order paid in full when no amount is given, and for a bad amount", async () => {
    const full = await pay("en", "PO-5101");
    expect(full.code).toBe(2);
    expect(full.t.err).toContain("row 2: row 2 is paid in full already");
    const bad = await pay("en", "PO-5103", "--amount", "lots");
    expect(bad.code).toBe(2);
    expect(bad.t.err).toContain("--amount");
  });

  it("exits 2 without --order, and for a missing file", async () => {
    const t = io();
    expect(await main(["pay", fixture("pay-ledger.en.csv")], t)).toBe(2);
    expect(t.err).toContain("--order");
    expect(await main(["pay", fixture("no-such.csv"), "--order", "X"], io())).toBe(2);
  });
});
