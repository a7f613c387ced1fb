import { isCountryCode } from "./countries";
import { CARRIERS, type Carrier, type CarrierId, type TrackingFormat } from "./carriers";
import { CHECKSUMS } from "./checksums";

/**
 * Tracking numbers: which carriers a number can belong to, and whether its
 * check digit (where the format has one) is right. python-stdnum style:
 * `compactTracking` cleans, `validateTracking` returns a result with a code
 * instead of throwing.
 *
 * A bare number that fits several carriers is valid with every candidate
 * listed. A number that fits none is what the guide calls an internal or
 * "dedicated line" (专线) number: invalid. A number that fails its format's
 * check digit does not fit that format. Where a check digit is only reported
 * and unverified on a format (SF's old 12-digit numbers), a failing check does
 * not reject a number the ledger says is that carrier's: it stays valid with
 * `warning: "unofficial_check_failed"`, because a wrong unofficial algorithm
 * must not brand a real parcel as fake.
 *
 * A placeholder (one digit repeated, a run such as 123456789, give or take a
 * prefix or a check digit) is never valid, whatever its check digit says:
 * `0000000000` passes DHL's mod 7 (`isPlaceholderTracking`).
 */

export type TrackingCode =
  "valid" | "invalid_format" | "invalid_checksum" | "unknown_carrier" | "carrier_mismatch" | "placeholder";

export interface CarrierMatch {
  id: CarrierId;
  name: string;
  nameZh: string;
  /** The format the number fits ("FedEx Express (12)", "UPU S10"...). */
  service: string;
  /**
   * The carrier's own tracking number inside a longer barcode (the 12-digit
   * FedEx Express number of a 32-digit ASTRA barcode); absent for other formats.
   */
  readonly trackingNumber?: string;
}

/** What validateTracking says about a number. Read-only: the last result is handed out again. */
export interface TrackingResult {
  readonly input: string;
  readonly compact: string;
  readonly valid: boolean;
  readonly code: TrackingCode;
  readonly carriers: readonly CarrierMatch[];
  /** Set when the only formats the number fits failed a check digit that is reported but unofficial. */
  readonly warning?: "unofficial_check_failed";
  readonly message: string;
  readonly messageZh: string;
}

/** NFKC (full-width to half-width), drop whitespace and hyphens, upper case. */
export function compactTracking(s: string): string {
  // Scoring compacts each order's number twice (recording it, then checking it): the second is free.
  if (s === lastRaw) return lastCompact;
  const compact = isCompact(s)
    ? s
    : s
        .normalize("NFKC")
        .replace(/[\s\-‐‑‒–—―]+/g, "")
        .toUpperCase();
  lastRaw = s;
  lastCompact = compact;
  return compact;
}

let lastRaw = "";
let lastCompact = "";

/** True when `s` is already compact: only ASCII digits and capital letters. */
function isCompact(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || (c > 0x39 && c < 0x41) || c > 0x5a) return false;
  }
  return true;
}

// ---- placeholders ----------------------------------------------------------

/**
 * A placeholder's digits, its letters aside: at least 6 of one digit repeated,
 * or of a run of consecutive digits, up or down (9 wraps to 0), with at most
 * one other digit (a check digit computed over them). A run with another digit
 * must be at least 9 long: UPU's sample RB123456785GB is an 8-digit run and its
 * check digit.
 */
const STRETCH_MIN = 6;
const RUN_WITH_CHECK_MIN = 9;

/**
 * True for a number no carrier would hand out: `0000000000`,
 * `SF0000000000000`, `1111111111111`, `EA000000005CN`, `12345678`,
 * `123456789`, `9876543210`, `SF1234567890123`. Published sample numbers with
 * a shorter stretch inside stay numbers: UPU's `RB123456785GB`, UPS's
 * `1Z999AA10123456784`, DHL's piece ID `JJD0099999999`.
 */
export function isPlaceholderTracking(compact: string): boolean {
  let count = 0;
  for (let i = 0; i < compact.length; i++) if (isDigitCode(compact.charCodeAt(i))) count++;
  if (count < STRETCH_MIN) return false;
  const repeatNeed = Math.max(STRETCH_MIN, count - 1);
  const runNeed = count < RUN_WITH_CHECK_MIN + 1 ? count : count - 1;
  let previous = -1;
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 0; i < compact.length; i++) {
    const c = compact.charCodeAt(i);
    if (!isDigitCode(c)) continue;
    if (previous >= 0) {
      const step = (c - previous + 10) % 10;
      same = step === 0 ? same + 1 : 1;
      up = step === 1 ? up + 1 : 1;
      down = step === 9 ? down + 1 : 1;
      if (same >= repeatNeed || up >= runNeed || down >= runNeed) return true;
    }
    previous = c;
  }
  return false;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

// ---- carrier names ---------------------------------------------------------

const GENERIC_SUFFIXES = [
  "expressdelivery",
  "express",
  "logistics",
  "courier",
  "delivery",
  "有限公司",
  "公司",
  "集团",
  "快递",
  "速运",
  "速递",
  "物流",
  "快运",
  "网络",
];

function nameKey(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_.,&/()'"·（）【】[\]]+/g, "");
}

const BY_ID = new Map<CarrierId, Carrier>(CARRIERS.map((c) => [c.id, c]));

const BY_NAME: ReadonlyMap<string, CarrierId> = (() => {
  const map = new Map<string, CarrierId>();
  for (const c of CARRIERS) {
    for (const n of [c.id, c.name, c.nameZh, ...c.aliases]) {
      const key = nameKey(n);
      if (key && !map.has(key)) map.set(key, c.id);
    }
  }
  return map;
})();

/**
 * The carrier id for an id, English name or Chinese name ("sf", "SF Express",
 * "顺丰", "顺丰速运", "J&T"), or undefined when the name is unknown.
 */
export function resolveCarrier(nameOrId: string): CarrierId | undefined {
  let key = nameKey(nameOrId);
  while (key) {
    const id = BY_NAME.get(key);
    if (id) return id;
    const suffix = GENERIC_SUFFIXES.find((s) => key.length > s.length && key.endsWith(s));
    if (!suffix) return undefined;
    key = key.slice(0, -suffix.length);
  }
  return undefined;
}

/** Carrier cells repeat on every row: each distinct text is resolved once (bounded). */
const resolvedCarriers = new Map<string, CarrierId | null>();

function resolveCarrierText(text: string): CarrierId | undefined {
  const hit = resolvedCarriers.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const id = resolveCarrier(text);
  if (resolvedCarriers.size >= 1024) resolvedCarriers.clear();
  resolvedCarriers.set(text, id ?? null);
  return id;
}

export function carrierById(id: CarrierId): Carrier | undefined {
  return BY_ID.get(id);
}

// ---- matching --------------------------------------------------------------

interface CompiledFormat {
  carrier: Carrier;
  format: TrackingFormat;
  check: ((s: string) => boolean) | undefined;
  /** What a result lists for this format (shared, frozen). */
  match: Readonly<CarrierMatch>;
  /** The carrier list of a result this format alone fits (shared, frozen). */
  alone: readonly CarrierMatch[];
  /** Shortest and longest number the pattern can match: others skip the regex. */
  minLength: number;
  maxLength: number;
}

type Outcome = "pass" | "fail" | "soft_fail";

const ANY_LENGTH = { minLength: 0, maxLength: Infinity };

/**
 * The lengths a `^...$` pattern can match, read from its source: atoms (a
 * character, an escape, a class, a group with alternatives) and quantifiers
 * (`{n}`, `{n,m}`, `{n,}`, `?`, `*`, `+`). Anything else (other flags, a
 * construct not listed, lookarounds, back references) answers every length,
 * so the length test never drops a number the pattern would match.
 */
export function lengthRange(pattern: RegExp): { minLength: number; maxLength: number } {
  const src = pattern.source;
  if ((pattern.flags !== "" && pattern.flags !== "i") || !src.startsWith("^") || !src.endsWith("$")) {
    return ANY_LENGTH;
  }
  if (src.endsWith("\\$")) return ANY_LENGTH;
  let i = 1;
  const end = src.length - 1;
  // One alternative list up to `)` or the end: [min, max], or undefined when unreadable.
  const alternatives = (): [number, number] | undefined => {
    let min = Infinity;
    let max = 0;
    for (;;) {
      const seq = sequence();
      if (seq === undefined) return undefined;
      min = Math.min(min, seq[0]);
      max = Math.max(max, seq[1]);
      if (src[i] !== "|") return [min, max];
      i++;
    }
  };
  const sequence = (): [number, number] | undefined => {
    let min = 0;
    let max = 0;
    while (i < end && src[i] !== "|" && src[i] !== ")") {
      const atom = atomAt();
      if (atom === undefined) return undefined;
      const q = quantifier();
      if (q === undefined) return undefined;
      min += atom[0] * q[0];
      max += atom[1] * q[1];
    }
    return [min, max];
  };
  const atomAt = (): [number, number] | undefined => {
    const c = src[i];
    if (c === "\\") {
      const e = src[i + 1] ?? "";
      if (!/[dDwWsS.\-\\/]/.test(e)) return undefined; // \b, \1, \u...: not read
      i += 2;
      return [1, 1];
    }
    if (c === "[") {
      let j = i + 1;
      while (j < end && src[j] !== "]") j += src[j] === "\\" ? 2 : 1;
      if (j >= end) return undefined;
      i = j + 1;
      return [1, 1];
    }
    if (c === "(") {
      if (src[i + 1] === "?") {
        if (src[i + 2] !== ":") return undefined; // lookarounds, named groups
        i += 3;
      } else i++;
      const inner = alternatives();
      if (inner === undefined || src[i] !== ")") return undefined;
      i++;
      return inner;
    }
    if (c === undefined || "^$*+?{}|)".includes(c)) return undefined;
    i++;
    return [1, 1];
  };
  const quantifier = (): [number, number] | undefined => {
    const c = src[i];
    let q: [number, number] = [1, 1];
    if (c === "?") q = [0, 1];
    else if (c === "*") q = [0, Infinity];
    else if (c === "+") q = [1, Infinity];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return undefined;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] === "" ? Infinity : Number(m[3]);
      i += m[0].length;
      q = [lo, hi];
    } else return q;
    if (c !== "{") i++;
    if (src[i] === "?") i++; // lazy: same lengths
    return q;
  };
  // A top-level `|` splits the anchors (`^a|b$`): not read.
  const range = sequence();
  if (range === undefined || i !== end) return ANY_LENGTH;
  return { minLength: range[0], maxLength: range[1] };
}

/** Every format of the table, its checksum function looked up once. */
const COMPILED: readonly CompiledFormat[] = CARRIERS.flatMap((carrier) =>
  carrier.formats.map((format) => {
    const match = Object.freeze({
      id: carrier.id,
      name: carrier.name,
      nameZh: carrier.nameZh,
      service: format.service,
    });
    return {
      carrier,
      format,
      check: format.checksum ? CHECKSUMS[format.checksum] : undefined,
      match,
      alone: Object.freeze([match]),
      ...lengthRange(format.pattern),
    };
  }),
);

const FIRST_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

const DIGITS = "0123456789";

/**
 * The characters a number fitting `pattern` can start with, read from its
 * source: a literal, `\d`, a class, or a group whose alternatives start so;
 * an optional first atom adds what may follow it (`^(?:420\d{5})?92...`
 * starts with 4 or 9). A pattern of another shape answers every character,
 * so the dispatch below never drops a format it cannot read.
 */
export function firstChars(pattern: RegExp): string {
  const src = pattern.source;
  if (pattern.flags !== "" || !src.startsWith("^")) return FIRST_CHARS;
  const chars = startsAt(src, 1);
  return chars === undefined ? FIRST_CHARS : [...new Set(chars)].join("");
}

/** The characters the part of `src` from `i` can start with, or undefined when not read. */
function startsAt(src: string, i: number): string | undefined {
  const c = src[i];
  let first: string;
  let end: number; // just after the atom
  if (c === "\\") {
    if (src[i + 1] !== "d") return undefined;
    first = DIGITS;
    end = i + 2;
  } else if (c === "[") {
    end = src.indexOf("]", i) + 1;
    const body = src.slice(i + 1, end - 1);
    if (end === 0 || body.startsWith("^") || body.includes("\\")) return undefined;
    first = classChars(body);
  } else if (c === "(") {
    if (src[i + 1] === "?" && src[i + 2] !== ":") return undefined; // lookarounds, named groups
    const inner = src[i + 1] === "?" ? i + 3 : i + 1;
    const alternatives = groupAlternatives(src, inner);
    if (alternatives === undefined) return undefined;
    first = "";
    for (const at of alternatives.starts) {
      const part = startsAt(src, at);
      if (part === undefined) return undefined;
      first += part;
    }
    end = alternatives.end;
  } else if (c !== undefined && FIRST_CHARS.includes(c)) {
    first = c;
    end = i + 1;
  } else return undefined;
  const q = src[end];
  if (q !== "?" && q !== "*" && !(q === "{" && src[end + 1] === "0")) return first;
  end = q === "{" ? src.indexOf("}", end) + 1 : end + 1;
  if (src[end] === "?") end++; // lazy
  const rest = end > 0 ? startsAt(src, end) : undefined;
  return rest === undefined ? undefined : first + rest;
}

/** The characters of a class body such as `A-Z`, `15` or `3-68`. */
function classChars(body: string): string {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const from = body[i] ?? "";
    if (body[i + 1] === "-" && i + 2 < body.length) {
      const to = body[i + 2] ?? "";
      for (const c of FIRST_CHARS) if (c >= from && c <= to) out += c;
      i += 2;
    } else out += from;
  }
  return out;
}

/**
 * Where each alternative of the group whose content starts at `from` begins,
 * and the index just after its closing parenthesis; undefined when unbalanced.
 */
function groupAlternatives(src: string, from: number): { starts: number[]; end: number } | undefined {
  const starts = [from];
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (c === "[") {
      i = src.indexOf("]", i);
      if (i < 0) return undefined;
    } else if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0) return { starts, end: i + 1 };
      depth--;
    } else if (c === "|" && depth === 0) starts.push(i + 1);
  }
  return undefined;
}

/** Formats by the first character of the number: each number meets only the formats it could fit. */
const BY_FIRST_CHAR: ReadonlyMap<string, readonly CompiledFormat[]> = (() => {
  const map = new Map<string, CompiledFormat[]>();
  for (const c of FIRST_CHARS) map.set(c, []);
  for (const f of COMPILED) for (const c of firstChars(f.format.pattern)) map.get(c)?.push(f);
  return map;
})();

function evaluate(f: CompiledFormat, compact: string): Outcome | undefined {
  const pattern = f.format.pattern;
  if (!f.check) return pattern.test(compact) ? "pass" : undefined;
  const m = pattern.exec(compact);
  if (!m) return undefined;
  const body = (f.format.prefix ?? "") + (m[1] ?? compact);
  if (f.check(body)) return "pass";
  return f.format.unofficial ? "soft_fail" : "fail";
}

/** What a result lists for a format: its shared match, or one carrying the embedded number. */
function matchFor(f: CompiledFormat, compact: string): CarrierMatch {
  if (!f.format.embedsTrackingNumber) return f.match;
  const trackingNumber = f.format.pattern.exec(compact)?.[1];
  return trackingNumber === undefined ? f.match : Object.freeze({ ...f.match, trackingNumber });
}

/** One entry per carrier, in table order, keeping the first format that fits. */
function uniqueCarriers(list: readonly CompiledFormat[], compact: string): readonly CarrierMatch[] {
  if (list.length === 1) {
    const only = list[0] as CompiledFormat;
    return only.format.embedsTrackingNumber ? Object.freeze([matchFor(only, compact)]) : only.alone;
  }
  const out: CarrierMatch[] = [];
  for (const f of list) {
    if (!out.some((m) => m.id === f.carrier.id)) out.push(matchFor(f, compact));
  }
  return out;
}

function names(list: readonly CarrierMatch[], zh: boolean): string {
  return list.map((c) => (zh ? c.nameZh : c.name)).join(zh ? "、" : ", ");
}

function result(
  input: string,
  compact: string,
  code: TrackingCode,
  formats: readonly CompiledFormat[],
  carrierName?: string,
  soft = false,
): TrackingResult {
  const valid = code === "valid";
  const carriers = uniqueCarriers(formats, compact);
  // An S10-shaped number whose last two letters are no ISO country: say so, not "check digit".
  const badCountry =
    code === "invalid_checksum" &&
    carriers.some((c) => c.id === "s10") &&
    compact.length === 13 &&
    !isCountryCode(compact.slice(11));
  const [message, messageZh] = messagesFor(code, carriers, carrierName, soft, badCountry, compact === "");
  return valid && soft
    ? { input, compact, valid, code, carriers, message, messageZh, warning: "unofficial_check_failed" }
    : { input, compact, valid, code, carriers, message, messageZh };
}

/**
 * Message texts depend only on the code, the flags, the carriers and the carrier
 * named: built once per combination. One map per code and flags, keyed by the
 * carrier ids (and the carrier named), so the common one-carrier case builds no key.
 */
const messageCache = new Map<string, Map<string, readonly [string, string]>[]>();
let messagesCached = 0;

function messagesFor(
  code: TrackingCode,
  carriers: readonly CarrierMatch[],
  carrierName: string | undefined,
  soft: boolean,
  badCountry: boolean,
  empty: boolean,
): readonly [string, string] {
  const flags = (soft ? 1 : 0) | (empty ? 2 : 0) | (badCountry ? 4 : 0);
  let byFlags = messageCache.get(code);
  if (byFlags === undefined) messageCache.set(code, (byFlags = []));
  let byKey = byFlags[flags];
  if (byKey === undefined) byKey = byFlags[flags] = new Map();
  const ids = carriers.length === 1 ? (carriers[0] as CarrierMatch).id : carriers.map((c) => c.id).join(",");
  const key = carrierName === undefined ? ids : `${ids}|${carrierName}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const en = names(carriers, false);
  const zh = names(carriers, true);
  let message: string;
  let messageZh: string;
  switch (code) {
    case "valid":
      message = `fits ${en}`;
      messageZh = `符合${zh}的单号格式`;
      if (soft) {
        message += " (its check digit fails the unofficial algorithm: confirm on the carrier's site)";
        messageZh += "（未通过非官方校验位算法：请在快递公司官网核实）";
      }
      break;
    case "invalid_checksum":
      message = badCountry
        ? `looks like ${en} but its last two letters are not an ISO country code`
        : `looks like ${en} but its check digit is wrong`;
      messageZh = badCountry ? `形似${zh}单号，但末两位字母不是国家代码` : `形似${zh}单号，但校验位不对`;
      break;
    case "unknown_carrier":
      message = `unknown carrier "${carrierName ?? ""}"`;
      messageZh = `未知的快递公司“${carrierName ?? ""}”`;
      break;
    case "carrier_mismatch":
      message = `not a ${carrierName ?? ""} number; it fits ${en}`;
      messageZh = `不是${carrierName ?? ""}的单号，符合${zh}的格式`;
      break;
    case "placeholder":
      message = `a placeholder, not a real number: one digit repeated or a run such as 123456789${carriers.length > 0 ? ` (shaped like ${en})` : ""}`;
      messageZh = `占位号码，不是真实单号：同一数字重复或 123456789 这类连号${carriers.length > 0 ? `（形似${zh}单号）` : ""}`;
      break;
    case "invalid_format":
      message = !empty
        ? `fits no known carrier${carrierName ? ` (checked against ${carrierName})` : ""}: an internal or "dedicated line" number cannot be tracked`
        : "empty tracking number";
      messageZh = !empty
        ? `不符合${carrierName ? `${carrierName}或` : ""}任何已知快递公司的单号格式：内部单号或专线单号无法查询`
        : "运单号为空";
      break;
  }
  const pair: [string, string] = [message, messageZh];
  // Carrier names typed by users vary without bound: keep the cache small.
  if (messagesCached < 1024) {
    byKey.set(key, pair);
    messagesCached++;
  }
  return pair;
}

/** No formats: shared by every result that lists none. */
const NONE: readonly CompiledFormat[] = Object.freeze([]);

/** The formats a number fits, fits but for an unofficial check digit, or fails a check digit of. */
interface Scan {
  passed: CompiledFormat[] | undefined;
  soft: CompiledFormat[] | undefined;
  failed: CompiledFormat[] | undefined;
}

/**
 * Tries the formats whose carrier is in `carriers` (`inside` true) or is not
 * (false); every format when `carriers` is undefined. Table order is kept.
 * A `namedOnly` format is tried only for the carriers the ledger names; with
 * `lastResort` (no carrier named, nothing else fits) only the `lengthOnly` ones are.
 * Most numbers fit one format or none: the lists are made only when something fits.
 */
function scan(
  compact: string,
  carriers: ReadonlySet<CarrierId> | undefined,
  inside: boolean,
  lastResort = false,
): Scan {
  const out: Scan = { passed: undefined, soft: undefined, failed: undefined };
  if (!compact) return out;
  const length = compact.length;
  for (const f of BY_FIRST_CHAR.get(compact[0] ?? "") ?? NONE) {
    if (length < f.minLength || length > f.maxLength) continue;
    if (lastResort ? !f.format.lengthOnly : f.format.namedOnly && (carriers === undefined || !inside)) {
      continue;
    }
    if (carriers !== undefined && carriers.has(f.carrier.id) !== inside) continue;
    const outcome = evaluate(f, compact);
    if (outcome === "pass") (out.passed ??= []).push(f);
    else if (outcome === "soft_fail") (out.soft ??= []).push(f);
    else if (outcome === "fail") (out.failed ??= []).push(f);
  }
  return out;
}

/**
 * Validates a tracking number, optionally against a carrier (id, English or
 * Chinese name). Returns every carrier whose format the number fits.
 *
 * With a carrier named, its own formats are tried first: a number that fits
 * them is valid for that carrier and the others are never tried; only a
 * number that does not is tried against the rest, to say what it fits instead.
 *
 * @example validateTracking("1Z999AA10123456784").carriers[0]?.id // "ups"
 */
function validateTrackingUncached(number: string, carrier?: string): TrackingResult {
  const compact = compactTracking(number);
  const wanted = carrier?.trim();
  const id = wanted ? resolveCarrierText(wanted) : undefined;
  if (isPlaceholderTracking(compact)) {
    const shaped = scan(compact, undefined, true);
    const fits = [...(shaped.passed ?? NONE), ...(shaped.soft ?? NONE), ...(shaped.failed ?? NONE)];
    return result(number, compact, "placeholder", fits);
  }
  if (!wanted || !id) {
    const all = scan(compact, undefined, true);
    if (wanted) return result(number, compact, "unknown_carrier", all.passed ?? all.soft ?? NONE, wanted);
    if (all.passed) return result(number, compact, "valid", all.passed);
    // A bare 12-15 digit number fitting no current form may be any big network's.
    const networks = scan(compact, undefined, true, true).passed;
    if (networks) return result(number, compact, "valid", networks);
    if (all.soft) return result(number, compact, "valid", all.soft, undefined, true);
    if (all.failed) return result(number, compact, "invalid_checksum", all.failed);
    return result(number, compact, "invalid_format", NONE);
  }

  const own = BY_ID.get(id);
  const accepted = acceptedBy(id, own);
  const carrierName = own?.name ?? id;
  const mine = scan(compact, accepted, true);
  if (mine.passed) return result(number, compact, "valid", mine.passed);
  if (mine.soft) return result(number, compact, "valid", mine.soft, undefined, true);
  if (mine.failed) return result(number, compact, "invalid_checksum", mine.failed);
  const others = scan(compact, accepted, false);
  const elsewhere = [...(others.passed ?? NONE), ...(others.soft ?? NONE)];
  if (elsewhere.length) return result(number, compact, "carrier_mismatch", elsewhere, carrierName);
  return result(number, compact, "invalid_format", NONE, carrierName);
}

/** The carriers whose numbers a carrier's cell accepts: itself and its `alsoAccepts`. */
const acceptedCache = new Map<CarrierId, ReadonlySet<CarrierId>>();

function acceptedBy(id: CarrierId, own: Carrier | undefined): ReadonlySet<CarrierId> {
  let accepted = acceptedCache.get(id);
  if (accepted === undefined) {
    accepted = new Set<CarrierId>([id, ...(own?.alsoAccepts ?? [])]);
    acceptedCache.set(id, accepted);
  }
  return accepted;
}

/** True when the number fits at least one carrier (or the given one). */
export function isValidTracking(number: string, carrier?: string): boolean {
  return validateTracking(number, carrier).valid;
}

/** The last number validated, with its carrier and result. */
let lastNumber = "";
let lastCarrier: string | undefined;
let lastResult: TrackingResult | undefined;

/**
 * Says which carriers a tracking number fits (see above). Results are
 * read-only: the same number asked again straight after (the lines of one
 * order, a recalculated cell) gets the same result object. Numbers are mostly unique, and
 * validating one is cheaper than remembering it, so nothing else is kept.
 * @example validateTracking("1Z999AA10123456784", "UPS").valid // true
 */
export function validateTracking(number: string, carrier?: string): TrackingResult {
  if (lastResult !== undefined && number === lastNumber && carrier === lastCarrier) return lastResult;
  const value = validateTrackingUncached(number, carrier);
  lastNumber = number;
  lastCarrier = carrier;
  lastResult = value;
  return value;
}
