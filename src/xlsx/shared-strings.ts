import type { ZipEntry, ZipReader } from "./zip-read";
import { ZipError } from "./zip-read";
import { qualified, rootPrefix, stringItemText, unescapeExcelText, unescapeXml } from "./xml";

/**
 * The shared strings table (`xl/sharedStrings.xml`), read as a stream into
 * one buffer of UTF-8 bytes plus the items' boundaries (rich text runs
 * joined, phonetic guides left out). A million items held as strings would
 * be a hundred megabytes of heap that every full garbage collection walks;
 * as bytes they are about the size of their text, outside the heap, and an
 * item becomes a string only when a cell asks for it.
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

/** The items of a shared strings table, by index. */
export interface SharedStrings {
  /** How many items the table holds. */
  readonly count: number;
  /** The text of the item at `index` (from 0), or undefined for an index the table does not hold. */
  text(index: number): string | undefined;
}

/** Decoded items kept by index: a ledger repeats a few texts (suppliers, statuses) on every row. */
const CACHE_SLOTS = 4096;

/** A table held as UTF-8 bytes in one buffer, item i ending at `ends[i]`. */
export class SharedStringTable implements SharedStrings {
  readonly count: number;
  private readonly cacheKeys = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly cacheTexts: string[] = new Array<string>(CACHE_SLOTS).fill("");

  constructor(
    private readonly bytes: Buffer,
    private readonly ends: Uint32Array,
  ) {
    this.count = ends.length;
  }

  /** A table of these texts (for a workbook written here, and for tests). */
  static of(texts: readonly string[]): SharedStringTable {
    const builder = new TableBuilder();
    for (const t of texts) builder.addText(t);
    return builder.finish();
  }

  text(index: number): string | undefined {
    if (index >>> 0 !== index || index >= this.count) return undefined;
    const slot = index & (CACHE_SLOTS - 1);
    if (this.cacheKeys[slot] === index) return this.cacheTexts[slot];
    const text = this.bytes.toString("utf8", index === 0 ? 0 : this.ends[index - 1]!, this.ends[index]!);
    this.cacheKeys[slot] = index;
    this.cacheTexts[slot] = text;
    return text;
  }

  /** Bytes held: the text and the boundaries (what the table costs in memory). */
  get byteLength(): number {
    return this.bytes.buffer.byteLength + this.ends.buffer.byteLength;
  }
}

/**
 * Collects items' bytes into a growing buffer. An item's bytes are written
 * past `used` and counted only by `commit`, so an item cut off by the end of
 * a chunk is simply written again once the rest has arrived.
 */
class TableBuilder {
  arena: Buffer = Buffer.allocUnsafe(1 << 16);
  used = 0;
  private ends = new Uint32Array(1 << 12);
  private count = 0;

  /**
   * A buffer with room for `need` bytes in all, keeping the first `written`
   * (an item's bytes written but not yet committed included).
   */
  room(need: number, written = this.used): Buffer {
    if (need > this.arena.length) this.growArena(Math.max(need, Math.ceil(this.arena.length * 1.5)), written);
    return this.arena;
  }

  private growArena(size: number, written: number): void {
    if (size > MAX_ARENA_BYTES) {
      if (written >= MAX_ARENA_BYTES)
        throw new PackageLimitError(
          `the shared strings hold more than ${MAX_ARENA_BYTES.toLocaleString("en-US")} bytes of text; refused`,
        );
      size = MAX_ARENA_BYTES;
    }
    const grown = Buffer.allocUnsafe(size);
    this.arena.copy(grown, 0, 0, written);
    this.arena = grown;
  }

  private growEnds(size: number): void {
    const grown = new Uint32Array(size);
    grown.set(this.ends.subarray(0, this.count));
    this.ends = grown;
  }

  /**
   * Makes room, once, for what the whole part will likely hold, judged from
   * the text and items in the `read` bytes of the `total` read so far: the
   * buffers then grow (and are copied) once, not a dozen times, and are not
   * copied again to be trimmed.
   */
  expect(read: number, total: number): void {
    if (read <= 0 || total <= read) return;
    const scale = (total / read) * 1.05;
    const bytes = Math.ceil(this.used * scale) + 4096;
    if (bytes > this.arena.length) this.growArena(bytes, this.used);
    const items = Math.ceil(this.count * scale) + 64;
    if (items > this.ends.length) this.growEnds(items);
  }

  /** Ends the item whose bytes run up to `end`. */
  commit(end: number): void {
    if (this.count === this.ends.length) this.growEnds(this.ends.length * 2);
    this.ends[this.count++] = end;
    this.used = end;
  }

  addText(text: string): void {
    const arena = this.room(this.used + Buffer.byteLength(text, "utf8"));
    this.commit(this.used + arena.write(text, this.used, "utf8"));
  }

  /** The table, its buffers copied to what they hold unless they are nearly full. */
  finish(): SharedStringTable {
    let bytes = this.arena.subarray(0, this.used);
    if (this.used < this.arena.length * 0.875) {
      bytes = Buffer.allocUnsafeSlow(this.used);
      this.arena.copy(bytes, 0, 0, this.used);
    }
    const full = this.count >= this.ends.length * 0.875;
    const table = new SharedStringTable(
      bytes,
      full ? this.ends.subarray(0, this.count) : this.ends.slice(0, this.count),
    );
    this.arena = Buffer.alloc(0);
    this.ends = new Uint32Array(0);
    return table;
  }
}

/** Item boundaries are 32-bit: the text of a part capped at `MAX_SHARED_STRINGS_BYTES` always fits. */
const MAX_ARENA_BYTES = 2 ** 32 - 1;

/**
 * Reads the table. The part streams through once; its items' text is copied
 * byte for byte into the table (only items with escapes, rich text or
 * phonetic guides are decoded on the way).
 */
export async function readSharedStrings(zip: ZipReader, entry: ZipEntry): Promise<SharedStringTable> {
  checkBomb(entry, MAX_SHARED_STRINGS_BYTES);
  let stream;
  try {
    stream = await zip.openEntry(entry, MAX_SHARED_STRINGS_BYTES);
  } catch (error) {
    if (error instanceof ZipError) throw new PackageLimitError(error.message);
    throw error;
  }
  return parseSharedStrings(stream, entry.size);
}

/** The part read before the table's size is judged from it. */
const EXPECT_AFTER_BYTES = 1 << 20;

/** What `plainItem` found: the item is not whole in the buffer yet, or is not one plain `<t>`. */
const CUT = -1;
const NOT_PLAIN = -2;

const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Whether `buf` holds the bytes of `word` at `at` (false where it ends first). */
function bytesAt(buf: Buffer, at: number, word: Buffer): boolean {
  if (at + word.length > buf.length) return false;
  for (let k = 0; k < word.length; k++) if (buf[at + k] !== word[k]) return false;
  return true;
}

/** Index of the `>` ending the tag that `at` is inside (quoted values skipped), or -1 past the buffer's end. */
function tagClose(buf: Buffer, at: number): number {
  const n = buf.length;
  let p = at;
  while (p < n) {
    const c = buf[p];
    if (c === 0x3e) return p;
    if (c === 0x22 || c === 0x27) {
      p++;
      while (p < n && buf[p] !== c) p++;
    }
    p++;
  }
  return -1;
}

/** The byte patterns of the part's element names (with its namespace prefix). */
class Names {
  readonly open: Buffer;
  readonly close: Buffer;
  readonly tOpen: Buffer;
  readonly tClose: Buffer;
  constructor(readonly prefix: string) {
    this.open = Buffer.from(`<${qualified(prefix, "si")}`);
    this.close = Buffer.from(`</${qualified(prefix, "si")}>`);
    this.tOpen = Buffer.from(`<${qualified(prefix, "t")}`);
    this.tClose = Buffer.from(`</${qualified(prefix, "t")}>`);
  }
}

/**
 * Reads the item starting at `at` (its `<si`) when it is one plain `<t>` (most
 * are), copying its text's bytes into the table byte by byte (no string, no
 * buffer per item). Returns the index past its `</si>`, or CUT or NOT_PLAIN.
 */
function plainItem(buf: Buffer, at: number, names: Names, table: TableBuilder): number {
  const n = buf.length;
  let p = tagClose(buf, at + names.open.length);
  if (p < 0) return CUT;
  if (buf[p - 1] === 0x2f) {
    table.commit(table.used); // <si/>
    return p + 1;
  }
  p++;
  while (isSpace(buf[p])) p++;
  if (p + names.tOpen.length >= n) return CUT;
  if (!bytesAt(buf, p, names.tOpen)) return NOT_PLAIN;
  const after = buf[p + names.tOpen.length]!;
  if (after !== 0x3e && after !== 0x2f && !isSpace(after)) return NOT_PLAIN;
  p = tagClose(buf, p + names.tOpen.length);
  if (p < 0) return CUT;
  let arena = table.arena;
  let w = table.used;
  let escaped = false;
  if (buf[p - 1] !== 0x2f) {
    p++;
    for (;;) {
      if (p >= n) return CUT;
      const c = buf[p]!;
      if (c === 0x3c) break;
      if (c === 0x26 || c === 0x5f) escaped = true;
      if (w === arena.length) arena = table.room(w + 1, w);
      arena[w++] = c;
      p++;
    }
    if (p + names.tClose.length > n) return CUT;
    if (!bytesAt(buf, p, names.tClose)) return NOT_PLAIN;
    p += names.tClose.length;
  } else p++;
  while (isSpace(buf[p])) p++;
  if (p + names.close.length > n) return CUT;
  if (!bytesAt(buf, p, names.close)) return NOT_PLAIN;
  if (escaped) {
    const raw = arena.toString("utf8", table.used, w);
    const text = unescapeExcelText(unescapeXml(raw));
    if (text !== raw) w = table.used + arena.write(text, table.used, "utf8");
  }
  table.commit(w);
  return p + names.close.length;
}

/**
 * The table of a shared strings part arriving in chunks of bytes (cut
 * anywhere). `partBytes`, the part's inflated size when known, lets the
 * table take its full size early.
 */
export async function parseSharedStrings(
  stream: AsyncIterable<unknown> | Iterable<unknown>,
  partBytes?: number,
): Promise<SharedStringTable> {
  const table = new TableBuilder();
  let pending: Buffer = Buffer.alloc(0);
  let names: Names | undefined;
  const take = (final: boolean): void => {
    const buf = pending;
    if (names === undefined) {
      const head = buf.toString("utf8", 0, Math.min(buf.length, 4096));
      if (!/<(?:[\w.-]+:)?sst[\s>]/.test(head)) {
        if (!final && buf.length < 4096) return;
        names = new Names("");
      } else names = new Names(rootPrefix(head, "sst"));
    }
    const { open, close } = names;
    let i = 0;
    for (;;) {
      // Items follow one another: look where the last one ended before searching.
      while (isSpace(buf[i])) i++;
      const at = bytesAt(buf, i, open) ? i : buf.indexOf(open, i);
      if (at < 0) {
        i = Math.max(i, buf.length - open.length);
        break;
      }
      const next = buf[at + open.length];
      if (next === undefined) {
        i = at; // "<si" at the chunk's very end: wait for what follows it
        break;
      }
      if (next !== 0x3e && next !== 0x2f && !isSpace(next)) {
        i = at + open.length;
        continue;
      }
      const past = plainItem(buf, at, names, table);
      if (past >= 0) {
        i = past;
        continue;
      }
      if (past === CUT) {
        i = at;
        break;
      }
      const end = buf.indexOf(close, at);
      if (end < 0) {
        i = at;
        break;
      }
      table.addText(stringItemText(buf.toString("utf8", at, end), names.prefix));
      i = end + close.length;
    }
    pending = i >= buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(i));
  };
  let received = 0;
  let expected = partBytes === undefined;
  try {
    for await (const chunk of stream) {
      received += (chunk as Buffer).length;
      pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
      take(false);
      if (!expected && received >= EXPECT_AFTER_BYTES) {
        table.expect(received - pending.length, partBytes!);
        expected = true;
      }
    }
  } catch (error) {
    if (error instanceof ZipError) throw new PackageLimitError(error.message);
    throw error;
  }
  take(true);
  if (names !== undefined && pending.indexOf(names.open) >= 0)
    throw new PackageLimitError(
      "the shared strings part ends inside a text (the workbook is damaged): its last texts cannot be read",
    );
  return table.finish();
}
