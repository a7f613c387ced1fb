import type { CellValue } from "../../rules/types";
import { parseCsv, type Delimiter } from "../../ledger/csv";

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

/**
 * Splits delimited text into rows of cells, leniently (a ledger with one
 * stray quote is still read); an empty field is `null`, like an empty cell.
 */
export function parseDelimited(text: string, options: ParseDelimitedOptions = {}): CellValue[][] {
  const rows = parseCsv(text, { ...options, strict: false });
  return rows.map((row) => row.map((v) => (v === "" ? null : v)));
}
