import type { CellValue } from "../../rules/types";

/**
 * Delimited text (csv, tsv) as a grid of cells, following RFC 4180: fields in
 * double quotes may hold the delimiter, line breaks and doubled quotes; lines
 * end in CRLF, LF or CR. Cells stay text (a tracking number or a USCC must not
 * turn into a number); an empty field is `null`, like an empty Excel cell.
 */

export type Delimiter = "," | "\t" | ";";

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

/** The separator used by the first lines of `text`: the candidate seen most often outside quotes (comma on a tie). */
export function sniffDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, "\t": 0, ";": 0 };
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 5; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "," || ch === "\t" || ch === ";")) counts[ch]++;
    else if (!inQuotes && ch === "\n") lines++;
  }
  if (counts["\t"] > counts[","] && counts["\t"] >= counts[";"]) return "\t";
  if (counts[";"] > counts[","]) return ";";
  return ",";
}

/** Splits delimited text into rows of cells (see the module comment for the rules). */
export function parseDelimited(text: string, options: ParseDelimitedOptions = {}): CellValue[][] {
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let i = 0;
  const n = text.length;
  // A final line break does not start another row.
  const end = text.endsWith("\r\n") ? n - 2 : text.endsWith("\n") || text.endsWith("\r") ? n - 1 : n;

  const pushField = (value: string): void => {
    row.push(value === "" ? null : value);
  };
  const endRow = (): void => {
    rows.push(row);
    row = [];
  };

  if (end <= 0) return rows;
  while (i <= end) {
    if (i === end) {
      // The line ended with a delimiter or is empty: one last (empty) field.
      pushField("");
      endRow();
      break;
    }
    if (text[i] === '"') {
      // Quoted field: runs to the next lone quote; "" stands for one quote.
      let value = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1 || q >= n) {
          // Unterminated quote: take the rest of the text as the field.
          value += text.slice(j, end);
          j = end;
          break;
        }
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Lenient: characters between the closing quote and the delimiter are kept.
      let k = j;
      while (k < end && text[k] !== delimiter && text[k] !== "\n" && text[k] !== "\r") k++;
      value += text.slice(j, k);
      pushField(value);
      i = k;
    } else {
      let k = i;
      while (k < end && text[k] !== delimiter && text[k] !== "\n" && text[k] !== "\r") k++;
      pushField(text.slice(i, k));
      i = k;
    }
    if (i >= end) {
      endRow();
      break;
    }
    const sep = text[i];
    if (sep === delimiter) {
      i++;
      continue;
    }
    // Line break: CRLF, LF or CR.
    i += sep === "\r" && text[i + 1] === "\n" ? 2 : 1;
    endRow();
    if (i > end) break;
  }
  return rows;
}
