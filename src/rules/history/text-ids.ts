import { hashOf } from "../score";

/**
 * Numbers texts 0, 1, 2… in order of first appearance, so that later work
 * compares numbers instead of texts. Each text read from a ledger is a string
 * of its own whose hash the engine has not computed yet; a Map would compute
 * it for every lookup, and for all-digit texts (1688 Offer IDs) its hashing is
 * about twice as slow as FNV over the code units. Open addressing, the table
 * at most half full.
 * @example const ids = new TextIds(); ids.idOf("600000000123") // 0; ids.idOf("600000000124") // 1; ids.idOf("600000000123") // 0
 */
export class TextIds {
  private slots: Int32Array;
  private mask: number;
  private readonly hashes: number[] = [];
  private readonly texts: string[] = [];

  constructor(expected = 64) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** How many distinct texts so far. */
  get size(): number {
    return this.texts.length;
  }

  /** The text numbered `id`. */
  textOf(id: number): string {
    return this.texts[id] as string;
  }

  /** The number of `text`, numbering it when new. */
  idOf(text: string): number {
    const hash = hashOf(text);
    const slots = this.slots;
    let at = hash & this.mask;
    for (;;) {
      const id = slots[at] as number;
      if (id < 0) break;
      if (this.hashes[id] === hash && this.texts[id] === text) return id;
      at = (at + 1) & this.mask;
    }
    const id = this.texts.length;
    this.texts.push(text);
    this.hashes.push(hash);
    slots[at] = id;
    if (2 * this.texts.length > slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.texts.length; id++) {
      let at = (this.hashes[id] as number) & mask;
      while ((slots[at] as number) >= 0) at = (at + 1) & mask;
      slots[at] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
