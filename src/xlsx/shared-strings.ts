import type { ZipEntry, ZipReader } from "./zip-read";
import { ZipError } from "./zip-read";
import { qualified, rootPrefix, stringItemText, unescapeExcelText, unescapeXml } from "./xml";

/**
 * The shared strings table (`xl/sharedStrings.xml`), read as a stream into
 * an array of texts (rich text runs joined, phonetic guides left out).
 */

/** What a shared strings part may inflate to: above this it is refused (a ledger's is far smaller). */
export const MAX_SHARED_STRINGS_BYTES = 1024 * 1024 * 1024;
/** A part this large that is compressed more than `BOMB_RATIO` times is refused as a zip bomb. */
const BOMB_MIN_BYTES = 64 * 1024 * 1024;
const BOMB_RATIO = 200;

export class PackageLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageLimitError";
  }
}

/** Refuses a part that would inflate far beyond any real one; says what it is. */
export function checkBomb(entry: ZipEntry, limit: number): void {
  const ratio = entry.size / Math.max(1, entry.compressedSize);
  if (entry.size > limit || (entry.size > BOMB_MIN_BYTES && ratio > BOMB_RATIO)) {
    throw new PackageLimitError(
      `${entry.name} would inflate from ${entry.compressedSize.toLocaleString("en-US")} to ${entry.size.toLocaleString("en-US")} bytes (${Math.round(ratio).toLocaleString("en-US")} to 1): a zip bomb, not a workbook's shared strings; refused`,
    );
  }
}

/**
 * Reads the table. Items are cut from the inflated bytes and decoded one by
 * one, so each text is a string of its own: slices of a large decoded chunk
 * would keep every chunk of the part alive as long as the table lives.
 */
export async function readSharedStrings(zip: ZipReader, entry: ZipEntry): Promise<string[]> {
  checkBomb(entry, MAX_SHARED_STRINGS_BYTES);
  let stream;
  try {
    stream = await zip.openEntry(entry, MAX_SHARED_STRINGS_BYTES);
  } catch (error) {
    if (error instanceof ZipError) throw new PackageLimitError(error.message);
    throw error;
  }
  return parseSharedStrings(stream);
}

/** The texts of a shared strings part arriving in chunks of bytes (cut anywhere). */
export async function parseSharedStrings(
  stream: AsyncIterable<unknown> | Iterable<unknown>,
): Promise<string[]> {
  const strings: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let prefix: string | undefined;
  let open = Buffer.alloc(0);
  let close = Buffer.alloc(0);
  let tOpen = Buffer.alloc(0);
  let tClose = Buffer.alloc(0);
  let run = Buffer.alloc(0);
  /**
   * The text of an item that is one plain `<t>` (most are), decoded straight
   * from its bytes into a string of its own; undefined for rich text and
   * phonetic guides (read by stringItemText).
   */
  const plainText = (buf: Buffer, from: number, to: number): string | undefined => {
    // Searches stay inside the item (a search past it would scan the rest of the chunk for each item).
    const item = buf.subarray(from, to);
    if (item.indexOf(run) >= 0) return undefined;
    const t = item.indexOf(tOpen);
    if (t < 0) return "";
    const tagClose = item.indexOf(0x3e, t);
    if (tagClose < 0) return undefined;
    if (item[tagClose - 1] === 0x2f) return "";
    const tEnd = item.indexOf(tClose, tagClose);
    if (tEnd < 0) return undefined;
    const text = item.toString("utf8", tagClose + 1, tEnd);
    return text.indexOf("&") < 0 && text.indexOf("_x") < 0 ? text : unescapeExcelText(unescapeXml(text));
  };
  const take = (final: boolean): void => {
    const buf = pending;
    if (prefix === undefined) {
      const head = buf.toString("utf8", 0, Math.min(buf.length, 4096));
      if (!/<(?:[\w.-]+:)?sst[\s>]/.test(head)) {
        if (!final && buf.length < 4096) return;
        prefix = "";
      } else prefix = rootPrefix(head, "sst");
      open = Buffer.from(`<${qualified(prefix, "si")}`);
      close = Buffer.from(`</${qualified(prefix, "si")}>`);
      tOpen = Buffer.from(`<${qualified(prefix, "t")}`);
      tClose = Buffer.from(`</${qualified(prefix, "t")}>`);
      run = Buffer.from(`<${qualified(prefix, "r")}`);
    }
    let i = 0;
    for (;;) {
      const at = buf.indexOf(open, i);
      if (at < 0) {
        i = Math.max(i, buf.length - open.length);
        break;
      }
      const next = buf[at + open.length];
      if (next === undefined) {
        i = at; // "<si" at the chunk's very end: wait for what follows it
        break;
      }
      if (next === 0x2f) {
        strings.push(""); // <si/>
        i = at + open.length;
        continue;
      }
      if (next !== 0x3e && next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d) {
        i = at + open.length;
        continue;
      }
      const end = buf.indexOf(close, at);
      if (end < 0) {
        i = at;
        break;
      }
      strings.push(
        plainText(buf, at + open.length, end) ?? stringItemText(buf.toString("utf8", at, end), prefix),
      );
      i = end + close.length;
    }
    pending = i >= buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(i));
  };
  try {
    for await (const chunk of stream) {
      pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
      take(false);
    }
  } catch (error) {
    if (error instanceof ZipError) throw new PackageLimitError(error.message);
    throw error;
  }
  take(true);
  return strings;
}
