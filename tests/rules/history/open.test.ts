import { isOpen, receivedBy } from "../../../src/rules/history";
import { AS_OF, day, order } from "./fixtures";

describe("where an order stood on a day", () => {
  it("is open when the ledger says it is not received", () => {
    expect(isOpen(order({ received: false }), AS_OF, undefined)).toBe(true);
  });

  it("is open when the received column of the ledger is blank on its row", () => {
    expect(isOpen(order({}), AS_OF, new Set(["received"]))).toBe(true);
  });

  it("is not known to be open when the ledger cannot tell receipt", () => {
    expect(isOpen(order({}), AS_OF, new Set(["supplierName"]))).toBe(false);
    expect(isOpen(order({}), AS_OF, undefined)).toBe(false);
  });

  it("is not open once closed, or received by the day", () => {
    expect(isOpen(order({ received: false, status: "closed" }), AS_OF, undefined)).toBe(false);
    expect(isOpen(order({ received: true }), AS_OF, undefined)).toBe(false);
  });

  it("was still open before its date of receipt", () => {
    const o = order({ received: true, history: { receivedDate: day("2026-06-10") } });
    expect(receivedBy(o, day("2026-06-09"))).toBe(false);
    expect(receivedBy(o, day("2026-06-10"))).toBe(true);
    expect(isOpen(o, day("2026-06-09"), undefined)).toBe(true);
  });
});
