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
  const parser = new CsvParser(options);
  const rows = parser.push(text);
  for (const row of parser.end()) rows.push(row);
  return rows;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Where the parser is: in an unquoted field (or between fields), in a quoted one, just past a quote in one, past its closing quote, or in text after it. */
const enum At {
  Unquoted,
  Quoted,
  QuoteInQuoted,
  Closed,
  AfterClosed,
}

/**
 * The csv reader of `parseCsv`, fed text piece by piece (a file read in
 * chunks): `push` returns the rows completed so far, `end` the rest. A quote,
 * a CR or a line break that falls at the end of a piece is settled by the
 * next, so the rows are the same however the text is cut. The delimiter, when
 * not given, is sniffed from the first five lines (held until they are in).
 */
export class CsvParser {
  private delimiter: number;
  private readonly strict: boolean;
  private started = false;
  /** Text held until five lines are in to sniff the delimiter from. */
  private held = "";
  private heldLines = 0;
  private heldInQuotes = false;
  private at = At.Unquoted;
  private field = "";
  private row: string[] = [];
  private rows: string[][] = [];
  /** The last piece ended with the CR that ended a row: a LF starting the next belongs to it. */
  private afterCR = false;
  /** Inside a quoted field the last character was a CR (a LF after it is the same line break). */
  private quotedCR = false;
  private line = 1;
  private quoteLine = 1;

  constructor(options: ParseCsvOptions = {}) {
    this.delimiter = options.delimiter === undefined ? -1 : options.delimiter.charCodeAt(0);
    this.strict = options.strict ?? true;
  }

  /** Reads the next piece of text; returns the rows it completed. */
  push(piece: string): string[][] {
    let text = piece;
    if (!this.started) {
      if (text === "") return [];
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.delimiter < 0) {
      this.hold(text);
      if (this.heldLines < 5) return [];
      text = this.release();
    }
    this.scan(text);
    return this.take();
  }

  /** Ends the text; returns the last rows. */
  end(): string[][] {
    if (this.delimiter < 0) this.scan(this.release());
    switch (this.at) {
      case At.Quoted:
        if (this.strict) throw new CsvError("a quoted field is never closed", this.quoteLine);
        // Lenient: the rest of the text is the field, less a final line break.
        this.field = this.field.replace(/(?:\r\n|\n|\r)$/, "");
        this.endRow();
        break;
      case At.QuoteInQuoted:
      case At.Closed:
      case At.AfterClosed:
        this.endRow();
        break;
      case At.Unquoted:
        if (this.field !== "" || this.row.length > 0) this.endRow();
    }
    this.at = At.Unquoted;
    return this.take();
  }

  private take(): string[][] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  /** Keeps text and counts its lines as sniffDelimiter does, until there are five. */
  private hold(text: string): void {
    this.held += text;
    let inQuotes = this.heldInQuotes;
    for (let i = 0; i < text.length && this.heldLines < 5; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) inQuotes = !inQuotes;
      else if (c === LF && !inQuotes) this.heldLines++;
    }
    this.heldInQuotes = inQuotes;
  }

  private release(): string {
    const text = this.held;
    this.delimiter = sniffDelimiter(text).charCodeAt(0);
    this.held = "";
    return text;
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = "";
  }

  private endRow(): void {
    this.endField();
    this.rows.push(this.row);
    this.row = [];
  }

  /** Counts the line breaks of a quoted field's text (for the line numbers of strict errors). */
  private countLines(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) {
        if (!this.quotedCR) this.line++;
        this.quotedCR = false;
      } else if (c === CR) {
        this.line++;
        this.quotedCR = true;
      } else this.quotedCR = false;
    }
  }

  private scan(text: string): void {
    const n = text.length;
    const d = this.delimiter;
    let i = 0;
    if (this.afterCR && n > 0) {
      this.afterCR = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      switch (this.at) {
        case At.Unquoted: {
          if (this.field === "" && text.charCodeAt(i) === QUOTE) {
            this.at = At.Quoted;
            this.quoteLine = this.line;
            this.quotedCR = false;
            i++;
            break;
          }
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === d || c === CR || c === LF) break;
            j++;
          }
          if (j > i) this.field += text.slice(i, j);
          if (j === n) {
            i = n;
            break;
          }
          const c = text.charCodeAt(j);
          if (c === d) {
            this.endField();
            i = j + 1;
            break;
          }
          this.endRow();
          this.line++;
          i = j + 1;
          if (c === CR) {
            if (i === n) this.afterCR = true;
            else if (text.charCodeAt(i) === LF) i++;
          }
          break;
        }
        case At.Quoted: {
          const j = text.indexOf('"', i);
          const to = j < 0 ? n : j;
          this.field += text.slice(i, to);
          if (this.strict) this.countLines(text, i, to);
          if (j < 0) {
            i = n;
            break;
          }
          this.quotedCR = false;
          i = j + 1;
          if (i === n) this.at = At.QuoteInQuoted;
          else if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
          } else this.at = At.Closed;
          break;
        }
        case At.QuoteInQuoted:
          // The quote ended the last piece: a second one is a quote in the text, anything else closes the field.
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            this.at = At.Quoted;
            i++;
          } else this.at = At.Closed;
          break;
        case At.Closed: {
          const c = text.charCodeAt(i);
          if (c === d || c === CR || c === LF) {
            this.at = At.Unquoted;
            break;
          }
          if (this.strict)
            throw new CsvError(`unexpected "${text[i] ?? ""}" after a closing quote`, this.line);
          // Lenient: text between the closing quote and the delimiter stays in the field.
          this.at = At.AfterClosed;
          break;
        }
        case At.AfterClosed: {
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === d || c === CR || c === LF) break;
            j++;
          }
          this.field += text.slice(i, j);
          i = j;
          if (j < n) this.at = At.Unquoted;
          break;
        }
      }
    }
  }
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
