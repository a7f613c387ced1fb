import v8 from "node:v8";

/** From this many bytes of sheet XML on, an audit bounds V8's old generation (see boundHeapGrowthFor). */
export const BOUND_HEAP_FROM_BYTES = 256 * 1024 * 1024;

/** How far, in percent, the old generation may then grow past what a full collection found alive. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Bounds the old generation's growth for a long streamed audit. Left to
 * itself V8 lets the old generation grow by up to 300% past what a full
 * collection found alive when collections run fast; a streamed audit keeps
 * about 15 MB alive but promotes a steady trickle of the rows it holds for
 * scoring, and in some runs the garbage piled up: the 1,000,000-row bench
 * audit peaked near 200 MB in ten runs of twelve and at 211-223 MB in two,
 * and at 195-198 MB in twelve of twelve with 50%. A short audit gains nothing
 * and pays more collections (100,000 rows: 11 full collections instead of 1,
 * 0.1-0.2 s of CPU), so the bound is set only for a sheet of at least
 * BOUND_HEAP_FROM_BYTES (about 400,000 rows of the 1688 export). It holds for
 * the rest of the process (one command). Returns whether it was set.
 */
export function boundHeapGrowthFor(sheetBytes: number): boolean {
  if (sheetBytes < BOUND_HEAP_FROM_BYTES) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}

/**
 * Turns V8's allocation-site pretenuring off for the rest of the process (one
 * command), for an audit, which streams: each chunk's rows, orders and verdicts
 * live until the chunk is written, then die. They outlive a young-generation
 * collection or two, so V8 decides, some thousand rows in, to allocate them in
 * the old generation from then on, and throws away the optimized code of every
 * function that allocates them (the row reader, the order reader, the scorer),
 * to compile it again. Without it a 100,000-row audit ran 2.5% fewer instructions
 * (15% less compiling: callgrind, node --single-threaded), with the same peak
 * memory at 100,000 and 1,000,000 rows.
 */
export function streamWithoutPretenuring(): void {
  v8.setFlagsFromString("--no-allocation-site-pretenuring");
}
