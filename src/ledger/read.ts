import type { Settings } from "../rules/settings";
import { integerDigits } from "../rules/digits";
import type {
  Badge,
  BusinessModel,
  CellIssue,
  CellValue,
  Money,
  Order,
  OrderHistory,
  OrderStatus,
  PaymentChannel,
  Supplier,
} from "../rules/types";
import { FIELD_BY_ID, type FieldDef, type FieldId } from "./fields";
import { findHeaderRow, mapHeaders, type HeaderMap, type HeaderOverrides } from "./header";
import { parseYesNo } from "./parse/bool";
import { parseDate, readIsoFast, type DateContext } from "./parse/date";
import { LedgerDates } from "./dates";
import { parseMoney } from "./parse/money";
import { isWithinMagnitude, numberText, parseNumber, tooLarge } from "./parse/number";
import { ok, type Parsed } from "./parse/parsed";
import { parseShare, readShareMark } from "./parse/percent";
import { excelErrorFailure, isBlank, isExcelErrorValue, isPlaceholder, normalizeText } from "./parse/text";
import {
  parseBadges,
  parseBusinessModel,
  parseFactoryVisit,
  parseOrderStatus,
  parsePaymentChannel,
  parsePaymentStatus,
  type FactoryVisit,
  type PaymentStatus,
} from "./parse/vocab";
import { parseYears } from "./parse/years";

/** A cell that could not be read: which column, which field, the cell as written, why. */
export interface RowIssue extends CellIssue {
  field: FieldId;
}

/**
 * The result of one ledger row: always an order. A cell that could not be
 * read never stops its row: the order has that field unknown and lists the
 * cell in `order.issues` (scoring adds an `unreadable_cell` note for each).
 */
export interface RowResult {
  ok: true;
  order: Order;
}

/**
 * A paid-amount cell written as a share of the order ("全款", "30%", "付3成"):
 * the amount is that share of the order total, known only once the whole row
 * is read.
 */
class ShareOfTotal {
  constructor(
    readonly share: number,
    readonly text: string,
  ) {}
}

/** Money columns whose cells may say what share of the order was paid instead of an amount. */
const PAID_FIELDS: ReadonlySet<FieldId> = new Set<FieldId>(["paidUpfront", "amountPaid"]);

/** A paid amount, or the share of the order paid ("全款" = 1, "30%定金" = 0.3). */
function readPaid(v: CellValue, currency: string): Parsed<unknown> {
  const money = parseMoney(v, currency);
  if (money.ok || typeof v !== "string") return money;
  const text = normalizeText(v);
  const share = readShareMark(text);
  if (share === undefined) return money;
  return share.ok ? ok(new ShareOfTotal(share.value ?? 0, text)) : share;
}

export interface ReadOptions {
  settings: Settings;
  /** Sheet row number (1-based) of `rows[0]`. */
  firstRow: number;
  /**
   * Read the facts the history checks need as well (`Order.history`: dates,
   * payee account, item). Off by default: those columns are then not read at
   * all, and an odd date never costs a thing.
   */
  history?: boolean | undefined;
  /**
   * The day the ledger is read as of: a date without a year ("5月6日", "Jan
   * 20") takes its year, or the year before when that would put it after
   * this day. Today when left out.
   */
  asOf?: Date | undefined;
  /**
   * The ledger's date columns (their day order), when the rows are read in
   * parts: one LedgerDates that has observed the rows read so far. Left out,
   * the order is decided from `rows` alone.
   */
  dates?: LedgerDates | undefined;
}

/** What a received column says: yes/no, a quantity received, or a date of receipt. */
export interface ReceivedValue {
  received?: boolean;
  quantity?: number;
  date?: Date;
}

/** What a ship-date column says: a date, yes/no, or a note meaning it shipped. */
export interface ShippedValue {
  shipped: boolean;
  date?: Date;
}

/** The values of one row that orders are built from, parsed, by field (the rest are not read: NOT_IN_ORDERS). */
interface FieldValues {
  orderId?: string;
  supplierName?: string;
  memberId?: string;
  shopUrl?: string;
  uscc?: string;
  storeYears?: number;
  badges?: Badge[];
  businessModel?: BusinessModel;
  claimsFactory?: boolean;
  factoryVisit?: FactoryVisit;
  reviewScore?: number;
  reviewCount?: number;
  recentReviewShare?: number;
  repeatRate?: number;
  total?: Money;
  goodsTotal?: Money;
  shipping?: Money;
  adjustment?: Money;
  amountPaid?: Money;
  paidUpfront?: Money;
  paidShare?: number;
  paymentMethod?: { channel: PaymentChannel; text: string };
  paymentStatus?: PaymentStatus;
  status?: OrderStatus;
  received?: ReceivedValue;
  shippedDate?: ShippedValue;
  quantity?: number;
  unitPrice?: Money;
  referencePrice?: Money;
  carrier?: string;
  trackingNumber?: string;
  sample?: boolean;
  contract?: boolean;
  inspection?: boolean;
  exportShipment?: boolean;
  invoice?: boolean;
  packingList?: boolean;
  exportDeclaration?: boolean;
  payee?: string;
  category?: string;
  market?: string;
  certs?: string;
  orderDate?: Date;
  paidDate?: Date;
  promisedDate?: Date;
  receivedDate?: Date;
  payeeAccount?: string;
  productTitle?: string;
  sku?: string;
  offerId?: string;
}

// ------------------------------------------------------------ cell readers

function asText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v);
}

function readText(v: CellValue): Parsed<string> {
  if (typeof v === "number") return ok(String(v));
  const text = normalizeText(asText(v));
  return ok(text === "" || isPlaceholder(text) ? undefined : text);
}

/** Identifiers: a whole number typed into a number cell is written out in full, never as 1.2e+18. */
function readId(v: CellValue): Parsed<string> {
  if (typeof v === "number" && Number.isInteger(v)) {
    return ok(integerDigits(v));
  }
  return readText(v);
}

/** Yes/no words; any other note (a contract number, "SGS 3/5", a date) records that the thing exists. */
function readEvidence(v: CellValue): Parsed<boolean> {
  const yesNo = parseYesNo(v);
  if (yesNo.ok) return yesNo;
  if (typeof v === "number") return ok(v !== 0);
  return ok(true);
}

const DOMESTIC: ReadonlySet<string> = new Set([
  "中国",
  "国内",
  "内销",
  "中国大陆",
  "大陆",
  "china",
  "cn",
  "prc",
  "domestic",
  "mainland china",
]);

/** Yes/no, or a destination: China means a domestic shipment, any other place an export. */
function readExport(v: CellValue): Parsed<boolean> {
  const yesNo = parseYesNo(v);
  if (yesNo.ok) return yesNo;
  return ok(!DOMESTIC.has(normalizeText(asText(v)).toLowerCase()));
}

function readReceived(v: CellValue, dates: DateContext | undefined): Parsed<ReceivedValue> {
  if (v instanceof Date) return ok({ received: true, date: v });
  if (typeof v === "number") return isWithinMagnitude(v) ? ok({ quantity: v }) : tooLarge(numberText(v));
  const yesNo = parseYesNo(v);
  if (yesNo.ok) return yesNo.value === undefined ? ok(undefined) : ok({ received: yesNo.value });
  const quantity = parseNumber(v);
  if (quantity.ok) return quantity.value === undefined ? ok(undefined) : ok({ quantity: quantity.value });
  const date = parseDate(v, dates);
  if (date.ok && date.value !== undefined) return ok({ received: true, date: date.value });
  return yesNo;
}

/** A ship date, yes/no, or any other note ("3月5日", "partly"): something was shipped. */
function readShipped(v: CellValue, dates: DateContext | undefined): Parsed<ShippedValue> {
  if (typeof v === "boolean") return ok({ shipped: v });
  const date = parseDate(v, dates);
  if (date.ok) return date.value === undefined ? ok(undefined) : ok({ shipped: true, date: date.value });
  const yesNo = parseYesNo(v);
  if (yesNo.ok) return yesNo.value === undefined ? ok(undefined) : ok({ shipped: yesNo.value });
  return ok({ shipped: true });
}

function readVocab<T>(v: CellValue, read: (v: CellValue) => T | undefined): Parsed<T> {
  return isBlank(v) ? ok(undefined) : ok(read(v));
}

function readCell(
  def: FieldDef,
  v: CellValue,
  currency: string,
  dates: DateContext | undefined,
): Parsed<unknown> {
  switch (def.kind) {
    case "text":
      return readText(v);
    case "id":
      return readId(v);
    case "money":
      return PAID_FIELDS.has(def.id) ? readPaid(v, currency) : parseMoney(v, currency);
    case "share":
      return parseShare(v);
    case "number":
      return parseNumber(v);
    case "years":
      return parseYears(v);
    case "date":
      return parseDate(v, dates);
    case "bool":
      return parseYesNo(v);
    case "evidence":
      return readEvidence(v);
    case "export":
      return readExport(v);
    case "received":
      return readReceived(v, dates);
    case "shipped":
      return readShipped(v, dates);
    case "payment": {
      const text = asText(v).trim();
      return text === "" ? ok(undefined) : ok({ channel: parsePaymentChannel(text), text });
    }
    case "status":
      return readVocab(v, parseOrderStatus);
    case "paymentStatus":
      return readVocab(v, parsePaymentStatus);
    case "badges":
      return readVocab(v, parseBadges);
    case "businessModel":
      return readVocab(v, parseBusinessModel);
    case "factoryVisit":
      return readVocab(v, parseFactoryVisit);
  }
}

// ------------------------------------------------------------ compiled map

interface Column {
  index: number;
  header: string;
  def: FieldDef;
  /**
   * The field's id and kind, kept on the column: read for every cell, and `def.id`/`def.kind`
   * were loads from objects of a dozen shapes (the fields' definitions differ), which V8 does
   * the slow way (megamorphic).
   */
  id: FieldId;
  kind: FieldDef["kind"];
  currency: string | undefined;
  scale: number | undefined;
  /**
   * Parsed text cells of this column, for the currency they were parsed in:
   * ledgers repeat suppliers, methods, carriers and amounts on many rows.
   */
  memo: Map<string, Parsed<unknown>>;
  memoCurrency: string | undefined;
  /** A text or identifier column: a text cell is the text itself, normalised. */
  plain: boolean;
  /** A paid-amount column, whose cells may be a share of the order ("全款", "30%"). */
  paid: boolean;
  /**
   * Normalised texts of a plain column ("" for none), while it repeats itself
   * (supplier names, carriers); dropped once most texts turn out unique (order ids).
   */
  texts: Map<string, string> | undefined;
  textHits: number;
  textMisses: number;
  /** Where the column's value goes in a row's values array. */
  slot: number;
  /** A money column's last amount from a number cell: the next equal one shares it. */
  lastMoney: Money | undefined;
  /** A cell that cannot be read leaves the value unknown, unnamed (history facts other than dates). */
  lenient: boolean;
  /** A column whose cells may be dates (read in the column's day order, see dates.ts). */
  dates: boolean;
  /** The date context `memo` was filled in. */
  memoDates: DateContext | undefined;
}

/** Distinct texts remembered per column; past this the column parses afresh. */
const COLUMN_MEMO = 4096;

interface Compiled {
  columns: Column[];
  orderIdColumn: number | undefined;
  /** Slots of the order-level fields, which continuation rows inherit. */
  orderLevel: number[];
  is1688Export: boolean;
  slots: Slots;
  /** Suppliers built so far, by name (or member id, link, licence): rows share equal ones. */
  suppliers: Map<string, Supplier>;
  /** The last amount a money column made (see moneyOf). */
  lastMoney: Money | undefined;
  /** Read for the history checks too (see ReadOptions.history). */
  history: boolean;
}

const compiledMaps = new WeakMap<HeaderMap, Compiled>();
const compiledHistoryMaps = new WeakMap<HeaderMap, Compiled>();

/**
 * Fields the header map knows (so their columns are named, not "unknown") but
 * no order or check uses: their cells are not read, so a long product title
 * costs nothing and an odd order or payment time never keeps a row from being
 * scored.
 * Inventory figures reach the engine as GUARD.REORDERPOINT's own arguments.
 */
const NOT_IN_ORDERS: ReadonlySet<FieldId> = new Set<FieldId>([
  "orderDate",
  "paidDate",
  "productTitle",
  "sku",
  "offerId",
  "dailySales",
  "leadDays",
  "transitDays",
  "safetyDays",
  "onHand",
  "inTransit",
  "promisedDate",
  "receivedDate",
  "payeeAccount",
  // Read by pay-facts.ts from the cells, for the pay verdict and the dossier.
  "payeeConfirmed",
  "supplierPhone",
  "chatLink",
  "receiptLink",
  "photoLink",
]);

/** Fields read only for the history checks (ReadOptions.history); a cell there that cannot be read is left unknown. */
const HISTORY_FIELDS: ReadonlySet<FieldId> = new Set<FieldId>([
  "orderDate",
  "paidDate",
  "promisedDate",
  "receivedDate",
  "payeeAccount",
  "productTitle",
  "sku",
  "offerId",
]);

function compile(map: HeaderMap, history = false): Compiled {
  const cache = history ? compiledHistoryMaps : compiledMaps;
  const hit = cache.get(map);
  if (hit !== undefined) return hit;
  // When the units of the money columns name one currency ("订单金额(USD)"), the money
  // columns without a unit ("预付款") are in that currency too, not the settings' default.
  const named = new Set(Object.values(map.currencyByField));
  const sheetCurrency = named.size === 1 ? [...named][0] : undefined;
  const columns: Column[] = [];
  for (const c of map.columns) {
    if (c.field === undefined) continue;
    // A date of receipt (签收日期) also says the goods arrived: read it with or without history.
    const forHistory = (history || c.field === "receivedDate") && HISTORY_FIELDS.has(c.field);
    if (NOT_IN_ORDERS.has(c.field) && !forHistory) continue;
    const def = FIELD_BY_ID[c.field];
    const currency = c.currency ?? (def.kind === "money" ? sheetCurrency : undefined);
    columns.push({
      index: c.index,
      header: c.header,
      def,
      id: def.id,
      kind: def.kind,
      currency,
      scale: c.scale,
      memo: new Map(),
      memoCurrency: undefined,
      plain: def.kind === "text" || def.kind === "id",
      paid: PAID_FIELDS.has(def.id),
      texts: new Map(),
      textHits: 0,
      textMisses: 0,
      slot: 0,
      lastMoney: undefined,
      // An unread date is named like any other cell: nothing is dropped silently.
      lenient: forHistory && def.kind !== "date",
      dates: def.kind === "date" || def.kind === "shipped" || def.kind === "received",
      memoDates: undefined,
    });
  }
  const slots = slotsFor([...new Set(columns.map((c) => c.def.id))]);
  for (const c of columns) c.slot = slots[c.def.id];
  const compiled: Compiled = {
    columns,
    orderIdColumn: map.byField.orderId,
    orderLevel: [...new Set(columns.filter((c) => c.def.level === "order").map((c) => c.slot))],
    is1688Export: map.layout === "1688-export",
    slots,
    suppliers: new Map(),
    lastMoney: undefined,
    history,
  };
  cache.set(map, compiled);
  return compiled;
}

// ------------------------------------------------------------ rows

/** Index of a row's first cell that is not blank; -1 for an empty row. */
function firstFilled(row: readonly CellValue[]): number {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return i;
  return -1;
}

const SUMMARY_WORDS: ReadonlySet<string> = new Set([
  "合计",
  "总计",
  "小计",
  "汇总",
  "total",
  "totals",
  "grand total",
  "sum",
  "subtotal",
]);

/** First characters of the summary words, as typed (either case, half or full width). */
const SUMMARY_FIRST: ReadonlySet<string> = new Set(
  [...SUMMARY_WORDS].flatMap((w) => {
    const c = w[0] ?? "";
    const forms = [c, c.toUpperCase()];
    // Full-width Latin letters (Ｔ, ｔ) sit 0xFEE0 above their ASCII forms.
    return c < "\u0080"
      ? [...forms, ...forms.map((f) => String.fromCharCode(f.charCodeAt(0) + 0xfee0))]
      : forms;
  }),
);

/** A totals row under the data ("合计", "Total" in its first filled cell) is not an order. */
function isSummaryRow(row: readonly CellValue[], first = firstFilled(row)): boolean {
  if (first < 0) return false;
  const v = row[first];
  if (typeof v !== "string" || v.length > 12) return false;
  // Most first cells (order ids, titles) start with no summary word's letter.
  let i = 0;
  while (i < v.length && (v.charCodeAt(i) <= 0x20 || v.charCodeAt(i) === 0x3000)) i++;
  if (!SUMMARY_FIRST.has(v[i] ?? "")) return false;
  return SUMMARY_WORDS.has(
    normalizeText(v)
      .toLowerCase()
      .replace(/[:：]$/, ""),
  );
}

/** Where each field's value sits in a row's values array (`Slots.none`: an unmapped field). */
type Slots = Record<FieldId, number> & { none: number };

/**
 * One slot per mapped field (and for paidShare, which a "30%" deposit cell sets),
 * then one that stays undefined for every unmapped field. Written as one literal
 * so every ledger's slots share one object shape (reads stay monomorphic).
 */
function slotsFor(mapped: readonly FieldId[]): Slots {
  const fields = mapped.includes("paidShare") ? mapped : [...mapped, "paidShare" as const];
  const none = fields.length;
  const at = (field: FieldId): number => {
    const i = fields.indexOf(field);
    return i < 0 ? none : i;
  };
  return {
    orderId: at("orderId"),
    supplierName: at("supplierName"),
    memberId: at("memberId"),
    shopUrl: at("shopUrl"),
    uscc: at("uscc"),
    storeYears: at("storeYears"),
    badges: at("badges"),
    businessModel: at("businessModel"),
    claimsFactory: at("claimsFactory"),
    factoryVisit: at("factoryVisit"),
    reviewScore: at("reviewScore"),
    reviewCount: at("reviewCount"),
    recentReviewShare: at("recentReviewShare"),
    repeatRate: at("repeatRate"),
    total: at("total"),
    goodsTotal: at("goodsTotal"),
    shipping: at("shipping"),
    adjustment: at("adjustment"),
    amountPaid: at("amountPaid"),
    paidUpfront: at("paidUpfront"),
    paidShare: at("paidShare"),
    paymentMethod: at("paymentMethod"),
    paymentStatus: at("paymentStatus"),
    status: at("status"),
    received: at("received"),
    shippedDate: at("shippedDate"),
    paidDate: at("paidDate"),
    orderDate: at("orderDate"),
    quantity: at("quantity"),
    unitPrice: at("unitPrice"),
    referencePrice: at("referencePrice"),
    carrier: at("carrier"),
    trackingNumber: at("trackingNumber"),
    sample: at("sample"),
    contract: at("contract"),
    inspection: at("inspection"),
    exportShipment: at("exportShipment"),
    invoice: at("invoice"),
    packingList: at("packingList"),
    exportDeclaration: at("exportDeclaration"),
    payee: at("payee"),
    category: at("category"),
    market: at("market"),
    certs: at("certs"),
    productTitle: at("productTitle"),
    sku: at("sku"),
    offerId: at("offerId"),
    dailySales: at("dailySales"),
    leadDays: at("leadDays"),
    transitDays: at("transitDays"),
    safetyDays: at("safetyDays"),
    onHand: at("onHand"),
    inTransit: at("inTransit"),
    promisedDate: at("promisedDate"),
    receivedDate: at("receivedDate"),
    payeeAccount: at("payeeAccount"),
    payeeConfirmed: at("payeeConfirmed"),
    supplierPhone: at("supplierPhone"),
    chatLink: at("chatLink"),
    receiptLink: at("receiptLink"),
    photoLink: at("photoLink"),
    none,
  };
}

/** A row's values array, every slot undefined. */
function newValues(compiled: Compiled): unknown[] {
  return new Array<unknown>(compiled.slots.none + 1).fill(undefined);
}

/**
 * Writes the parsed cells of one row into `values` (by slot, all undefined on
 * entry); returns the issues, or `undefined` when there are none.
 */
function fillRowValues(
  compiled: Compiled,
  row: readonly CellValue[],
  settings: Settings,
  values: unknown[],
  dates: LedgerDates | undefined,
): RowIssue[] | undefined {
  const paidShare = compiled.slots.paidShare;
  let issues: RowIssue[] | undefined;
  const columns = compiled.columns;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column;
    const v = row[c.index];
    if (v === null || v === undefined || v === "") continue;
    const id = c.id;
    if (typeof v === "string") {
      // Dates: most are ISO days or the 1688 export's timestamps, read without normalising.
      if (c.kind === "date") {
        const date = readIsoFast(v);
        if (date !== undefined) {
          values[c.slot] = date;
          continue;
        }
      }
      // Text and identifiers: the cell as written, normalised.
      if (c.plain && !isExcelErrorValue(v)) {
        const text = plainText(c, v);
        if (text !== "") values[c.slot] = text;
        continue;
      }
    }
    if (typeof v === "number" && isWithinMagnitude(v)) {
      // Numbers in money and number columns need no parsing (beyond 10^15 the parser names them too large).
      const kind = c.kind;
      if (kind === "money") {
        values[c.slot] = moneyOf(compiled, c, v, c.currency ?? settings.defaultCurrency);
        continue;
      }
      if (kind === "number") {
        values[c.slot] = v;
        continue;
      }
    }
    const dateContext = c.dates ? dates?.contextFor(c.index) : undefined;
    const parsed =
      typeof v === "string"
        ? readTextCell(c, v, settings, dateContext)
        : readCell(c.def, v, c.currency ?? settings.defaultCurrency, dateContext);
    if (!parsed.ok) {
      if (c.lenient) continue;
      const issue: RowIssue = {
        column: c.header,
        field: id,
        value: asText(v),
        message: parsed.message,
      };
      if (parsed.messageZh !== undefined) issue.messageZh = parsed.messageZh;
      (issues ??= []).push(issue);
    } else if (c.paid && parsed.value instanceof ShareOfTotal) {
      // Teams write the deposit as "30%" or "全款" in the same column as amounts: a share of the total.
      if (id !== "paidUpfront") values[c.slot] = parsed.value;
      else if (values[paidShare] === undefined) values[paidShare] = parsed.value.share;
    } else if (parsed.value !== undefined) {
      values[c.slot] =
        c.scale !== undefined && c.kind === "money"
          ? { ...(parsed.value as Money), amount: (parsed.value as Money).amount * c.scale }
          : parsed.value;
    }
  }
  return issues;
}

/** Plain texts seen before this many times in a column before it is judged unique. */
const TEXT_TRIAL = 256;

/** A text cell of a text or identifier column, normalised; "" for a blank or a placeholder. */
function plainText(c: Column, v: string): string {
  const texts = c.texts;
  if (texts !== undefined) {
    const hit = texts.get(v);
    if (hit !== undefined) {
      c.textHits++;
      return hit;
    }
  }
  const normal = normalizeText(v);
  const text = normal === "" || isPlaceholder(normal) ? "" : normal;
  if (texts !== undefined) {
    c.textMisses++;
    // Mostly unique texts (order ids, tracking numbers): remembering costs more than it saves.
    if (c.textMisses >= TEXT_TRIAL && c.textHits < c.textMisses) c.texts = undefined;
    else if (texts.size < COLUMN_MEMO) texts.set(v, text);
  }
  return text;
}

/**
 * The amount of a number cell in a money column (scaled by the column's unit).
 * Amounts repeat down a column (shipping 0, a fixed price) and across a row
 * (货品总价 and 实付款 are one figure when nothing was added): an amount equal
 * to the column's last one, or to the last one any column made, shares it.
 */
function moneyOf(compiled: Compiled, c: Column, v: number, currency: string): Money {
  const amount = c.scale === undefined ? v : v * c.scale;
  const last = c.lastMoney;
  if (last !== undefined && last.amount === amount && last.currency === currency) return last;
  const recent = compiled.lastMoney;
  if (recent !== undefined && recent.amount === amount && recent.currency === currency)
    return (c.lastMoney = recent);
  const money = { amount, currency };
  compiled.lastMoney = money;
  return (c.lastMoney = money);
}

/** A text cell, parsed once per distinct text and currency in its column. */
function readTextCell(
  c: Column,
  v: string,
  settings: Settings,
  dates: DateContext | undefined,
): Parsed<unknown> {
  const currency = c.currency ?? settings.defaultCurrency;
  if (c.memoCurrency !== currency || c.memoDates !== dates) {
    c.memo.clear();
    c.memoCurrency = currency;
    c.memoDates = dates;
  }
  const hit = c.memo.get(v);
  if (hit !== undefined) return hit;
  const parsed = isExcelErrorValue(v) ? excelErrorFailure(v) : readCell(c.def, v, currency, dates);
  if (c.memo.size < COLUMN_MEMO) c.memo.set(v, parsed);
  return parsed;
}

/** 货品总价 + 运费 + 涨价或折扣, as 1688 computes 实付款; an issue when a part is in another currency. */
function sumTotal(v: readonly unknown[], s: Slots, map: HeaderMap): Money | RowIssue | undefined {
  const goods = v[s.goodsTotal] as FieldValues["goodsTotal"];
  if (goods === undefined) return undefined;
  const shipping = v[s.shipping] as FieldValues["shipping"];
  const adjustment = v[s.adjustment] as FieldValues["adjustment"];
  if (shipping !== undefined && shipping.currency !== goods.currency)
    return mixedCurrency("shipping", shipping, goods, map);
  if (adjustment !== undefined && adjustment.currency !== goods.currency)
    return mixedCurrency("adjustment", adjustment, goods, map);
  const amount = goods.amount + (shipping?.amount ?? 0) + (adjustment?.amount ?? 0);
  const rounded = Math.round(amount * 100) / 100;
  // Nothing added (no shipping, no discount): the goods amount is the total.
  return rounded === goods.amount ? goods : { amount: rounded, currency: goods.currency };
}

function mixedCurrency(
  field: "shipping" | "adjustment",
  part: Money,
  goods: Money,
  map: HeaderMap,
): RowIssue {
  return {
    column: map.columns.find((c) => c.field === field)?.header ?? field,
    field,
    value: `${part.amount} ${part.currency}`,
    message: `${part.currency} cannot be added to goods priced in ${goods.currency}`,
    messageZh: `${part.currency} 不能与以 ${goods.currency} 计价的货款相加`,
  };
}

function receivedFromStatus(status: OrderStatus | undefined): boolean | undefined {
  if (status === "received" || status === "completed") return true;
  if (status === "awaiting_payment" || status === "awaiting_shipment" || status === "shipped") return false;
  return undefined;
}

function shippedFromStatus(status: OrderStatus | undefined): boolean | undefined {
  if (status === "shipped" || status === "received" || status === "completed") return true;
  if (status === "awaiting_payment" || status === "awaiting_shipment") return false;
  return undefined;
}

/** The text shown when a 1688 export row has no payment column: an ordinary 1688 order, paid into escrow. */
export const EXPORT_PAYMENT_TEXT = "1688 order (escrow)";

/** Suppliers remembered per header map (a ledger of 5,000 suppliers fits): past this many the memory starts afresh. */
const SUPPLIER_MEMO = 65_536;

/**
 * The supplier of a row. Every key is present (undefined when unknown), in one
 * order, so every supplier shares one object shape. Suppliers repeat on many
 * rows: a row whose supplier facts all equal those of a supplier built before
 * (same name, or member id, link, licence) shares that frozen object.
 */
function buildSupplier(v: readonly unknown[], c: Compiled): Supplier {
  const s = c.slots;
  const name = v[s.supplierName] as FieldValues["supplierName"];
  const memberId = v[s.memberId] as FieldValues["memberId"];
  const shopUrl = v[s.shopUrl] as FieldValues["shopUrl"];
  const uscc = v[s.uscc] as FieldValues["uscc"];
  const years = v[s.storeYears] as FieldValues["storeYears"];
  const badges = v[s.badges] as FieldValues["badges"];
  const businessModel = v[s.businessModel] as FieldValues["businessModel"];
  // Calling itself a manufacturer (生产加工) is claiming to be the factory.
  const claimsFactory =
    (v[s.claimsFactory] as FieldValues["claimsFactory"]) ??
    (businessModel === "manufacturer" ? true : undefined);
  const factoryVisit = v[s.factoryVisit] as FieldValues["factoryVisit"];
  const reviewScore = v[s.reviewScore] as FieldValues["reviewScore"];
  const reviewCount = v[s.reviewCount] as FieldValues["reviewCount"];
  const recentReviewShare = v[s.recentReviewShare] as FieldValues["recentReviewShare"];
  const repeatRate = v[s.repeatRate] as FieldValues["repeatRate"];
  const key = name ?? memberId ?? shopUrl ?? uscc;
  if (key !== undefined) {
    const seen = c.suppliers.get(key);
    if (
      seen !== undefined &&
      seen.name === name &&
      seen.memberId === memberId &&
      seen.shopUrl === shopUrl &&
      seen.uscc === uscc &&
      seen.years === years &&
      seen.badges === badges &&
      seen.businessModel === businessModel &&
      seen.claimsFactory === claimsFactory &&
      seen.factoryVisit === factoryVisit &&
      seen.reviewScore === reviewScore &&
      seen.reviewCount === reviewCount &&
      seen.recentReviewShare === recentReviewShare &&
      seen.repeatRate === repeatRate
    ) {
      return seen;
    }
  }
  const supplier: Supplier = Object.freeze({
    name,
    memberId,
    shopUrl,
    uscc,
    years,
    badges,
    businessModel,
    claimsFactory,
    factoryVisit,
    reviewScore,
    reviewCount,
    recentReviewShare,
    repeatRate,
  });
  if (key !== undefined) {
    if (c.suppliers.size >= SUPPLIER_MEMO) c.suppliers.clear();
    c.suppliers.set(key, supplier);
  }
  return supplier;
}

/**
 * The order of a row, from its values array. Every key of `Order` is present
 * (undefined when unknown), written in one literal: one allocation, and one
 * object shape for every order the checks read.
 */
function buildOrder(
  v: readonly unknown[],
  c: Compiled,
  row: number,
  total: Money | undefined,
  amountPaid: Money | undefined,
  issues: readonly RowIssue[] | undefined,
): Order {
  const s = c.slots;
  // Payment. The 1688 export has no payment column: its orders are ordinary 1688 orders,
  // paid into escrow (担保交易) and protected until receipt (DOMAIN.md "Money at risk").
  // A blank payment cell in that layout means the same; elsewhere it is unknown.
  const method = v[s.paymentMethod] as FieldValues["paymentMethod"];
  const export1688 = method === undefined && c.is1688Export;
  const payment: PaymentChannel = method !== undefined ? method.channel : export1688 ? "escrow" : "unknown";
  const paymentText = method !== undefined ? method.text : export1688 ? EXPORT_PAYMENT_TEXT : undefined;

  // An ERP's 付款状态 "未支付" says the order awaits payment when no status column says more.
  const status =
    (v[s.status] as FieldValues["status"]) ??
    ((v[s.paymentStatus] as FieldValues["paymentStatus"]) === "unpaid" ? "awaiting_payment" : undefined);

  const quantity = v[s.quantity] as FieldValues["quantity"];
  const trackingNumber = v[s.trackingNumber] as FieldValues["trackingNumber"];
  let received = receivedFromStatus(status);
  const r = v[s.received] as FieldValues["received"];
  if (r !== undefined) {
    if (r.received !== undefined) received = r.received;
    else if (r.quantity !== undefined)
      received = quantity !== undefined ? r.quantity >= quantity : r.quantity > 0;
  }
  const history = c.history ? historyOf(v, s, r, v[s.shippedDate] as FieldValues["shippedDate"]) : undefined;
  // A date of receipt (签收日期) says the goods arrived when nothing else says otherwise.
  if (received === undefined && v[s.receivedDate] !== undefined) received = true;
  let shipped = shippedFromStatus(status);
  const shippedDate = v[s.shippedDate] as FieldValues["shippedDate"];
  if (shippedDate !== undefined) shipped = shippedDate.shipped;
  if (trackingNumber !== undefined || received === true) shipped = true;

  return {
    row,
    orderId: v[s.orderId] as FieldValues["orderId"],
    supplier: buildSupplier(v, c),
    total,
    paidUpfront: v[s.paidUpfront] as FieldValues["paidUpfront"],
    paidShare: v[s.paidShare] as FieldValues["paidShare"],
    amountPaid,
    payment,
    paymentText,
    status,
    received,
    shipped,
    quantity,
    unitPrice: v[s.unitPrice] as FieldValues["unitPrice"],
    referencePrice: v[s.referencePrice] as FieldValues["referencePrice"],
    carrier: v[s.carrier] as FieldValues["carrier"],
    trackingNumber,
    sample: v[s.sample] as FieldValues["sample"],
    contract: v[s.contract] as FieldValues["contract"],
    inspection: v[s.inspection] as FieldValues["inspection"],
    exportShipment: v[s.exportShipment] as FieldValues["exportShipment"],
    invoice: v[s.invoice] as FieldValues["invoice"],
    packingList: v[s.packingList] as FieldValues["packingList"],
    exportDeclaration: v[s.exportDeclaration] as FieldValues["exportDeclaration"],
    payee: v[s.payee] as FieldValues["payee"],
    category: v[s.category] as FieldValues["category"],
    market: v[s.market] as FieldValues["market"],
    certs: v[s.certs] as FieldValues["certs"],
    issues,
    history,
  };
}

/** The facts of `Order.history`, from a row read with `ReadOptions.history`. */
function historyOf(
  v: readonly unknown[],
  s: Slots,
  received: ReceivedValue | undefined,
  shipped: ShippedValue | undefined,
): OrderHistory {
  const offerId = v[s.offerId] as FieldValues["offerId"];
  const sku = v[s.sku] as FieldValues["sku"];
  const title = v[s.productTitle] as FieldValues["productTitle"];
  let item: string | undefined;
  if (offerId !== undefined && sku !== undefined) item = `${offerId}/${sku}`;
  else if (offerId !== undefined || sku !== undefined) item = offerId ?? sku;
  else if (title !== undefined) item = title.toLowerCase();
  return {
    orderDate: v[s.orderDate] as FieldValues["orderDate"],
    paidDate: v[s.paidDate] as FieldValues["paidDate"],
    shippedDate: shipped?.date,
    promisedDate: v[s.promisedDate] as FieldValues["promisedDate"],
    receivedDate: (v[s.receivedDate] as FieldValues["receivedDate"]) ?? received?.date,
    payeeAccount: v[s.payeeAccount] as FieldValues["payeeAccount"],
    item,
  };
}

/** The result of a row from its values array (by slot) and the issues its cells raised. */
function toResult(
  v: readonly unknown[],
  c: Compiled,
  issues: RowIssue[] | undefined,
  row: number,
  map: HeaderMap,
): RowResult {
  const s = c.slots;
  // Order total: an explicit total column, else 货品总价 + 运费 + 涨价或折扣.
  let total = v[s.total] as FieldValues["total"];
  if (total === undefined) {
    const sum = sumTotal(v, s, map);
    if (sum !== undefined && "message" in sum) (issues ??= []).push(sum);
    else total = sum;
  }
  // "全款" / "30%" in a paid-amount column: that share of the total.
  let amountPaid = v[s.amountPaid] as FieldValues["amountPaid"] | ShareOfTotal;
  if (amountPaid instanceof ShareOfTotal) {
    const share = amountPaid;
    amountPaid = total === undefined ? undefined : shareOf(total, share.share);
    if (total === undefined) (issues ??= []).push(noTotal(map, share));
  }
  return { ok: true, order: buildOrder(v, c, row, total, amountPaid, issues) };
}

/** `share` of an amount, to the cent; the amount itself for the whole. */
function shareOf(total: Money, share: number): Money {
  if (share === 1) return total;
  return { amount: Math.round(total.amount * share * 100) / 100, currency: total.currency };
}

function noTotal(map: HeaderMap, share: ShareOfTotal): RowIssue {
  return {
    column: map.columns.find((c) => c.field === "amountPaid")?.header ?? "amountPaid",
    field: "amountPaid",
    value: share.text,
    message: `"${share.text}" is a share of the order total, and the row has no order total`,
    messageZh: `“${share.text}”是订单总额的比例，但该行没有订单总额`,
  };
}

/**
 * Reads one row on its own (no continuation rows). `undefined` for an
 * entirely empty row or a totals row ("合计", "Total").
 */
export function readOrder(
  map: HeaderMap,
  row: readonly CellValue[],
  options: { settings: Settings; row: number; history?: boolean | undefined; asOf?: Date | undefined },
): RowResult | undefined {
  const first = firstFilled(row);
  if (first < 0 || isSummaryRow(row, first)) return undefined;
  const compiled = compile(map, options.history === true);
  const values = newValues(compiled);
  const dates = new LedgerDates(map, { asOf: options.asOf }).observe([row], options.row);
  const issues = fillRowValues(compiled, row, options.settings, values, dates);
  return toResult(values, compiled, issues, options.row, map);
}

/**
 * Reads the data rows under a header row into orders, one result per row that
 * holds anything. Entirely empty rows and totals rows ("合计", "Total") give no
 * result at all (the rows that remain keep their sheet row numbers).
 *
 * Continuation rows: when the sheet has an order-id column, a row whose order
 * id is blank directly after an order row (blank rows break the chain) is
 * another line of that order, as 1688's export writes multi-line orders: it
 * takes the order-level values it does not have itself (order id, supplier,
 * money, payment, status, tracking...) from the order row. A cell that cannot
 * be read leaves its field unknown and is listed in the order's `issues`; the
 * row is read all the same.
 */
export function readOrders(
  map: HeaderMap,
  rows: readonly (readonly CellValue[])[],
  options: ReadOptions,
): RowResult[] {
  const compiled = compile(map, options.history === true);
  const settings = options.settings;
  const dates = options.dates ?? ledgerDates(map, compiled, rows, options);
  const idColumn = compiled.orderIdColumn;
  const orderLevel = compiled.orderLevel;
  const results: RowResult[] = [];
  // Two values objects, reused row after row (orders copy what they keep): the
  // current row's, and the last order row's, which continuation rows inherit from.
  let values = newValues(compiled);
  let parent = newValues(compiled);
  let continuable = false; // whether a row with a blank order id continues the last order row
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i];
    const sheetRow = options.firstRow + i;
    const first = cells === undefined ? -1 : firstFilled(cells);
    if (cells === undefined || first < 0 || isSummaryRow(cells, first)) {
      continuable = false;
      continue;
    }
    for (let k = 0; k < values.length; k++) values[k] = undefined;
    const issues = fillRowValues(compiled, cells, settings, values, dates);
    let becomesParent = false;
    if (idColumn !== undefined) {
      if (isBlank(cells[idColumn]) && continuable) {
        for (let f = 0; f < orderLevel.length; f++) {
          const slot = orderLevel[f] as number;
          if (values[slot] === undefined) values[slot] = parent[slot];
        }
      } else {
        becomesParent = true;
        continuable = true;
      }
    }
    results.push(toResult(values, compiled, issues, sheetRow, map));
    if (becomesParent) {
      const swap = parent;
      parent = values;
      values = swap;
    }
  }
  return results;
}

/** The date columns of `rows` with their day order, when the rows read hold dates. */
function ledgerDates(
  map: HeaderMap,
  compiled: Compiled,
  rows: readonly (readonly CellValue[])[],
  options: ReadOptions,
): LedgerDates | undefined {
  if (!compiled.columns.some((c) => c.dates)) return undefined;
  return new LedgerDates(map, { asOf: options.asOf }).observe(rows, options.firstRow);
}

export interface ReadLedgerOptions {
  settings: Settings;
  overrides?: HeaderOverrides | undefined;
  /** Sheet row number (1-based) of `cells[0]`; 1 unless the range starts lower down. */
  firstSheetRow?: number | undefined;
  /** How many rows to search for the header row (30). */
  maxScan?: number | undefined;
  /** Read the history facts too (see ReadOptions.history). */
  history?: boolean | undefined;
  /** See ReadOptions.asOf. */
  asOf?: Date | undefined;
}

export interface LedgerRead {
  /** 0-based index into `cells` of the header row; -1 when none was found (then `results` is empty). */
  headerRowIndex: number;
  header: HeaderMap;
  results: RowResult[];
}

/** Finds the header row (rows above it are ignored), maps it, and reads every row below it. */
export function readLedger(cells: readonly (readonly CellValue[])[], options: ReadLedgerOptions): LedgerRead {
  const headerRowIndex = findHeaderRow(cells, options.maxScan ?? 30, options.overrides);
  if (headerRowIndex < 0) return { headerRowIndex, header: mapHeaders([]), results: [] };
  const header = mapHeaders(cells[headerRowIndex] ?? [], options.overrides);
  const firstRow = (options.firstSheetRow ?? 1) + headerRowIndex + 1;
  const results = readOrders(header, cells.slice(headerRowIndex + 1), {
    settings: options.settings,
    firstRow,
    history: options.history,
    asOf: options.asOf,
  });
  return { headerRowIndex, header, results };
}
