/**
 * A WHATWG URL parser for the parts a shop link check reads: scheme, credentials, host,
 * port, path and query. The custom functions runtime of Excel on Windows (ES2016) has no
 * `URL`, so the engine parses links itself, the same way in every host.
 *
 * It follows the URL Standard's basic URL parser (no base URL) for special schemes
 * (http, https, ws, wss, ftp; file in outline): leading and trailing C0 controls and
 * spaces stripped, tabs and newlines removed, `\` read as `/`, any number of slashes
 * after the scheme, credentials up to the last `@`, the port checked and its default
 * dropped, the host percent-decoded as UTF-8, mapped (NFKC, lower case, ideographic full
 * stops as dots, ignorable characters removed) and turned into punycode per label, then
 * checked for forbidden code points and read as IPv4 when it ends in a number; dot
 * segments of the path resolved. Known simplifications (none changes a 1688 verdict):
 * IPv6 literals are kept as written (lower case), Unicode labels are not checked for
 * Bidi and joiner rules, and file URLs keep no Windows drive letter rules.
 * tests/rules/identifiers/url.test.ts compares it with Node's URL over a corpus of
 * lookalike links.
 */

export interface ParsedUrl {
  /** "https:" */
  protocol: string;
  username: string;
  password: string;
  /** ASCII, lower case (punycode for Unicode labels); "" when the URL has no host. */
  hostname: string;
  /** "" for the scheme's default port. */
  port: string;
  pathname: string;
  /** "?a=1", or "" */
  search: string;
  searchParams: { get(name: string): string | null };
}

const SPECIAL_PORTS: Readonly<Record<string, string>> = {
  "http:": "80",
  "https:": "443",
  "ws:": "80",
  "wss:": "443",
  "ftp:": "21",
  "file:": "",
};

// ---- UTF-8 and percent-encoding ---------------------------------------------

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** UTF-8 decode with U+FFFD for each maximal invalid subsequence (the Encoding Standard). */
function utf8Decode(bytes: readonly number[]): string {
  let out = "";
  let needed = 0;
  let seen = 0;
  let cp = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (needed === 0) {
      if (b <= 0x7f) out += String.fromCharCode(b);
      else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        cp = b & 0xf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        cp = b & 0x7;
      } else out += "\ufffd";
      continue;
    }
    if (b < lower || b > upper) {
      out += "\ufffd";
      needed = seen = cp = 0;
      lower = 0x80;
      upper = 0xbf;
      i--; // the byte starts afresh
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      out += String.fromCodePoint(cp);
      needed = seen = cp = 0;
    }
  }
  return needed > 0 ? `${out}\ufffd` : out;
}

const HEX = "0123456789ABCDEF";

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c);
}

/** "%E4%B8%AD" and raw characters alike, as UTF-8 text. */
function percentDecode(s: string): string {
  if (s.indexOf("%") < 0 && !hasNonAscii(s)) return s;
  const bytes = utf8Bytes(s);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    const h1 = String.fromCharCode(bytes[i + 1] ?? 0);
    const h2 = String.fromCharCode(bytes[i + 2] ?? 0);
    if (b === 0x25 && isHex(h1) && isHex(h2)) {
      out.push(parseInt(h1 + h2, 16));
      i += 2;
    } else out.push(b);
  }
  return utf8Decode(out);
}

/** Percent-encodes the code points `inSet` names (and every non-ASCII one) as UTF-8 bytes. */
function percentEncode(s: string, inSet: (c: number) => boolean): string {
  if (!hasAny(s, (c) => c > 0x7e || inSet(c))) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x7e && !inSet(c)) {
      out += s.charAt(i);
      continue;
    }
    // One code point: a surrogate pair is encoded whole.
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    for (const b of utf8Bytes(pair ? s.slice(i, i + 2) : s.charAt(i))) out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
    if (pair) i++;
  }
  return out;
}

const isC0 = (c: number): boolean => c < 0x20 || c === 0x7f;

/** A percent-encode set of ASCII code points as a lookup table: the C0 controls, DEL and `also`. */
function encodeSet(also: string, base?: (c: number) => boolean): (c: number) => boolean {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++)
    if (isC0(c) || also.includes(String.fromCharCode(c)) || base?.(c)) table[c] = 1;
  return (c) => c < 128 && table[c] === 1;
}

const inPathSet = encodeSet(' "#<>?`{}');
const inSpecialQuerySet = encodeSet(" \"#<>'");
const inQuerySet = encodeSet(' "#<>');
const inUserinfoSet = encodeSet("/:;=@[\\]^|", inPathSet);

// ---- punycode (RFC 3492) --------------------------------------------------------

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + 38));
}

const digitChar = (d: number): string => String.fromCharCode(d < 26 ? d + 97 : d + 22);

/**
 * The punycode of one label ("中国" → "fiqs8s"). RFC 3492's loop scans the whole label once
 * per distinct code point; here the positions of the code points already handled sit in a
 * Fenwick tree, so each count of "smaller code points between two positions" is a
 * logarithmic look-up and a 32,767-character label of distinct characters takes
 * milliseconds, not seconds.
 */
export function punycodeEncode(label: string): string {
  const points = Array.from(label, (ch) => ch.codePointAt(0) ?? 0);
  const size = points.length;
  const tree = new Int32Array(size + 1);
  const mark = (position: number): void => {
    for (let i = position + 1; i <= size; i += i & -i) tree[i] = (tree[i] ?? 0) + 1;
  };
  /** Marked positions before `position`. */
  const before = (position: number): number => {
    let sum = 0;
    for (let i = position; i > 0; i -= i & -i) sum += tree[i] ?? 0;
    return sum;
  };
  let out = "";
  const positions = new Map<number, number[]>();
  points.forEach((c, p) => {
    if (c < 0x80) {
      out += String.fromCharCode(c);
      mark(p);
    } else {
      const list = positions.get(c);
      if (list) list.push(p);
      else positions.set(c, [p]);
    }
  });
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += "-";
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  for (const m of [...positions.keys()].sort((a, b) => a - b)) {
    const at = positions.get(m) ?? [];
    delta += (m - n) * (handled + 1);
    n = m;
    let from = 0;
    for (const p of at) {
      delta += before(p) - before(from);
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        out += digitChar(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      out += digitChar(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
      from = p + 1;
    }
    delta += before(size) - before(from);
    for (const p of at) mark(p);
    delta++;
    n++;
  }
  return out;
}

/** The label a punycode string stands for, or undefined when it is not valid punycode. */
export function punycodeDecode(input: string): string | undefined {
  const dash = input.lastIndexOf("-");
  const out: number[] = [];
  for (let j = 0; j < Math.max(dash, 0); j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return undefined;
    out.push(c);
  }
  let n = 0x80;
  let bias = 72;
  let i = 0;
  for (let pos = dash > 0 ? dash + 1 : 0; pos < input.length;) {
    const old = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return undefined;
      const c = input.charCodeAt(pos++);
      const d =
        c >= 48 && c <= 57 ? c - 22 : c >= 65 && c <= 90 ? c - 65 : c >= 97 && c <= 122 ? c - 97 : BASE;
      if (d >= BASE) return undefined;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (i > 0x10ffff * 64) return undefined;
    }
    bias = adapt(i - old, out.length + 1, old === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff) return undefined;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

// ---- hosts ------------------------------------------------------------------

/** Whether IDNA maps a code point to nothing (soft hyphen, zero-width space, variation selectors...). */
function isIgnored(c: number): boolean {
  return (
    c === 0xad ||
    c === 0x34f ||
    (c >= 0x180b && c <= 0x180d) ||
    c === 0x200b ||
    c === 0x2060 ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff
  );
}

/** Whether a text holds a code point outside ASCII. */
function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** Whether a text holds a code point from the set. */
function hasAny(s: string, inSet: (c: number) => boolean): boolean {
  for (let i = 0; i < s.length; i++) if (inSet(s.charCodeAt(i))) return true;
  return false;
}
/** Full stops IDNA reads as ".": ideographic, full-width, half-width. */
const DOTS = /[\u3002\uff0e\uff61]/g;
/** Code points IDNA never allows: C1 controls, surrogates, private use, U+FFFD and non-characters. */
const DISALLOWED = /[\u0080-\u009f\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufff0-\uffff]/;
/** Forbidden host code points of the URL Standard (an opaque host may hold none). */
const forbiddenHostTable = new Uint8Array(128);
for (const ch of "\u0000\t\n\r #/:<>?@[\\]^|") forbiddenHostTable[ch.charCodeAt(0)] = 1;
const isForbiddenHost = (c: number): boolean => c < 128 && forbiddenHostTable[c] === 1;
/** Forbidden domain code points (a domain may hold none after IDNA). */
const isForbiddenDomain = (c: number): boolean => isForbiddenHost(c) || isC0(c) || c === 0x25;

/** The longest xn-- label decoded: DNS allows 63 characters, so this leaves room for any real one. */
const MAX_PUNYCODE = 1000;

/** IDNA ToASCII with the URL Standard's options (non-transitional, no STD3 rules). */
function domainToAscii(domain: string): string | undefined {
  // Plain ASCII (nearly every link) maps to its lower case; only punycode labels need a look.
  if (!hasNonAscii(domain) && !/xn--/i.test(domain)) {
    return domain === "" ? undefined : domain.toLowerCase();
  }
  const mapped = Array.from(domain)
    .filter((ch) => !isIgnored(ch.codePointAt(0) ?? 0))
    .join("")
    .replace(DOTS, ".")
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFC");
  if (DISALLOWED.test(mapped)) return undefined;
  const labels = mapped.split(".").map((label) => {
    // Decoding inserts each code point into the label: quadratic in its length. An xn--
    // label far beyond DNS's 63 characters is refused (WHATWG would decode it).
    if (label.length > MAX_PUNYCODE && label.startsWith("xn--")) return undefined;
    if (label.startsWith("xn--")) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === undefined || !hasNonAscii(decoded)) return undefined;
      if (decoded !== decoded.normalize("NFKC").toLowerCase() || DISALLOWED.test(decoded)) return undefined;
      return label;
    }
    return hasNonAscii(label) ? `xn--${punycodeEncode(label)}` : label;
  });
  if (labels.some((l) => l === undefined)) return undefined;
  const ascii = labels.join(".");
  return ascii === "" ? undefined : ascii;
}

/** A number of an IPv4 address part: decimal, 0x hexadecimal or 0 octal. */
function ipv4Number(part: string): number | undefined {
  let radix = 10;
  let s = part;
  if (/^0[xX]/.test(s)) {
    radix = 16;
    s = s.slice(2);
  } else if (s.length > 1 && s.startsWith("0")) {
    radix = 8;
    s = s.slice(1);
  }
  if (s === "") return 0;
  const valid = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  return valid.test(s) ? parseInt(s, radix) : undefined;
}

function endsInNumber(host: string): boolean {
  const parts = host.split(".");
  if (parts[parts.length - 1] === "") {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1] ?? "";
  return /^[0-9]+$/.test(last) || /^0[xX][0-9a-fA-F]*$/.test(last);
}

function parseIpv4(host: string): string | undefined {
  const parts = host.split(".");
  if (parts[parts.length - 1] === "" && parts.length > 1) parts.pop();
  if (parts.length > 4) return undefined;
  const numbers: number[] = [];
  for (const part of parts) {
    if (part === "") return undefined;
    const n = ipv4Number(part);
    if (n === undefined) return undefined;
    numbers.push(n);
  }
  const last = numbers.pop() ?? 0;
  if (numbers.some((n) => n > 255) || last >= Math.pow(256, 4 - numbers.length)) return undefined;
  let ipv4 = last;
  numbers.forEach((n, i) => (ipv4 += n * Math.pow(256, 3 - i)));
  const octets: number[] = [];
  for (let i = 0; i < 4; i++) {
    octets.unshift(ipv4 % 256);
    ipv4 = Math.floor(ipv4 / 256);
  }
  return octets.join(".");
}

function parseHost(input: string, special: boolean): string | undefined {
  if (input.startsWith("[")) {
    return input.endsWith("]") && /^\[[0-9a-fA-F:.]+\]$/.test(input) ? input.toLowerCase() : undefined;
  }
  if (!special) return hasAny(input, isForbiddenHost) ? undefined : percentEncode(input, isC0);
  const ascii = domainToAscii(percentDecode(input));
  if (ascii === undefined || hasAny(ascii, isForbiddenDomain)) return undefined;
  return endsInNumber(ascii) ? parseIpv4(ascii) : ascii;
}

// ---- paths and queries --------------------------------------------------------

const SINGLE_DOT = /^(?:\.|%2e)$/i;
const DOUBLE_DOT = /^(?:\.|%2e)(?:\.|%2e)$/i;

function parsePath(path: string): string {
  const segments: string[] = [];
  const parts = path.split("/");
  if (parts[0] === "") parts.shift();
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (DOUBLE_DOT.test(part)) {
      segments.pop();
      if (last) segments.push("");
    } else if (SINGLE_DOT.test(part)) {
      if (last) segments.push("");
    } else segments.push(percentEncode(part, inPathSet));
  });
  return `/${segments.join("/")}`;
}

function searchParamsOf(query: string): { get(name: string): string | null } {
  let pairs: string[][] | undefined;
  const read = (): string[][] =>
    query
      .split("&")
      .filter((p) => p !== "")
      .map((p) => {
        const eq = p.indexOf("=");
        const name = eq < 0 ? p : p.slice(0, eq);
        const value = eq < 0 ? "" : p.slice(eq + 1);
        return [percentDecode(name.replace(/\+/g, " ")), percentDecode(value.replace(/\+/g, " "))];
      });
  return {
    get(name: string): string | null {
      pairs = pairs ?? read(); // read on the first look only
      const pair = pairs.find(([n]) => n === name);
      return pair ? (pair[1] ?? "") : null;
    },
  };
}

// ---- the parser ---------------------------------------------------------------

/**
 * Parses an absolute URL the way WHATWG `new URL(input)` does, or gives undefined where
 * `new URL` throws.
 *
 * @example parseUrl("HTTPS://１６８８。com\\offer/1.html")?.hostname // "1688.com"
 */
export function parseUrl(input: string): ParsedUrl | undefined {
  let start = 0;
  let end = input.length;
  while (start < end && input.charCodeAt(start) <= 0x20) start++;
  while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
  const text = input.slice(start, end).replace(/[\t\n\r]/g, "");
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(text)?.[0];
  if (!scheme) return undefined;
  const protocol = scheme.toLowerCase();
  const special = protocol in SPECIAL_PORTS;
  let rest = text.slice(scheme.length);
  if (special) rest = rest.replace(/\\/g, "/");

  let authority: string | undefined;
  if (special && protocol !== "file:") {
    rest = rest.replace(/^\/*/, "");
    authority = /^[^/?#]*/.exec(rest)?.[0] ?? "";
  } else if (rest.startsWith("//")) {
    rest = rest.slice(2);
    authority = /^[^/?#]*/.exec(rest)?.[0] ?? "";
  }

  let username = "";
  let password = "";
  let hostname = "";
  let port = "";
  if (authority !== undefined) {
    rest = rest.slice(authority.length);
    let hostPort = authority;
    const at = authority.lastIndexOf("@");
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      hostPort = authority.slice(at + 1);
      if (hostPort === "") return undefined;
      const colon = userinfo.indexOf(":");
      username = percentEncode(colon < 0 ? userinfo : userinfo.slice(0, colon), inUserinfoSet);
      password = colon < 0 ? "" : percentEncode(userinfo.slice(colon + 1), inUserinfoSet);
    }
    const close = hostPort.startsWith("[") ? hostPort.indexOf("]") : -1;
    const colon = hostPort.indexOf(":", close < 0 ? 0 : close);
    const hostText = colon < 0 ? hostPort : hostPort.slice(0, colon);
    const portText = colon < 0 ? "" : hostPort.slice(colon + 1);
    if (!/^[0-9]*$/.test(portText)) return undefined;
    if (portText !== "") {
      const n = parseInt(portText, 10);
      if (n > 65535) return undefined;
      port = String(n) === SPECIAL_PORTS[protocol] ? "" : String(n);
    }
    if (hostText === "" && special && protocol !== "file:") return undefined;
    if (hostText === "" && (username !== "" || password !== "" || port !== "")) return undefined;
    const host = hostText === "" ? "" : parseHost(hostText, special);
    if (host === undefined) return undefined;
    hostname = protocol === "file:" && host === "localhost" ? "" : host;
  }

  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf("?");
  const query = q < 0 ? "" : rest.slice(q + 1);
  const path = q < 0 ? rest : rest.slice(0, q);
  const encodedQuery = percentEncode(query, special ? inSpecialQuerySet : inQuerySet);
  const pathname =
    special || authority !== undefined
      ? path === "" && !special
        ? ""
        : parsePath(path)
      : percentEncode(path, isC0);
  return {
    protocol,
    username,
    password,
    hostname,
    port,
    pathname,
    search: encodedQuery === "" ? "" : `?${encodedQuery}`,
    searchParams: searchParamsOf(encodedQuery),
  };
}
