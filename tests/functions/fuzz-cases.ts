/**
 * Seeded fuzzing of every GUARD function with the values Excel can pass: numbers to
 * ±9.99e307, text to 32,767 characters, error values, booleans, blanks, linked data types
 * (formatted numbers, entities) and ranges of mixed types. Each call must return a finite
 * number, a boolean, text Excel can hold, or an Excel error with a message (a #DIV/0!,
 * #NUM! or #NULL! passed on from an argument carries none), and never throw anything else.
 *
 * Shared by tests/functions/fuzz.test.ts (a short slice in `npm test`) and
 * scripts/fuzz-functions.mjs (`npm run fuzz`, 100,000 cases per function, with timings).
 * The same seed gives the same cases: a failure names its seed and case number.
 */
import * as guard from "../../src/functions/functions";
import { EXCEL_ERRORS } from "../../src/ledger/parse/text";

/** Excel's limits: the largest number a cell holds and the longest text. */
export const EXCEL_MAX_NUMBER = 9.99e307;
export const EXCEL_MAX_TEXT = 32767;

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** An error cell as the runtime hands it over (CustomFunctions.Error, or its stand-in). */
export interface ErrorCell {
  code: string;
  message: string;
}
export type MakeError = (code: string) => ErrorCell;

const ERROR_CODES = [...EXCEL_ERRORS];

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  0.3,
  30,
  100,
  500,
  6688,
  48000,
  1e15,
  -1e15,
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  1e300,
  1e306,
  1e307,
  -1e307,
  9e307,
  EXCEL_MAX_NUMBER,
  -EXCEL_MAX_NUMBER,
  1e-307,
  -1e-307,
  2958465, // 9999-12-31 as an Excel serial
  2958466,
  45000.5,
  -45000,
];

function randomNumber(rng: Rng): number {
  const r = rng();
  if (r < 0.4) return pick(rng, NUMBERS);
  if (r < 0.6) return int(rng, -1000, 100000);
  const magnitude = Math.min(EXCEL_MAX_NUMBER, 10 ** (rng() * 616 - 308));
  return rng() < 0.3 ? -magnitude : magnitude;
}

/** Short texts shaped like ledger cells, and the shapes that once broke a check. */
const TEXTS = [
  "",
  " ",
  "¥6,688.00",
  "US$ 800",
  "1.2万",
  "１２３",
  "30%",
  "全款",
  "微信转账",
  "担保交易",
  "bank transfer",
  "2026-06-30",
  "2026/3/5",
  "3月5日",
  "1/9/25",
  "是",
  "否",
  "TRUE",
  "#N/A",
  "1e307",
  "9.99E+307",
  "-9.99e307",
  "Infinity",
  "NaN",
  "1" + "0".repeat(307),
  "9".repeat(309),
  "¥" + "9".repeat(308),
  "1" + "0".repeat(300) + "万",
  "1" + "0".repeat(300) + "亿",
  "100%",
  "1e2%",
  "=cmd|' /C calc'!A0",
  " =1+1",
  "\u3000+SUM(A1)",
  "https://detail.1688.com/offer/612345678901.html",
  "https://shop1432227742039.1688.com",
  "http://1688.com@evil.top/x",
  "https://1688.com.shop-verify.top/offer/1.html",
  "xn--1688-abc.com",
  "b2b-22012345",
  "91330100716105852F",
  "913501007054321M0X",
  "1Z999AA10123456784",
  "EA123456785CN",
  "SF1234567890123",
  "顺丰",
  "UPS",
  "义乌市宏达贸易有限公司",
  "electronics",
  "EU",
  "CE, RoHS",
  "4年",
  "诚信通4年",
  "4.95",
  "\ud800",
  "\u0000\u0001",
  "a\tb\nc",
];

/** Long texts: each grows a seed pattern to up to 32,767 characters. */
const LONG_PATTERNS = [
  "a",
  "1",
  "中",
  "%",
  "/",
  ".",
  "-",
  "a.",
  "1,",
  "xn--",
  "b2b-1",
  "%E4%B8%AD",
  "http://",
  "https://a.1688.com/",
  "www.",
  "@",
  " ",
  "a ",
  "\u3000",
  "𠀀",
  "¥1,000",
  "9",
  "=",
  "0.",
];

function longText(rng: Rng): string {
  const length = rng() < 0.5 ? EXCEL_MAX_TEXT : int(rng, 1000, EXCEL_MAX_TEXT);
  const r = rng();
  const pattern = pick(rng, LONG_PATTERNS);
  const body = pattern.repeat(Math.ceil(length / pattern.length));
  let text: string;
  if (r < 0.3) text = `https://${body}`;
  else if (r < 0.45) text = `https://shop1.1688.com/${body}`;
  else if (r < 0.55) text = `http://${body}.1688.com`;
  else if (r < 0.6) text = `https://detail.1688.com/offer/1.html?memberId=${body}`;
  else text = body;
  // Vary one character so a memoised check sees a new text.
  const at = int(rng, 0, Math.max(0, text.length - 1));
  text = text.slice(0, at) + pick(rng, ["x", "1", "中", ".", "/"]) + text.slice(at + 1);
  return text.slice(0, EXCEL_MAX_TEXT);
}

function randomText(rng: Rng): string {
  const r = rng();
  if (r < 0.55) return pick(rng, TEXTS);
  if (r < 0.92) {
    const alphabet = "0123456789abcXYZ.,%¥$元万-+()/:@ 中文年月日#=\u3000１２";
    let s = "";
    for (let i = int(rng, 1, 24); i > 0; i--) s += alphabet.charAt(Math.floor(rng() * alphabet.length));
    return s;
  }
  return longText(rng);
}

/** Linked data types as the runtime hands them over with allowCustomDataForDataTypeAny. */
function dataType(rng: Rng): unknown {
  switch (int(rng, 0, 7)) {
    case 0:
      return { type: "FormattedNumber", basicValue: randomNumber(rng), numberFormat: "¥#,##0.00" };
    case 1:
      return { type: "Double", basicValue: randomNumber(rng), basicType: "Double", numberFormat: "0.0%" };
    case 2:
      return { type: "String", basicValue: randomText(rng), basicType: "String" };
    case 3:
      return { type: "Boolean", basicValue: rng() < 0.5, basicType: "Boolean" };
    case 4:
      return {
        type: "Entity",
        text: randomText(rng),
        properties: { Price: { type: "Double", basicValue: randomNumber(rng) } },
        basicType: "Error",
        basicValue: "#VALUE!",
      };
    case 5:
      return { type: "LinkedEntity", text: randomText(rng), basicType: "Error", basicValue: "#VALUE!" };
    case 6:
      return { type: "Error", errorType: "NotAvailable", basicType: "Error", basicValue: "#N/A" };
    default:
      return {
        type: "WebImage",
        address: "https://example.com/a.png",
        basicType: "Error",
        basicValue: "#VALUE!",
      };
  }
}

/** One cell value Excel may pass. */
export function randomCell(rng: Rng, error: MakeError): unknown {
  const r = rng();
  if (r < 0.3) return randomNumber(rng);
  if (r < 0.7) return randomText(rng);
  if (r < 0.78) return error(pick(rng, ERROR_CODES));
  if (r < 0.84) return rng() < 0.5;
  if (r < 0.92) return pick(rng, [null, undefined, ""]);
  return dataType(rng);
}

/** A range: a matrix of mixed cells, at least 1x1. */
function randomRange(rng: Rng, error: MakeError, maxRows = 6, maxCols = 6): unknown[][] {
  const rows = int(rng, 1, maxRows);
  const cols = int(rng, 1, maxCols);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => randomCell(rng, error)));
}

/** Headers the ledger reader maps, English and Chinese, with the kinds of cell each column holds. */
const LEDGER_COLUMNS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ["Supplier", "卖家公司名", ["义乌市宏达贸易有限公司", "Shenzhen Quickship Trading Co. Ltd."]],
  ["Shop link", "店铺链接", ["https://shop1432227742039.1688.com", "http://1688.com@evil.top/x"]],
  ["Order total", "实付款(元)", ["¥48,000", "1.2万", "US$10,000"]],
  ["Paid upfront", "预付款", ["30%", "全款", "¥14,400"]],
  ["Payment method", "付款方式", ["微信转账", "担保交易", "bank transfer"]],
  ["Store years", "诚信通年限", ["4年", "1", "１２"]],
  ["Tracking number", "运单号", ["1Z999AA10123456784", "SF1234567890123"]],
  ["Carrier", "物流公司", ["UPS", "顺丰", "DHL"]],
  ["USCC", "统一社会信用代码", ["91330100716105852F", "913501007054321M0X"]],
  ["Order date", "订单创建时间", ["2026-03-05", "2026/3/5 14:30", "3月5日"]],
  ["Paid date", "订单付款时间", ["2026-03-06", "45000"]],
  ["Shipped date", "发货日期", ["2026-03-10"]],
  ["Quantity", "数量", ["100件", "5000"]],
  ["Unit price", "单价(元)", ["¥12.50", "3"]],
  ["Reference price", "参考价", ["¥20"]],
  ["Badges", "认证", ["实力商家", "none"]],
  ["Review score", "综合服务分", ["4.98", "5"]],
  ["Review count", "评价数", ["8", "200"]],
  ["Received", "是否收货", ["是", "no"]],
  ["Payee", "收款人", ["张三", "义乌市宏达贸易有限公司"]],
  ["Order no.", "订单编号", ["PO-001", "1001"]],
  ["Status", "订单状态", ["交易成功", "等待卖家发货"]],
];

function ledgerCell(rng: Rng, samples: readonly string[], error: MakeError): unknown {
  return rng() < 0.5 ? pick(rng, samples) : randomCell(rng, error);
}

/** A ledger the reader maps: a header row and rows of the same width, now and then mangled. */
function randomLedger(rng: Rng, error: MakeError): { headers: unknown[][]; rows: unknown[][] } {
  const zh = rng() < 0.5;
  const columns = LEDGER_COLUMNS.filter(() => rng() < 0.5);
  if (columns.length === 0) columns.push(LEDGER_COLUMNS[0] as (typeof LEDGER_COLUMNS)[number]);
  const headers: unknown[] = columns.map((c) => (rng() < 0.95 ? (zh ? c[1] : c[0]) : randomCell(rng, error)));
  const rows = Array.from({ length: int(rng, 1, 5) }, () => columns.map((c) => ledgerCell(rng, c[2], error)));
  if (rng() < 0.05) return { headers: randomRange(rng, error, 2), rows };
  if (rng() < 0.05) rows.push([randomCell(rng, error)]);
  return { headers: [headers], rows };
}

const SETTING_KEYS = [
  "language",
  "rates.CNY",
  "rates.EUR",
  "deposit.maxShare",
  "deposit.smallOrderUsd",
  "exposure.usdPerYear",
  "exposure.multiple",
  "levels.medium",
  "reviews.minReviews",
  "history.autoConfirmDays",
  "history.silentDays",
  "columns.Order total",
  "defaultCurrency",
];

/** A settings range: key/value pairs with random values, now and then something else. */
function randomSettings(rng: Rng, error: MakeError): unknown {
  const r = rng();
  if (r < 0.5) return rng() < 0.5 ? null : undefined;
  if (r < 0.9) {
    return Array.from({ length: int(rng, 1, 3) }, () => [
      rng() < 0.9 ? pick(rng, SETTING_KEYS) : randomCell(rng, error),
      rng() < 0.3 ? pick(rng, ["zh", "en", "0.3", "7.2", 1e-300, "USD"]) : randomCell(rng, error),
    ]);
  }
  return randomRange(rng, error, 3, 3);
}

/** A blacklist range: names, links, member ids and codes among random cells. */
function randomBlacklist(rng: Rng, error: MakeError): unknown {
  if (rng() < 0.3) return rng() < 0.5 ? null : undefined;
  const rows = Array.from({ length: int(rng, 1, 6) }, () =>
    Array.from({ length: 2 }, () =>
      rng() < 0.4
        ? pick(rng, [
            "义乌市宏达贸易有限公司",
            "https://shop1432227742039.1688.com",
            "b2b-22012345",
            "91330100716105852F",
            "供应商名称",
          ])
        : randomCell(rng, error),
    ),
  );
  return rows;
}

type Args = unknown[];
interface FunctionSpec {
  id: string;
  call: (...args: never[]) => unknown;
  /** The arguments of one case. */
  args: (rng: Rng, error: MakeError) => Args;
}

const any = (rng: Rng, error: MakeError): unknown => randomCell(rng, error);
/** An optional argument: left out a third of the time. */
const optional = (rng: Rng, error: MakeError): unknown => (rng() < 0.33 ? undefined : any(rng, error));

function riskArgs(rng: Rng, error: MakeError): Args {
  const { headers, rows } = randomLedger(rng, error);
  return [headers, rows, randomBlacklist(rng, error), randomSettings(rng, error), optional(rng, error)];
}

function atRiskArgs(rng: Rng, error: MakeError): Args {
  const { headers, rows } = randomLedger(rng, error);
  const today = rng() < 0.6 ? pick(rng, [46203, "2026-06-30", 45000]) : any(rng, error);
  return [headers, rows, today, randomSettings(rng, error)];
}

/** PAYCHECK: the ledger, the row to pay (one of its rows, an order id, or anything), amount, day, lists. */
function payArgs(rng: Rng, error: MakeError): Args {
  const { headers, rows } = randomLedger(rng, error);
  const r = rng();
  const row =
    r < 0.4 && Array.isArray(rows) && rows.length > 0 ? [pick(rng, rows as unknown[])] : any(rng, error);
  const today = rng() < 0.5 ? pick(rng, [46203, "2026-06-30", 45000]) : optional(rng, error);
  return [
    headers,
    rows,
    row,
    optional(rng, error),
    today,
    randomBlacklist(rng, error),
    randomSettings(rng, error),
    rng() < 0.5 ? undefined : randomBlacklist(rng, error),
  ];
}

/** Every GUARD function, by its id in functions.json, with how a case draws its arguments. */
export const FUZZED: readonly FunctionSpec[] = [
  { id: "RISKSCORE", call: guard.riskScore, args: riskArgs },
  { id: "RISKLEVEL", call: guard.riskLevel, args: riskArgs },
  { id: "RISKREASONS", call: guard.riskReasons, args: riskArgs },
  { id: "MONEYATRISK", call: guard.moneyAtRisk, args: atRiskArgs },
  { id: "DAYSATRISK", call: guard.daysAtRisk, args: atRiskArgs },
  { id: "PAYCHECK", call: guard.paycheck, args: payArgs },
  {
    id: "DEPOSITOK",
    call: guard.depositOk,
    args: (r, e) => [any(r, e), any(r, e), optional(r, e), optional(r, e), randomSettings(r, e)],
  },
  {
    id: "EXPOSUREOK",
    call: guard.exposureOk,
    args: (r, e) => [any(r, e), any(r, e), optional(r, e), randomSettings(r, e)],
  },
  { id: "PAYMENTSAFE", call: guard.paymentSafe, args: (r, e) => [any(r, e)] },
  { id: "TRACKINGVALID", call: guard.trackingValid, args: (r, e) => [any(r, e), optional(r, e)] },
  { id: "TRACKINGCARRIER", call: guard.trackingCarrier, args: (r, e) => [any(r, e)] },
  { id: "USCCVALID", call: guard.usccValid, args: (r, e) => [any(r, e)] },
  { id: "USCCINFO", call: guard.usccInfo, args: (r, e) => [any(r, e)] },
  { id: "STOREURLOK", call: guard.storeUrlOk, args: (r, e) => [any(r, e)] },
  { id: "SUPPLIERID", call: guard.supplierId, args: (r, e) => [any(r, e)] },
  {
    id: "BLACKLISTED",
    call: guard.blacklisted,
    args: (r, e) => [any(r, e), randomBlacklist(r, e), optional(r, e), optional(r, e)],
  },
  {
    id: "REORDERPOINT",
    call: guard.reorderPoint,
    args: (r, e) => [any(r, e), any(r, e), optional(r, e)],
  },
  {
    id: "REORDERPOINTSL",
    call: guard.reorderPointServiceLevel,
    args: (r, e) => [randomRange(r, e, 30, 1), any(r, e), any(r, e)],
  },
  {
    id: "REORDERQTY",
    call: guard.reorderQty,
    args: (r, e) => [any(r, e), any(r, e), any(r, e), any(r, e), any(r, e), optional(r, e)],
  },
  {
    id: "REVIEWFLAG",
    call: guard.reviewFlag,
    args: (r, e) => [any(r, e), any(r, e), optional(r, e), randomSettings(r, e)],
  },
  {
    id: "CERTSMISSING",
    call: guard.certsMissing,
    args: (r, e) => [any(r, e), any(r, e), optional(r, e)],
  },
];

/** Error codes that Excel lets a custom function return without a message (passed on from an argument). */
const CODES_WITHOUT_MESSAGE = new Set(["#DIV/0!", "#NUM!", "#NULL!"]);

function isErrorCell(v: unknown): v is ErrorCell {
  return v !== null && typeof v === "object" && typeof (v as { code?: unknown }).code === "string";
}

/** What is wrong with one cell of a result, or undefined when Excel can show it. */
function cellProblem(v: unknown): string | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? undefined : `the number ${v}`;
  if (typeof v === "boolean") return undefined;
  if (typeof v === "string") {
    if (v.length > EXCEL_MAX_TEXT) return `text of ${v.length} characters`;
    return /\[object Object\]|∞/.test(v) ? `text saying "${v.slice(0, 160)}"` : undefined;
  }
  if (isErrorCell(v)) {
    if (!v.code.startsWith("#")) return `an error with code ${v.code}`;
    if (!v.message && !CODES_WITHOUT_MESSAGE.has(v.code)) return `${v.code} without a message`;
    if (/\[object Object\]|∞/.test(v.message)) return `${v.code} saying "${v.message}"`;
    return undefined;
  }
  return `a ${v === null ? "null" : typeof v}`;
}

/** What is wrong with a function's answer (its value, or what it threw), or undefined. */
export function answerProblem(outcome: { value?: unknown; thrown?: unknown }): string | undefined {
  if ("thrown" in outcome) {
    const e = outcome.thrown;
    if (!isErrorCell(e) || !e.code.startsWith("#")) {
      return `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    return cellProblem(e);
  }
  const v = outcome.value;
  if (Array.isArray(v)) {
    if (v.length === 0) return "an empty array";
    for (const row of v) {
      if (!Array.isArray(row) || row.length === 0) return "a ragged array";
      for (const cell of row) {
        const p = cellProblem(cell);
        if (p !== undefined) return p;
      }
    }
    return undefined;
  }
  return cellProblem(v);
}

/** A short description of one argument, for reports. */
export function describeArg(v: unknown): string {
  if (typeof v === "string") {
    return v.length > 40 ? `"${v.slice(0, 24)}…" (${v.length} chars)` : JSON.stringify(v);
  }
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (Array.isArray(v)) {
    const first = (v as unknown[][])[0];
    const width = Array.isArray(first) ? first.length : 1;
    return `${v.length}x${width}[${(v as unknown[]).flat().slice(0, 6).map(describeArg).join(", ")}${
      (v as unknown[]).flat().length > 6 ? ", …" : ""
    }]`;
  }
  if (isErrorCell(v)) return v.code;
  if (v !== null && typeof v === "object") return JSON.stringify(v).slice(0, 60);
  return String(v);
}

export interface CaseResult {
  id: string;
  index: number;
  args: Args;
  problem: string | undefined;
  error: boolean;
  ms: number;
}

/** The arguments of case `index` of a function: the same for the same seed. */
export function caseArgs(spec: FunctionSpec, seed: number, index: number, error: MakeError): Args {
  return spec.args(makeRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0), error);
}

/** Runs case `index` of a function and says what is wrong with its answer, if anything. */
export function runCase(
  spec: FunctionSpec,
  seed: number,
  index: number,
  error: MakeError,
  now: () => number,
): CaseResult {
  const args = caseArgs(spec, seed, index, error);
  const start = now();
  let outcome: { value?: unknown; thrown?: unknown };
  try {
    outcome = { value: (spec.call as (...a: unknown[]) => unknown)(...args) };
  } catch (e) {
    outcome = { thrown: e };
  }
  const ms = now() - start;
  return { id: spec.id, index, args, problem: answerProblem(outcome), error: "thrown" in outcome, ms };
}
