import { createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import { createDeflateRaw, crc32 as zlibCrc32, type DeflateRaw } from "node:zlib";
import type { ZipEntry, ZipReader } from "./zip-read";

/**
 * Writing a zip archive as a stream to a file: entries copied as stored
 * (byte for byte, never re-inflated), whole buffers, or streams deflated with
 * node's zlib as they come. Sizes and checksums of a streamed entry are
 * written into its local header once the entry ends (the header is patched in
 * place when the archive is finished), so no data descriptors are needed.
 * zip64 records are written where a size, an offset or the entry count
 * passes what 32 (16) bits hold.
 */

const MAX32 = 0xffffffff;
/** Deflate level for the parts written here: 6 is zlib's default (what Excel's own files are close to). */
export const DEFLATE_LEVEL = 6;

let crcTable: Int32Array | undefined;
/** CRC-32 of `data` continuing from `crc` (zlib's when node has it). */
export function crc32(data: Buffer, crc = 0): number {
  if (typeof zlibCrc32 === "function") return zlibCrc32(data, crc);
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = (crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)) | 0;
  return ~c >>> 0;
}

/** What the central directory needs of an entry written (its name as bytes). */
type Written = Omit<ZipEntry, "name">;

function dosDateTime(d = new Date()): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function writeU64(buf: Buffer, value: number, at: number): void {
  buf.writeUInt32LE(value % 0x100000000, at);
  buf.writeUInt32LE(Math.floor(value / 0x100000000), at + 4);
}

/** A local file header; with `zip64`, sizes go in a zip64 extra field (sizes in the header 0xFFFFFFFF). */
function localHeader(e: Written, zip64: boolean): Buffer {
  const head = Buffer.alloc(30 + e.nameBytes.length + (zip64 ? 20 : 0));
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(zip64 ? 45 : 20, 4);
  head.writeUInt16LE(e.flags, 6);
  head.writeUInt16LE(e.method, 8);
  head.writeUInt16LE(e.time, 10);
  head.writeUInt16LE(e.date, 12);
  head.writeUInt32LE(e.crc32, 14);
  head.writeUInt32LE(zip64 ? MAX32 : e.compressedSize, 18);
  head.writeUInt32LE(zip64 ? MAX32 : e.size, 22);
  head.writeUInt16LE(e.nameBytes.length, 26);
  head.writeUInt16LE(zip64 ? 20 : 0, 28);
  e.nameBytes.copy(head, 30);
  if (zip64) {
    const x = 30 + e.nameBytes.length;
    head.writeUInt16LE(0x0001, x);
    head.writeUInt16LE(16, x + 2);
    writeU64(head, e.size, x + 4);
    writeU64(head, e.compressedSize, x + 12);
  }
  return head;
}

function centralHeader(e: Written): Buffer {
  const big = [e.size >= MAX32, e.compressedSize >= MAX32, e.localOffset >= MAX32];
  const extraLen = big.some(Boolean) ? 4 + 8 * big.filter(Boolean).length : 0;
  const h = Buffer.alloc(46 + e.nameBytes.length + extraLen);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(extraLen > 0 ? 45 : 20, 4); // made by (MS-DOS attributes)
  h.writeUInt16LE(extraLen > 0 ? 45 : 20, 6);
  h.writeUInt16LE(e.flags, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(e.time, 12);
  h.writeUInt16LE(e.date, 14);
  h.writeUInt32LE(e.crc32, 16);
  h.writeUInt32LE(big[1] ? MAX32 : e.compressedSize, 20);
  h.writeUInt32LE(big[0] ? MAX32 : e.size, 24);
  h.writeUInt16LE(e.nameBytes.length, 28);
  h.writeUInt16LE(extraLen, 30);
  h.writeUInt32LE(big[2] ? MAX32 : e.localOffset, 42);
  e.nameBytes.copy(h, 46);
  if (extraLen > 0) {
    let x = 46 + e.nameBytes.length;
    h.writeUInt16LE(0x0001, x);
    h.writeUInt16LE(extraLen - 4, x + 2);
    x += 4;
    if (big[0]) {
      writeU64(h, e.size, x);
      x += 8;
    }
    if (big[1]) {
      writeU64(h, e.compressedSize, x);
      x += 8;
    }
    if (big[2]) writeU64(h, e.localOffset, x);
  }
  return h;
}

/** An entry being written as a stream: write text or bytes, then `end()`. */
export interface EntryStream {
  /**
   * Adds bytes to the part (a text as UTF-8); resolves when the writer wants more.
   * `owned`: the caller hands the buffer over and never touches it again (so it
   * can go to the deflating thread without a copy).
   */
  write(chunk: string | Buffer, owned?: boolean): Promise<void> | undefined;
  end(): Promise<void>;
}

export interface AddOptions {
  /** Reserve zip64 sizes in the local header (an entry that may pass 4 GB). */
  large?: boolean;
  /**
   * About how many bytes the part will hold. From `PARALLEL_BYTES` on, it is
   * deflated on a thread of its own (see `deflateWorker`), so the caller's
   * work and the deflating run side by side.
   */
  expectedSize?: number;
}

/** Parts expected this large are deflated on a worker thread. */
export const PARALLEL_BYTES = 8 * 1024 * 1024;
/** Bytes handed to the deflating thread and not yet taken in before `write` waits. */
const IN_FLIGHT_BYTES = 2 * 1024 * 1024;

/**
 * Chunks reach the deflating thread by transfer, which detaches their memory. The first time
 * any ArrayBuffer is detached, V8 drops the optimized code of every function that reads a
 * typed array or Buffer (that code assumed none ever would be), and compiles each again: in
 * an audit, about twenty of the sheet reader's and writer's hottest functions, mid-sheet. One
 * empty buffer is detached here, as this module loads, before anything has been optimized.
 */
const detached = new ArrayBuffer(0);
structuredClone(detached, { transfer: [detached] });

/**
 * The deflating thread's code (plain CommonJS, as the bundle carries no second
 * file). It takes chunks, deflates them with node's zlib as one raw deflate
 * stream, and sends back the compressed bytes, how many bytes it has taken in,
 * and at the end the CRC-32 and size of what it was given.
 *
 * Why a thread: node's zlib does its work on the thread pool, but each piece of
 * that work is handed out from the main thread's event loop. While the main
 * thread reads and scores a sheet, the loop turns seldom, the deflating stalls,
 * and the two end up taking turns instead of running side by side.
 */
const DEFLATE_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
// The CRC-32 is taken here where node's zlib has it, else by the main thread (crcHere false).
const crcHere = typeof zlib.crc32 === "function";
const deflate = zlib.createDeflateRaw({ level: workerData.level, chunkSize: 1 << 18 });
let crc = 0;
let size = 0;
// Each piece of output is copied out of zlib's buffer (shared with the next pieces) and handed over.
deflate.on("data", (chunk) => {
  const data = new Uint8Array(chunk);
  parentPort.postMessage({ data }, [data.buffer]);
});
deflate.on("end", () => parentPort.postMessage({ done: true, crc: crcHere ? crc : undefined, size }));
deflate.on("error", (error) => parentPort.postMessage({ error: String(error && error.message) }));
parentPort.on("message", (m) => {
  if (m.end) return deflate.end();
  const chunk = Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength);
  if (crcHere) crc = zlib.crc32(chunk, crc);
  size += chunk.length;
  deflate.write(chunk, () => parentPort.postMessage({ taken: chunk.length }));
});
`;

export class ZipWriter {
  private readonly out: Writable;
  private position = 0;
  private readonly written: Written[] = [];
  private readonly patches: Array<{ at: number; bytes: Buffer }> = [];
  private failure: Error | undefined;
  private busy = false;
  private readonly stamp = dosDateTime();
  /** The deflating thread of the entry being written, if it has one. */
  private worker: Worker | undefined;

  /**
   * Writes `file`, through `out` when given (a stream into that file, such as the
   * CLI's output stream, whose failure ends the write at once); the local headers
   * of streamed parts are patched in `file` once the stream is closed.
   */
  constructor(
    readonly file: string,
    out?: Writable,
  ) {
    this.out = out ?? createWriteStream(file, { highWaterMark: 1 << 20 });
    this.out.on("error", (error) => {
      this.failure ??= error;
    });
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.position;
  }

  private async put(buf: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.position += buf.length;
    if (!this.out.write(buf)) await this.drained();
  }

  private async drained(): Promise<void> {
    if (this.failure) throw this.failure;
    // One pair of listeners per wait, both removed after it (a race of two `once` would
    // leave an error listener behind at every drain).
    await new Promise<void>((resolve) => {
      const done = () => {
        this.out.off("drain", done);
        this.out.off("error", done);
        resolve();
      };
      this.out.on("drain", done);
      this.out.on("error", done);
    });
    if (this.failure) throw this.failure;
  }

  private begin(name: string): void {
    if (this.busy) throw new Error(`internal: zip entry ${name} started while another is being written`);
    this.busy = true;
  }

  /** Copies an entry of another archive as stored: its compressed bytes are not inflated. */
  async copyEntry(source: ZipReader, entry: ZipEntry): Promise<void> {
    this.begin(entry.name);
    const e: Written = {
      nameBytes: entry.nameBytes,
      flags: entry.flags & 0x0806, // keep the UTF-8 name and deflate option bits; no data descriptor
      method: entry.method,
      time: entry.time,
      date: entry.date,
      crc32: entry.crc32,
      compressedSize: entry.compressedSize,
      size: entry.size,
      localOffset: this.position,
    };
    const zip64 = e.size >= MAX32 || e.compressedSize >= MAX32;
    await this.put(localHeader(e, zip64));
    const raw: Readable = await source.openRaw(entry);
    let copied = 0;
    for await (const chunk of raw) {
      copied += (chunk as Buffer).length;
      await this.put(chunk as Buffer);
    }
    if (copied !== entry.compressedSize)
      throw new Error(`${source.file}: the zip entry ${entry.name} is truncated`);
    this.written.push(e);
    this.busy = false;
  }

  /** Adds a whole part, deflated. */
  async addBuffer(name: string, data: Buffer | string): Promise<void> {
    const stream = this.addStream(name);
    await stream.write(typeof data === "string" ? Buffer.from(data, "utf8") : data);
    await stream.end();
  }

  /** Starts a part written as a stream and deflated as it comes. */
  addStream(name: string, options: AddOptions = {}): EntryStream {
    this.begin(name);
    const nameBytes = Buffer.from(name, "utf8");
    const large = options.large === true;
    const e: Written = {
      nameBytes,
      flags: /[^\x20-\x7e]/.test(name) ? 0x800 : 0,
      method: 8,
      time: this.stamp.time,
      date: this.stamp.date,
      crc32: 0,
      compressedSize: 0,
      size: 0,
      localOffset: this.position,
    };
    const headerAt = this.position;
    // The header now with zero sizes; its real sizes are patched in at finish().
    const headerDone = this.put(localHeader(e, large));
    const finishEntry = (): void => {
      if (!large && (e.size >= MAX32 || e.compressedSize >= MAX32))
        throw new Error(`internal: zip entry ${name} passed 4 GB without zip64 reserved`);
      this.patches.push({ at: headerAt, bytes: localHeader(e, large) });
      this.written.push(e);
      this.busy = false;
    };
    if ((options.expectedSize ?? 0) >= PARALLEL_BYTES) return this.workerStream(e, headerDone, finishEntry);
    const deflate: DeflateRaw = createDeflateRaw({
      level: DEFLATE_LEVEL,
      chunkSize: 1 << 17,
    });
    let crc = 0;
    let pending: Promise<void> = headerDone;
    deflate.on("data", (chunk: Buffer) => {
      e.compressedSize += chunk.length;
      const prev = pending;
      pending = prev.then(() => this.put(chunk));
      if (this.out.writableNeedDrain) deflate.pause();
      void pending.then(
        () => deflate.resume(),
        () => undefined,
      );
    });
    const deflateDone = new Promise<void>((resolve, reject) => {
      deflate.on("end", resolve);
      deflate.on("error", reject);
    });
    const write = (chunk: string | Buffer): Promise<void> | undefined => {
      if (this.failure) return Promise.reject(this.failure);
      const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      if (buf.length === 0) return undefined;
      crc = crc32(buf, crc);
      e.size += buf.length;
      if (deflate.write(buf)) return undefined;
      return once(deflate, "drain").then(() => undefined);
    };
    const end = async (): Promise<void> => {
      deflate.end();
      await deflateDone;
      await pending;
      e.crc32 = crc;
      finishEntry();
    };
    return { write, end };
  }

  /** An entry stream deflated on a worker thread (see DEFLATE_WORKER). */
  private workerStream(e: Written, headerDone: Promise<void>, finishEntry: () => void): EntryStream {
    const worker = new Worker(DEFLATE_WORKER, {
      eval: true,
      workerData: { level: DEFLATE_LEVEL },
      // It holds next to nothing on its heap: the bytes it works on are buffers.
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 },
    });
    this.worker = worker;
    let pending: Promise<void> = headerDone;
    /** Bytes handed to the thread and not yet taken in; deflated bytes not yet written to the file. */
    let inFlight = 0;
    let queued = 0;
    // Without zlib's crc32 in the thread, the CRC-32 is taken here as the bytes go.
    let ownCrc = typeof zlibCrc32 === "function" ? undefined : 0;
    let failed: Error | undefined;
    let wake: (() => void) | undefined;
    let finished: ((result: { crc: number | undefined; size: number }) => void) | undefined;
    const done = new Promise<{ crc: number | undefined; size: number }>((resolve) => (finished = resolve));
    const fail = (error: Error): void => {
      failed ??= error;
      wake?.();
      finished?.({ crc: 0, size: 0 });
    };
    worker.on(
      "message",
      (m: {
        data?: Uint8Array;
        taken?: number;
        done?: boolean;
        crc?: number;
        size?: number;
        error?: string;
      }) => {
        if (m.data !== undefined) {
          const chunk = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
          e.compressedSize += chunk.length;
          queued += chunk.length;
          pending = pending.then(async () => {
            await this.put(chunk);
            queued -= chunk.length;
            if (queued <= IN_FLIGHT_BYTES) wake?.();
          });
          pending.catch(fail);
        } else if (m.taken !== undefined) {
          inFlight -= m.taken;
          if (inFlight <= IN_FLIGHT_BYTES) wake?.();
        } else if (m.done) finished?.({ crc: m.crc, size: m.size ?? 0 });
        else if (m.error !== undefined)
          fail(new Error(`deflating ${e.nameBytes.toString("utf8")}: ${m.error}`));
      },
    );
    worker.on("error", fail);
    const write = async (chunk: string | Buffer, owned = false): Promise<void> => {
      if (this.failure) throw this.failure;
      if (failed) throw failed;
      const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      if (buf.length === 0) return;
      e.size += buf.length;
      if (ownCrc !== undefined) ownCrc = crc32(buf, ownCrc);
      inFlight += buf.length;
      // Handed over without a copy only when the bytes are given up by the caller or are this
      // call's own, in a buffer of their own (a short text's bytes sit in node's shared pool,
      // which must not be moved).
      const own =
        owned ||
        (typeof chunk === "string" && buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength);
      const data = own ? buf : new Uint8Array(buf);
      worker.postMessage({ chunk: data }, [data.buffer as ArrayBuffer]);
      // Wait while the thread or the file is behind: memory stays bounded whichever is slower.
      while ((inFlight > IN_FLIGHT_BYTES || queued > IN_FLIGHT_BYTES) && !failed)
        await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      if (failed) throw failed;
    };
    const end = async (): Promise<void> => {
      worker.postMessage({ end: true });
      const { crc, size } = await done;
      await pending;
      this.worker = undefined;
      await worker.terminate();
      if (failed) throw failed;
      if (size !== e.size) throw new Error("internal: the deflating thread lost data");
      e.crc32 = crc ?? ownCrc ?? 0;
      finishEntry();
    };
    return { write, end };
  }

  /** Writes the central directory, closes the file and patches the streamed entries' local headers. */
  async finish(): Promise<void> {
    const cdStart = this.position;
    for (const e of this.written) await this.put(centralHeader(e));
    const cdSize = this.position - cdStart;
    const count = this.written.length;
    if (count > 0xffff || cdStart >= MAX32 || cdSize >= MAX32) {
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(0x06064b50, 0);
      writeU64(rec, 44, 4);
      rec.writeUInt16LE(45, 12);
      rec.writeUInt16LE(45, 14);
      writeU64(rec, count, 24);
      writeU64(rec, count, 32);
      writeU64(rec, cdSize, 40);
      writeU64(rec, cdStart, 48);
      const recAt = this.position;
      await this.put(rec);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      writeU64(loc, recAt, 8);
      loc.writeUInt32LE(1, 16);
      await this.put(loc);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(cdSize, MAX32), 12);
    end.writeUInt32LE(Math.min(cdStart, MAX32), 16);
    await this.put(end);
    await this.close();
    if (this.patches.length === 0) return;
    const fh = await open(this.file, "r+");
    try {
      for (const p of this.patches) await fh.write(p.bytes, 0, p.bytes.length, p.at);
    } finally {
      await fh.close();
    }
  }

  private async close(): Promise<void> {
    if (this.out.closed) {
      if (this.failure) throw this.failure;
      return;
    }
    const closed = once(this.out, "close");
    this.out.end();
    await closed.catch(() => undefined);
    if (this.failure) throw this.failure;
  }

  /** Stops writing and closes the file (the caller removes it). */
  async abort(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
    this.out.destroy();
    if (!this.out.closed) await once(this.out, "close").catch(() => undefined);
  }
}
