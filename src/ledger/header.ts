import type { CellValue, CurrencyCode } from "../rules/types";
import {
  BLOCKED_KEYWORDS,
  ERP_HEADERS,
  EXPORT_1688_HEADERS,
  FIELD_BY_ID,
  FIELDS,
  IGNORED_HEADERS,
  isFieldId,
  type FieldId,
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

export interface HeaderMap {
  /** Mapped columns, and columns the user unmapped by override, in sheet order. */
  columns: ColumnMapping[];
  byField: Partial<Record<FieldId, number>>;
  currencyByField: Partial<Record<FieldId, CurrencyCode>>;
  /** Headers (as written) that map to no field. */
  unmapped: string[];
  layout: Layout;
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

const UNITS: ReadonlyMap<string, { currency?: CurrencyCode; scale?: number }> = new Map([
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
  ...["个", "件", "pcs", "pc", "只", "套", "天", "日", "days", "day", "年", "years", "year", "分", "次"].map(
    (u) => [u, {}] as const,
  ),
]);

const BRACKETS: Readonly<Record<string, string>> = {
  "【": "[",
  "】": "]",
  "〔": "[",
  "〕": "]",
  "〈": "(",
  "〉": ")",
};
const BRACKET_CHARS = /[【】〔〕〈〉]/g;
const TRAILING_UNIT = /^(.*?)\s*(?:\(([^()]{1,8})\)|\[([^[\]]{1,8})\])$/;
const SLASH_UNIT = /^(.+?)\s*\/\s*([^/\s]{1,4})$/;
const WORD_UNIT = /^(.+?)\s+(usd|cny|rmb|eur|gbp|hkd|jpy)$/;
const SPACES = /\s+/g;

/**
 * Normalises a header for matching: NFKC (full-width brackets and letters to
 * half-width), lower case, 【】 as [], a trailing unit taken off and read
 * ("货品总价（元）" → key "货品总价", currency CNY; "Total (US$)" → "total", USD;
 * "单价/元", "单价(元/件)", "Total USD"), "(%)" kept as "%", spaces dropped.
 */
export function normalizeHeader(s: string): NormalizedHeader {
  let text = normalizeText(s)
    .toLowerCase()
    .replace(BRACKET_CHARS, (c) => BRACKETS[c] ?? c);
  let unit: { currency?: CurrencyCode; scale?: number } | undefined;
  const bracketed = TRAILING_UNIT.exec(text);
  if (bracketed && bracketed[1] !== "") {
    const inner = (bracketed[2] ?? bracketed[3] ?? "").trim();
    if (inner === "%") {
      text = `${bracketed[1]}%`;
    } else {
      const found = UNITS.get(inner.replace(SPACES, "")) ?? UNITS.get(inner.split("/")[0]?.trim() ?? "");
      if (found !== undefined) {
        unit = found;
        text = bracketed[1] ?? text;
      }
    }
  }
  if (unit === undefined) {
    const m = SLASH_UNIT.exec(text) ?? WORD_UNIT.exec(text);
    const found = m ? UNITS.get(m[2] ?? "") : undefined;
    if (m && found !== undefined && (found.currency !== undefined || found.scale !== undefined)) {
      unit = found;
      text = m[1] ?? text;
    }
  }
  const key = text.replace(SPACES, "");
  const out: NormalizedHeader = { key };
  if (unit?.currency !== undefined) out.currency = unit.currency;
  if (unit?.scale !== undefined) out.scale = unit.scale;
  return out;
}

// ------------------------------------------------------------ compiled tables

interface AliasHit {
  field: FieldId;
  rank: number;
}

const keyOf = (s: string): string => normalizeHeader(s).key;

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
  field: FieldId;
  fieldIndex: number;
  strong: boolean;
}

const KEYWORDS: readonly Keyword[] = FIELDS.flatMap((f, fieldIndex) => [
  ...f.keywords.map((w) => ({ word: keyOf(w), field: f.id, fieldIndex, strong: true })),
  ...(f.weak ?? []).map((w) => ({ word: keyOf(w), field: f.id, fieldIndex, strong: false })),
]);

const FIELD_INDEX: ReadonlyMap<FieldId, number> = new Map(FIELDS.map((f, i) => [f.id, i]));

/** The score of an alias, a key word and an override: an override beats an alias beats any key word. */
const OVERRIDE_SCORE = 1_000_000;
const ALIAS_SCORE = 10_000;

/**
 * A key word's score: strong ones beat weak ones; a longer word beats a shorter
 * one; a word at the end of the header (its head noun: 供应商链接 is a link,
 * 供应商会员名 a member name) gets a small bonus.
 */
function keywordScore(key: string, k: Keyword, at: number): number {
  return (k.strong ? 1000 : 0) + k.word.length * 10 + (at + k.word.length === key.length ? 5 : 0);
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

function candidatesOf(column: number, key: string): Candidate[] {
  const alias = ALIASES.get(key);
  if (alias !== undefined)
    return [{ column, field: alias.field, score: ALIAS_SCORE - alias.rank, how: "alias" }];
  if (IGNORED.has(key)) return [];
  for (const b of BLOCKED) if (key.includes(b)) return [];
  const best = new Map<FieldId, number>();
  for (const k of KEYWORDS) {
    const at = key.lastIndexOf(k.word);
    if (at < 0) continue;
    const score = keywordScore(key, k, at);
    if (score > (best.get(k.field) ?? -1)) best.set(k.field, score);
  }
  return [...best].map(([field, score]) => ({ column, field, score, how: "keyword" as const }));
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
  const norms: NormalizedHeader[] = [];
  const candidates: Candidate[] = [];
  const unmappedByOverride = new Set<number>();
  for (let i = 0; i < headers.length; i++) {
    const text = cellText(headers[i]);
    texts.push(text);
    const norm = text === "" ? { key: "" } : normalizeHeader(text);
    norms.push(norm);
    if (norm.key === "") continue;
    const override = overrideByText.has(text) ? overrideByText.get(text) : overrideByKey.get(norm.key);
    if (override === null) unmappedByOverride.add(i);
    else if (override !== undefined)
      candidates.push({ column: i, field: override, score: OVERRIDE_SCORE, how: "override" });
    else candidates.push(...candidatesOf(i, norm.key));
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
  return {
    columns,
    byField,
    currencyByField,
    unmapped,
    layout: detectLayout(
      norms.map((n) => n.key),
      byField,
    ),
  };
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
