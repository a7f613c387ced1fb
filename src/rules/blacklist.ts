import { checkStoreUrl } from "./identifiers/store-url";
import { memoizeString } from "./memo";
import { normalizeCompanyName } from "./identifiers/supplier-key";
import { compactUscc, USCC_ALPHABET } from "./identifiers/uscc";
import type { CellValue } from "./types";

/**
 * The team's blacklist, read from a range of cells: one row per supplier,
 * one or more columns (names, shop links, member ids, USCCs, plus metadata
 * such as a reason, a date, who added it), with or without a header row.
 * An order matches an entry on ANY identifier they share; every identifier
 * is a key of one hash map, so a lookup costs the same for 10 entries or
 * 20,000.
 *
 * Keys (see supplier-key.ts): `name:<normalised name>`, `member:<id>`,
 * `shop:<sub-domain>`, `host:<lookalike host>`, `uscc:<18 characters>`.
 * Offer links are not keys: an offer id names a product, not a seller.
 */

export interface BlacklistEntry {
  /** 1-based row of the entry inside the range. */
  row: number;
  name?: string;
  memberId?: string;
  shopUrl?: string;
  uscc?: string;
  /** Why the team listed the supplier (a reason/原因/备注 column). */
  reason?: string;
  /** Every other metadata cell of the row (date, added by...), by header (or column number). */
  meta?: Record<string, string>;
  /** The lookup keys this entry owns. */
  keys: string[];
}

export interface BlacklistQuery {
  name?: string | undefined;
  memberId?: string | undefined;
  shopUrl?: string | undefined;
  uscc?: string | undefined;
}

export interface BlacklistIndex {
  size: number;
  entries: BlacklistEntry[];
  /** The first entry sharing any identifier with the supplier, or undefined. */
  match(supplier: BlacklistQuery): BlacklistEntry | undefined;
}

type ColumnKind = "name" | "link" | "member" | "uscc" | "reason" | "meta" | "auto";
type CellKind = "uscc" | "link" | "member" | "name" | "empty" | "meta";

// ---- classifying cells -----------------------------------------------------

const USCC_SHAPE = new RegExp(`^[${USCC_ALPHABET}]{18}$`);
const MEMBER_SHAPE = /^b2b-[0-9a-z]{6,}$/i;

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.normalize("NFKC").trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

function isUsccShaped(text: string): boolean {
  const c = compactUscc(text);
  if (!USCC_SHAPE.test(c)) return false;
  let digits = 0;
  for (const ch of c) if (ch >= "0" && ch <= "9") digits++;
  return digits >= 8;
}

function classifyCell(v: CellValue): CellKind {
  if (v instanceof Date || typeof v === "boolean") return "meta";
  const text = cellText(v);
  if (!text) return "empty";
  if (typeof v === "number") return "meta";
  if (isUsccShaped(text)) return "uscc";
  if (MEMBER_SHAPE.test(text)) return "member";
  if (checkStoreUrl(text).code !== "not_url") return "link";
  if (/^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/.test(text)) return "meta";
  return "name";
}

// ---- reading the header ----------------------------------------------------

const HEADER_WORDS: Array<[RegExp, ColumnKind]> = [
  [/uscc|统一社会信用代码|社会信用代码|信用代码|营业执照|执照|credit\s*code|licen[cs]e|税号/i, "uscc"],
  [/会员|member|旺旺|login\s*id|账号/i, "member"],
  [/原因|理由|reason|备注|note|remark|why|说明/i, "reason"],
  [/日期|时间|date|added|添加人|录入|操作人|author|\bby\b/i, "meta"],
  [/链接|网址|link|url|店铺地址|homepage|主页|website/i, "link"],
  [/供应商|名称|公司|supplier|company|name|商家|卖家|厂家|vendor|seller|店铺|shop/i, "name"],
];

function headerKind(text: string): ColumnKind | undefined {
  for (const [re, kind] of HEADER_WORDS) if (re.test(text)) return kind;
  return undefined;
}

/** Endings of company names: a cell "某某有限公司" is data even though it contains 公司. */
const LEGAL_ENDING = /(公司|厂|商行|经营部|门市部|店|ltd\.?|limited|inc\.?|co\.?|llc|corp\.?|gmbh)$/i;

/** A row is a header when one of its cells is a header word and none holds an identifier. */
function isHeaderRow(row: readonly CellValue[]): boolean {
  let words = 0;
  for (const v of row) {
    const kind = classifyCell(v);
    if (kind === "uscc" || kind === "link" || kind === "member") return false;
    const text = cellText(v);
    if (text && text.length <= 20 && !LEGAL_ENDING.test(text) && headerKind(text)) words++;
  }
  return words > 0;
}

/** Without a header: the first column whose cells are mostly names holds the names; later name-like columns are metadata. */
function guessColumns(rows: readonly (readonly CellValue[])[], width: number): ColumnKind[] {
  const kinds: ColumnKind[] = [];
  let nameColumn = -1;
  for (let c = 0; c < width && nameColumn < 0; c++) {
    if (columnIsMostlyNames(rows, c)) nameColumn = c;
  }
  if (nameColumn < 0 && width === 1) nameColumn = 0;
  let reasonTaken = false;
  for (let c = 0; c < width; c++) {
    if (c === nameColumn) kinds.push("name");
    else if (c > nameColumn && nameColumn >= 0 && !reasonTaken && columnIsMostlyNames(rows, c)) {
      kinds.push("reason");
      reasonTaken = true;
    } else kinds.push("auto");
  }
  return kinds;
}

function columnIsMostlyNames(rows: readonly (readonly CellValue[])[], c: number): boolean {
  let names = 0;
  let filled = 0;
  for (const row of rows) {
    const k = classifyCell(row[c]);
    if (k === "empty") continue;
    filled++;
    if (k === "name") names++;
  }
  return filled > 0 && names * 2 >= filled;
}

// ---- keys ------------------------------------------------------------------

function nameKey(text: string): string | undefined {
  const n = normalizeCompanyName(text);
  return n ? `name:${n}` : undefined;
}

function memberKey(text: string): string | undefined {
  const m = text.normalize("NFKC").trim().toLowerCase();
  return m ? `member:${m}` : undefined;
}

function usccKey(text: string): string | undefined {
  const c = compactUscc(text);
  return c ? `uscc:${c}` : undefined;
}

/** Keys of a link: member id and shop for a genuine 1688 address, the host for a lookalike. */
function linkKeys(text: string): string[] {
  const r = checkStoreUrl(text);
  const keys: string[] = [];
  if (r.code === "genuine") {
    if (r.memberId) keys.push(`member:${r.memberId}`);
    if (r.shopKey) keys.push(`shop:${r.shopKey}`);
  } else if (r.code === "lookalike" && r.host) {
    keys.push(`host:${r.host}`);
  }
  return keys;
}

/**
 * The keys of the suppliers asked about, remembered: a sheet asks about the
 * same suppliers row after row, and a key built once is then looked up as the
 * same string, with no new string per call.
 */
const QUERY_MEMO = 65_536;
const queryNameKey = memoizeString(nameKey, QUERY_MEMO);
const queryMemberKey = memoizeString(memberKey, QUERY_MEMO);
const queryUsccKey = memoizeString(usccKey, QUERY_MEMO);
const queryLinkKeys = memoizeString(linkKeys, QUERY_MEMO);

/**
 * Every key a supplier is matched by, the ones `match` looks up: its USCC,
 * member id, shop link (member id and shop, or a lookalike's host) and name.
 * Orders whose keys meet belong to one supplier (src/rules/history).
 * @example supplierKeys({ name: "义乌市宏达贸易有限公司", memberId: "b2b-22012345" }) // ["member:b2b-22012345", "name:义乌市宏达贸易"]
 */
export function supplierKeys(s: BlacklistQuery): string[] {
  const keys: string[] = [];
  const uscc = s.uscc ? queryUsccKey(s.uscc) : undefined;
  if (uscc !== undefined) keys.push(uscc);
  const member = s.memberId ? queryMemberKey(s.memberId) : undefined;
  if (member !== undefined) keys.push(member);
  if (s.shopUrl) for (const k of queryLinkKeys(s.shopUrl)) keys.push(k);
  const name = s.name ? queryNameKey(s.name) : undefined;
  if (name !== undefined) keys.push(name);
  return keys;
}

// ---- building --------------------------------------------------------------

/**
 * Builds the index of a blacklist range (first row taken as a header when it
 * reads like one).
 *
 * @example buildBlacklist([["供应商", "原因"], ["义乌市宏达贸易有限公司", "收款后失联"]]).match({ name: "Yiwu..." })
 */
export function buildBlacklist(cells: readonly (readonly CellValue[])[]): BlacklistIndex {
  const width = cells.reduce((w, row) => Math.max(w, row.length), 0);
  const first = cells[0];
  const hasHeader = first !== undefined && cells.length > 0 && isHeaderRow(first);
  const body = hasHeader ? cells.slice(1) : cells;
  const headers: string[] = [];
  let kinds: ColumnKind[];
  if (hasHeader && first) {
    kinds = [];
    let reasonTaken = false;
    for (let c = 0; c < width; c++) {
      const text = cellText(first[c]);
      headers.push(text || `column ${c + 1}`);
      let kind = text ? (headerKind(text) ?? "auto") : "auto";
      if (kind === "reason") {
        if (reasonTaken) kind = "meta";
        reasonTaken = true;
      }
      kinds.push(kind);
    }
  } else {
    for (let c = 0; c < width; c++) headers.push(`column ${c + 1}`);
    kinds = guessColumns(body, width);
  }

  const entries: BlacklistEntry[] = [];
  const byKey = new Map<string, BlacklistEntry>();
  body.forEach((row, i) => {
    const entry: BlacklistEntry = { row: i + 1 + (hasHeader ? 1 : 0), keys: [] };
    const keys = new Set<string>();
    const add = (k: string | undefined) => {
      if (k) keys.add(k);
    };
    for (let c = 0; c < width; c++) {
      const v = row[c];
      const text = cellText(v);
      if (!text) continue;
      const kind = kinds[c] ?? "auto";
      const cell = classifyCell(v);
      // Identifiers are recognised by their shape in any column; free text only where the header (or the guess) says so.
      const as: CellKind | "reason" =
        cell === "uscc" || cell === "link" || cell === "member"
          ? cell
          : kind === "uscc" && cell !== "meta"
            ? "uscc"
            : kind === "member" && cell !== "meta"
              ? "member"
              : kind === "link" && cell !== "meta"
                ? "link"
                : kind === "name" && cell === "name"
                  ? "name"
                  : kind === "reason"
                    ? "reason"
                    : "meta";
      if (kind === "reason" || kind === "meta") {
        // A reason column may mention a link or a company: it stays metadata.
        if (kind === "reason" && entry.reason === undefined) entry.reason = text;
        else (entry.meta ??= {})[headers[c] ?? `column ${c + 1}`] = text;
        continue;
      }
      switch (as) {
        case "uscc":
          entry.uscc ??= compactUscc(text);
          add(usccKey(text));
          break;
        case "member":
          entry.memberId ??= text;
          add(memberKey(text));
          break;
        case "link":
          entry.shopUrl ??= text;
          for (const k of linkKeys(text)) add(k);
          break;
        case "name":
          entry.name ??= text;
          add(nameKey(text));
          break;
        case "reason":
          entry.reason ??= text;
          break;
        default:
          (entry.meta ??= {})[headers[c] ?? `column ${c + 1}`] = text;
      }
    }
    if (keys.size === 0) return;
    entry.keys = [...keys];
    entries.push(entry);
    for (const k of entry.keys) if (!byKey.has(k)) byKey.set(k, entry);
  });

  return {
    size: entries.length,
    entries,
    match(s: BlacklistQuery): BlacklistEntry | undefined {
      if (s.uscc) {
        const key = queryUsccKey(s.uscc);
        const hit = key === undefined ? undefined : byKey.get(key);
        if (hit) return hit;
      }
      if (s.memberId) {
        const key = queryMemberKey(s.memberId);
        const hit = key === undefined ? undefined : byKey.get(key);
        if (hit) return hit;
      }
      if (s.shopUrl) {
        const keys = queryLinkKeys(s.shopUrl);
        for (let i = 0; i < keys.length; i++) {
          const hit = byKey.get(keys[i] as string);
          if (hit) return hit;
        }
      }
      if (s.name) {
        const key = queryNameKey(s.name);
        return key === undefined ? undefined : byKey.get(key);
      }
      return undefined;
    },
  };
}

// ---- caching per range content ---------------------------------------------

/**
 * Cache of built indexes. Excel hands every custom-function call a fresh
 * array, so identity never hits, and a content key over every cell costs
 * O(list size). The cache must never change a result, so the design rests on
 * when a range's content can change at all:
 *
 * - Excel delivers a recalculation's calls in batches that run one after the
 *   other in the same JavaScript turn; the workbook cannot change inside a
 *   turn (an edit, or a write from the task pane, arrives as a new message).
 * - So the first call of each turn compares the range with the cached copy
 *   cell by cell (exact, O(n)) and marks the slot verified for that turn;
 *   later calls in the same turn only check a fixed fingerprint (dimensions,
 *   and the first, middle and last rows) to pick the right slot among the last
 *   few lists (LRU of 4). The O(n) compare is amortised over the batch, and the
 *   fingerprint reads three rows however long the list: per-call cost stays
 *   flat whatever the list size. (Cells sampled across the list were tried:
 *   in a 20,000-row range each sits on its own memory page, and reading four
 *   of them cost more than the whole lookup.)
 *
 * What this assumes, stated plainly: within one synchronous batch, two
 * different blacklist ranges of the same size whose first, middle and last
 * rows agree would share a slot. Use `buildBlacklist` directly when that
 * matters more than speed.
 */
const LRU_SIZE = 4;

interface CacheSlot {
  rows: number;
  width: number;
  lastWidth: number;
  /** Private copy of the rows the index was built from. */
  cells: readonly (readonly CellValue[])[];
  index: BlacklistIndex;
  /** The turn in which the slot was last compared in full. */
  verifiedTurn: number;
}

const lru: CacheSlot[] = [];

let turn = 0;
let turnEnding = false;

/** A counter that moves on once the current synchronous run of calls is over. */
function currentTurn(): number {
  if (!turnEnding) {
    turnEnding = true;
    void Promise.resolve().then(() => {
      turn++;
      turnEnding = false;
    });
  }
  return turn;
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  // Excel gives an empty cell as "" in one place and null in another: the same blank.
  return (a === "" || a === null || a === undefined) && (b === "" || b === null || b === undefined);
}

function sameRow(
  a: readonly CellValue[] | undefined,
  b: readonly CellValue[] | undefined,
  width: number,
): boolean {
  for (let c = 0; c < width; c++) if (!sameCell(a?.[c], b?.[c])) return false;
  return true;
}

function sameShape(slot: CacheSlot, cells: readonly (readonly CellValue[])[]): boolean {
  const n = cells.length;
  return (
    n === slot.rows &&
    (cells[0]?.length ?? 0) === slot.width &&
    (cells[n - 1]?.length ?? 0) === slot.lastWidth
  );
}

/** Every cell, exact. */
function sameContent(slot: CacheSlot, cells: readonly (readonly CellValue[])[]): boolean {
  if (!sameShape(slot, cells)) return false;
  for (let r = 0; r < cells.length; r++) if (!sameRow(cells[r], slot.cells[r], slot.width)) return false;
  return true;
}

/** Dimensions, and the first, middle and last rows: a fixed amount of work per call. */
function sameFingerprint(slot: CacheSlot, cells: readonly (readonly CellValue[])[]): boolean {
  if (!sameShape(slot, cells)) return false;
  const n = cells.length;
  const middle = n >> 1;
  return (
    sameRow(cells[0], slot.cells[0], slot.width) &&
    sameRow(cells[middle], slot.cells[middle], slot.width) &&
    sameRow(cells[n - 1], slot.cells[n - 1], slot.width)
  );
}

/**
 * The index of a blacklist range, built once per distinct content and
 * reused across calls (see the cache notes above).
 */
export function blacklistFor(cells: readonly (readonly CellValue[])[]): BlacklistIndex {
  const now = currentTurn();
  for (let i = 0; i < lru.length; i++) {
    const slot = lru[i];
    if (!slot) continue;
    let same: boolean;
    if (slot.verifiedTurn !== now) {
      same = sameContent(slot, cells);
      if (same) slot.verifiedTurn = now;
    } else {
      same = sameFingerprint(slot, cells);
    }
    if (!same) continue;
    if (i > 0) {
      lru.splice(i, 1);
      lru.unshift(slot);
    }
    return slot.index;
  }
  const index = buildBlacklist(cells);
  // A private copy: the caller may change its array later.
  const copy = cells.map((row) => row.slice());
  lru.unshift({
    rows: cells.length,
    width: cells[0]?.length ?? 0,
    lastWidth: cells[cells.length - 1]?.length ?? 0,
    cells: copy,
    index,
    verifiedTurn: now,
  });
  if (lru.length > LRU_SIZE) lru.pop();
  return index;
}

/** Forgets every cached index (tests, or a host that wants to free memory). */
export function clearBlacklistCache(): void {
  lru.length = 0;
}
