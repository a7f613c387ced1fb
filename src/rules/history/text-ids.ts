import { hashOf } from "../score";

/**
 * Texts numbered 0, 1, 2… in order of first appearance, so that later work
 * compares numbers instead of texts. Each text read from a ledger is a string
 * of its own whose hash the engine has not computed yet; a Map would compute
 * it for every lookup, and for all-digit texts (1688 Offer IDs) its hashing is
 * about twice as slow as FNV over the code units. Open addressing, the table
 * at most half full.
 *
 * A plain record and functions, not a class: an object built by one literal
 * keeps its shape for as long as the module lives, where a class instance's
 * shape (its fields added one by one) was forgotten at each garbage collection
 * between two ledgers, and with it the compiled code that reads it (see at-risk.ts).
 * @example const ids = textIds(); idOf(ids, "600000000123") // 0; idOf(ids, "600000000124") // 1; idOf(ids, "600000000123") // 0
 */
export interface TextIds {
  /** Per slot: the number of the text there plus one (0 for an empty slot). */
  slots: Int32Array;
  mask: number;
  /** Per number: its text's hash and the text. */
  hashes: Int32Array;
  texts: string[];
  /** How many distinct texts so far. */
  size: number;
}

export function textIds(expected = 64): TextIds {
  let size = 16;
  while (size < expected * 2) size *= 2;
  return {
    slots: new Int32Array(size),
    mask: size - 1,
    hashes: new Int32Array(size / 2),
    texts: [],
    size: 0,
  };
}

/** The text numbered `id`. */
export function textOf(ids: TextIds, id: number): string {
  return ids.texts[id] as string;
}

/** The number of `text`, numbering it when new. */
export function idOf(ids: TextIds, text: string): number {
  const hash = hashOf(text);
  const slots = ids.slots;
  const mask = ids.mask;
  let at = hash & mask;
  for (;;) {
    const id = (slots[at] as number) - 1;
    if (id < 0) break;
    if (ids.hashes[id] === hash && ids.texts[id] === text) return id;
    at = (at + 1) & mask;
  }
  const id = ids.size++;
  if (id === ids.hashes.length) {
    const hashes = new Int32Array(2 * id);
    hashes.set(ids.hashes);
    ids.hashes = hashes;
  }
  ids.hashes[id] = hash;
  ids.texts.push(text);
  slots[at] = id + 1;
  if (2 * ids.size > slots.length) grow(ids);
  return id;
}

/** Doubles the table and puts every number back by its hash. */
function grow(ids: TextIds): void {
  const slots = new Int32Array(ids.slots.length * 2);
  const mask = slots.length - 1;
  for (let id = 0; id < ids.size; id++) {
    let at = (ids.hashes[id] as number) & mask;
    while ((slots[at] as number) !== 0) at = (at + 1) & mask;
    slots[at] = id + 1;
  }
  ids.slots = slots;
  ids.mask = mask;
}
