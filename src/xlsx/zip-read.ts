import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import { Readable } from "node:stream";

/**
 * Reading a zip archive (an xlsx package) from its central directory, zip64
 * aware. Entries are read as streams of their stored bytes (`openRaw`, for a
 * byte-for-byte copy) or inflated with node's zlib (`openEntry`, `readEntry`).
 */

export interface ZipEntry {
  /** The part name as stored (no leading slash). */
  name: string;
  /** The name's bytes as stored, written back unchanged. */
  nameBytes: Buffer;
  /** General purpose flags (bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name). */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** MS-DOS time and date, as stored. */
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX32 = 0xffffffff;

/**
 * The most bytes a piece of an entry's content holds (`openEntry`), unless its
 * reader asks for others. Small enough that the text a reader decodes from one
 * (at most twice its bytes, plus what the last piece left over) stays below
 * V8's large-object size (128 KB): a row kept past its piece (the audit holds a
 * thousand while it scores them) keeps that text alive, and a large object that
 * outlives one young-generation collection goes to the old generation at once,
 * which then grew to 2-3 times the live heap (a 1,000,000-row audit that read
 * every row as text peaked 60-70 MB higher with pieces of 256 KB; a 200,000-row
 * sheet of inline Chinese text, which is still read as text, 9 MB higher).
 */
export const ENTRY_PIECE_BYTES = 1 << 15;

/**
 * The compressed bytes an inflating entry is fed at a time. Pieces of 1 MB, each
 * freed once inflated, made the C allocator take the next ones from its heap
 * instead of mapping them afresh, and its heap kept what they had left there
 * (a 1,000,000-row audit and the I/O floor each peaked about 13 MB higher).
 */
const INFLATE_INPUT_BYTES = 1 << 16;

/**
 * The bytes inflated at a time, handed on in pieces of the size asked for:
 * each of zlib's steps is a round trip to the thread pool, and steps of 32 KB
 * took twice the time of steps of 256 KB (a 1,000,000-row sheet: 0.9-1.0 s
 * instead of 0.5).
 */
const INFLATE_OUTPUT_BYTES = 1 << 18;

/** The chunks of `stream` cut into views of at most `size` bytes (nothing copied). */
async function* cut(stream: AsyncIterable<unknown>, size: number): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    for (let at = 0; at < buf.length; at += size) yield buf.subarray(at, at + size);
  }
}

/** A 64-bit little-endian number as a JS number (exact below 2^53, enough for any file). */
function u64(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * 0x100000000;
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

export class ZipReader {
  private constructor(
    readonly file: string,
    private readonly fh: FileHandle,
    readonly size: number,
    readonly entries: ZipEntry[],
    private readonly byName: Map<string, ZipEntry>,
  ) {}

  /** Opens `file` and reads its central directory; a file that is not a zip is a `ZipError`. */
  static async open(file: string): Promise<ZipReader> {
    const fh = await open(file, "r");
    try {
      const size = (await fh.stat()).size;
      const entries = await readCentralDirectory(fh, size);
      const byName = new Map<string, ZipEntry>();
      for (const e of entries) byName.set(e.name.toLowerCase(), e);
      return new ZipReader(file, fh, size, entries, byName);
    } catch (error) {
      await fh.close();
      throw error;
    }
  }

  /** The entry of a part name (case-insensitive, leading slash ignored, as OPC part names compare). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, "").toLowerCase());
  }

  async close(): Promise<void> {
    await this.fh.close();
  }

  /** Where an entry's stored bytes start (after its local header). */
  async dataOffset(entry: ZipEntry): Promise<number> {
    const head = await readAt(this.fh, entry.localOffset, 30);
    if (head.length < 30 || head.readUInt32LE(0) !== LOCAL_SIG)
      throw new ZipError(`the zip entry ${entry.name} has no local header where the directory says`);
    return entry.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  }

  /** The entry's stored (compressed) bytes as a stream, in pieces of up to `pieceBytes`. */
  async openRaw(entry: ZipEntry, pieceBytes = 1 << 20): Promise<Readable> {
    if (entry.flags & 1) throw new ZipError(`the zip entry ${entry.name} is encrypted`);
    const start = await this.dataOffset(entry);
    if (entry.compressedSize === 0) return Readable.from([]);
    return createReadStream(this.file, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: pieceBytes,
    });
  }

  /**
   * The entry's content as a stream, inflated, in pieces of up to `pieceBytes`
   * (see ENTRY_PIECE_BYTES). More than `limit` bytes (or more than the
   * directory says) is a `ZipError`: an archive that inflates past what it
   * declares is damaged or built to exhaust memory.
   */
  async openEntry(
    entry: ZipEntry,
    limit = Number.POSITIVE_INFINITY,
    pieceBytes = ENTRY_PIECE_BYTES,
  ): Promise<Readable> {
    if (entry.size > limit)
      throw new ZipError(`${entry.name} inflates to ${entry.size} bytes, over ${limit}`);
    if (entry.method === 0) return this.openRaw(entry, pieceBytes);
    if (entry.method !== 8)
      throw new ZipError(
        `the zip entry ${entry.name} uses compression method ${entry.method} (only deflate is read)`,
      );
    const raw = await this.openRaw(entry, INFLATE_INPUT_BYTES);
    const inflate = createInflateRaw({ chunkSize: Math.max(pieceBytes, INFLATE_OUTPUT_BYTES) });
    let seen = 0;
    const cap = Math.min(limit, entry.size);
    inflate.on("data", (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > cap)
        inflate.destroy(
          new ZipError(`${entry.name} inflates past the ${cap} bytes its directory entry declares`),
        );
    });
    raw.on("error", (error) => inflate.destroy(error));
    const inflated = raw.pipe(inflate);
    return pieceBytes >= INFLATE_OUTPUT_BYTES ? inflated : Readable.from(cut(inflated, pieceBytes));
  }

  /** The whole inflated content of a (small) entry. */
  async readEntry(entry: ZipEntry, limit = 256 * 1024 * 1024): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.openEntry(entry, limit)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The inflated content of a part as UTF-8 text, or undefined when the package has no such part. */
  async readText(name: string, limit?: number): Promise<string | undefined> {
    const entry = this.entry(name);
    if (!entry) return undefined;
    const buf = await this.readEntry(entry, limit);
    return decodeXml(buf);
  }
}

/** XML bytes as text: UTF-8 (with or without a byte-order mark) or UTF-16 with one. */
export function decodeXml(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString("utf8", 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.toString("utf16le", 2);
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder("utf-16be").decode(buf.subarray(2));
  return buf.toString("utf8");
}

async function readCentralDirectory(fh: FileHandle, size: number): Promise<ZipEntry[]> {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const tailLength = Math.min(size, 22 + 65535);
  const tail = await readAt(fh, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError("no end of central directory record (not a zip file)");
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  const eocdPos = size - tailLength + at;
  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const loc = await readAt(fh, eocdPos - 20, 20);
    if (loc.length === 20 && loc.readUInt32LE(0) === EOCD64_LOCATOR_SIG) {
      const rec = await readAt(fh, u64(loc, 8), 56);
      if (rec.readUInt32LE(0) !== EOCD64_SIG) throw new ZipError("damaged zip64 end of central directory");
      count = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
  }
  if (cdOffset + cdSize > size)
    throw new ZipError("the central directory lies outside the file (truncated?)");
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIG)
      throw new ZipError("damaged central directory");
    const flags = cd.readUInt16LE(p + 8);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const nameBytes = Buffer.from(cd.subarray(p + 46, p + 46 + nameLen));
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressed = cd.readUInt32LE(p + 24);
    let localOffset = cd.readUInt32LE(p + 42);
    // zip64 extra field: the 64-bit values, in this order, of those stored as 0xFFFFFFFF.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (uncompressed === MAX32) {
          uncompressed = u64(cd, q);
          q += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = u64(cd, q);
          q += 8;
        }
        if (localOffset === MAX32) localOffset = u64(cd, q);
      }
      x += 4 + len;
    }
    const name = flags & 0x800 ? nameBytes.toString("utf8") : nameBytes.toString("latin1");
    entries.push({
      name: name.replace(/\\/g, "/").replace(/^\//, ""),
      nameBytes,
      flags,
      method: cd.readUInt16LE(p + 10),
      time: cd.readUInt16LE(p + 12),
      date: cd.readUInt16LE(p + 14),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize,
      size: uncompressed,
      localOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
