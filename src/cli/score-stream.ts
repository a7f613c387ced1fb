import type { CellValue, Lang } from "../rules/types";
import type { BlacklistIndex } from "../rules/blacklist";
import { summarizeReasons } from "../rules/explain";
import { hashOf, scoreOrders, TrackingEntries, TrackingUse } from "../rules/score";
import { compactTracking } from "../rules/identifiers/tracking";
import type { Order } from "../rules/types";
import type { BatchFacts } from "../rules/checks/check";
import type { Settings } from "../rules/settings";
import { readOrders } from "../ledger/read";
import { UnknownFieldError } from "../ledger/header";
import { CliError, EXIT, formatLocation, locateIssue } from "./errors";
import { columnsJson, columnsTable, columnWarnings, fixedTable, verdictToJson } from "./format";
import { readDelimitedChunks, textEncodingOf, type DelimitedRow, type ReadDelimitedOptions } from "./io/csv";
import { streamLedger, type StreamedLedger } from "./io/ledger-stream";
import { assertReadableFile } from "./io/table";

/**
 * `guard score` as a stream of rows: of a csv or tsv file in flat memory, of
 * a workbook's sheet a chunk at a time. The first pass finds the header, the
 * last row number and a hash of every tracking number; when some number
 * recurs, a second pass collects the one fact that crosses rows (which
 * numbers orders of different suppliers share) for those numbers alone; the
 * last pass reads and scores the rows a chunk at a time with that fact
 * complete, printing each chunk's verdicts as it goes. The verdicts are those
 * of scoreLedger over the whole file (a test compares them). Without a
 * tracking-number column and with --json, the file is read once.
 *
 * The text table's columns are as wide as their widest possible cell (the
 * Level column fits MEDIUM, the Row column the last row's number), since
 * rows are printed before the later ones are scored.
 */

/** Rows scored together: a chunk's cells and orders stay small. */
const CHUNK_ROWS = 512;

export interface ScoreStreamOptions {
  file: string;
  /** The sheet's name in messages (a csv's: its file name without the extension). */
  sheet: string;
  /** The rows, from the first; called once or twice (see above), each time from the start. */
  rows: () => AsyncIterable<DelimitedRow[]>;
  settings: Settings;
  blacklist?: BlacklistIndex | undefined;
  overrides?: Record<string, string | null> | undefined;
  lang: Lang;
  json: boolean;
  columns: boolean;
  /** The file named `settings` in an unknown-field error. */
  settingsFile?: string | undefined;
  /** Unreadable cells named on `err` before "... and N more". */
  maxListedWarnings: number;
}

const LEVEL_WIDTH = Math.max(..."HIGH MEDIUM LOW".split(" ").map((l) => l.length));

/** The rows of a csv or tsv file, read as a stream (twice at most: the encoding is found once). */
export async function delimitedFileRows(
  file: string,
  format: "csv" | "tsv",
): Promise<() => AsyncIterable<DelimitedRow[]>> {
  await assertReadableFile(file);
  const read: ReadDelimitedOptions = { encoding: await textEncodingOf(file) };
  if (format === "tsv") read.delimiter = "\t";
  return () => readDelimitedChunks(file, read);
}

/**
 * Rows held in memory (a workbook's sheet) in chunks, the event loop turning
 * between two: a signal or a closed pipe is acted on while a long sheet is scored.
 */
export function cellRows(cells: readonly CellValue[][]): () => AsyncIterable<DelimitedRow[]> {
  return async function* () {
    for (let i = 0; i < cells.length; i += CHUNK_ROWS) {
      yield cells.slice(i, i + CHUNK_ROWS).map((values, k) => ({ rowNumber: i + k + 1, values }));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
}

/** Scores rows read as a stream; returns the exit code (0, or 3 when some cell could not be read). */
export async function scoreRowStream(
  options: ScoreStreamOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const { file, sheet, settings, lang } = options;
  const open = async (): Promise<StreamedLedger> => {
    let ledger: StreamedLedger | undefined;
    try {
      ledger = await streamLedger(options.rows(), {
        overrides: options.overrides,
        chunkRows: CHUNK_ROWS,
      });
    } catch (e) {
      if (e instanceof UnknownFieldError)
        throw new CliError(`${options.settingsFile ?? "settings"}: ${e.message}`);
      throw e;
    }
    if (ledger === undefined) {
      throw new CliError(
        `${formatLocation({ file, sheet })}: no header row found (expected headers such as 供应商, 付款方式, Order total in the first 30 rows)`,
      );
    }
    return ledger;
  };

  let ledger = await open();
  const { header } = ledger;
  const fields = new Set(Object.keys(header.byField));
  const needFacts = header.byField.trackingNumber !== undefined;
  let facts: BatchFacts | undefined;
  let lastRow = 0;
  if (needFacts || !options.json) {
    // First pass: the last row, and a 53-bit hash of each tracking number as TrackingUse
    // records it (8 bytes an order, outside the JS heap).
    const hashes = new NumberHashes();
    for await (const chunk of ledger.chunks) {
      const results = readOrders(header, chunk.rows, { settings, firstRow: chunk.firstRow });
      const last = results[results.length - 1];
      if (last !== undefined) lastRow = last.order.row;
      if (needFacts) for (const r of results) hashes.add(r.order);
    }
    const repeated = hashes.repeated();
    if (repeated.size > 0) {
      // Only a number recorded twice or more can have two suppliers: one more pass collects
      // the exact facts for those numbers alone (none when no number recurs).
      const tracking = new TrackingUse();
      ledger = await open();
      for await (const chunk of ledger.chunks) {
        const orders = readOrders(header, chunk.rows, { settings, firstRow: chunk.firstRow })
          .map((r) => r.order)
          .filter((o) => {
            const compact = o.trackingNumber === undefined ? "" : compactTracking(o.trackingNumber);
            return compact !== "" && repeated.has(numberHash(compact));
          });
        tracking.add(orders);
      }
      facts = tracking.facts();
    } else if (needFacts) facts = new TrackingUse().facts();
    ledger = await open();
  }

  for (const warning of columnWarnings(header, lang)) err(warning);
  if (options.columns) out(options.json ? columnsJson(header) : `${columnsTable(header, lang)}\n`);
  const table = options.json
    ? undefined
    : fixedTable(lang === "zh" ? ["行", "分数", "等级", "原因"] : ["Row", "Score", "Level", "Reasons"], [
        String(lastRow).length,
        3,
        LEVEL_WIDTH,
      ]);
  if (table !== undefined) out(table.head);
  const at = { file, sheet };
  let unread = 0;
  for await (const chunk of ledger.chunks) {
    const results = readOrders(header, chunk.rows, { settings, firstRow: chunk.firstRow });
    const orders = results.map((r) => r.order);
    const verdicts = scoreOrders(orders, { settings, blacklist: options.blacklist, fields, batch: facts });
    // --json: one call a row, as runScore has always made them; the table: one call a chunk.
    const lines: string[] = [];
    for (let i = 0; i < orders.length; i++) {
      const order = orders[i]!;
      const verdict = verdicts[i]!;
      const warnings = order.issues?.map((issue) => locateIssue(at, header.columns, order.row, issue));
      if (warnings !== undefined) for (const w of warnings) if (unread++ < options.maxListedWarnings) err(w);
      if (table === undefined) out(JSON.stringify(verdictToJson(order.row, verdict, lang, warnings)));
      else
        lines.push(
          table.line([
            String(order.row),
            String(verdict.score),
            verdict.level,
            summarizeReasons(verdict, lang),
          ]),
        );
    }
    if (lines.length > 0) out(lines.join("\n"));
  }
  if (unread > options.maxListedWarnings)
    err(`... and ${unread - options.maxListedWarnings} more cells that could not be read`);
  return unread > 0 ? EXIT.unreadCells : EXIT.ok;
}

/** A 53-bit hash of a compact tracking number: two 32-bit hashes, exact as a double. */
function numberHash(compact: string): number {
  let h = 0x2545f491 | 0;
  for (let i = 0; i < compact.length; i++) h = Math.imul(h ^ compact.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15);
  return (hashOf(compact) >>> 0) * 2 ** 21 + ((h >>> 0) >>> 11);
}

/**
 * The hashes of the tracking numbers of a ledger, recorded as TrackingUse
 * records numbers (an order with a number and a supplier to tell apart; a line
 * repeating the last order's number and supplier is left out), in a typed
 * array: a number two suppliers used is recorded at least twice, so its hash
 * is among `repeated()` (with, rarely, numbers of one supplier or a collision,
 * which the exact pass sorts out).
 */
class NumberHashes {
  private values = new Float64Array(4096);
  private count = 0;
  private readonly entries = new TrackingEntries();

  add(order: Order): void {
    const entry = this.entries.next(order);
    if (entry === undefined) return;
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.count * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = numberHash(entry.compact);
  }

  /** The hashes recorded twice or more. */
  repeated(): Set<number> {
    const sorted = this.values.subarray(0, this.count).sort();
    const out = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) out.add(sorted[i] as number);
    return out;
  }
}
