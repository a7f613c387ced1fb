import type { BlacklistEntry, BlacklistIndex } from "./blacklist";
import { CITY_NAMES, PROVINCE_NAMES, REGION_SUFFIXES } from "./identifiers/regions";
import { normalizeCompanyName, supplierKey } from "./identifiers/supplier-key";
import { compactUscc } from "./identifiers/uscc";
import type { CellValue, Supplier } from "./types";

/**
 * Possible blacklist matches: a supplier that is not the same by any exact
 * identifier, yet close enough to a blacklisted one that a buyer must look
 * before paying (a HOLD with the evidence, never a silent hard hit; exact
 * identifier matches stay with `BlacklistIndex.match`):
 *
 * - names equal once region prefixes (浙江, 义乌市, 白云区), legal forms, brackets
 *   and width are dropped (浙江义乌宏达贸易 and 义乌市宏达贸易有限公司);
 * - an English name equal in pinyin to a Chinese one (Yiwu Hongda Trading Co.,
 *   Ltd. and 义乌市宏达贸易有限公司), trade words (Trading, 贸易) compared by meaning;
 * - a supplier sharing a payee account, phone, USCC or member id with a
 *   blacklisted one (the blacklisted supplier's own rows in the ledger, or the
 *   entry's phone and account columns).
 *
 * An allow-list entry ("not the same company", who and when) silences a
 * possible match. Kept apart from blacklist.ts, whose input handling moves on
 * its own.
 */
export interface PossibleMatch {
  /** The blacklist entry it may be. */
  entry: BlacklistEntry;
  /** How the two meet. */
  basis: "name" | "pinyin" | "payee_account" | "phone" | "uscc" | "member";
  /** The supplier's value (its name, account, phone...). */
  value: string;
  /** The blacklisted side's value it meets. */
  listed: string;
  /** For a shared identifier: the blacklisted supplier of the ledger that carries it, and its row. */
  via?: string | undefined;
  viaRow?: number | undefined;
}

// ---- names -------------------------------------------------------------------

const HAN = /\p{Script=Han}/u;
const BRACKETED = /[(（[【]([^)）\]】]*)[)）\]】]/g;

/** Region names with their registered endings, longest first. */
const REGION_FORMS: readonly string[] = (() => {
  const forms = new Set<string>();
  for (const name of [...PROVINCE_NAMES, ...CITY_NAMES]) {
    forms.add(name);
    for (const suffix of REGION_SUFFIXES) forms.add(name + suffix);
  }
  return [...forms].sort((a, b) => b.length - a.length);
})();

function isRegion(text: string): boolean {
  return REGION_FORMS.includes(text);
}

/** Drops region names from the front of a (Chinese) name, as often as they come. */
function dropRegions(name: string): string {
  let s = name;
  for (let changed = true; changed;) {
    changed = false;
    for (const form of REGION_FORMS) {
      if (s.length > form.length + 1 && s.startsWith(form)) {
        s = s.slice(form.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/**
 * A Chinese company name reduced to its trade name and business: width,
 * case, legal form, brackets holding a place (宏达贸易（义乌）), and leading
 * places dropped. Empty for a name that is nothing else.
 * @example nameCore("浙江义乌宏达贸易") // "宏达贸易"
 */
export function nameCore(name: string): string {
  const unbracketed = name
    .normalize("NFKC")
    .replace(BRACKETED, (whole, inner: string) => (isRegion(inner.trim()) ? "" : ` ${inner} `));
  const normalized = normalizeCompanyName(unbracketed);
  return HAN.test(normalized) ? dropRegions(normalized) : englishWords(unbracketed).join("");
}

/** Business words of company names, Chinese and the English words for them. */
const TRADES: ReadonlyArray<[readonly string[], readonly string[]]> = [
  [
    ["贸易", "商贸", "经贸", "工贸"],
    ["trading", "trade", "commerce", "commercial"],
  ],
  [["进出口"], ["importexport", "impexp", "import", "export"]],
  [
    ["实业", "工业"],
    ["industry", "industrial", "industries"],
  ],
  [
    ["科技", "技术"],
    ["technology", "tech", "technologies"],
  ],
  [["电子商务"], ["ecommerce"]],
  [["电子"], ["electronic", "electronics"]],
  [
    ["电器", "电气"],
    ["electric", "electrical", "appliance", "appliances"],
  ],
  [
    ["服装", "服饰"],
    ["garment", "garments", "clothing", "apparel", "fashion"],
  ],
  [["饰品"], ["jewelry", "jewellery", "accessories", "accessory"]],
  [["玩具"], ["toy", "toys"]],
  [["工艺品"], ["crafts", "craft", "handicraft", "handicrafts"]],
  [["五金"], ["hardware"]],
  [
    ["塑料", "塑胶"],
    ["plastic", "plastics"],
  ],
  [
    ["纺织", "纺织品"],
    ["textile", "textiles"],
  ],
  [["日用品"], ["dailynecessities", "dailyuse", "household"]],
  [
    ["皮具", "皮革"],
    ["leather", "leathergoods"],
  ],
  [["鞋业"], ["shoes", "footwear"]],
  [["机械"], ["machinery"]],
  [["包装"], ["packaging", "package"]],
  [["供应链"], ["supplychain"]],
  [
    ["制品", "用品", "产品"],
    ["products", "product", "goods"],
  ],
  [["制造"], ["manufacturing", "manufacture"]],
  [
    ["商行", "经营部", "门市部", "店"],
    ["store", "shop", "firm"],
  ],
  [["厂"], ["factory", "works", "mill"]],
];

const ZH_TRADES: ReadonlyArray<[string, number]> = TRADES.flatMap(([zh], i) =>
  zh.map((w): [string, number] => [w, i]),
).sort((a, b) => b[0].length - a[0].length);
const EN_TRADES: ReadonlyMap<string, number> = new Map(
  TRADES.flatMap(([, en], i) => en.map((w): [string, number] => [w, i])),
);

/** Legal-form words, in English and in pinyin, that normalizeCompanyName does not already drop. */
const EN_LEGAL = new Set([
  "co",
  "company",
  "ltd",
  "limited",
  "inc",
  "llc",
  "corp",
  "corporation",
  "group",
  "youxian",
  "gongsi",
  "youxiangongsi",
  "zerenyouxian",
  "gufen",
]);

/**
 * How Chinese text reads in pinyin (toneless, lower case, no spaces). This module
 * carries no dictionary: src/rules/pinyin.ts plugs in pinyin-pro's when imported
 * (the functions, the command line and the tests import it; the task pane loads it
 * after it opens, so its first download stays small). Without one, names are still
 * matched by their characters and identifiers; only the pinyin match waits.
 */
let pinyinOf: ((text: string) => string) | undefined;

/** Plugs in the pinyin of Chinese text (see pinyinOf). */
export function setPinyin(convert: (text: string) => string): void {
  pinyinOf = convert;
  regionPinyin = undefined;
  indexes = new WeakMap();
}

/** Whether names are matched in pinyin too (a pinyin converter is plugged in). */
export function hasPinyin(): boolean {
  return pinyinOf !== undefined;
}

/** A place's pinyin ("yiwu", "zhejiang"), to drop it from the front of an English name. */
let regionPinyin: ReadonlySet<string> | undefined;
function regionsInPinyin(): ReadonlySet<string> {
  regionPinyin ??= new Set(
    [...PROVINCE_NAMES, ...CITY_NAMES].flatMap((name) => {
      const p = toPinyin(name);
      return [p, `${p}shi`, `${p}sheng`, `${p}qu`, `${p}xian`];
    }),
  );
  return regionPinyin;
}

function toPinyin(text: string): string {
  return pinyinOf === undefined ? "" : pinyinOf(text);
}

/**
 * Longest name matched by its trade name: a company's name is far shorter, and a cell of
 * thousands of characters (anything Excel holds can reach a function) would cost its pinyin.
 */
const MAX_NAME = 200;

/** A name's trade name (pinyin or English words, no spaces) and its business words (by TRADES index). */
interface TradeName {
  key: string;
  /** The key with its business words, in pinyin: "hongdamaoyi" (a name written in pinyin throughout). */
  full: string;
  trades: number[];
}

/** The trade name of a Chinese name: its core less business words, in pinyin. */
function chineseTrade(name: string): TradeName | undefined {
  if (name.length > MAX_NAME) return undefined;
  let core = nameCore(name);
  if (!HAN.test(core)) return undefined;
  const trades: number[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const [word, i] of ZH_TRADES) {
      if (core.length > word.length + 1 && core.endsWith(word)) {
        core = core.slice(0, -word.length);
        trades.push(i);
        changed = true;
        break;
      }
    }
  }
  const key = toPinyin(core);
  return key.length < 4 ? undefined : { key, full: toPinyin(nameCore(name)), trades };
}

/** The words of an English (or pinyin) name less legal forms and leading places, lower case. */
function englishWords(name: string): string[] {
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/&|\band\b/g, " ")
    .replace(/[^a-z0-9\s]+/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "" && !EN_LEGAL.has(w));
  // "import export", "supply chain", "e commerce": business words written as two words.
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i] as string}${words[i + 1] as string}`;
    if (EN_TRADES.has(pair)) words.splice(i, 2, pair);
  }
  const regions = regionsInPinyin();
  while (words.length > 1 && regions.has(words[0] as string)) {
    words.shift();
    if (words.length > 1 && /^(city|province|county|district)$/.test(words[0] as string)) words.shift();
  }
  return words;
}

/** The trade name of an English (or pinyin) name: its words less places, legal forms and business words. */
function englishTrade(name: string): TradeName | undefined {
  if (name.length > MAX_NAME) return undefined;
  const words = englishWords(name);
  const trades: number[] = [];
  while (words.length > 1 && EN_TRADES.has(words[words.length - 1] as string)) {
    trades.push(EN_TRADES.get(words.pop() as string) as number);
  }
  const key = words.join("");
  return key.length < 4 ? undefined : { key, full: key, trades };
}

function tradesAgree(a: readonly number[], b: readonly number[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((t) => b.includes(t));
}

// ---- identifiers ---------------------------------------------------------------

/** An account number as compared: NFKC, no spaces or dashes, upper case. */
function accountKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\-_.]/g, "")
    .toUpperCase();
}

/** A phone number as compared: its digits, without a leading +86 or 0086. */
function phoneKey(text: string): string {
  const digits = text.normalize("NFKC").replace(/\D/g, "");
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, "");
}

/** A bank card or account number: 12 to 30 digits, spaces and dashes allowed. */
const BANK_NUMBER = /^\d[\d\s-]{10,34}\d$/;

const PHONE_HEADER = /电话|手机|联系方式|phone|tel|mobile/i;
const ACCOUNT_HEADER = /账号|账户|卡号|account|iban/i;

/** The name-based and identifier-based look-ups of one blacklist, built once per index. */
interface PossibleIndex {
  byCore: Map<string, BlacklistEntry[]>;
  /** Trade names of Chinese entries (pinyin), to meet English names. */
  zhTrades: Array<{ entry: BlacklistEntry; trade: TradeName }>;
  /** Trade names of English entries, to meet Chinese names in pinyin. */
  enTrades: Array<{ entry: BlacklistEntry; trade: TradeName }>;
  /** Phones and accounts the entries' own columns name. */
  phones: Map<string, BlacklistEntry>;
  accounts: Map<string, BlacklistEntry>;
}

/** Built per blacklist, and again once pinyin is plugged in (its trade names change). */
let indexes = new WeakMap<BlacklistIndex, PossibleIndex>();

function possibleIndex(blacklist: BlacklistIndex): PossibleIndex {
  const known = indexes.get(blacklist);
  if (known) return known;
  const index: PossibleIndex = {
    byCore: new Map(),
    zhTrades: [],
    enTrades: [],
    phones: new Map(),
    accounts: new Map(),
  };
  for (const entry of blacklist.entries) {
    if (entry.name) {
      const core = nameCore(entry.name);
      if (core.length >= 2) {
        const list = index.byCore.get(core) ?? [];
        list.push(entry);
        index.byCore.set(core, list);
      }
      const zh = HAN.test(entry.name);
      const trade = zh ? chineseTrade(entry.name) : englishTrade(entry.name);
      if (trade) (zh ? index.zhTrades : index.enTrades).push({ entry, trade });
    }
    // blacklist.ts reads a 收款账号 column as member ids (账号): a bank card number there is an account.
    if (entry.memberId && BANK_NUMBER.test(entry.memberId))
      index.accounts.set(accountKey(entry.memberId), entry);
    for (const [header, text] of Object.entries(entry.meta ?? {})) {
      if (PHONE_HEADER.test(header)) {
        const key = phoneKey(text);
        if (key.length >= 7) index.phones.set(key, entry);
      } else if (ACCOUNT_HEADER.test(header)) {
        const key = accountKey(text);
        if (key.length >= 6) index.accounts.set(key, entry);
      }
    }
  }
  indexes.set(blacklist, index);
  return index;
}

/** The name-based possible matches of a supplier (none when the blacklist matches it exactly). */
function nameMatches(name: string, index: PossibleIndex): PossibleMatch[] {
  const out: PossibleMatch[] = [];
  const seen = new Set<BlacklistEntry>();
  const core = nameCore(name);
  if (core.length >= 2) {
    for (const entry of index.byCore.get(core) ?? []) {
      seen.add(entry);
      out.push({ entry, basis: "name", value: name, listed: entry.name ?? "" });
    }
  }
  const zh = HAN.test(name);
  const trade = zh ? chineseTrade(name) : englishTrade(name);
  if (trade) {
    for (const { entry, trade: other } of zh ? index.enTrades : index.zhTrades) {
      if (seen.has(entry)) continue;
      const [en, cn] = zh ? [other, trade] : [trade, other];
      const same = (en.key === cn.key && tradesAgree(en.trades, cn.trades)) || en.full === cn.full;
      if (!same) continue;
      seen.add(entry);
      out.push({ entry, basis: "pinyin", value: name, listed: entry.name ?? "" });
    }
  }
  return out;
}

// ---- the ledger's blacklisted suppliers ---------------------------------------------

/** What a ledger says of one order for matching: its supplier, payee account and phone. */
export interface LedgerParty {
  supplier: Supplier;
  row: number;
  payeeAccount?: string | undefined;
  phone?: string | undefined;
}

export interface PossibleOptions {
  /** The supplier's own orders (payee accounts and phones it used). */
  own?: readonly LedgerParty[] | undefined;
  /** Every order of the ledger: those of blacklisted suppliers lend their identifiers. */
  ledger?: readonly LedgerParty[] | undefined;
  allow?: AllowList | undefined;
}

/** A possible match an allow-list entry silenced, with who said so and when. */
export interface AllowedMatch {
  match: PossibleMatch;
  allow: AllowEntry;
}

export interface PossibleResult {
  possible: PossibleMatch[];
  allowed: AllowedMatch[];
}

interface Lent {
  entry: BlacklistEntry;
  via: string;
  viaRow: number;
  value: string;
}

/**
 * The possible blacklist matches of a supplier; none when the blacklist
 * matches it exactly (that is a hard hit, not a possibility).
 * @example findPossibleMatches({ name: "浙江义乌宏达贸易" }, blacklist).possible[0].basis // "name"
 */
export function findPossibleMatches(
  supplier: Supplier,
  blacklist: BlacklistIndex,
  options: PossibleOptions = {},
): PossibleResult {
  if (blacklist.match(supplier)) return { possible: [], allowed: [] };
  const index = possibleIndex(blacklist);
  const found: PossibleMatch[] = supplier.name ? nameMatches(supplier.name, index) : [];

  // Identifiers the blacklisted suppliers of the ledger used, and the entries' own phone and account columns.
  const lent = new Map<string, Lent>();
  for (const party of options.ledger ?? []) {
    const entry = blacklist.match(party.supplier);
    if (!entry) continue;
    const via = party.supplier.name ?? party.supplier.memberId ?? "";
    const lend = (key: string | undefined, value: string | undefined) => {
      if (key && value && !lent.has(key)) lent.set(key, { entry, via, viaRow: party.row, value });
    };
    if (party.payeeAccount) lend(`account:${accountKey(party.payeeAccount)}`, party.payeeAccount);
    if (party.phone && phoneKey(party.phone).length >= 7) lend(`phone:${phoneKey(party.phone)}`, party.phone);
    if (party.supplier.uscc) lend(`uscc:${compactUscc(party.supplier.uscc)}`, party.supplier.uscc);
    if (party.supplier.memberId)
      lend(`member:${party.supplier.memberId.trim().toLowerCase()}`, party.supplier.memberId);
  }
  const seen = new Set<string>();
  const meet = (basis: PossibleMatch["basis"], key: string, value: string, own?: BlacklistEntry) => {
    const hit = lent.get(key);
    const entry = hit?.entry ?? own;
    if (!entry || seen.has(`${basis}:${key}`)) return;
    seen.add(`${basis}:${key}`);
    found.push({ entry, basis, value, listed: hit?.value ?? value, via: hit?.via, viaRow: hit?.viaRow });
  };
  const own = options.own ?? [{ supplier, row: 0 }];
  for (const party of own) {
    if (party.payeeAccount) {
      const key = accountKey(party.payeeAccount);
      meet("payee_account", `account:${key}`, party.payeeAccount, index.accounts.get(key));
    }
    if (party.phone) {
      const key = phoneKey(party.phone);
      if (key.length >= 7) meet("phone", `phone:${key}`, party.phone, index.phones.get(key));
    }
  }
  if (supplier.uscc) meet("uscc", `uscc:${compactUscc(supplier.uscc)}`, supplier.uscc);
  if (supplier.memberId)
    meet("member", `member:${supplier.memberId.trim().toLowerCase()}`, supplier.memberId);

  const allow = options.allow;
  if (allow === undefined || allow.entries.length === 0) return { possible: found, allowed: [] };
  const possible: PossibleMatch[] = [];
  const allowed: AllowedMatch[] = [];
  for (const match of found) {
    const entry = allow.find(supplier, match.entry);
    if (entry) allowed.push({ match, allow: entry });
    else possible.push(match);
  }
  return { possible, allowed };
}

// ---- the allow-list ----------------------------------------------------------------

/** "Not the same company": a supplier cleared of a blacklist entry, by whom and when. */
export interface AllowEntry {
  /** 1-based row of the entry inside its range. */
  row: number;
  supplier: string;
  /** The blacklist entry it is not (empty: any entry). */
  listed: string;
  by: string;
  date: string;
  note: string;
}

export interface AllowList {
  entries: AllowEntry[];
  /** The entry that clears this supplier of this blacklist entry, if any. */
  find(supplier: Supplier, listed: BlacklistEntry): AllowEntry | undefined;
}

type AllowColumn = "supplier" | "listed" | "by" | "date" | "note";

const ALLOW_HEADERS: ReadonlyArray<[RegExp, AllowColumn]> = [
  [/黑名单|blacklist|listed|不是|not the same|not/i, "listed"],
  [/确认人|核实人|添加人|操作人|who|\bby\b|checked by|confirmed by/i, "by"],
  [/日期|时间|when|date/i, "date"],
  [/备注|说明|原因|note|remark|reason/i, "note"],
  [/供应商|公司|名称|卖家|supplier|company|name|seller/i, "supplier"],
];

function text(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v).normalize("NFKC").trim();
}

/** The keys a name, link or member id stands for (supplier-key.ts), and its name core. */
function keysOf(value: string): string[] {
  const keys: string[] = [];
  const key = supplierKey(value);
  if (key) keys.push(key);
  const core = nameCore(value);
  if (core) keys.push(`core:${core}`);
  return keys;
}

function supplierKeysOf(s: Supplier | BlacklistEntry): string[] {
  return [s.name, s.memberId, s.shopUrl].flatMap((v) => (v ? keysOf(v) : []));
}

/**
 * Reads an allow-list range: one row per cleared supplier, columns supplier,
 * the blacklisted name it is not, who checked, when, a note (a header row
 * naming them may come first and order them otherwise).
 * @example buildAllowList([["义乌宏达贸易商行", "义乌市宏达贸易有限公司", "王强", "2026-11-30"]])
 */
export function buildAllowList(cells: readonly (readonly CellValue[])[]): AllowList {
  let columns: AllowColumn[] = ["supplier", "listed", "by", "date", "note"];
  let body = cells;
  const first = cells[0];
  if (first) {
    const kinds = first.map((v) => {
      const t = text(v);
      return t.length > 0 && t.length <= 24 ? ALLOW_HEADERS.find(([re]) => re.test(t))?.[1] : undefined;
    });
    if (kinds.filter((k) => k !== undefined).length >= 2) {
      columns = kinds.map((k) => k ?? "note");
      body = cells.slice(1);
    }
  }
  const entries: AllowEntry[] = [];
  body.forEach((row, i) => {
    const e: AllowEntry = {
      row: i + 1 + (body === cells ? 0 : 1),
      supplier: "",
      listed: "",
      by: "",
      date: "",
      note: "",
    };
    columns.forEach((c, k) => {
      const t = text(row[k]);
      if (t && e[c] === "") e[c] = t;
    });
    if (e.supplier) entries.push(e);
  });
  const keyed = entries.map((e) => ({
    e,
    supplier: keysOf(e.supplier),
    listed: e.listed ? keysOf(e.listed) : [],
  }));
  return {
    entries,
    find(supplier, listed) {
      const own = supplierKeysOf(supplier);
      const theirs = supplierKeysOf(listed);
      for (const k of keyed) {
        if (!k.supplier.some((key) => own.includes(key))) continue;
        if (k.listed.length === 0 || k.listed.some((key) => theirs.includes(key))) return k.e;
      }
      return undefined;
    },
  };
}
