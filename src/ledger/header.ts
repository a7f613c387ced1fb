import type { CellValue, CurrencyCode } from "../rules/types";
import {
  ANSWERS_YES_NO,
  BLOCKED_KEYWORDS,
  ERP_HEADERS,
  EXPORT_1688_HEADERS,
  FIELD_BY_ID,
  FIELDS,
  IGNORED_HEADERS,
  isFieldId,
  type FieldId,
  type FieldKind,
} from "./fields";
import { normalizeText } from "./parse/text";

/** A header as matched: lower case, no spaces, half-width, unit taken off. */
export interface NormalizedHeader {
  key: string;
  /** Currency named by a unit in the header: "(元)", "（USD）", "[US$]", "/元", "Total USD". */
  currency?: CurrencyCode;
  /** Multiplier named by the unit: "(万元)" = 10,000. */
  scale?: number;
}

export interface ColumnMapping {
  index: number;
  /** The header as written (trimmed). */
  header: string;
  field?: FieldId;
  currency?: CurrencyCode;
  scale?: number;
  how: "alias" | "keyword" | "override";
}

export type Layout = "1688-export" | "erp" | "team";

/**
 * A column whose header looks like a field but that is not read: it points to
 * a field no column is read as (样品费 when no column is read as sample), or
 * it lost its field to another column (`takenBy`).
 */
export interface HeaderWarning {
  index: number;
  /** The header as written (trimmed). */
  header: string;
  /** The field the header looks like. */
  field: FieldId;
  /** The column the field is read from instead. */
  takenBy?: number;
}

export interface HeaderMap {
  /** Mapped columns, and columns the user unmapped by override, in sheet order. */
  columns: ColumnMapping[];
  byField: Partial<Record<FieldId, number>>;
  currencyByField: Partial<Record<FieldId, CurrencyCode>>;
  /** Headers (as written) that map to no field. */
  unmapped: string[];
  layout: Layout;
  /** Every header cell as written (trimmed), by column; "" for a blank one. */
  headers: string[];
  /** Columns that look relevant but are not read, in sheet order: to be shown, never silent. */
  warnings: HeaderWarning[];
}

/**
 * Corrections keyed by the header text as written: a field id, or null to leave
 * the column out. Typed loosely because they usually come from a workbook;
 * `mapHeaders` throws `UnknownFieldError` for a value that is not a field id.
 */
export type HeaderOverrides = Readonly<Record<string, FieldId | string | null>>;

/** Thrown when an override names a field that does not exist. */
export class UnknownFieldError extends Error {
  readonly code = "unknown_field";
  constructor(
    readonly header: string,
    readonly field: string,
  ) {
    super(`header override "${header}": unknown field "${field}"`);
    this.name = "UnknownFieldError";
  }
}

type MoneyUnit = { currency?: CurrencyCode; scale?: number };

/** Currencies and scales, as written in a unit. */
const UNITS: ReadonlyMap<string, MoneyUnit> = new Map<string, MoneyUnit>([
  ...["元", "人民币", "rmb", "cny", "¥", "人民币元", "元人民币"].map(
    (u) => [u, { currency: "CNY" }] as const,
  ),
  ...["usd", "us$", "$", "美元", "美金", "usd$"].map((u) => [u, { currency: "USD" }] as const),
  ...["eur", "€", "欧元"].map((u) => [u, { currency: "EUR" }] as const),
  ...["gbp", "£", "英镑"].map((u) => [u, { currency: "GBP" }] as const),
  ...["hkd", "hk$", "港币", "港元"].map((u) => [u, { currency: "HKD" }] as const),
  ...["jpy", "日元"].map((u) => [u, { currency: "JPY" }] as const),
  ["万元", { currency: "CNY", scale: 10_000 }],
  ["万", { scale: 10_000 }],
  ["万美元", { currency: "USD", scale: 10_000 }],
]);

/** Units of time and score: taken off a bracket ("Store Age (yrs)", "交期(天)") and otherwise ignored. */
const PLAIN_UNITS: ReadonlySet<string> = new Set([
  "天",
  "日",
  "days",
  "day",
  "年",
  "years",
  "year",
  "yrs",
  "yr",
  "分",
  "次",
]);

/**
 * Units things are counted in. After a slash or inside a bracket with a currency
 * they make an amount per unit ("Price/pc", "单价(元/件)", "Cost/kg"); in a bracket
 * alone they count ("Qty (pcs)", "数量(个)").
 */
const COUNT_UNITS: ReadonlySet<string> = new Set([
  ...["个", "件", "只", "套", "双", "条", "台", "箱", "盒", "包", "袋", "瓶", "张", "把", "支", "米", "对"],
  ...["千克", "公斤", "斤", "吨", "kg", "kgs", "ton", "tons"],
  ...["pc", "pcs", "piece", "pieces", "unit", "units", "item", "items", "ea", "set", "sets", "pair", "pairs"],
  ...["box", "boxes", "carton", "cartons", "ctn", "ctns"],
]);

/** What "per ..." and "... each" may price: one piece. "Pcs per carton" is a packing ratio, not a price. */
const PIECE_WORDS = "pcs|pc|pieces|piece|units|unit|items|item|ea";

/**
 * What a header's unit says about its cells, besides its currency: `each`, an
 * amount per unit ("/pc", "per unit", "each", "(元/个)"); `counts`, a count
 * ("(pcs)", "(个)").
 */
interface HeaderUnit {
  currency?: CurrencyCode;
  scale?: number;
  each?: boolean;
  counts?: boolean;
  /** A count per count ("pcs/ctn", "个/箱"): a packing ratio, which no field is. */
  ratio?: boolean;
}

const BRACKETS: Readonly<Record<string, string>> = {
  "【": "[",
  "】": "]",
  "〔": "[",
  "〕": "]",
  "〈": "(",
  "〉": ")",
};
const BRACKET_CHARS = /[【】〔〕〈〉]/g;
const TRAILING_BRACKET = /^(.*?)\s*(?:\(([^()]{1,16})\)|\[([^[\]]{1,16})\])$/;
const TRAILING_SLASH = /^(.+?)\s*\/\s*([^/\s]{1,8})$/;
const TRAILING_COLON = /^(.+?)\s*:\s*([^:\s]{1,8})$/;
/** Found, not anchored at the start: a lazy prefix before "[\s-]*" would take quadratic time on a run of dashes. */
const TRAILING_PER = new RegExp(`(?:per|/)[\\s-]*(?:${PIECE_WORDS})$|each$`);
const LEADING_PER = new RegExp(`^per[\\s-]*(?:${PIECE_WORDS})[\\s-]+(.+)$`);
const TRAILING_WORD =
  /^(.+?)(?:\s+(?:in\s+)?(usd|us\$|cny|rmb|eur|gbp|hkd|jpy|\$|¥|€|£|元|人民币|美元)|\s*([$¥€£]))$/;
const LEADING_WORD = /^(?:(usd|us\$|cny|rmb|eur|gbp|hkd|jpy)\s+|([$¥€£])\s*)(.+)$/;
const SPACES = /\s+/g;
/** Clerks' abbreviations, written out so one key word covers both: "Paid Amt", "Trk#", "Ref price". */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  amt: "amount",
  trk: "tracking",
  trck: "tracking",
  pmt: "payment",
  pymt: "payment",
  ref: "reference",
  acct: "account",
  yrs: "years",
  yr: "year",
};
const ABBREVIATION = /\b(?:amt|trk|trck|pmt|pymt|ref|acct|yrs|yr)\b/g;

/**
 * Words that qualify an amount without naming another field: tax, shipping and
 * trade terms ("单价(含税/元)", "总价（含运费）" is still the total, "Unit price (USD, FOB)").
 */
const QUALIFIERS: ReadonlySet<string> = new Set([
  ...["含税", "不含税", "未税", "税前", "税后", "含运费", "不含运费", "含运", "包邮", "含邮费", "不含邮费"],
  ...["exw", "fob", "cif", "cfr", "cnf", "ddp", "dap", "fca"],
]);

/** Words a unit is written with that say nothing themselves: "(in USD)", "(单位:元)", "(incl. VAT, RMB)". */
const UNIT_FILLERS: ReadonlySet<string> = new Set([
  ...["in", "单位", "incl", "excl", "including", "excluding", "inc", "vat", "tax", "含", "不含"],
]);

const UNIT_SEPARATORS = /[\s,;:、.]+/;
const CURRENCY_SYMBOL_END = /^(.+?)([$¥€£])$/;

/**
 * Reads a unit as written in a bracket, after a slash or a colon: a currency, a
 * scale, a count unit, one of them per another ("元/个", "USD/pc", "per pc",
 * "万元"), with the words it is written with ("in USD", "单位:元", "含税").
 * A count unit after a slash prices one unit ("Price/pc"); in a bracket alone
 * it counts ("Qty (pcs)"). Undefined when it is not a unit ("(1688)", "(Y/N)").
 */
function readUnit(text: string, where: "bracket" | "slash"): HeaderUnit | undefined {
  const groups = text.split("/");
  const unit: HeaderUnit = {};
  let said = false;
  for (let i = 0; i < groups.length; i++) {
    const words = (groups[i] ?? "").split(UNIT_SEPARATORS).filter((w) => w !== "");
    if (words.length === 0) return undefined;
    for (let word of words) {
      let per = i > 0;
      const perWord = /^(?:per|每)(.+)$/.exec(word);
      if (perWord) {
        word = perWord[1] ?? "";
        per = true;
      }
      // A currency is the amount's wherever it stands ("含税/元"); a count after a slash is per unit.
      const money = perWord ? undefined : readCurrency(word);
      if (money !== undefined) {
        if (unit.currency !== undefined && money.currency !== undefined && unit.currency !== money.currency)
          return undefined;
        if (money.currency !== undefined) unit.currency = money.currency;
        if (money.scale !== undefined) unit.scale = money.scale;
        said = true;
      } else if (COUNT_UNITS.has(word)) {
        if (per || where === "slash") unit.each = true;
        else unit.counts = true;
        said = true;
      } else if (QUALIFIERS.has(word)) said = true;
      else if (where === "bracket" && groups.length === 1 && words.length === 1 && PLAIN_UNITS.has(word))
        said = true;
      else if (!UNIT_FILLERS.has(word)) return undefined;
    }
  }
  if (!said) return undefined;
  if (unit.counts === true && unit.each === true && unit.currency === undefined) return { ratio: true };
  return unit;
}

/** A currency or scale as written, also with its symbol after it ("rmb¥", "usd$"). */
function readCurrency(word: string): MoneyUnit | undefined {
  const found = UNITS.get(word);
  if (found !== undefined) return found;
  const split = CURRENCY_SYMBOL_END.exec(word);
  const code = split ? UNITS.get(split[1] ?? "") : undefined;
  const symbol = split ? UNITS.get(split[2] ?? "") : undefined;
  return code !== undefined && code.currency === symbol?.currency ? code : undefined;
}

/** Two units of one header as one ("Price (USD) per pc"); undefined when they clash (two currencies). */
function joinUnits(a: HeaderUnit, b: HeaderUnit): HeaderUnit | undefined {
  if (a.currency !== undefined && b.currency !== undefined && a.currency !== b.currency) return undefined;
  const out: HeaderUnit = { ...a };
  if (b.currency !== undefined) out.currency = b.currency;
  if (b.scale !== undefined) out.scale = b.scale;
  if (b.each === true) out.each = true;
  if (b.counts === true && out.each !== true) out.counts = true;
  if (b.ratio === true) out.ratio = true;
  if (out.each === true) delete out.counts;
  return out;
}

/**
 * Takes one unit off the end or the start of a header: a bracket ("(USD)",
 * "[元/个]"), a slash ("/元", "/pc"), "per pc" or "each", a currency word
 * ("Total USD", "单价 元", "USD Price", "$ Amount"). Undefined when there is none, or
 * when nothing would be left.
 */
function takeUnit(text: string): { rest: string; unit: HeaderUnit } | undefined {
  const bracket = TRAILING_BRACKET.exec(text);
  if (bracket && bracket[1] !== "") {
    const unit = readUnit((bracket[2] ?? bracket[3] ?? "").trim(), "bracket");
    if (unit !== undefined) return { rest: bracket[1] ?? "", unit };
  }
  const trailing = TRAILING_PER.exec(text);
  // "per" and "each" as words of their own: "Beach" and "Upper unit" price nothing.
  if (trailing && (trailing[0].startsWith("/") || !/[a-z]$/.test(text.slice(0, trailing.index)))) {
    const rest = trimSeparators(text.slice(0, trailing.index));
    if (rest !== "") return { rest, unit: { each: true } };
  }
  const leading = LEADING_PER.exec(text);
  if (leading && (leading[1] ?? "") !== "") return { rest: leading[1] ?? "", unit: { each: true } };
  const slash = TRAILING_SLASH.exec(text);
  if (slash) {
    const unit = readUnit(slash[2] ?? "", "slash");
    if (unit !== undefined) return { rest: slash[1] ?? "", unit };
  }
  const colon = TRAILING_COLON.exec(text);
  if (colon) {
    const unit = readUnit(colon[2] ?? "", "bracket");
    if (unit !== undefined) return { rest: colon[1] ?? "", unit };
  }
  const word = TRAILING_WORD.exec(text);
  const after = word ? UNITS.get(word[2] ?? word[3] ?? "") : undefined;
  if (word && after !== undefined) return { rest: word[1] ?? "", unit: { ...after } };
  const lead = LEADING_WORD.exec(text);
  const before = lead ? UNITS.get(lead[1] ?? lead[2] ?? "") : undefined;
  if (lead && before !== undefined) return { rest: lead[3] ?? "", unit: { ...before } };
  return undefined;
}

/** Text without the spaces and dashes it ends with ("cost -" → "cost"), in one pass. */
function trimSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s-]/.test(text[end - 1] ?? "")) end--;
  return text.slice(0, end);
}

/** A header as matched, with what its units say: `normalizeHeader`'s result plus `each`, `counts`, `unitOnly`. */
interface ReadHeader extends NormalizedHeader {
  each?: boolean;
  counts?: boolean;
  ratio?: boolean;
  /** The header is all unit ("USD/pc", "元/个", "Per unit (USD)"). */
  unitOnly?: boolean;
}

/**
 * Reads a header: NFKC, lower case, 【】 as [], every unit taken off its ends
 * and read (up to three: "Price (USD) per pc"), "(%)" kept as "%", spaces
 * dropped. A header that is all unit ("USD/pc", "Per unit (USD)") keeps its
 * words as its key, and its units are read all the same.
 */
function readHeader(s: string): ReadHeader {
  let text = normalizeText(s)
    .toLowerCase()
    .replace(BRACKET_CHARS, (c) => BRACKETS[c] ?? c);
  let unit: HeaderUnit = {};
  let unitOnly = false;
  for (let i = 0; i < 3; i++) {
    const bracket = TRAILING_BRACKET.exec(text);
    if (bracket && bracket[1] !== "" && (bracket[2] ?? bracket[3] ?? "").trim() === "%") {
      text = `${bracket[1]}%`;
      break;
    }
    const taken = takeUnit(text);
    const joined = taken === undefined ? undefined : joinUnits(unit, taken.unit);
    if (taken === undefined || joined === undefined) break;
    unit = joined;
    const rest = taken.rest.trim();
    // All unit ("USD/pc", "per unit"): the words stay the key, the unit is still read.
    const whole = rest === "" ? undefined : readUnit(rest, "slash");
    if (whole !== undefined && whole.currency !== undefined) {
      unit = joinUnits(unit, whole) ?? unit;
      unitOnly = true;
      break;
    }
    text = rest;
  }
  if (/^(?:per|每)/.test(text)) {
    // "per unit", "每件": a unit alone, priced per piece.
    const whole = readUnit(text, "slash");
    if (whole !== undefined) {
      unit = joinUnits(unit, whole) ?? unit;
      unitOnly = true;
    }
  }
  const key = text.replace(ABBREVIATION, (a) => ABBREVIATIONS[a] ?? a).replace(SPACES, "");
  const out: ReadHeader = { key };
  if (unit.currency !== undefined) out.currency = unit.currency;
  if (unit.scale !== undefined) out.scale = unit.scale;
  if (unit.each === true) out.each = true;
  if (unit.counts === true) out.counts = true;
  if (unit.ratio === true) out.ratio = true;
  if (unitOnly) out.unitOnly = true;
  return out;
}

/**
 * Normalises a header for matching: NFKC (full-width brackets and letters to
 * half-width), lower case, 【】 as [], units taken off and read, so that they
 * describe a field and never hide it ("货品总价（元）" → key "货品总价", currency
 * CNY; "Total (US$)" → "total", USD; "单价/元", "单价(元/件)", "Total USD", "USD
 * Price", "Price/pc", "Cost per unit", "Qty (pcs)"), "(%)" kept as "%", spaces
 * dropped.
 */
export function normalizeHeader(s: string): NormalizedHeader {
  const { key, currency, scale } = readHeader(s);
  const out: NormalizedHeader = { key };
  if (currency !== undefined) out.currency = currency;
  if (scale !== undefined) out.scale = scale;
  return out;
}

const YES_NO_MARKS = /\((?:y\/n|是\/否|yes\/no)\)|y\/n$|[?]+|了吗$|吗$|了没$|没$/g;
const YES_NO_PREFIX = /^(?:是否|有无|有没有|已经|已|是不是)(?=..)/;

const QUESTION = /\((?:y\/n|是\/否|yes\/no)\)|y\/n$|[?]|吗$|了没$|^(?:是否|有无|有没有|是不是)/;

/** Whether a normalised header asks a yes/no question ("是否已寄样", "Paid?", "Factory (Y/N)"). */
export function asksYesNo(key: string): boolean {
  return QUESTION.test(key);
}

/**
 * A normalised key with the yes/no dressing taken off ("是否已寄样(y/n)" →
 * "寄样", "sample sent?" → "samplesent"): the form an alias is looked up by when
 * the key as written names none. Only for alias look-up: key words and concepts
 * are matched inside the whole key.
 */
export function bareKey(key: string): string {
  let out = key.replace(YES_NO_MARKS, "");
  for (let i = 0; i < 2; i++) out = out.replace(YES_NO_PREFIX, "");
  return out;
}

// ------------------------------------------------------------ compiled tables

interface AliasHit {
  field: FieldId;
  rank: number;
}

const keyOf = (s: string): string => normalizeHeader(s).key;

/** Whether a concept's word is what the header's unit says ("<money>", "<each>", "<count>", "<unit-only>"), not text. */
const isMark = (word: string): boolean => word.startsWith("<") && word.endsWith(">");

const ALIASES: ReadonlyMap<string, AliasHit> = (() => {
  const map = new Map<string, AliasHit>();
  for (const f of FIELDS) {
    f.aliases.forEach((a, rank) => {
      const key = keyOf(a);
      if (!map.has(key)) map.set(key, { field: f.id, rank });
    });
  }
  return map;
})();

const IGNORED: ReadonlySet<string> = new Set(IGNORED_HEADERS.map(keyOf));
const BLOCKED: readonly string[] = BLOCKED_KEYWORDS.map(keyOf);
const EXPORT_KEYS: ReadonlySet<string> = new Set(EXPORT_1688_HEADERS.map(keyOf));
const ERP_KEYS: ReadonlySet<string> = new Set(ERP_HEADERS.map(keyOf));

interface Keyword {
  word: string;
  /** Groups of words, one word of each also in the header (a concept's modifiers); empty: the word alone. */
  with: readonly (readonly string[])[];
  field: FieldId;
  strong: boolean;
}

/** "样+寄|拿" → core 样, with one of 寄, 拿; "评价+近|最近+占比|%" → 评价 with one of each group; "样品" → the word alone. */
function conceptOf(text: string, field: FieldId): Keyword {
  const [core = "", ...groups] = text.split("+");
  return {
    word: keyOf(core),
    with: groups.filter((g) => g !== "").map((g) => g.split("|").map((m) => m.toLowerCase())),
    field,
    strong: true,
  };
}

const wordOf = (field: FieldId, strong: boolean) => (w: string) => ({
  word: keyOf(w),
  with: [],
  field,
  strong,
});

const KEYWORDS: readonly Keyword[] = FIELDS.flatMap((f) => [
  ...f.keywords.map(wordOf(f.id, true)),
  ...(f.concepts ?? []).map((c) => conceptOf(c, f.id)),
  ...(f.weak ?? []).map(wordOf(f.id, false)),
]);

/** Words that name a field in a question header only (`asked`): "Paid?" is a payment status. */
const ASKED_KEYWORDS: readonly Keyword[] = FIELDS.flatMap((f) => (f.asked ?? []).map(wordOf(f.id, true)));

const answersYesNo = (field: FieldId): boolean => ANSWERS_YES_NO.has(FIELD_BY_ID[field].kind);

/** Per field, the words that make a header mean something else. */
const EXCLUDED: ReadonlyMap<FieldId, readonly string[]> = new Map(
  FIELDS.filter((f) => f.not !== undefined).map((f) => [f.id, (f.not ?? []).map((w) => w.toLowerCase())]),
);

const FIELD_INDEX: ReadonlyMap<FieldId, number> = new Map(FIELDS.map((f, i) => [f.id, i]));

/** The score of an alias, a key word and an override: an override beats an alias beats any key word. */
const OVERRIDE_SCORE = 1_000_000;
const ALIAS_SCORE = 10_000;

/**
 * A key word's score: strong ones beat weak ones; a longer word beats a shorter
 * one (a concept counts its core and the modifier found: 寄样 is two
 * characters); a word at the end of the header (its head noun: 供应商链接 is a
 * link, 供应商会员名 a member name) gets a small bonus.
 */
function keywordScore(key: string, k: Keyword, at: number, modifiers: readonly string[]): number {
  const wordLength = isMark(k.word) ? 0 : k.word.length;
  let length = wordLength;
  let atEnd = at + wordLength === key.length;
  for (const m of modifiers) {
    if (isMark(m)) continue;
    length += m.length;
    if (key.endsWith(m)) atEnd = true;
  }
  return (k.strong ? 1000 : 0) + length * 10 + (atEnd ? 5 : 0);
}

interface Candidate {
  column: number;
  field: FieldId;
  score: number;
  how: ColumnMapping["how"];
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return "";
  return String(v).trim();
}

/** A string key for a header row: equal keys map equally, so callers can memoise on it. */
export function headerKey(headers: readonly CellValue[]): string {
  let key = "";
  for (let i = 0; i < headers.length; i++) key += (i === 0 ? "" : "\u001f") + cellText(headers[i]);
  return key;
}

/** Whether a header is one the reader knows to carry nothing it reads (buyer, consignee, notes...). */
function knownUnread(key: string): boolean {
  if (IGNORED.has(key)) return true;
  for (const b of BLOCKED) if (key.includes(b)) return true;
  return false;
}

/** What a normalised header's key words and concepts say: best score per field, and fields ruled out. */
interface KeyFacts {
  /** The exact alias it is, as written or without its yes/no dressing. */
  alias: AliasHit | undefined;
  /** A known column carrying nothing the engine reads (buyer, consignee, notes...). */
  unread: boolean;
  hits: ReadonlyMap<FieldId, number>;
  /** Fields a conflicting word ruled out (样品价格: sample). */
  excluded: readonly FieldId[];
}

/**
 * What a header's units say, as the marks concepts may ask for ("unit+<money>"
 * is "unit" in a header with a currency; "<each>+cost" is "cost" per unit).
 */
const MONEY_MARK = "<money>";
const EACH_MARK = "<each>";
const COUNT_MARK = "<count>";
const UNIT_ONLY_MARK = "<unit-only>";
const RATIO_MARK = "<ratio>";

/** Every mark a concept may ask for. */
export const UNIT_MARKS: readonly string[] = [MONEY_MARK, EACH_MARK, COUNT_MARK, UNIT_ONLY_MARK, RATIO_MARK];

function marksOf(h: ReadHeader): string {
  return (
    (h.currency !== undefined ? MONEY_MARK : "") +
    (h.each === true ? EACH_MARK : "") +
    (h.counts === true ? COUNT_MARK : "") +
    (h.unitOnly === true ? UNIT_ONLY_MARK : "") +
    (h.ratio === true ? RATIO_MARK : "")
  );
}

/** The kinds a count unit alone ("(pcs)", "(个)") leaves: a quantity, a quantity received, a sample's count. */
const COUNTED_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(["number", "received", "evidence"]);

/**
 * Whether a header's units let it be a field: a currency makes it money (Sample
 * (USD) is a fee, not a sample); a count unit alone makes it a count (Total
 * (pcs) is no amount of money); money per unit is a line's price, never an
 * order's sum (Shipping/pc is not the order's shipping); a count per count is a
 * packing ratio (Packing (pcs/box), Qty (pcs/ctn)), no field at all.
 */
function unitAllows(marks: string, field: FieldId): boolean {
  if (marks === "") return true;
  if (marks.includes(RATIO_MARK)) return false;
  const def = FIELD_BY_ID[field];
  if (marks.includes(MONEY_MARK) && def.kind !== "money") return false;
  if (marks.includes(COUNT_MARK) && !COUNTED_KINDS.has(def.kind)) return false;
  if (marks.includes(EACH_MARK) && def.kind === "money" && def.level !== "line") return false;
  return true;
}

/** Facts per key, remembered: the same headers come back on every ledger and every row scanned for the header. */
const FACTS_LIMIT = 4096;
const factsByKey = new Map<string, KeyFacts>();

function keyFacts(key: string, marks = ""): KeyFacts {
  const cacheKey = marks === "" ? key : `${key}\u0001${marks}`;
  let facts = factsByKey.get(cacheKey);
  if (facts === undefined) {
    if (factsByKey.size >= FACTS_LIMIT) factsByKey.clear();
    const asked = asksYesNo(key);
    const named = ALIASES.get(key) ?? (IGNORED.has(key) ? undefined : ALIASES.get(bareKey(key)));
    // A unit describes the field: an alias its unit contradicts ("Sample (USD)": a fee) names none.
    const alias = named !== undefined && unitAllows(marks, named.field) ? named : undefined;
    const unread = knownUnread(key);
    if (alias !== undefined && asked && !answersYesNo(alias.field)) {
      // A question is answered yes or no: "Paid?" is a payment status, not the amount paid.
      const found = keywordHits(key, true, marks);
      facts = found.answered
        ? { alias: undefined, unread, ...found }
        : { alias, unread, hits: new Map(), excluded: [] };
    } else if (alias !== undefined || unread) facts = { alias, unread, hits: new Map(), excluded: [] };
    else if (named !== undefined) facts = { alias, unread, hits: new Map(), excluded: [named.field] };
    else facts = { alias, unread, ...keywordHits(key, asked, marks) };
    factsByKey.set(cacheKey, facts);
  }
  return facts;
}

/**
 * The fields a header's key words and concepts point to, best score per field.
 * In a question header (`asked`), a field an `asked` word names (是否付款: payment
 * status) rules out the fields whose cells cannot say yes or no (`answered`).
 */
function keywordHits(
  key: string,
  asked: boolean,
  marks = "",
): Pick<KeyFacts, "hits" | "excluded"> & { answered: boolean } {
  const best = new Map<FieldId, number>();
  const excluded: FieldId[] = [];
  const look = (k: Keyword, into: Map<FieldId, number>): void => {
    const mark = isMark(k.word);
    if (mark && !marks.includes(k.word)) return;
    const at = mark ? key.length : key.lastIndexOf(k.word);
    if (at < 0) return;
    const modifiers: string[] = [];
    if (k.with.length > 0) {
      const rest = mark ? key : key.slice(0, at) + "\u0000" + key.slice(at + k.word.length);
      for (const group of k.with) {
        const found = group.find((m) => (isMark(m) ? marks.includes(m) : rest.includes(m)));
        if (found === undefined) return;
        modifiers.push(found);
      }
    }
    const score = keywordScore(key, k, at, modifiers);
    if (score > (into.get(k.field) ?? -1)) into.set(k.field, score);
  };
  const ruledOut = (field: FieldId): boolean => {
    const not = EXCLUDED.get(field);
    return not !== undefined && not.some((w) => key.includes(w));
  };
  for (const k of KEYWORDS) look(k, best);
  let answered = false;
  if (asked) {
    const byAsked = new Map<FieldId, number>();
    for (const k of ASKED_KEYWORDS) look(k, byAsked);
    for (const [field, score] of byAsked) {
      if (ruledOut(field)) continue;
      answered = true;
      if (score > (best.get(field) ?? -1)) best.set(field, score);
    }
  }
  for (const field of [...best.keys()]) {
    if ((answered && !answersYesNo(field)) || ruledOut(field)) {
      best.delete(field);
      excluded.push(field);
    }
  }
  // A unit describes the field the words name best, and never hands the header to a
  // weaker one: "Customs value (USD)" is a declaration's value, not the order's total.
  let bar = -1;
  for (const [field, score] of best) if (!unitAllows(marks, field)) bar = Math.max(bar, score);
  for (const [field, score] of [...best]) {
    const allowed = unitAllows(marks, field);
    if (!allowed) excluded.push(field);
    if (!allowed || score < bar) best.delete(field);
  }
  return { hits: best, excluded, answered };
}

function candidatesOf(column: number, header: ReadHeader): Candidate[] {
  const facts = keyFacts(header.key, marksOf(header));
  const alias = facts.alias;
  if (alias !== undefined)
    return [{ column, field: alias.field, score: ALIAS_SCORE - alias.rank, how: "alias" }];
  return [...facts.hits].map(([field, score]) => ({ column, field, score, how: "keyword" as const }));
}

function detectLayout(keys: readonly string[], byField: HeaderMap["byField"]): Layout {
  let exportHits = 0;
  let erpHits = 0;
  for (const k of keys) {
    if (EXPORT_KEYS.has(k)) exportHits++;
    if (ERP_KEYS.has(k)) erpHits++;
  }
  const hasSellerColumns = keys.includes("卖家公司名") || keys.includes("卖家会员名");
  if (exportHits >= 8 || (hasSellerColumns && byField.orderId !== undefined && exportHits >= 4))
    return "1688-export";
  if (erpHits >= 2) return "erp";
  return "team";
}

function mapHeadersNow(headers: readonly CellValue[], overrides: HeaderOverrides | undefined): HeaderMap {
  const overrideByText = new Map<string, FieldId | null>();
  const overrideByKey = new Map<string, FieldId | null>();
  if (overrides !== undefined) {
    for (const [header, field] of Object.entries(overrides)) {
      if (field !== null && !isFieldId(field)) throw new UnknownFieldError(header, String(field));
      overrideByText.set(header.trim(), field);
      overrideByKey.set(keyOf(header), field);
    }
  }
  const texts: string[] = [];
  const norms: ReadHeader[] = [];
  const candidates: Candidate[] = [];
  const unmappedByOverride = new Set<number>();
  for (let i = 0; i < headers.length; i++) {
    const text = cellText(headers[i]);
    texts.push(text);
    const norm = text === "" ? { key: "" } : readHeader(text);
    norms.push(norm);
    if (norm.key === "") continue;
    const override = overrideByText.has(text) ? overrideByText.get(text) : overrideByKey.get(norm.key);
    if (override === null) unmappedByOverride.add(i);
    else if (override !== undefined)
      candidates.push({ column: i, field: override, score: OVERRIDE_SCORE, how: "override" });
    else candidates.push(...candidatesOf(i, norm));
  }
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      a.column - b.column ||
      (FIELD_INDEX.get(a.field) ?? 0) - (FIELD_INDEX.get(b.field) ?? 0),
  );
  const byField: HeaderMap["byField"] = {};
  const chosen = new Map<number, Candidate>();
  for (const c of candidates) {
    if (byField[c.field] !== undefined || chosen.has(c.column)) continue;
    byField[c.field] = c.column;
    chosen.set(c.column, c);
  }
  const columns: ColumnMapping[] = [];
  const currencyByField: HeaderMap["currencyByField"] = {};
  const unmapped: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const header = texts[i] ?? "";
    const norm = norms[i] ?? { key: "" };
    const c = chosen.get(i);
    if (c !== undefined) {
      const column: ColumnMapping = { index: i, header, field: c.field, how: c.how };
      if (norm.currency !== undefined && FIELD_BY_ID[c.field].kind === "money") {
        column.currency = norm.currency;
        currencyByField[c.field] = norm.currency;
      }
      if (norm.scale !== undefined && FIELD_BY_ID[c.field].kind === "money") column.scale = norm.scale;
      columns.push(column);
    } else if (unmappedByOverride.has(i)) {
      columns.push({ index: i, header, how: "override" });
      unmapped.push(header);
    } else if (header !== "") {
      unmapped.push(header);
    }
  }
  const keys = norms.map((n) => n.key);
  const layout = detectLayout(keys, byField);
  const warnings: HeaderWarning[] = [];
  for (let i = 0; i < texts.length; i++) {
    const key = keys[i] ?? "";
    if (key === "" || chosen.has(i) || unmappedByOverride.has(i)) continue;
    // The export's own columns are known one by one (its 货号 loses sku to SKU ID by design).
    if (layout === "1688-export" && EXPORT_KEYS.has(key)) continue;
    const w = warningFor(i, texts[i] ?? "", norms[i] ?? { key }, candidates, byField);
    if (w !== undefined) warnings.push(w);
  }
  return { columns, byField, currencyByField, unmapped, layout, headers: texts, warnings };
}

/**
 * Why an unread column deserves a word: its best field went to another
 * column, or its header names a field (even one a conflicting word ruled out,
 * 样品费 → sample) that no column is read as. Known unread columns (buyer,
 * consignee, notes) and columns whose fields are all read elsewhere by their
 * own better headers stay quiet.
 */
function warningFor(
  index: number,
  header: string,
  read: ReadHeader,
  candidates: readonly Candidate[],
  byField: HeaderMap["byField"],
): HeaderWarning | undefined {
  const facts = keyFacts(read.key, marksOf(read));
  if (facts.unread && facts.alias === undefined) return undefined;
  const own = candidates.find((c) => c.column === index);
  if (own !== undefined) {
    const takenBy = byField[own.field];
    return takenBy === undefined
      ? { index, header, field: own.field }
      : { index, header, field: own.field, takenBy };
  }
  for (const field of facts.excluded) if (byField[field] === undefined) return { index, header, field };
  return undefined;
}

const CACHE_LIMIT = 64;
const cache = new Map<string, HeaderMap>();

/**
 * Maps a header row to fields: an exact alias first, then key words; each
 * field goes to one column and each column to one field (the best score wins;
 * ties go to the leftmost column, then to the field listed first in the field
 * table). Unknown columns are listed in `unmapped`. `overrides`, keyed by the
 * header as written, set or clear a column's field and win over everything.
 * Results are memoised on the header content: treat them as read-only.
 */
export function mapHeaders(
  headers: readonly CellValue[],
  overrides?: HeaderOverrides | undefined,
): HeaderMap {
  const key =
    overrides === undefined ? headerKey(headers) : `${headerKey(headers)}\u001e${JSON.stringify(overrides)}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const map = mapHeadersNow(headers, overrides);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, map);
  return map;
}

/** Header cells are short text: a long sentence or a number is a title or data, not a header. */
function looksLikeHeaderCell(v: CellValue): boolean {
  return typeof v === "string" && v.length > 0 && v.length <= 60;
}

/**
 * The 0-based index of the header row among the first `maxScan` rows: the row
 * that maps the most fields (at least two), the earliest on a tie, so title
 * rows ("2024年3月采购台账") and blank rows above the header are skipped.
 * -1 when no row maps two fields.
 */
export function findHeaderRow(
  cells: readonly (readonly CellValue[])[],
  maxScan = 30,
  overrides?: HeaderOverrides | undefined,
): number {
  let best = -1;
  let bestCount = 1;
  const end = Math.min(maxScan, cells.length);
  for (let r = 0; r < end; r++) {
    const row = cells[r];
    if (row === undefined) continue;
    let textCells = 0;
    for (const v of row) if (looksLikeHeaderCell(v)) textCells++;
    if (textCells <= bestCount) continue;
    const headers = row.map((v) => (looksLikeHeaderCell(v) ? v : null));
    const count = mapHeadersNow(headers, overrides).columns.filter((c) => c.field !== undefined).length;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}
