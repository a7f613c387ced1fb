import { DEFAULT_SETTINGS } from "../../../src/rules/settings";
import { MoneyAtRiskList } from "../../../src/taskpane/components/MoneyAtRiskList";
import { moneyAtRiskList, readHistory } from "../../../src/taskpane/model/history";
import { AS_OF, LEDGER } from "../model/history-ledger";
import { htmlOf, textOf } from "./render";

const view = readHistory(LEDGER, DEFAULT_SETTINGS, AS_OF);
if (view === undefined) throw new Error("no history");
const list = moneyAtRiskList(view, DEFAULT_SETTINGS);
const noop = () => undefined;

describe("MoneyAtRiskList", () => {
  it("lists each order with its sheet row, supplier, amount, days and reason, and the totals", () => {
    const text = textOf(
      <MoneyAtRiskList list={list} asOf={AS_OF} headerRow={0} silentDays={7} onSelect={noop} />,
    );
    expect(text).toContain("US$8,372 at risk on 5 orders");
    expect(text).toContain("Row 13 · 义乌市宏达贸易有限公司 · ¥14,400 ≈ US$2,000");
    expect(text).toContain("41 days at risk");
    expect(text).toContain("silent store");
    expect(text).toContain("Silent store: paid 7+ days ago and no tracking number.");
    expect(text).toContain("义乌市宏达贸易有限公司: US$3,250 on 2 orders, the oldest 41 days");
    expect(text).toContain("as of 2026-06-30");
  });

  it("numbers rows as the sheet does when the header sits lower down", () => {
    const text = textOf(
      <MoneyAtRiskList list={list} asOf={AS_OF} headerRow={2} silentDays={7} onSelect={noop} />,
    );
    expect(text).toContain("Row 15 · 义乌市宏达贸易有限公司 · ¥14,400");
  });

  it("shows the as-of field with the day judged on when the pane lets the user pick one", () => {
    const element = (input: string) => (
      <MoneyAtRiskList
        list={list}
        asOf={AS_OF}
        headerRow={0}
        silentDays={7}
        onSelect={noop}
        asOfInput={input}
        onAsOfChange={noop}
      />
    );
    const html = htmlOf(element(""));
    expect(html).toMatch(/type="date"[^>]*value="2026-06-30"|value="2026-06-30"[^>]*type="date"/);
    expect(textOf(element(""))).toContain("As of (today unless you pick another day)");
    expect(textOf(element(""))).not.toContain("Today");
    expect(textOf(element("2026-06-30"))).toContain("Today");
  });

  it("says so when nothing is at risk, in Chinese too", () => {
    const empty = { orders: [], suppliers: [], totalUsd: 0 };
    expect(
      textOf(<MoneyAtRiskList list={empty} asOf={AS_OF} headerRow={0} silentDays={7} onSelect={noop} />),
    ).toContain("No money at risk as of 2026-06-30.");
    expect(
      textOf(
        <MoneyAtRiskList list={empty} asOf={AS_OF} headerRow={0} silentDays={7} onSelect={noop} />,
        "zh",
      ),
    ).toContain("截至 2026-06-30，没有风险资金。");
  });
});
