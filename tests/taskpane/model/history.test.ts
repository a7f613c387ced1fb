import { DEFAULT_SETTINGS, parseSettings } from "../../../src/rules/settings";
import type { SupplierHistory } from "../../../src/rules/history";
import {
  dayFromInput,
  findSupplier,
  gradeFromHistory,
  localDay,
  moneyAtRiskList,
  readHistory,
  type HistoryView,
} from "../../../src/taskpane/model/history";
import { sampleLedgerWithHistory } from "../../../src/taskpane/mock/sample";
import { AS_OF, LEDGER } from "./history-ledger";

const settings = DEFAULT_SETTINGS;

function view(cells = LEDGER, asOf = AS_OF, s = settings): HistoryView {
  const v = readHistory(cells, s, asOf);
  if (v === undefined) throw new Error("no history");
  return v;
}

const record = (name: string): SupplierHistory => {
  const found = findSupplier(view().history, { name });
  if (found === undefined) throw new Error(`no record of ${name}`);
  return found;
};

describe("the money-at-risk list of a six-month ledger with Chinese headers, on 2026-06-30", () => {
  const list = moneyAtRiskList(view(), settings);

  it("lists the orders with money at risk, most money first, each with its supplier, age and sheet row", () => {
    expect(list.orders.map((o) => [o.row, o.supplier, Math.round(o.usd), o.days])).toEqual([
      [16, "深圳市华强创新电子有限公司", 3000, 10],
      [13, "义乌市宏达贸易有限公司", 2000, 41],
      [14, "东莞市鼎峰塑胶制品厂", 1944, 10],
      [15, "义乌市宏达贸易有限公司", 1250, 20],
      [17, "临沂市兰山区顺达商贸", 178, 1],
    ]);
    // The data-row index the pane selects is the sheet row under a header in row 1.
    expect(list.orders.map((o) => o.index)).toEqual([14, 11, 12, 13, 15]);
  });

  it("keeps the deposit in the order's own currency, full-width digits read", () => {
    expect(list.orders[1]?.amount).toEqual({ amount: 14400, currency: "CNY" });
  });

  it("names the store that took a deposit and went silent, and the promised date that passed", () => {
    expect(list.orders[1]?.causes).toEqual(["silent_store", "overdue"]);
    expect(list.orders[3]?.causes).toEqual(["silent_store"]);
    expect(list.orders[1]?.reasons.map((r) => r.code)).toEqual(["deposit_no_tracking", "delivery_overdue"]);
  });

  it("names the escrow window that closed on a shipped order never received", () => {
    expect(list.orders[2]?.causes).toEqual(["overdue", "escrow_window"]);
  });

  it("calls a deposit paid yesterday money paid before receipt, with no sign yet", () => {
    expect(list.orders[4]?.causes).toEqual(["paid_before_receipt"]);
  });

  it("totals each supplier's money at risk, most first, with its oldest days", () => {
    expect(list.suppliers.map((s) => [s.label, Math.round(s.usd), s.orders, s.oldestDays])).toEqual([
      ["义乌市宏达贸易有限公司", 3250, 2, 41],
      ["深圳市华强创新电子有限公司", 3000, 1, 10],
      ["东莞市鼎峰塑胶制品厂", 1944, 1, 10],
      ["临沂市兰山区顺达商贸", 178, 1, 1],
    ]);
    expect(Math.round(list.totalUsd)).toBe(8372);
  });

  it("leaves out orders placed after the day, and money that was not yet at risk then", () => {
    const earlier = moneyAtRiskList(view(LEDGER, new Date("2026-06-01T00:00:00Z")), settings);
    expect(earlier.orders.map((o) => [o.row, o.days])).toEqual([[13, 12]]);
  });

  it("sorts equal amounts by age, the oldest first", () => {
    const row = LEDGER[14] ?? []; // 宏达 June deposit, ¥9,000
    const twin = [
      "2606010099",
      "义乌市宏达贸易有限公司",
      ...row.slice(2, 8),
      "2026-06-01",
      "2026-06-01",
      ...row.slice(10),
    ];
    const list2 = moneyAtRiskList(view([...LEDGER, twin]), settings);
    const same = list2.orders.filter((o) => Math.round(o.usd) === 1250);
    expect(same.map((o) => o.days)).toEqual([29, 20]);
  });

  it("counts an order once when its second line repeats the order id", () => {
    const row = LEDGER[12] ?? [];
    const list2 = moneyAtRiskList(view([...LEDGER.slice(0, 13), row, ...LEDGER.slice(13)]), settings);
    expect(list2.orders.filter((o) => o.supplier === "义乌市宏达贸易有限公司")).toHaveLength(2);
  });

  it("is empty for a ledger where everything arrived", () => {
    const done = LEDGER.slice(0, 11);
    expect(moneyAtRiskList(view(done), settings)).toEqual({ orders: [], suppliers: [], totalUsd: 0 });
  });
});

describe("a supplier's record found for the vet form", () => {
  it("matches the supplier by its name with or without the company suffix", () => {
    expect(record("深圳市华强创新电子").label).toBe("深圳市华强创新电子有限公司");
    expect(findSupplier(view().history, { name: "深圳市华强创新电子有限公司" })?.orders).toBe(4);
  });

  it("matches by member id once the ledger's member id column is mapped", () => {
    const mapped = parseSettings({ columns: { 掌柜ID: "memberId" } });
    const v = view(LEDGER, AS_OF, mapped);
    expect(findSupplier(v.history, { memberId: "dingfeng_dg" })?.label).toBe("东莞市鼎峰塑胶制品厂");
  });

  it("finds nothing for a supplier the ledger does not hold, or an empty form", () => {
    expect(findSupplier(view().history, { name: "杭州速美家居用品有限公司" })).toBeUndefined();
    expect(findSupplier(view().history, {})).toBeUndefined();
  });

  it("shows the payee account change that redirects payment", () => {
    const r = record("深圳市华强创新电子有限公司");
    expect(r.payeeAccounts).toEqual(["6222 0212 3456 7890 123", "6217 0000 1111 2222 333"]);
    expect(r.payeeChanges).toEqual([
      expect.objectContaining({ row: 16, from: "6222 0212 3456 7890 123", to: "6217 0000 1111 2222 333" }),
    ]);
  });

  it("counts an order with two lines once", () => {
    expect(record("宁波市海曙精工五金厂")).toMatchObject({ orders: 3, onTime: 3, onTimeRate: 1 });
  });
});

describe("the grade computed from the ledger", () => {
  it("gives D to the supplier whose payee account changed, however punctual", () => {
    const g = gradeFromHistory(record("深圳市华强创新电子有限公司"), settings);
    expect(g?.grade).toBe("D");
    expect(g?.causes.map((c) => [c.code, c.grade])).toEqual([
      ["on_time", "A"],
      ["money_at_risk", "C"],
      ["payee_changed", "D"],
    ]);
  });

  it("gives D to the supplier that is always late", () => {
    const g = gradeFromHistory(record("东莞市鼎峰塑胶制品厂"), settings);
    expect(g?.grade).toBe("D");
    expect(g?.causes[0]).toEqual({ code: "on_time", grade: "D", rate: 0, judged: 4 });
  });

  it("gives D to the silent store for money at risk 41 days", () => {
    const g = gradeFromHistory(record("义乌市宏达贸易有限公司"), settings);
    expect(g?.causes).toContainEqual({ code: "money_at_risk", grade: "D", days: 41 });
  });

  it("gives A to three orders delivered on time with nothing at risk", () => {
    expect(gradeFromHistory(record("宁波市海曙精工五金厂"), settings)).toEqual({
      grade: "A",
      causes: [{ code: "on_time", grade: "A", rate: 1, judged: 3 }],
    });
  });

  it("does not make a D of one late order out of one: C at worst, with a cause that says so", () => {
    const one = { ...record("宁波市海曙精工五金厂"), onTime: 0, late: 1, overdue: 0, onTimeRate: 0 };
    expect(gradeFromHistory(one, settings)).toEqual({
      grade: "C",
      causes: [{ code: "few_orders_late", grade: "C", rate: 0, judged: 1 }],
    });
  });

  it("allows no more than B on fewer than three orders judged", () => {
    const two = { ...record("宁波市海曙精工五金厂"), onTime: 2, onTimeRate: 1 };
    expect(gradeFromHistory(two, settings)?.grade).toBe("B");
  });

  it("gives D to a supplier whose tracking number another supplier used", () => {
    const reused = { ...record("宁波市海曙精工五金厂"), reusedTracking: ["773052198412"] };
    expect(gradeFromHistory(reused, settings)?.grade).toBe("D");
  });

  it("follows the team's silent-days setting for money at risk", () => {
    const strict = parseSettings({ history: { silentDays: 1 } });
    const g = gradeFromHistory(record("临沂市兰山区顺达商贸"), strict);
    expect(g).toEqual({ grade: "C", causes: [{ code: "money_at_risk", grade: "C", days: 1 }] });
  });

  it("does not grade a supplier whose record shows nothing yet, so the typed ratings decide", () => {
    expect(gradeFromHistory(record("临沂市兰山区顺达商贸"), settings)).toBeUndefined();
  });
});

describe("the preview's sample ledger with its history columns, on 2025-03-31", () => {
  const sample = view(sampleLedgerWithHistory(), new Date("2025-03-31T00:00:00Z"));
  const list = moneyAtRiskList(sample, settings);
  const find = (name: string) => findSupplier(sample.history, { name });

  it("puts the store that took 100% by WeChat and went silent first", () => {
    expect(list.orders[0]).toMatchObject({ row: 4, supplier: "义乌市佳美饰品商行", days: 29 });
    expect(list.orders[0]?.causes).toEqual(["silent_store", "overdue"]);
    expect(list.suppliers[0]).toMatchObject({ label: "义乌市佳美饰品商行", orders: 2 });
  });

  it("shows the new bank account of the supplier's second order", () => {
    expect(find("深圳市恒锐电子科技有限公司")?.payeeChanges).toEqual([
      expect.objectContaining({ from: "6222 0212 3456 7890 123", to: "6217 0000 1111 2222 333" }),
    ]);
  });

  it("grades the supplier late on its two orders C, not D, saying so, and the punctual one B on too few orders for an A", () => {
    expect(find("东莞市宏图塑胶制品厂")).toMatchObject({ late: 1, overdue: 1 });
    const late = gradeFromHistory(find("东莞市宏图塑胶制品厂") as SupplierHistory, settings);
    expect(late?.grade).toBe("C");
    expect(late?.causes).toContainEqual({ code: "few_orders_late", grade: "C", rate: 0, judged: 2 });
    expect(gradeFromHistory(find("义乌市鑫达日用品有限公司") as SupplierHistory, settings)?.grade).toBe("B");
  });
});

describe("the pane's day", () => {
  it("is the local calendar day as a UTC date, as the ledger's dates are", () => {
    expect(localDay(new Date(2026, 11, 2, 23, 59)).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(localDay(new Date(2026, 0, 1, 0, 1)).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("reads the day an as-of date field holds, and nothing from a blank or impossible one", () => {
    expect(dayFromInput("2025-03-31")?.toISOString()).toBe("2025-03-31T00:00:00.000Z");
    expect(dayFromInput(" 2024-02-29 ")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(dayFromInput("")).toBeUndefined();
    expect(dayFromInput("2025-02-30")).toBeUndefined();
    expect(dayFromInput("31/03/2025")).toBeUndefined();
  });

  it("reads nothing from a sheet with no known column", () => {
    expect(
      readHistory(
        [
          ["a", "b"],
          [1, 2],
        ],
        settings,
        AS_OF,
      ),
    ).toBeUndefined();
  });
});

describe("readHistory after an edit: only the rows that changed are read again", () => {
  const received = LEDGER[0]?.indexOf("到货日期") ?? -1;
  const account = LEDGER[0]?.indexOf("收款账号") ?? -1;
  const publicView = (v: HistoryView | undefined) => ({
    history: v?.history,
    orders: v?.orders,
    indexOf: v?.indexOf,
  });
  const edit = (index: number, column: number, value: string) => {
    const next = LEDGER.slice();
    const row = [...(LEDGER[index + 1] ?? [])];
    row[column] = value;
    next[index + 1] = row;
    return next;
  };

  it.each([
    ["an order marked received", 12, received, "2026-06-29"],
    ["a payee account changed", 3, account, "6217 8500 0000 9988"],
  ])("gives the records and money at risk of a fresh read after %s", (_what, index, column, value) => {
    const before = view();
    const next = edit(index, column, value);
    const after = readHistory(next, settings, AS_OF, before);
    expect(after?.read?.rowsRead).toBe(1);
    expect(publicView(after)).toEqual(publicView(readHistory(next, settings, AS_OF)));
    expect(moneyAtRiskList(after as HistoryView, settings)).toEqual(moneyAtRiskList(view(next), settings));
  });
});
