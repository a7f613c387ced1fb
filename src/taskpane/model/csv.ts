/**
 * A small RFC 4180 reader and writer: quoted fields with doubled quotes,
 * commas and line breaks inside quotes, CRLF, LF or CR line ends, and a
 * UTF-8 byte-order mark (Excel writes one and needs one to read Chinese).
 */

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

/** Parses CSV text into rows of fields. Throws `CsvError` on an unterminated or malformed quoted field. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
        if (i >= src.length) throw new CsvError("a quoted field is never closed", startLine);
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
      const next = src[i];
      if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
        throw new CsvError(`unexpected "${next}" after a closing quote`, line);
      }
      // An empty quoted field must still count as a field: mark it by falling through.
      if (next === undefined) {
        endRow();
        return rows;
      }
      continue;
    }
    if (ch === ",") {
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
