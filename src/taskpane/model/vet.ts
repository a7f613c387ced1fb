/**
 * The vetting form's data: what the guide's checklist records about a
 * supplier, turned into an Order the engine can score (a supplier-only
 * order: no money, no shipment), and into one GuardSuppliers row.
 */
import { RECOGNISED_BADGES } from "../../rules/checks/badges";
import { supplierKey } from "../../rules/identifiers/supplier-key";
import type { Badge, BusinessModel, CellValue, Order, PaymentChannel, Verdict } from "../../rules/types";
import { type Grade, gradeSupplier, type SupplierRatings } from "./grading";

/** The checklist offers exactly the badges the badges rule recognises. */
export const VET_BADGES = RECOGNISED_BADGES;
export const VET_MODELS = ["unknown", "manufacturer", "wholesaler", "agent", "service"] as const;
export const VET_VISITS = ["unknown", "done", "refused", "none"] as const;
export const VET_PAYMENTS = [
  "unknown",
  "escrow",
  "staged",
  "credit",
  "wechat",
  "personal_alipay",
  "bank_transfer",
  "personal_bank",
  "western_union",
] as const satisfies readonly PaymentChannel[];
export const TEST_REPORTS = ["CE", "FCC", "GB/T"] as const;

export interface VetForm {
  name: string;
  shopUrl: string;
  memberId: string;
  uscc: string;
  years: string;
  badges: Badge[];
  businessModel: (typeof VET_MODELS)[number];
  factoryVisit: (typeof VET_VISITS)[number];
  samples: boolean;
  testReports: string[];
  trialOrder: boolean;
  reviewScore: string;
  reviewCount: string;
  repeatRate: string;
  payment: (typeof VET_PAYMENTS)[number];
  onTime: string;
  defects: string;
  disputes: string;
}

export const EMPTY_FORM: VetForm = {
  name: "",
  shopUrl: "",
  memberId: "",
  uscc: "",
  years: "",
  badges: [],
  businessModel: "unknown",
  factoryVisit: "unknown",
  samples: false,
  testReports: [],
  trialOrder: false,
  reviewScore: "",
  reviewCount: "",
  repeatRate: "",
  payment: "unknown",
  onTime: "",
  defects: "",
  disputes: "",
};

/** A number typed in a form field, or undefined when blank or not a number. */
export function formNumber(text: string): number | undefined {
  const t = text.normalize("NFKC").replace(/[%,\s]/g, "");
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const percent = (text: string): number | undefined => {
  const n = formNumber(text);
  return n === undefined ? undefined : n / 100;
};

/** The form as an order of this supplier (no money, nothing shipped), for scoreOrder. */
export function orderFromForm(form: VetForm): Order {
  const supplier: Order["supplier"] = {};
  if (form.name.trim()) supplier.name = form.name.trim();
  if (form.shopUrl.trim()) supplier.shopUrl = form.shopUrl.trim();
  if (form.memberId.trim()) supplier.memberId = form.memberId.trim();
  if (form.uscc.trim()) supplier.uscc = form.uscc.trim();
  const years = formNumber(form.years);
  if (years !== undefined) supplier.years = years;
  supplier.badges = [...form.badges];
  if (form.businessModel !== "unknown") {
    supplier.businessModel = form.businessModel as BusinessModel;
    supplier.claimsFactory = form.businessModel === "manufacturer";
  }
  if (form.factoryVisit !== "unknown") supplier.factoryVisit = form.factoryVisit;
  const score = formNumber(form.reviewScore);
  if (score !== undefined) supplier.reviewScore = score;
  const count = formNumber(form.reviewCount);
  if (count !== undefined) supplier.reviewCount = count;
  const repeat = percent(form.repeatRate);
  if (repeat !== undefined) supplier.repeatRate = repeat;
  const order: Order = { row: 0, supplier, payment: form.payment };
  if (form.samples || form.trialOrder) order.sample = true;
  if (form.testReports.length > 0) order.certs = form.testReports.join(", ");
  return order;
}

/** Prefills the form from a ledger order. */
export function formFromOrder(order: Order): VetForm {
  const s = order.supplier;
  const payment = (VET_PAYMENTS as readonly string[]).includes(order.payment)
    ? (order.payment as VetForm["payment"])
    : "unknown";
  const visit = s.factoryVisit ?? "unknown";
  return {
    ...EMPTY_FORM,
    name: s.name ?? "",
    shopUrl: s.shopUrl ?? "",
    memberId: s.memberId ?? "",
    uscc: s.uscc ?? "",
    years: s.years !== undefined ? String(s.years) : "",
    badges: (s.badges ?? []).filter((b): b is Badge => (VET_BADGES as readonly string[]).includes(b)),
    businessModel: s.businessModel ?? "unknown",
    factoryVisit: visit,
    samples: order.sample === true,
    reviewScore: s.reviewScore !== undefined ? String(s.reviewScore) : "",
    reviewCount: s.reviewCount !== undefined ? String(s.reviewCount) : "",
    repeatRate: s.repeatRate !== undefined ? String(Math.round(s.repeatRate * 1000) / 10) : "",
    payment,
  };
}

/** The internal grade from the rating fields. */
export function formGrade(form: VetForm): Grade | undefined {
  return gradeSupplier(formRatings(form));
}

/** The internal ratings typed in the form (on-time and defect shares, disputes); blanks left out. */
export function formRatings(form: VetForm): SupplierRatings {
  const ratings: SupplierRatings = {};
  const onTime = percent(form.onTime);
  if (onTime !== undefined) ratings.onTimeRate = onTime;
  const defects = percent(form.defects);
  if (defects !== undefined) ratings.defectRate = defects;
  const disputes = formNumber(form.disputes);
  if (disputes !== undefined) ratings.disputes = disputes;
  return ratings;
}

/** The supplier's key in GuardSuppliers: the shop link's key, else the normalised name. */
export function formKey(form: VetForm): string | undefined {
  return supplierKey(form.shopUrl.trim()) ?? supplierKey(form.name.trim());
}

/**
 * One GuardSuppliers row, in SUPPLIER_COLUMNS order. The grade is the one
 * computed from the ledger when given, else the typed ratings' grade.
 */
export function supplierRow(form: VetForm, verdict: Verdict, today: string, grade?: Grade): CellValue[] {
  const n = (t: string): CellValue => formNumber(t) ?? "";
  return [
    formKey(form) ?? "",
    form.name.trim(),
    form.shopUrl.trim(),
    form.memberId.trim(),
    form.uscc.trim(),
    n(form.years),
    form.badges.join(", "),
    form.businessModel === "unknown" ? "" : form.businessModel,
    form.factoryVisit === "unknown" ? "" : form.factoryVisit,
    form.samples ? "yes" : "no",
    form.testReports.join(", "),
    form.trialOrder ? "yes" : "no",
    n(form.reviewScore),
    n(form.reviewCount),
    n(form.repeatRate),
    form.payment === "unknown" ? "" : form.payment,
    verdict.score,
    verdict.level,
    n(form.onTime),
    n(form.defects),
    n(form.disputes),
    grade ?? formGrade(form) ?? "",
    today,
  ];
}
