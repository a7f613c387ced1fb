import { isAscii } from "node:buffer";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { columnName, MAX_COLUMNS, MAX_ROWS } from "./cells";
import type { SharedStrings } from "./shared-strings";
import {
  isAsciiText,
  qualified,
  rootPrefix,
  stringItemText,
  tagEnd,
  unescapeExcelText,
  unescapeXml,
} from "./xml";

/**
 * A worksheet's XML read as a stream of rows, by string search: each row's
 * values (shared strings resolved, inline and rich text joined, formulas as
 * their cached result, numbers in date formats as dates, errors as their
 * text) and, for the audit, the row's XML exactly as written, with the text
 * before the rows (`head`) and after them (`tail`). Text is decoded with a
 * StringDecoder, so a character split between two inflated chunks is whole;
 * an ASCII chunk is read as it is, and its rows keep their bytes too.
 */

export type XlsxValue = string | number | boolean | Date | null;

export interface XlsxRow {
  /** 1-based row number. */
  rowNumber: number;
  /** Index c is column c + 1; holes are null. */
  values: XlsxValue[];
  /** The greatest column holding a cell element (with or without a value). */
  lastColumn: number;
  /** The row's XML as written (`<row ...>...</row>` or `<row .../>`), when kept. */
  xml?: string | undefined;
  /**
   * The same XML as the bytes read (a view of the inflated sheet), when kept
   * and when it is ASCII (as a sheet of shared strings is): written back as
   * it was, with no decoding and encoding again.
   */
  bytes?: Uint8Array | undefined;
  /** Text between the previous row and this one (whitespace, as written). */
  lead?: string | undefined;
}

export type SheetPiece =
  | { kind: "head"; xml: string; prefix: string }
  | { kind: "row"; row: XlsxRow }
  | { kind: "tail"; xml: string };

export interface SheetContext {
  sharedStrings: SharedStrings;
  /** By style index: the cell format shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** Keep each row's XML (for writing the sheet back). */
  keepXml: boolean;
  /** Named in errors. */
  where: string;
  /**
   * The columns whose values are wanted, told by the reader once it knows (for
   * example when the header row has been mapped); until then, and when unset,
   * every value is read. A cell of another column is still located (its column
   * counts for `lastColumn`), but its value is read only when it is the row's
   * first cell with a value (so a blank row, a title or a total line still tell
   * themselves apart); the others are left null.
   */
  columns?: WantedColumns | undefined;
}

/**
 * The columns whose values a sheet's reader is to read (see SheetContext), told
 * once and filled in place: the object and its fields never change after it is
 * made, only the bytes of its array. (A field set again after the rows began made
 * V8 throw away the row reader's optimized code and compile it once more.)
 */
export class WantedColumns {
  /**
   * Index c for column c + 1 (1: wanted); every column until told (so the reader runs the
   * same code before and after), and the slot after the last column 1 once told.
   */
  readonly bits = new Uint8Array(MAX_COLUMNS + 1).fill(1, 0, MAX_COLUMNS);

  /** Whether the columns have been told yet. */
  get known(): boolean {
    return this.bits[MAX_COLUMNS] === 1;
  }

  /** Tells the columns (0-based indexes) whose values are wanted; the others are then left unread. */
  want(indexes: Iterable<number>): void {
    this.bits.fill(0, 0, MAX_COLUMNS);
    for (const i of indexes) if (i >= 0 && i < MAX_COLUMNS) this.bits[i] = 1;
    this.bits[MAX_COLUMNS] = 1;
  }
}

export class SheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SheetError";
  }
}

const MS_PER_DAY = 86400000;
/** 1899-12-30 and 1904-01-01 as ms since 1970 (Excel's day 0 in each date system). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A date serial as a Date (UTC), in the workbook's date system. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((date1904 ? EPOCH_1904 : EPOCH_1900) + serial * MS_PER_DAY));
}

function isSpaceOrEnd(c: number): boolean {
  return c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Scans a worksheet pushed to it in text pieces. */
export class SheetScanner {
  private buf = "";
  private phase: "start" | "rows" | "tail" = "start";
  private prefix = "";
  private rowOpen = "<row";
  private rowClose = "</row>";
  private sheetDataClose = "</sheetData>";
  private cOpen = "<c";
  private cClose = "</c>";
  private vOpen = "<v";
  private vClose = "</v>";
  private isOpen = "<is";
  private isClose = "</is>";
  private lastRow = 0;
  private tail = "";
  /** With keepXml: the UTF-8 bytes of `buf` exactly, while `buf` is ASCII (undefined otherwise). */
  private bytes: Buffer | undefined;

  constructor(private readonly ctx: SheetContext) {}

  /**
   * Takes the next text; returns what it completes. `bytes`, when given, are
   * the bytes `text` was read from, all ASCII (so a character is a byte).
   */
  push(text: string, out: SheetPiece[], bytes?: Buffer): void {
    if (this.phase !== "rows" || this.buf.length === 0 || text.length < 2 * JOIN_CHARS) {
      this.take(text, out, bytes);
      return;
    }
    // What is left of the last text is the start of a row: it is finished with the start of
    // this text, then the rest is read where it stands (joining the two whole would copy it).
    this.take(text.slice(0, JOIN_CHARS), out, bytes?.subarray(0, JOIN_CHARS));
    if (this.rowsEnded) {
      this.tail += text.slice(JOIN_CHARS);
      return;
    }
    if (this.buf.length > JOIN_CHARS) {
      // A row longer than the start taken: join the rest to it.
      this.take(text.slice(JOIN_CHARS), out, bytes?.subarray(JOIN_CHARS));
      return;
    }
    const from = JOIN_CHARS - this.buf.length;
    this.buf = "";
    this.bytes = undefined;
    this.take(text.slice(from), out, bytes?.subarray(from));
  }

  /** Whether the rows have ended (what follows is the tail). */
  private get rowsEnded(): boolean {
    return this.phase === "tail";
  }

  private take(text: string, out: SheetPiece[], bytes: Buffer | undefined): void {
    if (this.ctx.keepXml) this.keepBytes(bytes);
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    if (this.phase === "start") this.start(out, false);
    if (this.phase === "rows") this.rows(out);
    if (this.phase === "tail") {
      this.tail += this.buf;
      this.buf = "";
    }
  }

  /** Keeps `bytes` in step with `buf` (before `text` joins it) while both are ASCII. */
  private keepBytes(bytes: Buffer | undefined): void {
    if (bytes === undefined) {
      this.bytes = undefined;
      return;
    }
    if (this.buf.length === 0) {
      this.bytes = bytes;
      return;
    }
    // What is left of the last text (part of a row): its bytes, or made again when it is ASCII.
    const rest = this.bytes ?? (isAsciiText(this.buf) ? Buffer.from(this.buf, "latin1") : undefined);
    this.bytes = rest === undefined ? undefined : Buffer.concat([rest, bytes]);
  }

  end(out: SheetPiece[]): void {
    if (this.phase === "start") this.start(out, true);
    if (this.phase === "rows") {
      this.rows(out);
      if (this.phase === "rows")
        throw new SheetError(`${this.ctx.where}: the sheet's XML ends inside its rows (damaged)`);
    }
    this.tail += this.buf;
    this.buf = "";
    out.push({ kind: "tail", xml: this.tail });
  }

  private start(out: SheetPiece[], final: boolean): void {
    const m = /<(?:([A-Za-z_][\w.-]*):)?sheetData(?=[\s>/])/.exec(this.buf);
    if (!m) {
      if (final) throw new SheetError(`${this.ctx.where}: the sheet has no sheetData element`);
      return;
    }
    this.prefix = m[1] ?? rootPrefix(this.buf, "worksheet");
    const q = (s: string): string => qualified(this.prefix, s);
    this.rowOpen = `<${q("row")}`;
    this.rowClose = `</${q("row")}>`;
    this.sheetDataClose = `</${q("sheetData")}>`;
    this.cOpen = `<${q("c")}`;
    this.cClose = `</${q("c")}>`;
    this.vOpen = `<${q("v")}`;
    this.vClose = `</${q("v")}>`;
    this.isOpen = `<${q("is")}`;
    this.isClose = `</${q("is")}>`;
    const end = tagEnd(this.buf, m.index);
    if (end < 0) return;
    if (this.buf.charCodeAt(end - 2) === 0x2f) {
      // <sheetData/>: no rows; hand it on as an open and a close tag.
      out.push({
        kind: "head",
        xml: `${this.buf.slice(0, m.index)}<${q("sheetData")}>`,
        prefix: this.prefix,
      });
      this.tail = this.sheetDataClose;
      this.buf = this.buf.slice(end);
      this.bytes = undefined;
      this.phase = "tail";
      return;
    }
    out.push({ kind: "head", xml: this.buf.slice(0, end), prefix: this.prefix });
    this.buf = this.buf.slice(end);
    this.bytes = this.bytes?.subarray(end);
    this.phase = "rows";
  }

  private rows(out: SheetPiece[]): void {
    const buf = this.buf;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) break;
      if (
        lt + this.rowOpen.length < buf.length &&
        buf.startsWith(this.rowOpen, lt) &&
        isSpaceOrEnd(buf.charCodeAt(lt + this.rowOpen.length))
      ) {
        const openEnd = tagEnd(buf, lt);
        if (openEnd < 0) break;
        const row = this.row(buf, lt, openEnd, pos);
        if (row === undefined) break; // the row goes on in the next chunk
        out.push({ kind: "row", row });
        pos = this.rowEnd;
        continue;
      }
      if (buf.startsWith(this.sheetDataClose, lt)) {
        this.tail = buf.slice(pos);
        this.buf = "";
        this.bytes = undefined;
        this.phase = "tail";
        return;
      }
      if (lt + this.sheetDataClose.length > buf.length) break; // may be a close tag cut short
      throw new SheetError(
        `${this.ctx.where}: unexpected XML inside the sheet's rows near "${buf.slice(lt, lt + 40)}"`,
      );
    }
    this.buf = buf.slice(pos);
    this.bytes = this.bytes?.subarray(pos);
  }

  /** Where the last row read ends (after its close tag). */
  private rowEnd = 0;
  /** The greatest column holding a cell in the last row read. */
  private rowLast = 0;

  /** Reads the row starting at `start`; undefined when it does not end within `buf` yet. */
  private row(buf: string, start: number, openEnd: number, leadStart: number): XlsxRow | undefined {
    const rowNumber = rowNumberOf(buf, start + this.rowOpen.length, openEnd, this.lastRow + 1);
    const values: XlsxValue[] = [];
    let end = openEnd;
    this.rowLast = 0;
    if (buf.charCodeAt(openEnd - 2) !== 0x2f) {
      end = this.cells(buf, openEnd, rowNumber, values);
      if (end < 0) return undefined;
    }
    if (rowNumber > MAX_ROWS || rowNumber < 1)
      throw new SheetError(
        `${this.ctx.where}: row ${rowNumber.toLocaleString("en-US")} is past Excel's last row (1,048,576): the sheet is damaged or not written by a spreadsheet`,
      );
    if (rowNumber <= this.lastRow)
      throw new SheetError(
        `${this.ctx.where}: row ${rowNumber} comes after row ${this.lastRow} (rows out of order)`,
      );
    this.lastRow = rowNumber;
    this.rowEnd = end;
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    // Every row made with every field (one shape for V8, whether its XML is kept or not).
    const row: XlsxRow = {
      rowNumber,
      values,
      lastColumn: this.rowLast,
      xml: undefined,
      lead: undefined,
      bytes: undefined,
    };
    if (this.ctx.keepXml) {
      row.xml = buf.slice(start, end);
      row.lead = start === leadStart ? "" : buf.slice(leadStart, start);
      if (this.bytes !== undefined) row.bytes = this.bytes.subarray(start, end);
    }
    return row;
  }

  /**
   * Reads the cells of the row whose start tag ends at `from` into `values`, and
   * the greatest column holding a cell into `rowLast`; returns where the row
   * ends (after its close tag), or -1 when it does not end within `buf` yet.
   */
  private cells(buf: string, from: number, rowNumber: number, values: XlsxValue[]): number {
    const to = buf.length;
    let pos = from;
    let col = 0;
    let last = 0;
    const cOpen = this.cOpen;
    const cLen = cOpen.length;
    // No namespace prefix (as nearly every writer): "<c" told by its second character.
    const plain = cLen === 2;
    const wanted = this.ctx.columns?.bits;
    // Whether a value has been read yet in this row (until then every cell's value is read).
    let filled = wanted === undefined;
    // Characters are read only below `to` (a read past a string's end costs V8 its fast code).
    for (;;) {
      const at = buf.indexOf("<", pos);
      if (at < 0) return -1;
      const isCell =
        at + cLen < to &&
        (plain ? buf.charCodeAt(at + 1) === 0x63 : buf.startsWith(cOpen, at)) &&
        isSpaceOrEnd(buf.charCodeAt(at + cLen));
      if (!isCell) {
        // Not a cell: the row's end, or what may follow its cells (extLst), read past to the row's end.
        this.rowLast = last;
        if (at + this.rowClose.length > to) return -1;
        const close = buf.startsWith(this.rowClose, at) ? at : buf.indexOf(this.rowClose, at);
        return close < 0 ? -1 : close + this.rowClose.length;
      }
      // Attributes r, t, s (the only ones read), read in one pass: name="value" or name='value'.
      let refCol = 0;
      let typeAt = -1;
      let typeEnd = -1;
      let style = 0;
      let selfClosing = false;
      let tagClose = -1;
      let i = at + cLen;
      let c = buf.charCodeAt(i);
      for (;;) {
        while (c >= 0 && c <= 0x20) c = ++i < to ? buf.charCodeAt(i) : -1;
        if (c < 0) return -1; // the tag goes on in the next chunk
        if (c === 0x3e) {
          tagClose = i + 1;
          break;
        }
        if (c === 0x2f) {
          selfClosing = true;
          tagClose = buf.indexOf(">", i) + 1;
          break;
        }
        const nameStart = i;
        while (c > 0x20 && c !== 0x3d && c !== 0x3e && c !== 0x2f) c = ++i < to ? buf.charCodeAt(i) : -1;
        const nameLen = i - nameStart;
        while (c >= 0 && c <= 0x20) c = ++i < to ? buf.charCodeAt(i) : -1;
        if (c !== 0x3d) break; // not name=value: damaged (or cut short)
        c = ++i < to ? buf.charCodeAt(i) : -1;
        while (c >= 0 && c <= 0x20) c = ++i < to ? buf.charCodeAt(i) : -1;
        if (c !== 0x22 && c !== 0x27) break;
        const vEnd = buf.indexOf(c === 0x27 ? "'" : '"', i + 1);
        if (vEnd < 0) return -1;
        if (nameLen === 1) {
          const n = buf.charCodeAt(nameStart);
          if (n === 0x72) refCol = columnAt(buf, i + 1, vEnd);
          else if (n === 0x74) {
            typeAt = i + 1;
            typeEnd = vEnd;
          } else if (n === 0x73) style = digitsAt(buf, i + 1, vEnd);
        }
        i = vEnd + 1;
        c = i < to ? buf.charCodeAt(i) : -1;
      }
      if (tagClose <= 0) {
        // Not name="value" pairs: take the tag's end as written, with what was read of it.
        tagClose = tagEnd(buf, at);
        selfClosing = tagClose > 0 && buf.charCodeAt(tagClose - 2) === 0x2f;
      }
      if (tagClose <= 0) return -1;
      col = refCol === 0 ? col + 1 : refCol;
      if (col > MAX_COLUMNS)
        throw new SheetError(
          `${this.ctx.where}: a cell in row ${rowNumber} is past Excel's last column (XFD, column 16,384): the sheet is damaged or not written by a spreadsheet`,
        );
      if (col > last) last = col;
      if (selfClosing) {
        pos = tagClose;
        continue;
      }
      const cellEnd = buf.indexOf(this.cClose, tagClose);
      if (cellEnd < 0) return -1;
      pos = cellEnd + this.cClose.length;
      if (!filled && wanted![col - 1] !== 1) {
        // Not a wanted column: read only while the row has no value yet.
        const v = this.value(buf, tagClose, cellEnd, typeOf(buf, typeAt, typeEnd), style, rowNumber, col);
        if (!isBlankValue(v)) {
          values[col - 1] = v;
          filled = true;
        }
        continue;
      }
      if (filled && wanted !== undefined && wanted[col - 1] !== 1) continue;
      const v = this.value(buf, tagClose, cellEnd, typeOf(buf, typeAt, typeEnd), style, rowNumber, col);
      values[col - 1] = v;
      if (!filled && !isBlankValue(v)) filled = true;
    }
  }

  private value(
    buf: string,
    from: number,
    to: number,
    type: string | undefined,
    style: number,
    rowNumber: number,
    col: number,
  ): XlsxValue {
    if (type === "inlineStr") {
      const is = buf.indexOf(this.isOpen, from);
      if (is < 0 || is >= to) return null;
      const isEnd = buf.indexOf(this.isClose, is);
      return ownString(stringItemText(buf.slice(is, isEnd < 0 ? to : isEnd), this.prefix));
    }
    let vStart: number;
    if (this.vOpen.length === 2 && buf.charCodeAt(from + 2) === 0x3e && buf.startsWith("<v", from)) {
      // The value first in the cell, as written by nearly every writer: `<v>`.
      vStart = from + 3;
    } else {
      let v = buf.indexOf(this.vOpen, from);
      // <v> may follow <f>: skip a formula whose text holds "<v" only as escaped text (it cannot).
      while (v >= 0 && v < to && !isSpaceOrEnd(buf.charCodeAt(v + this.vOpen.length)))
        v = buf.indexOf(this.vOpen, v + 1);
      if (v < 0 || v >= to) return null;
      vStart = tagEnd(buf, v);
      if (buf.charCodeAt(vStart - 2) === 0x2f) return null;
    }
    let vEnd = buf.indexOf(this.vClose, vStart);
    if (vEnd < 0 || vEnd > to) vEnd = to;
    // The usual values read where they stand, without cutting a string: an index, a plain number.
    if (type === "s") {
      const n = plainDigits(buf, vStart, vEnd);
      if (n >= 0) return this.sharedString(n, buf, vStart, vEnd, rowNumber, col);
    } else if (type === undefined || type === "n") {
      const n = plainDecimal(buf, vStart, vEnd);
      if (n === n) return this.ctx.dateStyles[style] === true ? serialToDate(n, this.ctx.date1904) : n;
    }
    const raw = buf.slice(vStart, vEnd);
    switch (type) {
      case "s":
        return this.sharedString(digitsOr(raw), buf, vStart, vEnd, rowNumber, col);
      case "str":
        return ownString(unescapeExcelText(unescapeXml(raw)));
      case "b":
        return raw === "1" || raw === "true";
      case "e":
        return unescapeXml(raw);
      case "d": {
        const d = new Date(unescapeXml(raw));
        return Number.isNaN(d.getTime()) ? unescapeXml(raw) : d;
      }
      default: {
        const n = Number(raw);
        if (raw === "" || !Number.isFinite(n)) return raw === "" ? null : unescapeXml(raw);
        return this.ctx.dateStyles[style] === true ? serialToDate(n, this.ctx.date1904) : n;
      }
    }
  }

  /** Shared string `index` (written between `from` and `to`) of the cell at `col`, `rowNumber`. */
  private sharedString(
    index: number,
    buf: string,
    from: number,
    to: number,
    rowNumber: number,
    col: number,
  ): string {
    const s = this.ctx.sharedStrings.text(index);
    if (s !== undefined) return s;
    const raw = buf.slice(from, to);
    // Never a blank read in silence: the workbook names a text its table does not hold.
    throw new SheetError(
      `${this.ctx.where}: cell ${columnName(col)}${rowNumber} refers to shared string ${raw.trim() || '""'}, but the workbook's shared strings table holds ${this.ctx.sharedStrings.count.toLocaleString("en-US")} (the workbook is damaged)`,
    );
  }

  /** The last row number seen. */
  get lastRowNumber(): number {
    return this.lastRow;
  }
}

/**
 * A copy of a text that does not keep the chunk it was cut from alive (V8
 * keeps the whole parent of a slice): a value kept past its row, such as an
 * order id counted in the Summary, must not hold 256 KB of sheet XML.
 */
function ownString(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** How much of a text finishes the row the last one cut (see SheetScanner.push). */
const JOIN_CHARS = 4096;

/** The cell types by their text (t="..."); any other text reads as a number cell. */
const TYPES: ReadonlyMap<string, string> = new Map(
  ["s", "str", "inlineStr", "b", "e", "d", "n"].map((t) => [t, t]),
);

/** The t attribute's text between `from` and `to` (undefined when absent), without cutting a new string for the usual ones. */
function typeOf(buf: string, from: number, to: number): string | undefined {
  if (from < 0) return undefined;
  if (to - from === 1) {
    const c = buf.charCodeAt(from);
    if (c === 0x73) return "s";
    if (c === 0x6e) return "n";
    if (c === 0x62) return "b";
    if (c === 0x65) return "e";
    if (c === 0x64) return "d";
  }
  const t = buf.slice(from, to);
  return TYPES.get(t) ?? t;
}

/** The number that 1 to 15 decimal digits between `from` and `to` write; -1 for anything else. */
function plainDigits(buf: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The number a plain decimal between `from` and `to` writes (an optional
 * minus, 1 to 15 digits in all, an optional point): read here exactly as
 * Number reads it (a whole number below 2^53 over a power of ten is one
 * correctly rounded division). NaN for anything else (Number reads it then).
 */
function plainDecimal(buf: string, from: number, to: number): number {
  let i = from;
  const negative = i < to && buf.charCodeAt(i) === 0x2d;
  if (negative) i++;
  if (to - i > 16 || to <= i) return Number.NaN;
  let n = 0;
  let digits = 0;
  let point = -1;
  for (; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c === 0x2e && point < 0) {
      point = i;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
    digits++;
  }
  if (digits === 0 || digits > 15 || point === to - 1) return Number.NaN;
  if (point >= 0) n /= POWERS_OF_TEN[to - 1 - point]!;
  return negative ? -n : n;
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A whole number written between `from` and `to` (a style index): 0 when none is. */
function digitsAt(buf: string, from: number, to: number): number {
  const n = plainDigits(buf, from, to);
  return n >= 0 ? n : Number(buf.slice(from, to)) || 0;
}

/** A shared string index: plain digits read directly, anything else as Number reads it (NaN finds no item). */
function digitsOr(raw: string): number {
  const n = plainDigits(raw, 0, raw.length);
  return n >= 0 ? n : Number(raw);
}

/** The row number of a row start tag (its r attribute), or `fallback` when it has none. */
function rowNumberOf(buf: string, from: number, to: number, fallback: number): number {
  let i = from;
  while (i < to) {
    const eq = buf.indexOf("=", i);
    if (eq < 0 || eq >= to) break;
    let nameStart = i;
    while (nameStart < eq && buf.charCodeAt(nameStart) <= 0x20) nameStart++;
    let nameEnd = eq;
    while (nameEnd > nameStart && buf.charCodeAt(nameEnd - 1) <= 0x20) nameEnd--;
    let q = eq + 1;
    while (q < to && buf.charCodeAt(q) <= 0x20) q++;
    const quote = buf.charCodeAt(q);
    if (quote !== 0x22 && quote !== 0x27) break;
    const vEnd = buf.indexOf(quote === 0x27 ? "'" : '"', q + 1);
    if (vEnd < 0 || vEnd >= to) break;
    if (nameEnd - nameStart === 1 && buf.charCodeAt(nameStart) === 0x72) {
      let from = q + 1;
      let to = vEnd;
      while (from < to && buf.charCodeAt(from) <= 0x20) from++;
      while (to > from && buf.charCodeAt(to - 1) <= 0x20) to--;
      const n = plainDigits(buf, from, to);
      return n >= 0 ? n : fallback;
    }
    i = vEnd + 1;
  }
  return fallback;
}

/** Whether a value read counts as no value (null, or text of spaces only). */
function isBlankValue(v: XlsxValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** The column of a cell reference between `from` and `to` ("AB12" -> 28); 0 when it has no letters. */
function columnAt(buf: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    if (n > MAX_COLUMNS * 26) break;
  }
  return n;
}

/**
 * Reads a worksheet stream into pieces (the head, each row, the tail), handed
 * over in batches: the pieces each inflated chunk completes. Pull with
 * `for await`: the stream is read only as fast as batches are taken.
 */
export async function* scanSheetBatches(stream: Readable, ctx: SheetContext): AsyncGenerator<SheetPiece[]> {
  const decoder = new StringDecoder("utf8");
  const scanner = new SheetScanner(ctx);
  // No text read yet: a byte order mark may come (it is not part of the text).
  let atStart = true;
  // Whether the decoder may hold the first bytes of a character cut at the last chunk's end.
  let pending = false;
  for await (const data of stream) {
    const chunk = data as Buffer;
    const out: SheetPiece[] = [];
    if (!pending && isAscii(chunk)) {
      // A character is a byte: the text is the bytes as they are (and they are kept, see XlsxRow.bytes).
      if (chunk.length > 0) atStart = false;
      scanner.push(chunk.toString("latin1"), out, chunk);
    } else {
      let text = decoder.write(chunk);
      if (atStart && text.length > 0) {
        atStart = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      pending = !isAscii(chunk);
      scanner.push(text, out);
    }
    if (out.length > 0) yield out;
  }
  const out: SheetPiece[] = [];
  scanner.push(decoder.end(), out);
  scanner.end(out);
  yield out;
}

/** The pieces of `scanSheetBatches` one by one. */
export async function* scanSheet(stream: Readable, ctx: SheetContext): AsyncGenerator<SheetPiece> {
  for await (const batch of scanSheetBatches(stream, ctx)) yield* batch;
}

export { columnName };
