import { columnName, columnNumber, maxColumnOf, parseRef } from "./cells";
import {
  attribute,
  escapeXml,
  findElements,
  prefixFor,
  qualified,
  rootPrefix,
  setAttribute,
  tagEnd,
} from "./xml";
import { colsXml } from "./sheet-writer";

/**
 * The small, valid edits the audit makes to a package's XML parts: every
 * element of the user's stays where it was; new ones are appended at the
 * place the schema orders them.
 */

// ---------------------------------------------------------------- worksheet head

/** The `<dimension ref>` of a sheet's head: its last column and row, or undefined when absent. */
export function dimensionOf(
  head: string,
  prefix: string,
): { lastCol: number; lastRow: number; first: string } | undefined {
  const found = findElements(head, qualified(prefix, "dimension"))[0];
  if (!found) return undefined;
  const ref = attribute(head.slice(found[0], found[1]), "ref") ?? "";
  const [a, b] = ref.split(":");
  const from = parseRef(a ?? "");
  const to = parseRef(b ?? a ?? "");
  if (!from || !to) return undefined;
  return { lastCol: to.col, lastRow: to.row, first: (a ?? "A1").replace(/\$/g, "") };
}

/**
 * The head of a worksheet (everything up to and with `<sheetData>`) with the
 * dimension widened to `lastCol`/`lastRow` and widths for new columns:
 * existing `<col>` ranges that reach into the new columns are split around
 * them (same attributes on both sides), never dropped.
 */
export function editHead(
  head: string,
  prefix: string,
  widths: ReadonlyArray<readonly [number, number]>,
  lastCol: number,
  lastRow: number,
): string {
  let out = head;
  const dim = findElements(out, qualified(prefix, "dimension"))[0];
  if (dim) {
    const old = dimensionOf(out, prefix);
    const first = old?.first ?? "A1";
    const ref = `${first}:${columnName(Math.max(lastCol, old?.lastCol ?? 0))}${Math.max(lastRow, old?.lastRow ?? 0)}`;
    const tag = out.slice(dim[0], dim[1]);
    out = `${out.slice(0, dim[0])}${setAttribute(tag, "ref", ref)}${out.slice(dim[1])}`;
  }
  if (widths.length === 0) return out;
  const newFrom = widths[0]![0];
  const newTo = widths[widths.length - 1]![0];
  const cols = findElements(out, qualified(prefix, "cols"))[0];
  const ours = colsXml(widths, prefix);
  if (!cols) {
    const sheetData = out.search(new RegExp(`<${qualified(prefix, "sheetData")}[\\s>/]`));
    return `${out.slice(0, sheetData)}<${qualified(prefix, "cols")}>${ours}</${qualified(prefix, "cols")}>${out.slice(sheetData)}`;
  }
  const whole = out.slice(cols[0], cols[1]);
  const colName = qualified(prefix, "col");
  const items = findElements(whole, colName);
  let inner = "";
  let placed = false;
  for (const [a, b] of items) {
    const tag = whole.slice(a, b);
    const min = Number(attribute(tag, "min") ?? 0);
    const max = Number(attribute(tag, "max") ?? 0);
    if (!placed && min > newTo) {
      inner += ours;
      placed = true;
    }
    if (max < newFrom || min > newTo) {
      inner += tag;
      continue;
    }
    // This range reaches into the new columns: keep its parts on either side.
    if (min < newFrom) inner += setAttribute(tag, "max", String(newFrom - 1));
    if (!placed) {
      inner += ours;
      placed = true;
    }
    if (max > newTo) inner += setAttribute(tag, "min", String(newTo + 1));
  }
  if (!placed) inner += ours;
  const openEnd = tagEnd(whole, 0);
  const selfClosing = whole.charCodeAt(openEnd - 2) === 0x2f;
  const open = selfClosing ? `${whole.slice(0, openEnd - 2)}>` : whole.slice(0, openEnd);
  const rebuilt = `${open}${inner}</${qualified(prefix, "cols")}>`;
  return `${out.slice(0, cols[0])}${rebuilt}${out.slice(cols[1])}`;
}

// ---------------------------------------------------------------- rows

/**
 * How a row's XML takes cells after its last one: its start tag as it is to
 * be written (the `spans` hint widened to `lastCol`, a self-closing row
 * opened), where its cells lie in `rowXml` (`body` to `bodyEnd`, nothing for
 * a self-closing row), and its end tag. The cells go between body and close.
 */
export interface RowSplit {
  open: string;
  body: number;
  bodyEnd: number;
  close: string;
}

export function splitRow(rowXml: string, lastCol: number, prefix: string): RowSplit {
  const openEnd = tagEnd(rowXml, 0);
  let open = rowXml.slice(0, openEnd);
  // spans="first:last", a hint for readers: widened to the new last column.
  const at = open.indexOf(' spans="');
  if (at >= 0) {
    const from = at + 8;
    const end = open.indexOf('"', from);
    const colon = open.indexOf(":", from);
    if (end > 0) {
      const first = colon > 0 && colon < end ? open.slice(from, colon) : "1";
      open = `${open.slice(0, from)}${first}:${lastCol}${open.slice(end)}`;
    }
  }
  const close = `</${qualified(prefix, "row")}>`;
  if (open.endsWith("/>")) return { open: `${open.slice(0, -2)}>`, body: openEnd, bodyEnd: openEnd, close };
  return { open, body: openEnd, bodyEnd: rowXml.length - close.length, close };
}

const SPANS = ' spans="';

/**
 * `splitRow` over a row's bytes (ASCII, as XlsxRow.bytes are): writes its start
 * tag to `out` as splitRow makes it (`lastCol` the new last column, written
 * out) and returns where its cells begin, or -1 for a self-closing row (no
 * cells); no text is cut or made for the row.
 */
export function writeRowStart(out: XmlBytesOut, bytes: Uint8Array, lastCol: string): number {
  const n = bytes.length;
  // The start tag's end, quotes respected (as tagEnd).
  let gt = 0;
  while (gt < n) {
    const c = bytes[gt]!;
    if (c === 0x3e) break;
    if (c === 0x22 || c === 0x27) {
      gt++;
      while (gt < n && bytes[gt] !== c) gt++;
    }
    gt++;
  }
  const selfClosing = bytes[gt - 1] === 0x2f;
  const openEnd = selfClosing ? gt - 1 : gt + 1;
  let from = -1;
  for (let i = 0; i + SPANS.length <= openEnd && from < 0; i++) {
    let k = 0;
    while (k < SPANS.length && bytes[i + k] === SPANS.charCodeAt(k)) k++;
    if (k === SPANS.length) from = i + k;
  }
  let end = from;
  while (end >= 0 && end < openEnd && bytes[end] !== 0x22) end++;
  if (from < 0 || end >= openEnd) out.range(bytes, 0, openEnd);
  else {
    let colon = from;
    while (colon < end && bytes[colon] !== 0x3a) colon++;
    if (colon < end) out.range(bytes, 0, colon + 1);
    else {
      out.range(bytes, 0, from);
      out.ascii("1:");
    }
    out.ascii(lastCol);
    out.range(bytes, end, openEnd);
  }
  if (!selfClosing) return openEnd;
  out.ascii(">");
  return -1;
}

/** What writeRowStart writes to (a PartSink). */
export interface XmlBytesOut {
  ascii(s: string): void;
  range(b: Uint8Array, from: number, to: number): void;
}

// ---------------------------------------------------------------- worksheet tail

/** The elements after sheetData that reach across columns, and the furthest column each reaches. */
export function tailExtent(tail: string): { column: number; what: string } {
  let best = { column: 0, what: "" };
  const take = (column: number, what: string): void => {
    if (column > best.column) best = { column, what };
  };
  for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\s[^>]*ref="([^"]*)"/g))
    take(maxColumnOf(m[1]!), `merged cells ${m[1]}`);
  for (const m of tail.matchAll(/<(?:\w+:)?autoFilter\s[^>]*ref="([^"]*)"/g))
    take(maxColumnOf(m[1]!), `the autofilter ${m[1]}`);
  for (const m of tail.matchAll(/<(?:\w+:)?(?:dataValidation|conditionalFormatting)\s[^>]*sqref="([^"]*)"/g))
    take(maxColumnOf(m[1]!), `the range ${m[1]}`);
  for (const m of tail.matchAll(/<(?:\w+:)?sqref>([^<]*)</g)) take(maxColumnOf(m[1]!), `the range ${m[1]}`);
  for (const m of tail.matchAll(/<(?:\w+:)?hyperlink\s[^>]*ref="([^"]*)"/g))
    take(maxColumnOf(m[1]!), `the hyperlink at ${m[1]}`);
  return best;
}

/** Worksheet children that come after conditionalFormatting (CT_Worksheet's order). */
const AFTER_CF = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The highest conditional formatting priority the sheet uses (0 for none). */
export function topPriority(tail: string): number {
  let top = 0;
  for (const m of tail.matchAll(/\spriority="(\d+)"/g)) top = Math.max(top, Number(m[1]));
  return top;
}

/** The tail with a conditionalFormatting element after the user's own, before what must follow them. */
export function insertConditionalFormatting(tail: string, prefix: string, element: string): string {
  const lastCf = tail.lastIndexOf(`</${qualified(prefix, "conditionalFormatting")}>`);
  // The user's conditional formats among the worksheet's children (not those inside extLst).
  const ext = tail.indexOf(`<${qualified(prefix, "extLst")}`);
  if (lastCf >= 0 && (ext < 0 || lastCf < ext)) {
    const at = lastCf + `</${qualified(prefix, "conditionalFormatting")}>`.length;
    return `${tail.slice(0, at)}${element}${tail.slice(at)}`;
  }
  let at = -1;
  for (const name of AFTER_CF) {
    const re = new RegExp(`<${qualified(prefix, name)}[\\s>/]`);
    const m = re.exec(tail);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = tail.lastIndexOf(`</${qualified(prefix, "worksheet")}>`);
  return `${tail.slice(0, at)}${element}${tail.slice(at)}`;
}

// ---------------------------------------------------------------- workbook, relationships, content types

export interface NewSheet {
  name: string;
  /** Part name without the leading slash, e.g. "xl/worksheets/sheet9.xml". */
  part: string;
  relId: string;
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** workbook.xml with sheets appended to `<sheets>` (sheetIds after the highest). */
export function addSheetsToWorkbook(xml: string, sheets: readonly NewSheet[]): string {
  const prefix = rootPrefix(xml, "workbook");
  let r = prefixFor(xml, REL_NS);
  let out = xml;
  if (r === undefined) {
    r = "r";
    const root = new RegExp(`<${qualified(prefix, "workbook")}[\\s>]`).exec(out);
    if (root) {
      const end = tagEnd(out, root.index);
      out = `${out.slice(0, end - 1)} xmlns:r="${REL_NS}"${out.slice(end - 1)}`;
    }
  }
  let maxId = 0;
  for (const m of out.matchAll(/\ssheetId="(\d+)"/g)) maxId = Math.max(maxId, Number(m[1]));
  const sheetTag = qualified(prefix, "sheet");
  const added = sheets
    .map(
      (s, i) => `<${sheetTag} name="${escapeXml(s.name)}" sheetId="${maxId + 1 + i}" ${r}:id="${s.relId}"/>`,
    )
    .join("");
  const sheetsName = qualified(prefix, "sheets");
  const close = out.indexOf(`</${sheetsName}>`);
  if (close >= 0) return `${out.slice(0, close)}${added}${out.slice(close)}`;
  const empty = new RegExp(`<${sheetsName}\\s*/>`).exec(out);
  if (empty)
    return `${out.slice(0, empty.index)}<${sheetsName}>${added}</${sheetsName}>${out.slice(empty.index + empty[0].length)}`;
  throw new Error("workbook.xml has no <sheets> element");
}

/** A relationship id not used in the part: rId1, rId2, ... after the highest `rIdN`. */
export function freeRelIds(relsXml: string, n: number): string[] {
  const used = new Set([...relsXml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  const ids: string[] = [];
  for (let i = 1; ids.length < n; i++) if (!used.has(`rId${i}`)) ids.push(`rId${i}`);
  return ids;
}

/** A relationships part with relationships appended (targets relative to the source part's folder). */
export function addRelationships(
  xml: string,
  rels: ReadonlyArray<{ id: string; type: string; target: string }>,
): string {
  const prefix = rootPrefix(xml, "Relationships");
  const tag = qualified(prefix, "Relationship");
  const added = rels
    .map((r) => `<${tag} Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  const name = qualified(prefix, "Relationships");
  const close = xml.lastIndexOf(`</${name}>`);
  if (close >= 0) return `${xml.slice(0, close)}${added}${xml.slice(close)}`;
  const empty = new RegExp(`<${name}([^>]*)/>`).exec(xml);
  if (!empty) throw new Error("a relationships part without <Relationships>");
  return `${xml.slice(0, empty.index)}<${name}${empty[1]}>${added}</${name}>${xml.slice(empty.index + empty[0].length)}`;
}

/** [Content_Types].xml with Override entries for new parts. */
export function addOverrides(xml: string, parts: ReadonlyArray<{ part: string; type: string }>): string {
  const prefix = rootPrefix(xml, "Types");
  const tag = qualified(prefix, "Override");
  const added = parts
    .map((p) => `<${tag} PartName="/${escapeXml(p.part)}" ContentType="${p.type}"/>`)
    .join("");
  const close = xml.lastIndexOf(`</${qualified(prefix, "Types")}>`);
  return `${xml.slice(0, close)}${added}${xml.slice(close)}`;
}

/** A part name not taken: `xl/worksheets/sheet{n}.xml` with the first free n. */
export function freePartName(taken: (name: string) => boolean, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = pattern(n);
    if (!taken(name)) return name;
  }
}

// ---------------------------------------------------------------- tables

export interface TableRange {
  firstCol: number;
  lastCol: number;
  firstRow: number;
  lastRow: number;
  headerRow: boolean;
  totalsRow: boolean;
}

/** A table part's range and whether it has a header and a totals row. */
export function tableRange(xml: string): TableRange | undefined {
  const prefix = rootPrefix(xml, "table");
  const root = new RegExp(`<${qualified(prefix, "table")}[\\s>]`).exec(xml);
  if (!root) return undefined;
  const tag = xml.slice(root.index, tagEnd(xml, root.index));
  const [a, b] = (attribute(tag, "ref") ?? "").split(":");
  const from = parseRef(a ?? "");
  const to = parseRef(b ?? "");
  if (!from || !to) return undefined;
  return {
    firstCol: from.col,
    lastCol: to.col,
    firstRow: from.row,
    lastRow: to.row,
    headerRow: attribute(tag, "headerRowCount") !== "0",
    totalsRow: Number(attribute(tag, "totalsRowCount") ?? 0) > 0,
  };
}

/**
 * A table part widened by new columns right of its last one (the table's
 * autofilter too), or undefined when the table cannot take them (a name
 * already used in the table).
 */
export function extendTable(xml: string, names: readonly string[]): string | undefined {
  const range = tableRange(xml);
  if (!range) return undefined;
  const prefix = rootPrefix(xml, "table");
  const existing = new Set(
    [...xml.matchAll(/<(?:\w+:)?tableColumn\s[^>]*name="([^"]*)"/g)].map((m) => m[1]!.toLowerCase()),
  );
  if (names.some((n) => existing.has(escapeXml(n).toLowerCase()))) return undefined;
  const lastCol = range.lastCol + names.length;
  const oldRef = `${columnName(range.firstCol)}${range.firstRow}:${columnName(range.lastCol)}${range.lastRow}`;
  const newRef = `${columnName(range.firstCol)}${range.firstRow}:${columnName(lastCol)}${range.lastRow}`;
  let out = xml;
  const root = new RegExp(`<${qualified(prefix, "table")}[\\s>]`).exec(out)!;
  const rootEnd = tagEnd(out, root.index);
  out = `${out.slice(0, root.index)}${setAttribute(out.slice(root.index, rootEnd), "ref", newRef)}${out.slice(rootEnd)}`;
  const af = findElements(out, qualified(prefix, "autoFilter"))[0];
  if (af) {
    const afEnd = tagEnd(out, af[0]);
    const tag = out.slice(af[0], afEnd);
    const ref = attribute(tag, "ref");
    if (ref !== undefined && ref.replace(/\$/g, "") === oldRef)
      out = `${out.slice(0, af[0])}${setAttribute(tag, "ref", newRef)}${out.slice(afEnd)}`;
  }
  const colsName = qualified(prefix, "tableColumns");
  const cols = findElements(out, colsName)[0];
  if (!cols) return undefined;
  let maxId = 0;
  for (const m of out.slice(cols[0], cols[1]).matchAll(/<(?:\w+:)?tableColumn\b[^>]*?\sid="(\d+)"/g))
    maxId = Math.max(maxId, Number(m[1]));
  const colTag = qualified(prefix, "tableColumn");
  const added = names.map((n, i) => `<${colTag} id="${maxId + 1 + i}" name="${escapeXml(n)}"/>`).join("");
  const whole = out.slice(cols[0], cols[1]);
  const openEnd = tagEnd(whole, 0);
  const open = setAttribute(whole.slice(0, openEnd), "count", String(columnCount(whole) + names.length));
  const inner = whole.slice(openEnd, whole.length - `</${colsName}>`.length);
  return `${out.slice(0, cols[0])}${open}${inner}${added}</${colsName}>${out.slice(cols[1])}`;
}

function columnCount(tableColumns: string): number {
  return [...tableColumns.matchAll(/<(?:\w+:)?tableColumn[\s>/]/g)].length;
}

export { columnNumber };
