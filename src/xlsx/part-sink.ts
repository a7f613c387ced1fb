import type { XmlOut } from "./sheet-writer";
import type { EntryStream } from "./zip-write";

/** Texts up to this long are tried as ASCII first (see asciiOf). */
const SHORT_TEXT = 64;
/** How many bytes a sink gathers before it hands them to the part. */
const SINK_BYTES = 1 << 20;

/**
 * A zip part's bytes gathered in buffers of their own, from texts (as UTF-8)
 * and from bytes taken as they are (rows read from a sheet and written back
 * unchanged), each buffer handed to the part whole and never touched again:
 * no text is built up and encoded a second time, and the deflating thread
 * takes the buffer without a copy. `text` and `bytes` only gather; `flush`
 * hands over what is full (call it when `ready`), `end` the rest.
 */
export class PartSink implements XmlOut {
  private buf: Buffer;
  private at = 0;
  private readonly full: Buffer[] = [];

  constructor(
    private readonly entry: EntryStream,
    private readonly size = SINK_BYTES,
  ) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  /** Whether there are bytes to hand over (see `flush`). */
  get ready(): boolean {
    return this.full.length > 0;
  }

  text(s: string): void {
    if (s.length === 0) return;
    if (s.length <= SHORT_TEXT && this.asciiOf(s)) return;
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a pair of them, 4).
    if (s.length * 3 > this.buf.length - this.at) {
      this.next();
      if (s.length * 3 > this.size) {
        this.full.push(Buffer.from(s, "utf8"));
        return;
      }
    }
    this.at += this.buf.write(s, this.at, "utf8");
  }

  /**
   * Copies a short text that turns out to be ASCII a character to a byte (a call
   * into Buffer.write costs more than the copy); false, with nothing written, when
   * it is not ASCII or there is no room.
   */
  private asciiOf(s: string): boolean {
    const n = s.length;
    if (n > this.buf.length - this.at) return false;
    const buf = this.buf;
    const at = this.at;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return false;
      buf[at + i] = c;
    }
    this.at = at + n;
    return true;
  }

  /** A text of ASCII characters only (tags, numbers), copied a character to a byte. */
  ascii(s: string): void {
    const n = s.length;
    if (n > this.buf.length - this.at) {
      this.text(s);
      return;
    }
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** Bytes `from` to `to` of `b` (a short run copied by hand: no view made for it). */
  range(b: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (n > SHORT_TEXT || n > this.buf.length - this.at) {
      if (n > 0) this.bytes(b.subarray(from, to));
      return;
    }
    const buf = this.buf;
    let at = this.at;
    for (let i = from; i < to; i++) buf[at++] = b[i]!;
    this.at = at;
  }

  bytes(b: Uint8Array): void {
    if (b.length === 0) return;
    if (b.length > this.buf.length - this.at) {
      this.next();
      if (b.length > this.size) {
        this.full.push(Buffer.from(b));
        return;
      }
    }
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** Hands over what is gathered in full buffers; resolves when the part wants more. */
  async flush(): Promise<void> {
    for (let i = 0; i < this.full.length; i++) {
      const b = this.full[i]!;
      this.full[i] = EMPTY;
      await this.entry.write(b, true);
    }
    this.full.length = 0;
  }

  /** Hands over everything gathered (the part is not ended). */
  async end(): Promise<void> {
    this.next();
    await this.flush();
  }

  /** Closes the current buffer (when it holds anything) and starts another. */
  private next(): void {
    if (this.at === 0) return;
    this.full.push(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafeSlow(this.size);
    this.at = 0;
  }
}

const EMPTY = Buffer.alloc(0);
