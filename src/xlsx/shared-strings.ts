import { StringDecoder } from "node:string_decoder";
import type { ZipEntry, ZipReader } from "./zip-read";
import { ZipError } from "./zip-read";
import { qualified, rootPrefix, stringItemText } from "./xml";

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

export async function readSharedStrings(zip: ZipReader, entry: ZipEntry): Promise<string[]> {
  checkBomb(entry, MAX_SHARED_STRINGS_BYTES);
  const strings: string[] = [];
  const decoder = new StringDecoder("utf8");
  let buf = "";
  let prefix: string | undefined;
  let open = "";
  let close = "";
  let stream;
  try {
    stream = await zip.openEntry(entry, MAX_SHARED_STRINGS_BYTES);
  } catch (error) {
    if (error instanceof ZipError) throw new PackageLimitError(error.message);
    throw error;
  }
  const take = (final: boolean): void => {
    if (prefix === undefined) {
      if (!/<(?:[\w.-]+:)?sst[\s>]/.test(buf)) {
        if (!final) return;
        prefix = "";
      } else prefix = rootPrefix(buf, "sst");
      open = `<${qualified(prefix, "si")}`;
      close = `</${qualified(prefix, "si")}>`;
    }
    let i = 0;
    for (;;) {
      const at = buf.indexOf(open, i);
      if (at < 0) break;
      const next = buf.charCodeAt(at + open.length);
      if (next === 0x2f) {
        // <si/>: an empty string
        strings.push("");
        i = at + open.length;
        continue;
      }
      const end = buf.indexOf(close, at);
      if (end < 0) {
        i = at;
        buf = buf.slice(i);
        return;
      }
      strings.push(stringItemText(buf.slice(at, end), prefix));
      i = end + close.length;
    }
    buf = buf.slice(Math.max(i, buf.length - open.length));
  };
  try {
    for await (const chunk of stream) {
      buf += decoder.write(chunk as Buffer);
      take(false);
    }
  } catch (error) {
    if (error instanceof ZipError) throw new PackageLimitError(error.message);
    throw error;
  }
  buf += decoder.end();
  take(true);
  return strings;
}
