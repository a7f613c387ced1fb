import { setFlagsFromString } from "node:v8";

/**
 * How far, in percent, V8 lets the old generation grow past what a full
 * collection found alive before it collects again. Left to itself V8 chooses
 * up to 300% when collections run fast: a streamed audit keeps about 15 MB
 * alive but promotes a steady trickle of the rows it holds for scoring, and
 * its old generation grew to 50-70 MB, mostly garbage, between collections,
 * by how much depending on the machine's load (1,000,000-row audits peaked
 * anywhere from 206 to 251 MB). At 50% it stays near 50 MB, for a few more
 * collections of a small heap (no time measurably lost).
 */
export const HEAP_GROWING_PERCENT = 50;

/** Bounds the old generation's growth (see HEAP_GROWING_PERCENT); called once as the command starts. */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
