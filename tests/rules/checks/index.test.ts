import { RULE_IDS, type CellValue } from "../../../src/rules/types";
import { CHECKS } from "../../../src/rules/checks";
import type { CheckContext } from "../../../src/rules/checks/check";
import { moneyAtRisk } from "../../../src/rules/at-risk";
import { buildBlacklist } from "../../../src/rules/blacklist";
import { batchFacts } from "../../../src/rules/score";
import { DEFAULT_SETTINGS, parseSettings } from "../../../src/rules/settings";
import { prng } from "../helpers";
import { FIELDS, type FieldKind } from "../../../src/ledger/fields";
import { readLedger } from "../../../src/ledger/read";

describe("CHECKS", () => {
  it("lists every rule once, in the order of DOMAIN.md's table", () => {
    expect(CHECKS.map((c) => c.id)).toEqual([...RULE_IDS]);
  });

  it("declares only fields the ledger reader knows", () => {
    const known = new Set<string>(FIELDS.map((f) => f.id));
    for (const check of CHECKS) for (const field of check.fields ?? []) expect(known).toContain(field);
  });
});

/**
 * Cell values of each kind as real ledgers hold them: text and numbers, Chinese
 * and English, full-width digits, blanks, and values that make checks fire.
 */
const VALUES: Record<FieldKind, readonly CellValue[]> = {
  text: ["义乌市好日子日用品有限公司", "Yiwu Hongda Trading Co., Ltd.", "张伟", "US", "toys", "CE, FCC", ""],
  id: ["3700000000000000001", "b2b-2201234567", "91330100716105852F", "YT1000000000001", "ZX000001", ""],
  money: [48000, "¥6,688.00", "１２００元", "300 USD", "1.2万", "0", 12.5, ""],
  share: ["30%", "100%", 0.5, "", "１００％"],
  number: [1, 20, 500, "1,000", "８", 4.96, ""],
  years: ["1年", "５年", 3, 0, ""],
  date: ["2024-03-01", "2024/3/5 14:22", ""],
  bool: ["是", "否", "yes", "no", true, ""],
  evidence: ["是", "否", "SGS 3/5", "", "no"],
  export: ["US", "中国", "是", "否", ""],
  received: ["是", "否", 100, 40, "2024-03-09", ""],
  shipped: ["2024-03-06", "是", "否", "partly", ""],
  payment: ["微信转账", "支付宝担保交易", "对公转账", "个人账户", "T/T", "分阶段付款", ""],
  status: ["交易成功", "等待买家收货", "等待卖家发货", "等待买家付款", "交易关闭", ""],
  paymentStatus: ["未支付", "已支付", ""],
  badges: ["实力商家", "超级工厂", "源头工厂", "诚信通", ""],
  businessModel: ["生产加工", "经销批发", "招商代理", ""],
  factoryVisit: ["拒绝", "已验厂", "无", ""],
};

/** Settings under which the evidence checks fire on small orders too. */
const EAGER = parseSettings({
  contract: { minUsd: 0 },
  inspection: { minUsd: 0 },
  samples: { quantity: 1 },
});

describe.each(CHECKS.filter((c) => c.fields !== undefined).map((c) => [c.id, c] as const))(
  "%s, in a ledger without its fields",
  (_id, check) => {
    const declared = new Set(check.fields);
    const others = FIELDS.filter((f) => !declared.has(f.id));

    it("finds nothing, so scoring may leave it out", () => {
      const random = prng(declared.size * 7919 + check.id.length);
      let orders = 0;
      for (let ledger = 0; ledger < 60; ledger++) {
        const columns = others.filter(() => random() < 0.5);
        const header = columns.map((f) => f.aliases[0] ?? f.id);
        const rows: CellValue[][] = [header];
        for (let r = 0; r < 8; r++) {
          rows.push(
            columns.map((f) => {
              const pool = VALUES[f.kind];
              return pool[Math.floor(random() * pool.length)] ?? null;
            }),
          );
        }
        const read = readLedger(rows, { settings: DEFAULT_SETTINGS });
        const fields = new Set(Object.keys(read.header.byField));
        // The header words must not have named one of the check's fields after all.
        for (const f of declared) expect(fields.has(f)).toBe(false);
        const ok = read.results.flatMap((x) => (x.ok ? [x.order] : []));
        const batch = batchFacts(ok);
        const blacklist = buildBlacklist([["供应商名称"], ["义乌市好日子日用品有限公司"]]);
        for (const settings of [DEFAULT_SETTINGS, EAGER]) {
          for (const order of ok) {
            const ctx: CheckContext = {
              settings,
              atRisk: moneyAtRisk(order, settings),
              fields,
              batch,
              blacklist,
            };
            expect(check.run(order, ctx)).toBeUndefined();
            orders++;
          }
        }
      }
      // Enough readable orders went through for the claim to mean something.
      expect(orders).toBeGreaterThan(300);
    });
  },
);
