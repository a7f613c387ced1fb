import { columnName } from "./cells";
import { escapeXml, isAsciiText, qualified } from "./xml";
import type { AddOptions, EntryStream, ZipWriter } from "./zip-write";

/**
 * Cells and sheets written as SpreadsheetML: text as inline strings (no
 * shared strings table to rewrite), numbers, booleans, dates as serials.
 */

export type OutValue = string | number | boolean | Date | null | undefined;

export interface OutCell {
  value: OutValue;
  /** Cell format index (`s`); 0 or undefined for none. */
  style?: number | undefined;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** The element names of cells under one namespace prefix, made once. */
interface CellTags {
  c: string;
  cEnd: string;
  v: string;
  vEnd: string;
  inline: string;
  inlineEnd: string;
}

const tagsByPrefix = new Map<string, CellTags>();

function cellTags(prefix: string): CellTags {
  let tags = tagsByPrefix.get(prefix);
  if (tags === undefined) {
    const q = (s: string): string => qualified(prefix, s);
    tags = {
      c: `<${q("c")} r="`,
      cEnd: `</${q("c")}>`,
      v: `<${q("v")}>`,
      vEnd: `</${q("v")}>`,
      inline: `<${q("is")}><${q("t")}`,
      inlineEnd: `</${q("t")}></${q("is")}>`,
    };
    tagsByPrefix.set(prefix, tags);
  }
  return tags;
}

/** Column letters by number, for the columns written most (the audit's few, row after row). */
const letters: string[] = [];

function lettersOf(col: number): string {
  return (letters[col] ??= columnName(col));
}

/**
 * Where cell XML goes: a text being built (`XmlText`), or a part's bytes
 * (PartSink, with no text built at all). `ascii` takes only ASCII text.
 */
export interface XmlOut {
  ascii(s: string): void;
  text(s: string): void;
}

/** XML built up as a text. */
export class XmlText implements XmlOut {
  xml = "";

  ascii(s: string): void {
    this.xml += s;
  }

  text(s: string): void {
    this.xml += s;
  }
}

/** Writes one `<c>` element (nothing for an empty cell without a style); `row` is the row's number written out. */
export function writeCell(out: XmlOut, col: number, row: string, cell: OutCell, prefix = ""): void {
  const { value, style } = cell;
  const empty = value === null || value === undefined || value === "";
  if (empty && !style) return;
  const t = cellTags(prefix);
  out.ascii(cellStart(t, col));
  out.ascii(row);
  out.ascii('"');
  if (style) {
    out.ascii(' s="');
    out.ascii(String(style));
    out.ascii('"');
  }
  if (empty) {
    out.ascii("/>");
    return;
  }
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) {
        out.ascii(' t="e">');
        out.ascii(t.v);
        out.ascii("#NUM!");
      } else {
        out.ascii(">");
        out.ascii(t.v);
        out.ascii(String(value));
      }
      out.ascii(t.vEnd);
      break;
    case "boolean":
      out.ascii(' t="b">');
      out.ascii(t.v);
      out.ascii(value ? "1" : "0");
      out.ascii(t.vEnd);
      break;
    case "string": {
      out.ascii(' t="inlineStr">');
      out.ascii(t.inline);
      const slot = inlineText(value);
      if (inlineAscii[slot] === 1) out.ascii(inlineXml[slot]!);
      else out.text(inlineXml[slot]!);
      out.ascii(t.inlineEnd);
      break;
    }
    default:
      out.ascii(">");
      out.ascii(t.v);
      out.ascii(String(((value as Date).getTime() - EPOCH_1900) / 86400000));
      out.ascii(t.vEnd);
  }
  out.ascii(t.cEnd);
}

/** `<c r="` and the column's letters, by column, for the prefix last used (the audit writes a few columns row after row). */
const cellStarts: string[] = [];
let cellStartsOf: CellTags | undefined;

function cellStart(t: CellTags, col: number): string {
  if (cellStartsOf !== t) {
    cellStarts.length = 0;
    cellStartsOf = t;
  }
  return (cellStarts[col] ??= t.c + lettersOf(col));
}

/**
 * The end of an inline string's `<t` tag and its text, escaped (`>text` or
 * ` xml:space="preserve">text`), made once for a text written row after row
 * (a level, "no risk found"): kept in slot `text.length & 63` with whether it
 * is ASCII. Returns the slot.
 */
// Never "" as a key: an empty text is written as no cell at all.
const inlineKeys: string[] = new Array<string>(64).fill("");
const inlineXml: string[] = new Array<string>(65).fill("");
const inlineAscii = new Uint8Array(65);
const INLINE_SCRATCH = 64;

function inlineText(value: string): number {
  const slot = value.length & 63;
  if (inlineKeys[slot] === value) return slot;
  const cut = value.length > 32767 ? value.slice(0, 32767) : value;
  const xml = (needsSpace(cut) ? ' xml:space="preserve">' : ">") + escapeXml(cut);
  // Short texts are kept; a long one goes through the scratch slot.
  const at = value.length <= 256 ? slot : INLINE_SCRATCH;
  if (at === slot) inlineKeys[slot] = value;
  inlineXml[at] = xml;
  inlineAscii[at] = isAsciiText(xml) ? 1 : 0;
  return at;
}

/** Whether a text starts or ends with white space or holds a line break (kept only with xml:space). */
function needsSpace(value: string): boolean {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first <= 0x20 || last <= 0x20) return true;
  // Past ASCII, white space is told by its Unicode class (an ideographic space, U+3000, among them).
  if ((first >= 0x7f && /\s/.test(value[0]!)) || (last >= 0x7f && /\s/.test(value[value.length - 1]!)))
    return true;
  return value.includes("\n");
}

/** Writes the cells of a row from column `firstCol` on. */
export function writeCells(
  out: XmlOut,
  row: number,
  firstCol: number,
  cells: readonly OutCell[],
  prefix = "",
): void {
  const rowText = String(row);
  for (let i = 0; i < cells.length; i++) writeCell(out, firstCol + i, rowText, cells[i]!, prefix);
}

/** The cells of a row from column `firstCol` on. */
export function cellsXml(row: number, firstCol: number, cells: readonly OutCell[], prefix = ""): string {
  const out = new XmlText();
  writeCells(out, row, firstCol, cells, prefix);
  return out.xml;
}

/** `<col>` elements for widths, one per column. */
export function colsXml(widths: ReadonlyArray<readonly [number, number]>, prefix = ""): string {
  const col = qualified(prefix, "col");
  return widths.map(([c, w]) => `<${col} min="${c}" max="${c}" width="${w}" customWidth="1"/>`).join("");
}

export interface RuleSpec {
  /** The formula, as typed after "=" in Excel. */
  formula: string;
  dxfId: number;
}

/** A `<conditionalFormatting>` element of expression rules, numbered from `priority`. */
export function conditionalFormattingXml(
  sqref: string,
  rules: readonly RuleSpec[],
  priority: number,
  prefix = "",
): string {
  const q = (s: string): string => qualified(prefix, s);
  const body = rules
    .map(
      (r, i) =>
        `<${q("cfRule")} type="expression" dxfId="${r.dxfId}" priority="${priority + i}"><${q("formula")}>${escapeXml(r.formula)}</${q("formula")}></${q("cfRule")}>`,
    )
    .join("");
  return `<${q("conditionalFormatting")} sqref="${sqref}">${body}</${q("conditionalFormatting")}>`;
}

/**
 * A new worksheet written row by row into a zip entry: `<cols>` first, rows
 * in order, then whatever follows the rows (conditional formatting).
 */
export class SheetWriter {
  private readonly entry: EntryStream;
  private lastCol = 1;
  private lastRow = 0;
  private pending = "";

  constructor(
    zip: ZipWriter,
    part: string,
    widths: ReadonlyArray<readonly [number, number]>,
    options: AddOptions = {},
  ) {
    this.entry = zip.addStream(part, options);
    const cols = widths.length > 0 ? `<cols>${colsXml(widths)}</cols>` : "";
    this.pending = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${cols}<sheetData>`;
  }

  /** Writes a row of cells starting at column `firstCol`; the writer waits when the zip is behind. */
  async row(rowNumber: number, cells: readonly OutCell[], firstCol = 1, extraXml = ""): Promise<void> {
    const body = cellsXml(rowNumber, firstCol, cells) + extraXml;
    if (body !== "") {
      this.pending += `<row r="${rowNumber}">${body}</row>`;
      this.lastCol = Math.max(this.lastCol, firstCol + cells.length - 1);
    }
    this.lastRow = Math.max(this.lastRow, rowNumber);
    if (this.pending.length > 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.pending;
    this.pending = "";
    await this.entry.write(text);
  }

  /** Ends the sheet; `after` is written after the rows (for example conditional formatting). */
  async end(after = ""): Promise<void> {
    this.pending += `</sheetData>${after}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    await this.flush();
    await this.entry.end();
  }

  get usedColumns(): string {
    return `A1:${columnName(this.lastCol)}${Math.max(1, this.lastRow)}`;
  }
}
