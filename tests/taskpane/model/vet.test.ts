import { supplierKey } from "../../../src/rules/identifiers/supplier-key";
import { scoreOrder } from "../../../src/rules/score";
import { DEFAULT_SETTINGS } from "../../../src/rules/settings";
import type { Order } from "../../../src/rules/types";
import { SUPPLIER_COLUMNS } from "../../../src/taskpane/excel/layout";
import { assessLedger } from "../../../src/taskpane/model/assess";
import {
  EMPTY_FORM,
  formFromOrder,
  formGrade,
  formKey,
  formNumber,
  orderFromForm,
  supplierRow,
  type VetForm,
} from "../../../src/taskpane/model/vet";
import { SAMPLE_HEADERS, SAMPLE_ROWS } from "../../../src/taskpane/mock/sample";

/** A sample ledger row as the pane reads it (data-row index into SAMPLE_ROWS). */
function ledgerOrder(index: number): Order {
  const row = assessLedger([[...SAMPLE_HEADERS], ...SAMPLE_ROWS], DEFAULT_SETTINGS).rows.find(
    (r) => r.index === index,
  );
  if (!row?.order) throw new Error(`sample row ${index} was not read`);
  return row.order;
}

const score = (form: VetForm) => scoreOrder(orderFromForm(form), { settings: DEFAULT_SETTINGS });
const rules = (form: VetForm) => score(form).reasons.map((r) => r.rule);

describe("formNumber", () => {
  it.each([
    ["12", 12],
    ["１２", 12],
    [" 4.5 ", 4.5],
    ["1,200", 1200],
    ["30%", 30],
    ["0", 0],
  ])("reads %j as %d", (text, n) => {
    expect(formNumber(text)).toBe(n);
  });

  it.each(["", "  ", "abc", "4 years", "1.2.3"])("gives nothing for %j", (text) => {
    expect(formNumber(text)).toBeUndefined();
  });
});

describe("formFromOrder: the form prefilled from a ledger row", () => {
  it("takes the supplier, its licence, badges, model and the payment channel from a sound order", () => {
    const form = formFromOrder(ledgerOrder(0)); // 义乌市鑫达日用品有限公司, 8 years, escrow
    expect(form).toMatchObject({
      name: "义乌市鑫达日用品有限公司",
      shopUrl: "https://shop1389241750.1688.com",
      uscc: "91330782MA2E4K7L6U",
      years: "8",
      businessModel: "manufacturer",
      payment: "escrow",
      samples: true,
    });
    expect([...form.badges].sort()).toEqual(["deep_audit", "powerful_merchant"]);
  });

  it("takes a WeChat transfer and a one-year store from a risky order", () => {
    const form = formFromOrder(ledgerOrder(2)); // 义乌市佳美饰品商行
    expect(form).toMatchObject({
      name: "义乌市佳美饰品商行",
      years: "1",
      badges: [],
      businessModel: "wholesaler",
      payment: "wechat",
      samples: false,
    });
  });

  it("leaves a payment channel the form does not offer as not known", () => {
    const order: Order = { row: 2, supplier: {}, payment: "cash" };
    expect(formFromOrder(order).payment).toBe("unknown");
  });

  it("writes the repeat-buyer rate as a percentage", () => {
    const order: Order = { row: 2, supplier: { repeatRate: 0.356 }, payment: "escrow" };
    expect(formFromOrder(order).repeatRate).toBe("35.6");
  });
});

describe("orderFromForm: the form as an order the engine scores", () => {
  it("turns the typed values into supplier facts", () => {
    const order = orderFromForm({
      ...EMPTY_FORM,
      name: " 东莞市宏图塑胶制品厂 ",
      years: "12",
      businessModel: "manufacturer",
      factoryVisit: "done",
      reviewScore: "4.8",
      reviewCount: "320",
      repeatRate: "35%",
      samples: true,
      testReports: ["CE", "FCC"],
      payment: "escrow",
    });
    expect(order.supplier).toMatchObject({
      name: "东莞市宏图塑胶制品厂",
      years: 12,
      businessModel: "manufacturer",
      claimsFactory: true,
      factoryVisit: "done",
      reviewScore: 4.8,
      reviewCount: 320,
      repeatRate: 0.35,
    });
    expect(order).toMatchObject({ payment: "escrow", sample: true, certs: "CE, FCC" });
    expect(order.total).toBeUndefined();
  });

  it("counts a trial order as a sample", () => {
    expect(orderFromForm({ ...EMPTY_FORM, trialOrder: true }).sample).toBe(true);
  });

  it("leaves out what is blank or not a number", () => {
    const order = orderFromForm({ ...EMPTY_FORM, years: "many", reviewScore: "" });
    expect(order.supplier.years).toBeUndefined();
    expect(order.supplier.reviewScore).toBeUndefined();
    expect(order.supplier.businessModel).toBeUndefined();
  });

  it("scores a supplier prefilled from a risky row for its private channel and young store", () => {
    const form = formFromOrder(ledgerOrder(2));
    expect(rules(form)).toEqual(expect.arrayContaining(["payment-channel", "store-age", "badges"]));
    expect(score(form).level).not.toBe("LOW");
  });

  it("scores a vetted manufacturer on escrow with badges and a licence LOW", () => {
    const form = formFromOrder(ledgerOrder(0));
    const verdict = score({ ...form, factoryVisit: "done" });
    expect(verdict.level).toBe("LOW");
    expect(verdict.reasons.map((r) => r.rule)).not.toContain("payment-channel");
  });

  it("lowers the risk when a WeChat supplier moves to escrow", () => {
    const form = formFromOrder(ledgerOrder(2));
    expect(score({ ...form, payment: "escrow" }).score).toBeLessThan(score(form).score);
  });

  it("round-trips a ledger row's supplier through the form", () => {
    const order = ledgerOrder(0);
    const again = orderFromForm(formFromOrder(order));
    expect(again.supplier).toMatchObject({
      name: order.supplier.name,
      shopUrl: order.supplier.shopUrl,
      uscc: order.supplier.uscc,
      years: order.supplier.years,
    });
  });
});

describe("formGrade", () => {
  it.each([
    ["96", "0.5", "0", "A"],
    ["92", "0.5", "0", "B"],
    ["85", "4", "2", "C"],
    ["70", "0", "0", "D"],
    ["99", "0", "5", "D"],
  ])("grades %s%% on time, %s%% defects, %s disputes as %s", (onTime, defects, disputes, grade) => {
    expect(formGrade({ ...EMPTY_FORM, onTime, defects, disputes })).toBe(grade);
  });

  it("gives no grade before any rating is filled in", () => {
    expect(formGrade(EMPTY_FORM)).toBeUndefined();
  });
});

describe("formKey and supplierRow", () => {
  it("keys a supplier by its shop link first, else by its name", () => {
    const link = "https://shop1389241750.1688.com";
    expect(formKey({ ...EMPTY_FORM, name: "义乌市鑫达日用品有限公司", shopUrl: link })).toBe(
      supplierKey(link),
    );
    expect(formKey({ ...EMPTY_FORM, name: "义乌市鑫达日用品有限公司" })).toBe(
      supplierKey("义乌市鑫达日用品有限公司"),
    );
    expect(formKey(EMPTY_FORM)).toBeUndefined();
  });

  it("writes one GuardSuppliers row in the table's column order", () => {
    const form: VetForm = { ...formFromOrder(ledgerOrder(2)), onTime: "92", defects: "0.5", disputes: "0" };
    const verdict = score(form);
    const row = supplierRow(form, verdict, "2025-03-10");
    expect(row).toHaveLength(SUPPLIER_COLUMNS.length);
    const at = (column: (typeof SUPPLIER_COLUMNS)[number]) => row[SUPPLIER_COLUMNS.indexOf(column)];
    expect(at("Supplier")).toBe("义乌市佳美饰品商行");
    expect(at("Store years")).toBe(1);
    expect(at("Payment channel")).toBe("wechat");
    expect(at("Samples")).toBe("no");
    expect(at("Risk score")).toBe(verdict.score);
    expect(at("Risk level")).toBe(verdict.level);
    expect(at("Grade")).toBe("B");
    expect(at("Updated")).toBe("2025-03-10");
  });

  it("writes the grade computed from the ledger in place of the typed ratings' grade", () => {
    const form: VetForm = { ...formFromOrder(ledgerOrder(2)), onTime: "92", defects: "0.5", disputes: "0" };
    const row = supplierRow(form, score(form), "2025-03-10", "D");
    expect(row[SUPPLIER_COLUMNS.indexOf("Grade")]).toBe("D");
  });

  it("leaves unknown choices and blank numbers empty", () => {
    const row = supplierRow(EMPTY_FORM, score(EMPTY_FORM), "2025-03-10");
    const at = (column: (typeof SUPPLIER_COLUMNS)[number]) => row[SUPPLIER_COLUMNS.indexOf(column)];
    expect([at("Business model"), at("Factory visit"), at("Payment channel"), at("Store years")]).toEqual([
      "",
      "",
      "",
      "",
    ]);
  });
});
