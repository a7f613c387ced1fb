/**
 * A table of distinct strings, each with one 32-bit integer, held in typed
 * arrays instead of a Map: a streamed audit keeps one entry per order (its id,
 * its tracking number) for the whole run, and a million Map entries with their
 * strings cost about 100 bytes each and a garbage collector's walk over every
 * one; here 800,000 order ids of 19 digits take about 18 bytes each, outside
 * the heap.
 *
 * Exact: a key is found only when its stored code units are equal to the
 * one asked for. A hash only chooses where to look.
 *
 * - The keys' code units are written one after another in a byte arena
 *   (`encodeKey`: two digits a byte, other ASCII one byte, anything else three),
 *   with each entry's length in a byte (`LONG`: in a map, for the rare key of 255
 *   bytes or more) and where every 16th entry starts: entry `e` starts where its
 *   block does, plus the lengths of the entries before it in the block.
 * - Values are held in 16 bits while every value fits in them, then in 32.
 * - The index is open addressing with linear probing over an Int32Array: a
 *   slot holds `entry + 1` in its low bits (0: empty) and, in the bits the
 *   entry does not need, some bits of the key's hash, so a probe compares
 *   bytes only when those bits agree.
 * - Entries are numbered 0, 1, 2, ... in the order added: a caller can keep
 *   more per entry in arrays of its own.
 *
 * Pure ES2016 with typed arrays (no Buffer, no TextEncoder, no BigInt): it runs
 * in the CLI, the task pane and the custom functions runtime alike.
 * @example const t = new StringTable(); t.add("3700000000000000001", 5); t.value(t.find("3700000000000000001")) // 5
 */
export class StringTable {
  private bytes = new Uint8Array(256);
  private used = 0;
  /** Entry e's length in bytes, or LONG: its length is in `longLengths`. */
  private lengths = new Uint8Array(32);
  private longLengths: Map<number, number> | undefined;
  /** Where entry k * BLOCK starts in `bytes`. */
  private blockStarts = new Int32Array(32 / BLOCK);
  private values: Uint16Array | Int32Array = new Uint16Array(32);
  private count = 0;
  private slots = new Int32Array(64);
  private mask = 63;
  /** Bits of a slot that hold `entry + 1` (log2 of the slots); bits up to 30 hold hash bits. */
  private idBits = 6;
  /** The key being looked up, encoded, and its length. */
  private scratch = new Uint8Array(64);
  private scratchLength = 0;

  /** How many keys the table holds. */
  get size(): number {
    return this.count;
  }

  /** The entry of `key`, or -1 when the table does not hold it. */
  find(key: string): number {
    const h = this.encode(key);
    const tag = this.tagOf(h);
    const slots = this.slots;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = slots[i] as number;
      if (slot === 0) return -1;
      if (slot >>> this.idBits === tag) {
        const e = (slot & mask) - 1;
        if (this.holds(e)) return e;
      }
    }
  }

  /**
   * The entry of `key`; a key not yet held is added with `value` and gets the
   * next entry (the table's size before the call), which is how a caller tells
   * a new key from one seen before.
   */
  add(key: string, value: number): number {
    const h = this.encode(key);
    let tag = this.tagOf(h);
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const slot = slots[i] as number;
      if (slot === 0) break;
      if (slot >>> this.idBits === tag) {
        const e = (slot & mask) - 1;
        if (this.holds(e)) return e;
      }
    }
    const e = this.count;
    if ((e + 1) * 5 > slots.length * 4) {
      // Past four fifths full: twice the slots. Fuller than usual for linear probing, and cheap:
      // a probe reads on through one or two cache lines, and the tags spare it the byte compares.
      this.grow();
      tag = this.tagOf(h);
      i = this.freeSlot(h);
    }
    this.append(value);
    this.slots[i] = (tag << this.idBits) | (e + 1);
    return e;
  }

  /** Bytes the table holds in its arrays (what it costs in memory, off the heap). */
  get byteLength(): number {
    return (
      this.bytes.byteLength +
      this.lengths.byteLength +
      this.blockStarts.byteLength +
      this.values.byteLength +
      this.slots.byteLength
    );
  }

  /** The value of entry `e`. */
  value(e: number): number {
    return this.values[e] as number;
  }

  setValue(e: number, value: number): void {
    if (this.values instanceof Uint16Array && (value & 0xffff) !== value) this.widenValues();
    this.values[e] = value;
  }

  /** The values in 32 bits from now on (one does not fit in 16). */
  private widenValues(): void {
    const values = new Int32Array(this.values.length);
    values.set(this.values);
    this.values = values;
  }

  /** Entry e's length in bytes. */
  private lengthOf(e: number): number {
    const length = this.lengths[e] as number;
    return length !== LONG ? length : (this.longLengths?.get(e) as number);
  }

  /** Where entry e's bytes start. */
  private startOf(e: number): number {
    let at = this.blockStarts[e >>> BLOCK_BITS] as number;
    for (let k = e & ~(BLOCK - 1); k < e; k++) at += this.lengthOf(k);
    return at;
  }

  /** The key of entry `e`, as it was added. */
  keyAt(e: number): string {
    const bytes = this.bytes;
    const start = this.startOf(e);
    const end = start + this.lengthOf(e);
    let out = "";
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      if (b < 100) out += String.fromCharCode(48 + ((b / 10) | 0), 48 + (b % 10));
      else if (b < 110) out += String.fromCharCode(48 + b - 100);
      else if (b < ESCAPE) {
        const c = b - 110;
        out += String.fromCharCode(c < 48 ? c : c + 10);
      } else {
        out += String.fromCharCode(((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number));
        i += 2;
      }
    }
    return out;
  }

  /** Encodes `key` into the scratch buffer; returns the hash of the encoding. */
  private encode(key: string): number {
    if (this.scratch.length < key.length * 3) this.scratch = new Uint8Array(key.length * 3 + 64);
    const length = (this.scratchLength = encodeKey(key, this.scratch));
    return hashBytes(this.scratch, 0, length);
  }

  /** The hash bits a slot keeps beside the entry: bits 31 down to idBits + 1 (at least one). */
  private tagOf(h: number): number {
    return h >>> (this.idBits + 1);
  }

  /** Whether entry `e` holds the scratch key's bytes. */
  private holds(e: number): boolean {
    const length = this.scratchLength;
    if (this.lengthOf(e) !== length) return false;
    const start = this.startOf(e);
    const bytes = this.bytes;
    const scratch = this.scratch;
    // Keys of one kind (order ids, tracking numbers) share their first digits: compare from the end.
    for (let k = length - 1; k >= 0; k--) if (bytes[start + k] !== scratch[k]) return false;
    return true;
  }

  /** Stores the scratch key's bytes and `value` as the next entry. */
  private append(value: number): void {
    const length = this.scratchLength;
    if (this.used + length > this.bytes.length) {
      const bytes = new Uint8Array(Math.max(this.bytes.length * 2, this.used + length));
      bytes.set(this.bytes.subarray(0, this.used));
      this.bytes = bytes;
    }
    const bytes = this.bytes;
    const scratch = this.scratch;
    const used = this.used;
    for (let k = 0; k < length; k++) bytes[used + k] = scratch[k] as number;
    this.used = used + length;
    const e = this.count++;
    if (e === this.lengths.length) {
      const lengths = new Uint8Array(e * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
      const blockStarts = new Int32Array((e * 2) / BLOCK);
      blockStarts.set(this.blockStarts);
      this.blockStarts = blockStarts;
      const values = this.values instanceof Uint16Array ? new Uint16Array(e * 2) : new Int32Array(e * 2);
      values.set(this.values);
      this.values = values;
    }
    if (e % BLOCK === 0) this.blockStarts[e / BLOCK] = used;
    if (length < LONG) this.lengths[e] = length;
    else {
      this.lengths[e] = LONG;
      (this.longLengths ??= new Map()).set(e, length);
    }
    this.setValue(e, value);
  }

  /** Twice the slots, every entry placed again (its hash computed again from its bytes). */
  private grow(): void {
    const size = this.slots.length * 2;
    if (size > MAX_SLOTS) throw new RangeError(`StringTable: more than ${MAX_SLOTS / 2} keys`);
    const slots = (this.slots = new Int32Array(size));
    const mask = (this.mask = size - 1);
    const idBits = ++this.idBits;
    const bytes = this.bytes;
    let from = 0;
    for (let e = 0; e < this.count; e++) {
      const to = from + this.lengthOf(e);
      const h = hashBytes(bytes, from, to);
      let i = h & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = ((h >>> (idBits + 1)) << idBits) | (e + 1);
      from = to;
    }
  }

  /** The first empty slot from a hash's home slot on. */
  private freeSlot(h: number): number {
    let i = h & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    return i;
  }
}

/**
 * Writes `key`'s code units into `out` (room for three bytes a unit); returns
 * the bytes written. Each unit as one byte, or three: 0-99 two decimal digits,
 * 100-109 one digit (no digit follows), 110-227 an ASCII unit that is not a
 * digit, 228 then two bytes for any other unit (high byte first). Every string
 * has one encoding and every encoding one string, so equal bytes are equal keys.
 */
function encodeKey(key: string, out: Uint8Array): number {
  const n = key.length;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      const d2 = i + 1 < n ? key.charCodeAt(i + 1) - 48 : -1;
      if (d2 >= 0 && d2 <= 9) {
        out[j++] = d * 10 + d2;
        i++;
      } else out[j++] = 100 + d;
    } else if (c < 128) out[j++] = 110 + (c < 48 ? c : c - 10);
    else {
      out[j++] = ESCAPE;
      out[j++] = c >>> 8;
      out[j++] = c & 255;
    }
  }
  return j;
}

/** The hash a table files `key` under (for tests that need keys whose hashes meet). */
export function keyHash(key: string): number {
  const out = new Uint8Array(key.length * 3);
  return hashBytes(out, 0, encodeKey(key, out));
}

/** Entries per block (see `blockStarts`), and its log2. */
const BLOCK_BITS = 4;
const BLOCK = 1 << BLOCK_BITS;
/** An entry's length byte saying its length is kept apart (255 bytes or more). */
const LONG = 255;

/** The byte that announces a code unit written as two bytes. */
const ESCAPE = 228;

/** The most slots the index may have (2^30: four gigabytes). */
const MAX_SLOTS = 2 ** 30;

/**
 * Math.imul, looked up once: where the global object is slow to reach (a vm context, as the
 * test runner's), looking it up on every byte made adding a key ten times slower.
 */
const imul = Math.imul;

/** FNV-1a over bytes[from..to), then mixed (murmur3's finalizer) so the low bits chosen as slot are spread. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = imul(h ^ (bytes[i] as number), 0x01000193);
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
