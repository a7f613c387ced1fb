import type { SupplierHistory } from "../../../src/rules/history";
import { DEFAULT_SETTINGS } from "../../../src/rules/settings";
import { SupplierCard } from "../../../src/taskpane/components/SupplierCard";
import { findSupplier, readHistory } from "../../../src/taskpane/model/history";
import { AS_OF, LEDGER } from "../model/history-ledger";
import { textOf } from "./render";

const settings = DEFAULT_SETTINGS;
const view = readHistory(LEDGER, settings, AS_OF);

function card(name: string, lang: "en" | "zh" = "en"): string {
  const record = view && findSupplier(view.history, { name });
  if (record === undefined) throw new Error(`no record of ${name}`);
  return textOf(<SupplierCard record={record} asOf={AS_OF} headerRow={0} settings={settings} />, lang);
}

describe("SupplierCard", () => {
  it("flags the payee account change first, with both accounts and the row", () => {
    const text = card("深圳市华强创新电子有限公司");
    expect(text).toContain("Payee account changed: payment redirection?");
    expect(text).toContain(
      "Row 16: paid to 6217 0000 1111 2222 333, the order before to 6222 0212 3456 7890 123",
    );
    expect(text.indexOf("Payee account changed")).toBeLessThan(text.indexOf("orders, "));
    expect(text).not.toContain("Grade from the ledger");
  });

  it("shows no grade of its own: the grade is part of the supplier's verdict", () => {
    expect(card("东莞市鼎峰塑胶制品厂")).not.toMatch(/: D\b/);
  });

  it("shows the orders, spend, on-time rate and money at risk of the supplier that is always late", () => {
    const text = card("东莞市鼎峰塑胶制品厂");
    expect(text).toContain("4 orders, US$7,000 in all, 2026-01-15 to 2026-06-05");
    expect(text).toContain("On time: 0 of 4 (0%); late 3, overdue 1");
    expect(text).toContain("Money at risk now: US$1,944 on 1 order, the oldest 10 days");
  });

  it("states the grade rule with the team's silent days", () => {
    expect(card("宁波市海曙精工五金厂")).toContain(
      "money at risk 7+ days C, 30+ days D; a payee account change D",
    );
  });

  it("shows no grade for a record with nothing to grade on, and speaks Chinese", () => {
    const text = card("临沂市兰山区顺达商贸", "zh");
    expect(text).toContain("本台账中的记录：临沂市兰山区顺达商贸");
    expect(text).not.toContain("按台账计算的等级");
    expect(text).toContain("准时率：未知");
  });

  it("lists a price far below what the team paid before", () => {
    const record = view && findSupplier(view.history, { name: "深圳市华强创新电子有限公司" });
    const dropped: SupplierHistory = {
      ...(record as SupplierHistory),
      priceDrops: [
        {
          row: 16,
          item: "HQ-100",
          unit: { amount: 21.6, currency: "CNY" },
          earlier: { amount: 36, currency: "CNY" },
          earlierRow: 5,
          below: 0.4,
        },
      ],
    };
    const text = textOf(<SupplierCard record={dropped} asOf={AS_OF} headerRow={0} settings={settings} />);
    expect(text).toContain("Row 16: HQ-100 at ¥21.60, 40% below the ¥36 paid on row 5");
  });
});
