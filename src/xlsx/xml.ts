/**
 * The few XML text helpers the package code needs: escaping, unescaping,
 * reading a start tag's attributes, and finding where a tag ends. The parts
 * of an xlsx package are machine-written XML, read here with string search
 * (much faster than a general parser on a sheet of a million rows).
 */

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text with its entities and character references resolved. */
export function unescapeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref.charCodeAt(0) !== 0x23) return ENTITY[ref] ?? "";
    const code = ref.charCodeAt(1) === 0x78 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  });
}

/** Excel's escapes inside string values (`_x000D_` for a carriage return; `_x005F_` for `_`). */
export function unescapeExcelText(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// Control characters XML 1.0 cannot hold are written as Excel's _xHHHH_ escapes.
// eslint-disable-next-line no-control-regex -- matching them is the point
const XML_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;

/** Text made safe for element content and attribute values (control characters as Excel's `_xHHHH_`). */
export function escapeXml(text: string): string {
  if (!needsEscape(text)) return text;
  return text.replace(XML_ESCAPE, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "_":
        return "_x005F_";
      default:
        return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
    }
  });
}

/**
 * Whether a text holds a character escapeXml may change (&, <, >, ", _, a
 * control character, U+FFFE/U+FFFF), told without a regular expression: most
 * texts written (levels, reasons, names) hold none.
 */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x5f || c >= 0xfffe)
      return true;
  }
  return false;
}

/** Whether a text is ASCII only (each character one byte of UTF-8). */
export function isAsciiText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Index just past the `>` that ends the tag starting at `from` (quotes respected), or -1 when not in `s`. */
export function tagEnd(s: string, from: number): number {
  let i = from;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x3e) return i + 1;
    if (c === 0x22 || c === 0x27) {
      const close = s.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else i++;
  }
  return -1;
}

/** The attributes of a start tag (`<name a="1" b='2'>`), values unescaped. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const firstSpace = tag.search(/\s/);
  if (firstSpace < 0) return out;
  re.lastIndex = firstSpace;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) out.set(m[1]!, unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}

/** One attribute of a start tag, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? "") : undefined;
}

/** The tag with one attribute set (replaced where present, else added before the tag's end). */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const escaped = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_, lead: string) => `${lead}${escaped}`);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}=${escaped}${tag.slice(close)}`;
}

/** The namespace prefix of a document's root element ("" for none), e.g. "x" for `<x:worksheet ...>`. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** The prefix a document declares for a namespace URI, or undefined. */
export function prefixFor(xml: string, uri: string): string | undefined {
  const re = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) if ((m[3] ?? m[4]) === uri) return m[1];
  return undefined;
}

/** `name` with the prefix, as written in the document. */
export function qualified(prefix: string, local: string): string {
  return prefix === "" ? local : `${prefix}:${local}`;
}

/**
 * Start and end of each element named `name` (local name with prefix as
 * written) in `xml`: [start of `<name`, index past its end tag or `/>`].
 * Elements of that name are not expected to nest.
 */
export function findElements(xml: string, name: string, from = 0, to = xml.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const open = `<${name}`;
  const close = `</${name}>`;
  let i = xml.indexOf(open, from);
  while (i >= 0 && i < to) {
    const next = xml.charCodeAt(i + open.length);
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) {
      const end = tagEnd(xml, i);
      if (end < 0) break;
      if (xml.charCodeAt(end - 2) === 0x2f) out.push([i, end]);
      else {
        const c = xml.indexOf(close, end);
        if (c < 0) break;
        out.push([i, c + close.length]);
      }
      i = xml.indexOf(open, out[out.length - 1]![1]);
    } else i = xml.indexOf(open, i + 1);
  }
  return out;
}

/** The texts of the `<t>` elements of a string item (rich text runs joined; phonetic runs left out). */
export function stringItemText(xml: string, prefix: string): string {
  const t = qualified(prefix, "t");
  const rPh = `<${qualified(prefix, "rPh")}`;
  const rPhClose = `</${qualified(prefix, "rPh")}>`;
  let out = "";
  let i = 0;
  const open = `<${t}`;
  const close = `</${t}>`;
  for (;;) {
    const at = xml.indexOf(open, i);
    if (at < 0) break;
    const ph = xml.indexOf(rPh, i);
    if (ph >= 0 && ph < at) {
      const phEnd = xml.indexOf(rPhClose, ph);
      i = phEnd < 0 ? xml.length : phEnd + rPhClose.length;
      continue;
    }
    const next = xml.charCodeAt(at + open.length);
    if (next !== 0x3e && next !== 0x20 && next !== 0x2f) {
      i = at + open.length;
      continue;
    }
    const end = tagEnd(xml, at);
    if (end < 0) break;
    if (xml.charCodeAt(end - 2) === 0x2f) {
      i = end;
      continue;
    }
    const c = xml.indexOf(close, end);
    if (c < 0) break;
    out += xml.slice(end, c);
    i = c + close.length;
  }
  return unescapeExcelText(unescapeXml(out));
}
