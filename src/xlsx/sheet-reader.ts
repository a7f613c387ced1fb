import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { columnName, MAX_COLUMNS, MAX_ROWS } from "./cells";
import { qualified, rootPrefix, stringItemText, tagEnd, unescapeExcelText, unescapeXml } from "./xml";

/**
 * A worksheet's XML read as a stream of rows, by string search: each row's
 * values (shared strings resolved, inline and rich text joined, formulas as
 * their cached result, numbers in date formats as dates, errors as their
 * text) and, for the audit, the row's XML exactly as written, with the text
 * before the rows (`head`) and after them (`tail`). Text is decoded with a
 * StringDecoder, so a character split between two inflated chunks is whole.
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
  xml?: string;
  /** Text between the previous row and this one (whitespace, as written). */
  lead?: string;
}

export type SheetPiece =
  | { kind: "head"; xml: string; prefix: string }
  | { kind: "row"; row: XlsxRow }
  | { kind: "tail"; xml: string };

export interface SheetContext {
  sharedStrings: import("./shared-strings").SharedStrings;
  /** By style index: the cell format shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** Keep each row's XML (for writing the sheet back). */
  keepXml: boolean;
  /** Named in errors. */
  where: string;
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

  constructor(private readonly ctx: SheetContext) {}

  /** Takes the next text; returns what it completes. */
  push(text: string, out: SheetPiece[]): void {
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    if (this.phase === "start") this.start(out, false);
    if (this.phase === "rows") this.rows(out);
    if (this.phase === "tail") {
      this.tail += this.buf;
      this.buf = "";
    }
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
      this.phase = "tail";
      return;
    }
    out.push({ kind: "head", xml: this.buf.slice(0, end), prefix: this.prefix });
    this.buf = this.buf.slice(end);
    this.phase = "rows";
  }

  private rows(out: SheetPiece[]): void {
    const buf = this.buf;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) break;
      if (buf.startsWith(this.rowOpen, lt) && isSpaceOrEnd(buf.charCodeAt(lt + this.rowOpen.length))) {
        const openEnd = tagEnd(buf, lt);
        if (openEnd < 0) break;
        let end: number;
        if (buf.charCodeAt(openEnd - 2) === 0x2f) end = openEnd;
        else {
          const close = buf.indexOf(this.rowClose, openEnd);
          if (close < 0) break;
          end = close + this.rowClose.length;
        }
        out.push({ kind: "row", row: this.row(buf, lt, openEnd, end, pos) });
        pos = end;
        continue;
      }
      if (buf.startsWith(this.sheetDataClose, lt)) {
        this.tail = buf.slice(pos);
        this.buf = "";
        this.phase = "tail";
        return;
      }
      if (lt + this.sheetDataClose.length > buf.length) break; // may be a close tag cut short
      throw new SheetError(
        `${this.ctx.where}: unexpected XML inside the sheet's rows near "${buf.slice(lt, lt + 40)}"`,
      );
    }
    this.buf = buf.slice(pos);
  }

  private row(buf: string, start: number, openEnd: number, end: number, leadStart: number): XlsxRow {
    const open = buf.slice(start, openEnd);
    const rAttr = /\sr\s*=\s*["'](\d+)["']/.exec(open);
    const rowNumber = rAttr ? Number(rAttr[1]) : this.lastRow + 1;
    if (rowNumber > MAX_ROWS || rowNumber < 1)
      throw new SheetError(
        `${this.ctx.where}: row ${rowNumber.toLocaleString("en-US")} is past Excel's last row (1,048,576): the sheet is damaged or not written by a spreadsheet`,
      );
    if (rowNumber <= this.lastRow)
      throw new SheetError(
        `${this.ctx.where}: row ${rowNumber} comes after row ${this.lastRow} (rows out of order)`,
      );
    this.lastRow = rowNumber;
    const values: XlsxValue[] = [];
    let lastColumn = 0;
    if (end !== openEnd)
      this.cells(buf, openEnd, end - this.rowClose.length, rowNumber, values, (c) => (lastColumn = c));
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    const row: XlsxRow = { rowNumber, values, lastColumn };
    if (this.ctx.keepXml) {
      row.xml = buf.slice(start, end);
      row.lead = buf.slice(leadStart, start);
    }
    return row;
  }

  private cells(
    buf: string,
    from: number,
    to: number,
    rowNumber: number,
    values: XlsxValue[],
    last: (c: number) => void,
  ): void {
    let pos = from;
    let col = 0;
    const cOpen = this.cOpen;
    for (;;) {
      const at = buf.indexOf(cOpen, pos);
      if (at < 0 || at >= to) break;
      if (!isSpaceOrEnd(buf.charCodeAt(at + cOpen.length))) {
        pos = at + cOpen.length;
        continue;
      }
      const tagClose = tagEnd(buf, at);
      let ref: string | undefined;
      let type: string | undefined;
      let style = 0;
      // Attributes r, t, s (the only ones read), read in place: name="value" or name='value'.
      let i = at + cOpen.length;
      const attrsEnd = tagClose - 1;
      while (i < attrsEnd) {
        const eq = buf.indexOf("=", i);
        if (eq < 0 || eq >= attrsEnd) break;
        let nameStart = i;
        while (nameStart < eq && buf.charCodeAt(nameStart) <= 0x20) nameStart++;
        let q = eq + 1;
        while (buf.charCodeAt(q) <= 0x20) q++;
        const quote = buf.charCodeAt(q);
        const vEnd = buf.indexOf(quote === 0x27 ? "'" : '"', q + 1);
        if (vEnd < 0 || vEnd >= tagClose) break;
        const nameLen = eq - nameStart;
        if (nameLen === 1) {
          const c = buf.charCodeAt(nameStart);
          if (c === 0x72) ref = buf.slice(q + 1, vEnd);
          else if (c === 0x74) type = buf.slice(q + 1, vEnd);
          else if (c === 0x73) style = Number(buf.slice(q + 1, vEnd)) || 0;
        }
        i = vEnd + 1;
      }
      col = ref === undefined ? col + 1 : refColumn(ref, col);
      if (col > MAX_COLUMNS)
        throw new SheetError(
          `${this.ctx.where}: a cell in row ${rowNumber} is past Excel's last column (XFD, column 16,384): the sheet is damaged or not written by a spreadsheet`,
        );
      last(col);
      if (buf.charCodeAt(tagClose - 2) === 0x2f) {
        pos = tagClose;
        continue;
      }
      const close = buf.indexOf(this.cClose, tagClose);
      const cellEnd = close < 0 || close > to ? to : close;
      values[col - 1] = this.value(buf, tagClose, cellEnd, type, style);
      pos = cellEnd + this.cClose.length;
    }
  }

  private value(buf: string, from: number, to: number, type: string | undefined, style: number): XlsxValue {
    if (type === "inlineStr") {
      const is = buf.indexOf(this.isOpen, from);
      if (is < 0 || is >= to) return null;
      const isEnd = buf.indexOf(this.isClose, is);
      return ownString(stringItemText(buf.slice(is, isEnd < 0 ? to : isEnd), this.prefix));
    }
    let v = buf.indexOf(this.vOpen, from);
    // <v> may follow <f>: skip a formula whose text holds "<v" only as escaped text (it cannot).
    while (v >= 0 && v < to && !isSpaceOrEnd(buf.charCodeAt(v + this.vOpen.length)))
      v = buf.indexOf(this.vOpen, v + 1);
    if (v < 0 || v >= to) return null;
    const vStart = tagEnd(buf, v);
    if (buf.charCodeAt(vStart - 2) === 0x2f) return null;
    const vEnd = buf.indexOf(this.vClose, vStart);
    const raw = buf.slice(vStart, vEnd < 0 || vEnd > to ? to : vEnd);
    switch (type) {
      case "s": {
        const s = this.ctx.sharedStrings.text(Number(raw));
        return s === undefined ? null : s;
      }
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

/** The column of a cell reference ("AB12" -> 28); a reference without letters keeps the running column. */
function refColumn(ref: string, previous: number): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    if (n > MAX_COLUMNS * 26) break;
  }
  return n === 0 ? previous + 1 : n;
}

/**
 * Reads a worksheet stream into pieces: the head, each row, the tail. Pull
 * with `for await`: the stream is read only as fast as rows are taken.
 */
export async function* scanSheet(stream: Readable, ctx: SheetContext): AsyncGenerator<SheetPiece> {
  const decoder = new StringDecoder("utf8");
  const scanner = new SheetScanner(ctx);
  const out: SheetPiece[] = [];
  let first = true;
  for await (const chunk of stream) {
    let text = decoder.write(chunk as Buffer);
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    scanner.push(text, out);
    if (out.length > 0) {
      yield* out;
      out.length = 0;
    }
  }
  scanner.push(decoder.end(), out);
  scanner.end(out);
  yield* out;
}

export { columnName };
