import "../../src/rules/pinyin";
import { findOrder, findRow, historyOn, judgePayment } from "../../src/ledger/pay-ledger";
import { DEFAULT_SETTINGS } from "../../src/rules/settings";
import { AS_OF, payLedger } from "../rules/pay/fixtures";

describe("the pay ledger", () => {
  const ledger = payLedger("zh");

  it("finds an order by its id as written (full-width too) and by its sheet row", () => {
    expect(findOrder(ledger, "ＰＯ-5103")).toBe(2);
    expect(findOrder(ledger, "PO-9999")).toBe(-1);
    expect(findRow(ledger, 4)).toBe(2);
  });

  it("computes the ledger's history once per day", () => {
    const a = historyOn(ledger, DEFAULT_SETTINGS, AS_OF);
    expect(historyOn(ledger, DEFAULT_SETTINGS, new Date(AS_OF.getTime()))).toBe(a);
    expect(historyOn(ledger, DEFAULT_SETTINGS, undefined)).not.toBe(a);
  });

  it("judges a payment with the ledger's fields and pay facts", () => {
    expect(
      judgePayment(ledger, findOrder(ledger, "PO-5102"), { settings: DEFAULT_SETTINGS, asOf: AS_OF }).verdict,
    ).toBe("STOP");
    expect(
      judgePayment(ledger, findOrder(ledger, "PO-5111"), { settings: DEFAULT_SETTINGS, asOf: AS_OF }).verdict,
    ).toBe("PAY");
  });
});
