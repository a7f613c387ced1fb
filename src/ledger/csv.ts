/**
 * Delimited text (csv, tsv), RFC 4180: fields in double quotes may hold the
 * delimiter, line breaks and doubled quotes; lines end in CRLF, LF or CR; a
 * UTF-8 byte-order mark is skipped. One reader for the command line (ledgers,
 * blacklists, settings) and the task pane (blacklist import), one writer.
 */

export type Delimiter = "," | "\t" | ";";

/** A malformed csv, with the line it was found on. */
export class CsvError extends Error {
  readonly code = "invalid_csv";
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "CsvError";
  }
}

export interface ParseCsvOptions {
  /** Field separator; sniffed from the first lines when left out. */
  delimiter?: Delimiter;
  /**
   * Strict (the default) throws `CsvError` on an unterminated quoted field or
   * text after a closing quote. Lenient keeps what is there: the rest of the
   * file as the open field, the stray text as part of the field.
   */
  strict?: boolean;
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

/** Parses delimited text into rows of fields (empty fields are ""). */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? sniffDelimiter(src);
  const strict = options.strict ?? true;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let line = 1;
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = "";
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && field === "") {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= src.length) {
          if (strict) throw new CsvError("a quoted field is never closed", startLine);
          // Lenient: the rest of the file is the field, less a final line break.
          field = field.replace(/(?:\r\n|\n|\r)$/, "");
          endRow();
          return rows;
        }
        const q = src[i];
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\n" || (q === "\r" && src[i + 1] !== "\n")) line++;
        field += q;
        i++;
      }
      let next = src[i];
      if (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n") {
        if (strict) throw new CsvError(`unexpected "${next}" after a closing quote`, line);
        // Lenient: text between the closing quote and the delimiter stays in the field.
        while (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n") {
          field += next;
          next = src[++i];
        }
      }
      if (next === undefined) {
        endRow();
        return rows;
      }
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

function quoteField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads Chinese text correctly (default true). */
  bom?: boolean;
}

/** Writes rows as CSV with CRLF line ends, quoting only the fields that need it. */
export function writeCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const body = rows.map((r) => r.map(quoteField).join(",")).join("\r\n");
  return (options.bom === false ? "" : "\uFEFF") + body + (rows.length > 0 ? "\r\n" : "");
}
