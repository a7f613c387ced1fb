import type { ZipEntry, ZipReader } from "./zip-read";
import { ZipError } from "./zip-read";
import { qualified, rootPrefix, stringItemText, unescapeExcelText, unescapeXml } from "./xml";

/**
 * The shared strings table (`xl/sharedStrings.xml`), read as a stream into
 * one buffer of bytes plus a byte per item (rich text runs joined, phonetic
 * guides left out). A million items held as strings would be a hundred
 * megabytes of heap that every full garbage collection walks; as bytes they
 * are about the size of their text, outside the heap, and an item becomes a
 * string only when a cell asks for it.
 *
 * An item of decimal digits only (order numbers, tracking numbers, offer ids:
 * most of a ledger's items) is held two digits a byte; any other item as its
 * UTF-8 bytes. A 1,000,000-row ledger's 2.1 million items took 40 MB as UTF-8
 * with four bytes of boundary each, 20 MB so.
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

/**
 * How an item is held, one byte per item (its code):
 * - 0 to 126: its UTF-8 bytes, that many;
 * - `LONG` (127): its UTF-8 bytes, their count written before them (7 bits a byte, low first);
 * - `PACKED` (128) + n, n from 1 to 127: n bytes of decimal digits, two a byte (the first in
 *   the high four bits), an odd count ending in the four bits 0xF.
 */
const LONG = 0x7f;
const PACKED = 0x80;
/** The most digits held two a byte (a longer item of digits is held as its bytes). */
const MAX_PACKED_DIGITS = 2 * (0xff - PACKED);
/** Items per block: where each block starts is kept, an item's start is summed from its block's. */
const BLOCK_BITS = 4;
const BLOCK = 1 << BLOCK_BITS;

/** A table held as bytes in one buffer, item i held as `codes[i]` says (see LONG, PACKED). */
export class SharedStringTable implements SharedStrings {
  readonly count: number;
  private readonly cacheKeys = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly cacheTexts: string[] = new Array<string>(CACHE_SLOTS).fill("");
  /** Where the digits of a packed item are spelled out before they become a string. */
  private readonly digits = Buffer.allocUnsafe(MAX_PACKED_DIGITS);

  constructor(
    private readonly bytes: Buffer,
    private readonly codes: Uint8Array,
    /** Where item `k * BLOCK` starts in `bytes`. */
    private readonly blocks: Uint32Array,
  ) {
    this.count = codes.length;
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
    const { bytes, codes } = this;
    let at = this.blocks[index >>> BLOCK_BITS]!;
    for (let k = index & ~(BLOCK - 1); k < index; k++) {
      const code = codes[k]!;
      if (code !== LONG) at += code & 0x7f;
      else at = skipLong(bytes, at);
    }
    const code = codes[index]!;
    let text: string;
    if (code < LONG) text = bytes.toString("utf8", at, at + code);
    else if (code === LONG) {
      const length = readLength(bytes, at);
      const from = skipLength(bytes, at);
      text = bytes.toString("utf8", from, from + length);
    } else text = this.unpack(at, code - PACKED);
    this.cacheKeys[slot] = index;
    this.cacheTexts[slot] = text;
    return text;
  }

  /** The digits held two a byte in the `n` bytes from `at`. */
  private unpack(at: number, n: number): string {
    const { bytes, digits } = this;
    let w = 0;
    for (let k = at; k < at + n; k++) {
      const b = bytes[k]!;
      digits[w++] = 0x30 + (b >> 4);
      if ((b & 0xf) !== 0xf) digits[w++] = 0x30 + (b & 0xf);
    }
    return digits.toString("latin1", 0, w);
  }

  /** Bytes held: the items, their codes and the blocks' starts (what the table costs in memory). */
  get byteLength(): number {
    return this.bytes.buffer.byteLength + this.codes.buffer.byteLength + this.blocks.buffer.byteLength;
  }
}

/** The length written at `at` (7 bits a byte, low first, the high bit set on all but the last). */
function readLength(bytes: Buffer, at: number): number {
  let length = 0;
  let scale = 1;
  for (;;) {
    const b = bytes[at++]!;
    length += (b & 0x7f) * scale;
    if (b < 0x80) return length;
    scale *= 0x80;
  }
}

/** Where the bytes after the length written at `at` start. */
function skipLength(bytes: Buffer, at: number): number {
  while (bytes[at]! >= 0x80) at++;
  return at + 1;
}

/** Where the item after the LONG item at `at` starts. */
function skipLong(bytes: Buffer, at: number): number {
  return skipLength(bytes, at) + readLength(bytes, at);
}

/** Bytes a length takes written 7 bits a byte. */
function lengthBytes(length: number): number {
  let n = 1;
  while (length >= 0x80) {
    length = Math.floor(length / 0x80);
    n++;
  }
  return n;
}

/**
 * Collects items' bytes into a growing buffer. An item's bytes are written
 * past `used` and counted only by `commit`, so an item cut off by the end of
 * a chunk is simply written again once the rest has arrived.
 */
class TableBuilder {
  arena: Buffer = Buffer.allocUnsafe(1 << 16);
  used = 0;
  private codes = new Uint8Array(1 << 12);
  private blocks = new Uint32Array((1 << 12) / BLOCK);
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

  private growItems(size: number): void {
    const codes = new Uint8Array(size);
    codes.set(this.codes.subarray(0, this.count));
    this.codes = codes;
    const blocks = new Uint32Array(Math.ceil(size / BLOCK));
    blocks.set(this.blocks.subarray(0, Math.ceil(this.count / BLOCK)));
    this.blocks = blocks;
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
    if (items > this.codes.length) this.growItems(items);
  }

  /**
   * Ends the item whose bytes run up to `end` (written from `used` on);
   * `digits`, when the caller knows, says whether they are all decimal digits.
   */
  commit(end: number, digits?: boolean): void {
    const count = this.count;
    if (count === this.codes.length) this.growItems(count * 2);
    const start = this.used;
    if (count % BLOCK === 0) this.blocks[count / BLOCK] = start;
    const length = end - start;
    const arena = this.arena;
    let code: number;
    if (length >= 2 && length <= MAX_PACKED_DIGITS && (digits ?? allDigits(arena, start, end))) {
      // Two digits a byte, written over the item's own bytes (each byte is read before it is written).
      let w = start;
      for (let k = start; k < end; k += 2)
        arena[w++] = ((arena[k]! - 0x30) << 4) | (k + 1 < end ? arena[k + 1]! - 0x30 : 0xf);
      code = PACKED + (w - start);
      this.used = w;
    } else if (length < LONG) {
      code = length;
      this.used = end;
    } else {
      // The length goes before the bytes: they move up to make room for it.
      const head = lengthBytes(length);
      const room = this.room(end + head, end);
      room.copyWithin(start + head, start, end);
      let n = length;
      for (let k = start; k < start + head; k++) {
        room[k] = (n & 0x7f) | (k + 1 < start + head ? 0x80 : 0);
        n = Math.floor(n / 0x80);
      }
      code = LONG;
      this.used = end + head;
    }
    this.codes[count] = code;
    this.count = count + 1;
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
    const full = this.count >= this.codes.length * 0.875;
    const blockCount = Math.ceil(this.count / BLOCK);
    const table = new SharedStringTable(
      bytes,
      full ? this.codes.subarray(0, this.count) : this.codes.slice(0, this.count),
      full ? this.blocks.subarray(0, blockCount) : this.blocks.slice(0, blockCount),
    );
    this.arena = Buffer.alloc(0);
    this.codes = new Uint8Array(0);
    this.blocks = new Uint32Array(0);
    return table;
  }
}

/** Whether the bytes from `start` to `end` are all decimal digits. */
function allDigits(bytes: Buffer, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (bytes[k]! - 0x30 > 9 || bytes[k]! < 0x30) return false;
  return true;
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
    // Larger pieces than a sheet's: they are read as bytes, never kept as text (fewer to join).
    stream = await zip.openEntry(entry, MAX_SHARED_STRINGS_BYTES, 1 << 18);
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
  let digits = true;
  if (buf[p - 1] !== 0x2f) {
    p++;
    for (;;) {
      if (p >= n) return CUT;
      const c = buf[p]!;
      if (c === 0x3c) break;
      if (c === 0x26 || c === 0x5f) escaped = true;
      else if (c < 0x30 || c > 0x39) digits = false;
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
  table.commit(w, escaped ? undefined : digits);
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
