import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { CellValue } from "../../rules/types";
import { CsvParser, parseCsv, type Delimiter } from "../../ledger/csv";
import { signalAfterRows, testPoint } from "../test-hooks";

/**
 * Delimited text (csv, tsv) as a grid of cells, following RFC 4180: fields in
 * double quotes may hold the delimiter, line breaks and doubled quotes; lines
 * end in CRLF, LF or CR. Cells stay text (a tracking number or a USCC must not
 * turn into a number); an empty field is `null`, like an empty Excel cell.
 */

export type { Delimiter } from "../../ledger/csv";
export { sniffDelimiter } from "../../ledger/csv";

export interface ParseDelimitedOptions {
  /** Field separator; sniffed from the first lines when left out. */
  delimiter?: Delimiter;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Bytes of a text file as a string. A byte-order mark decides (UTF-8,
 * UTF-16LE as Excel's "Unicode text" export writes, UTF-16BE); otherwise
 * valid UTF-8 is UTF-8, and anything else is read as GB18030, the superset
 * of GBK that Chinese Excel uses for "CSV (comma delimited)".
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** How a text file is encoded, and how many bytes of byte-order mark to skip. */
export interface TextEncoding {
  label: "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
  bom: number;
}

/** Reads up to `length` bytes from the start of a file. */
async function head(file: string, length: number): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(new Uint8Array(length), 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The encoding decodeText would read a file with, without holding the file:
 * the byte-order mark decides; otherwise the whole file is checked as UTF-8,
 * a chunk at a time (a character split across chunks is checked whole), and
 * anything else is GB18030.
 */
export async function textEncodingOf(file: string): Promise<TextEncoding> {
  const start = await head(file, 3);
  if (start[0] === UTF8_BOM[0] && start[1] === UTF8_BOM[1] && start[2] === UTF8_BOM[2])
    return { label: "utf-8", bom: 3 };
  if (start[0] === 0xff && start[1] === 0xfe) return { label: "utf-16le", bom: 2 };
  if (start[0] === 0xfe && start[1] === 0xff) return { label: "utf-16be", bom: 2 };
  const check = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }))
      check.decode(chunk as Buffer, { stream: true });
    check.decode();
    return { label: "utf-8", bom: 0 };
  } catch {
    return { label: "gb18030", bom: 0 };
  }
}

/** Bytes read at a time: a chunk's rows (a few hundred) are parsed, and scored, before the next is read. */
const READ_CHUNK_BYTES = 1 << 16;

/**
 * V8 gives a slice of 13 characters or more as a view into the text it was
 * cut from: one such field kept (a tracking number remembered for the whole
 * file) would keep its whole 64 KB chunk of text alive.
 */
const SHARED_SLICE_LENGTH = 13;

/** The same text in a string of its own (flattening a two-part string copies it). */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** One row of a csv or tsv file, numbered as a sheet row (1-based; a quoted line break does not start a row). */
export interface DelimitedRow {
  rowNumber: number;
  values: CellValue[];
}

export interface ReadDelimitedOptions extends ParseDelimitedOptions {
  /** The file's encoding, when already known (textEncodingOf); found otherwise. */
  encoding?: TextEncoding | undefined;
  /** Bytes read at a time (64 KB; tests cut files into tiny chunks). */
  chunkBytes?: number | undefined;
}

/**
 * The rows of a csv or tsv file as a stream, a chunk of rows at a time, in
 * flat memory: read 64 KB at a time, decoded as decodeText would decode the
 * whole file (a character whose bytes fall in two chunks is decoded whole),
 * split as parseDelimited would split it (a quoted field may run over many
 * chunks), empty fields `null`. Every row is given, however many (there is no
 * sheet's last row here). Between chunks the event loop turns, so a signal
 * or a closed pipe is acted on while a long file is read.
 *
 * This is the seam for `guard audit` of a csv: a writer that takes rows one
 * at a time consumes `readDelimitedRows` (or these chunks) directly.
 */
export async function* readDelimitedChunks(
  file: string,
  options: ReadDelimitedOptions = {},
): AsyncGenerator<DelimitedRow[]> {
  const encoding = options.encoding ?? (await textEncodingOf(file));
  const decoder = new TextDecoder(encoding.label);
  const parser = new CsvParser(
    options.delimiter === undefined ? { strict: false } : { delimiter: options.delimiter, strict: false },
  );
  const signalAt = signalAfterRows();
  let rowNumber = 0;
  const toRows = (rows: string[][]): DelimitedRow[] => {
    const out = new Array<DelimitedRow>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as string[];
      const values: CellValue[] = new Array<CellValue>(row.length);
      for (let c = 0; c < row.length; c++) {
        const v = row[c] as string;
        values[c] = v === "" ? null : v.length < SHARED_SLICE_LENGTH ? v : ownCopy(v);
      }
      out[i] = { rowNumber: ++rowNumber, values };
    }
    if (signalAt !== undefined && rowNumber >= signalAt && rowNumber - rows.length < signalAt)
      testPoint(`rows:${signalAt}`);
    return out;
  };
  const stream = createReadStream(file, {
    start: encoding.bom,
    highWaterMark: options.chunkBytes ?? READ_CHUNK_BYTES,
  });
  for await (const chunk of stream) {
    const rows = parser.push(decoder.decode(chunk as Buffer, { stream: true }));
    if (rows.length > 0) yield toRows(rows);
  }
  const last = parser.push(decoder.decode());
  for (const row of parser.end()) last.push(row);
  if (last.length > 0) yield toRows(last);
}

/** The rows of a csv or tsv file one at a time (see readDelimitedChunks). */
export async function* readDelimitedRows(
  file: string,
  options: ReadDelimitedOptions = {},
): AsyncGenerator<DelimitedRow> {
  for await (const rows of readDelimitedChunks(file, options)) yield* rows;
}

/**
 * Splits delimited text into rows of cells, leniently (a ledger with one
 * stray quote is still read); an empty field is `null`, like an empty cell.
 */
export function parseDelimited(text: string, options: ParseDelimitedOptions = {}): CellValue[][] {
  const rows = parseCsv(text, { ...options, strict: false });
  return rows.map((row) => row.map((v) => (v === "" ? null : v)));
}
