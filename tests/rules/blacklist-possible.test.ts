import "../../src/rules/pinyin";
import { buildBlacklist } from "../../src/rules/blacklist";
import {
  buildAllowList,
  findPossibleMatches,
  nameCore,
  type LedgerParty,
} from "../../src/rules/blacklist-possible";

const LIST = buildBlacklist([
  ["供应商", "原因", "电话", "收款账号"],
  ["义乌市宏达贸易有限公司", "收定金后失联", "", ""],
  ["汕头市澄海区乐童玩具厂", "空包", "0754-8581 2345", "6222 0000 1111 2222"],
  ["Shenzhen Quickship Trading Co., Ltd.", "fake tracking", "", ""],
]);

const bases = (name: string) =>
  findPossibleMatches({ name }, LIST).possible.map((m) => `${m.basis} ${m.listed}`);

describe("nameCore", () => {
  it.each([
    ["浙江义乌宏达贸易", "宏达贸易"],
    ["义乌市宏达贸易有限公司", "宏达贸易"],
    ["宏达贸易（义乌）有限公司", "宏达贸易"],
    ["广州市白云区恒信皮具厂", "恒信皮具厂"],
    ["ＹＩＷＵ  Hongda Trading Co., Ltd.", "hongdatrading"],
    ["腾讯科技（深圳）有限公司", "腾讯科技"],
  ])("reduces %s to %s", (name, core) => {
    expect(nameCore(name)).toBe(core);
  });
});

describe("findPossibleMatches by name", () => {
  it("finds 浙江义乌宏达贸易 a possible match of blacklisted 义乌市宏达贸易有限公司, with the evidence", () => {
    const [m] = findPossibleMatches({ name: "浙江义乌宏达贸易" }, LIST).possible;
    expect(m).toMatchObject({ basis: "name", value: "浙江义乌宏达贸易", listed: "义乌市宏达贸易有限公司" });
    expect(m?.entry.reason).toBe("收定金后失联");
  });

  it("finds an English name equal in pinyin to a Chinese one, trade words compared by meaning", () => {
    expect(bases("Yiwu Hongda Trading Co., Ltd.")).toEqual(["pinyin 义乌市宏达贸易有限公司"]);
    expect(bases("Zhejiang Yiwu Hongda Maoyi Youxian Gongsi")).toEqual(["pinyin 义乌市宏达贸易有限公司"]);
    expect(bases("Hongda Electronics Co., Ltd.")).toEqual([]);
  });

  it("finds a Chinese-script or English name equal to an English entry once places are dropped", () => {
    expect(bases("广东深圳Quickship Trading")).toEqual(["name Shenzhen Quickship Trading Co., Ltd."]);
    expect(bases("Guangdong Shenzhen Quickship Trading Ltd")).toEqual([
      "name Shenzhen Quickship Trading Co., Ltd.",
    ]);
  });

  it("leaves exact matches to the blacklist itself, as hard hits", () => {
    expect(LIST.match({ name: "义乌市宏达贸易有限公司" })).toBeDefined();
    expect(findPossibleMatches({ name: "义乌市宏达贸易有限公司" }, LIST).possible).toEqual([]);
  });

  it("does not match another trade name that only sounds or looks alike", () => {
    expect(bases("义乌市鸿达贸易有限公司")).toEqual([]);
    expect(bases("深圳市速发贸易有限公司")).toEqual([]);
    expect(bases("宏达")).toEqual([]);
  });
});

describe("findPossibleMatches by shared identifiers", () => {
  const listed: LedgerParty = {
    supplier: { name: "义乌市宏达贸易有限公司", memberId: "b2b-2201111111", uscc: "91330782MA2D1XYZ5K" },
    row: 3,
    payeeAccount: "6217 8500 0000 9988",
    phone: "+86 138 0000 1234",
  };

  it("finds a supplier paid to the account a blacklisted supplier of the ledger was paid to", () => {
    const own: LedgerParty[] = [
      { supplier: { name: "金华市顺达五金有限公司" }, row: 9, payeeAccount: "6217850000009988" },
    ];
    const [m] = findPossibleMatches({ name: "金华市顺达五金有限公司" }, LIST, {
      own,
      ledger: [listed, ...own],
    }).possible;
    expect(m).toMatchObject({
      basis: "payee_account",
      value: "6217850000009988",
      listed: "6217 8500 0000 9988",
      via: "义乌市宏达贸易有限公司",
      viaRow: 3,
    });
  });

  it("finds a shared phone, USCC or member id", () => {
    const supplier = {
      name: "金华市顺达五金有限公司",
      memberId: "B2B-2201111111",
      uscc: "91330782MA2D1XYZ5K",
    };
    const own: LedgerParty[] = [{ supplier, row: 9, phone: "13800001234" }];
    const found = findPossibleMatches(supplier, LIST, { own, ledger: [listed] }).possible.map((m) => m.basis);
    expect(found.sort()).toEqual(["member", "phone", "uscc"]);
  });

  it("finds the phone and account a blacklist entry's own columns name", () => {
    const own: LedgerParty[] = [
      {
        supplier: { name: "潮州市新乐玩具有限公司" },
        row: 5,
        phone: "075485812345",
        payeeAccount: "6222-0000-1111-2222",
      },
    ];
    const found = findPossibleMatches({ name: "潮州市新乐玩具有限公司" }, LIST, { own }).possible;
    expect(found.map((m) => `${m.basis} ${m.entry.name}`)).toEqual([
      "payee_account 汕头市澄海区乐童玩具厂",
      "phone 汕头市澄海区乐童玩具厂",
    ]);
  });
});

describe("the allow-list", () => {
  const allow = buildAllowList([
    ["供应商", "黑名单", "确认人", "日期", "备注"],
    ["浙江义乌宏达贸易", "义乌市宏达贸易有限公司", "王强", "2026-11-30", "营业执照不同，电话核实"],
  ]);

  it("silences a possible match, keeping who said so and when", () => {
    const r = findPossibleMatches({ name: "浙江义乌宏达贸易" }, LIST, { allow });
    expect(r.possible).toEqual([]);
    expect(r.allowed[0]?.allow).toMatchObject({ by: "王强", date: "2026-11-30", row: 2 });
    expect(r.allowed[0]?.match.basis).toBe("name");
  });

  it("silences only the entry it names", () => {
    const other = buildAllowList([["浙江义乌宏达贸易", "Shenzhen Quickship Trading", "王强", "2026-11-30"]]);
    expect(findPossibleMatches({ name: "浙江义乌宏达贸易" }, LIST, { allow: other }).possible).toHaveLength(
      1,
    );
  });

  it("reads a list without a header row, and skips rows naming no supplier", () => {
    const list = buildAllowList([
      ["浙江义乌宏达贸易", "", "王强", "2026-11-30"],
      ["", "x", "y", "z"],
    ]);
    expect(list.entries).toHaveLength(1);
    expect(findPossibleMatches({ name: "浙江义乌宏达贸易" }, LIST, { allow: list }).possible).toEqual([]);
  });
});

describe("possible matches on a cell as long as Excel holds", () => {
  it("does not read a 32,767-character name in pinyin (no company is named so), and answers at once", () => {
    const long = `宏达贸易${"有".repeat(32_763)}`;
    expect(findPossibleMatches({ name: long }, LIST).possible.filter((m) => m.basis === "pinyin")).toEqual(
      [],
    );
    expect(findPossibleMatches({ name: "x".repeat(32_767) }, LIST).possible).toEqual([]);
  });
});
