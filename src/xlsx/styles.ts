import { attribute, findElements, qualified, rootPrefix, setAttribute } from "./xml";

/**
 * The styles part (`xl/styles.xml`): which cell formats show dates (so their
 * numbers are read as dates), and appending the fonts, fills, number formats,
 * cell formats and differential formats the audit needs. Appending never
 * renumbers: every index the workbook uses keeps meaning what it meant.
 */

/** Built-in number formats that show a date or time (ids 27-36 and 50-58 are the East Asian ones). */
const DATE_BUILTINS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

const BUILTIN_CODES: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

/** Whether a number format code shows a date or time (text in quotes, colours and padding left out). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "");
  const section = bare.split(";")[0] ?? "";
  return /[dmyhs]/i.test(section.replace(/General/gi, "")) && !/^[#0.,%\s@E+-]*$/i.test(section);
}

/** The order of the stylesheet's children (CT_Stylesheet). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const CHILD: Record<string, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  cellXfs: "xf",
  dxfs: "dxf",
};

export interface XfOptions {
  fontId?: number;
  fillId?: number;
  numFmtId?: number;
  wrap?: boolean;
}

/** A parsed view of styles.xml that can append and write itself back. */
export class Styles {
  private xml: string;
  private readonly prefix: string;
  private readonly added = new Map<string, string[]>();
  private readonly counts = new Map<string, number>();
  private readonly formats = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private nextNumFmt = 164;
  private readonly reuse = new Map<string, number>();

  constructor(xml: string) {
    this.xml = xml;
    this.prefix = rootPrefix(xml, "styleSheet");
    for (const name of Object.keys(CHILD)) {
      const range = this.container(name);
      const child = qualified(this.prefix, CHILD[name]!);
      const items = range ? findElements(xml, child, range[0], range[1]) : [];
      this.counts.set(name, items.length);
      if (name === "numFmts" && range) {
        for (const [a, b] of items) {
          const tag = xml.slice(a, b);
          const id = Number(attribute(tag, "numFmtId"));
          const code = attribute(tag, "formatCode") ?? "";
          this.formats.set(id, code);
          if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
        }
      }
      if (name === "cellXfs" && range) {
        for (const [a, b] of items) this.xfFormats.push(Number(attribute(xml.slice(a, b), "numFmtId") ?? 0));
      }
    }
  }

  /** The workbook's styles part as Excel writes a new workbook's, for packages without one. */
  static minimal(): Styles {
    return new Styles(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>',
    );
  }

  /** For each cell format (the `s` of a cell), whether it shows a date. */
  dateStyles(): boolean[] {
    return this.xfFormats.map((id) => DATE_BUILTINS.has(id) || isDateFormat(this.formats.get(id) ?? ""));
  }

  private container(name: string): [number, number] | undefined {
    const found = findElements(this.xml, qualified(this.prefix, name));
    return found[0];
  }

  private q(local: string): string {
    return qualified(this.prefix, local);
  }

  private append(name: string, element: string): number {
    const list = this.added.get(name) ?? [];
    this.added.set(name, list);
    list.push(element);
    return (this.counts.get(name) ?? 0) + list.length - 1;
  }

  /** The first font's element (the workbook's default font), or a plain Calibri 11. */
  private baseFont(): string {
    const range = this.container("fonts");
    const first = range ? findElements(this.xml, this.q("font"), range[0], range[1])[0] : undefined;
    if (!first)
      return `<${this.q("font")}><${this.q("sz")} val="11"/><${this.q("name")} val="Calibri"/></${this.q("font")}>`;
    const font = this.xml.slice(first[0], first[1]);
    return font.endsWith("/>") ? `${font.slice(0, -2)}></${this.q("font")}>` : font;
  }

  /** A bold font like the default one (optionally of another size); returns its index. */
  addBoldFont(size?: number): number {
    const key = `font:b:${size ?? ""}`;
    const known = this.reuse.get(key);
    if (known !== undefined) return known;
    let font = this.baseFont();
    const b = `<${this.q("b")}/>`;
    const inner = font.indexOf(">") + 1;
    // CT_Font's children form a choice: a leading <b/> is valid anywhere.
    if (!/<(?:\w+:)?b\s*\/?>/.test(font)) font = `${font.slice(0, inner)}${b}${font.slice(inner)}`;
    if (size !== undefined) {
      const sz = `<${this.q("sz")} val="${size}"/>`;
      font = /<(?:\w+:)?sz\s[^>]*\/>/.test(font)
        ? font.replace(/<(?:\w+:)?sz\s[^>]*\/>/, sz)
        : `${font.slice(0, inner)}${sz}${font.slice(inner)}`;
    }
    const id = this.append("fonts", font);
    this.reuse.set(key, id);
    return id;
  }

  /** A solid fill of an ARGB colour; returns its index. */
  addSolidFill(argb: string): number {
    const key = `fill:${argb}`;
    const known = this.reuse.get(key);
    if (known !== undefined) return known;
    const q = (s: string): string => this.q(s);
    const id = this.append(
      "fills",
      `<${q("fill")}><${q("patternFill")} patternType="solid"><${q("fgColor")} rgb="${argb}"/><${q("bgColor")} indexed="64"/></${q("patternFill")}></${q("fill")}>`,
    );
    this.reuse.set(key, id);
    return id;
  }

  /** The id of a number format code: a built-in one, one the workbook has, or a new custom one. */
  numFmt(code: string): number {
    const builtin = BUILTIN_CODES[code];
    if (builtin !== undefined) return builtin;
    for (const [id, c] of this.formats) if (c === code) return id;
    const id = this.nextNumFmt++;
    this.formats.set(id, code);
    this.append("numFmts", `<${this.q("numFmt")} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** A cell format (`s` of a cell) over the given font, fill and number format; returns its index. */
  addXf(options: XfOptions): number {
    const key = `xf:${options.fontId ?? 0}:${options.fillId ?? 0}:${options.numFmtId ?? 0}:${options.wrap === true}`;
    const known = this.reuse.get(key);
    if (known !== undefined) return known;
    const { fontId = 0, fillId = 0, numFmtId = 0 } = options;
    const applies = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : "",
      fontId !== 0 ? ' applyFont="1"' : "",
      fillId !== 0 ? ' applyFill="1"' : "",
      options.wrap === true ? ' applyAlignment="1"' : "",
    ].join("");
    const body = options.wrap === true ? `<${this.q("alignment")} vertical="top" wrapText="1"/>` : "";
    const open = `<${this.q("xf")} numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}`;
    const id = this.append("cellXfs", body === "" ? `${open}/>` : `${open}>${body}</${this.q("xf")}>`);
    this.xfFormats.push(numFmtId);
    this.reuse.set(key, id);
    return id;
  }

  /** A differential format (conditional formatting): a solid background and a font colour; returns its index. */
  addDxf(fontArgb: string, fillArgb: string): number {
    const q = (s: string): string => this.q(s);
    return this.append(
      "dxfs",
      `<${q("dxf")}><${q("font")}><${q("color")} rgb="${fontArgb}"/></${q("font")}><${q("fill")}><${q("patternFill")}><${q("bgColor")} rgb="${fillArgb}"/></${q("patternFill")}></${q("fill")}></${q("dxf")}>`,
    );
  }

  /** Whether anything was appended. */
  get changed(): boolean {
    return this.added.size > 0;
  }

  /** The styles part with the appended elements at the end of their lists and the counts updated. */
  toXml(): string {
    let xml = this.xml;
    // Later containers first, so earlier offsets stay valid.
    const names = [...this.added.keys()].sort((a, b) => ORDER.indexOf(b) - ORDER.indexOf(a));
    for (const name of names) {
      const items = this.added.get(name) ?? [];
      const total = (this.counts.get(name) ?? 0) + items.length;
      const tagName = qualified(this.prefix, name);
      const range = findElements(xml, tagName)[0];
      if (range) {
        const [start, end] = range;
        const whole = xml.slice(start, end);
        const openEnd = whole.indexOf(">") + 1;
        let open = whole.slice(0, openEnd);
        let inner: string;
        let closing: string;
        if (open.endsWith("/>")) {
          open = `${open.slice(0, -2)}>`;
          inner = "";
          closing = `</${tagName}>`;
        } else {
          closing = `</${tagName}>`;
          inner = whole.slice(openEnd, whole.length - closing.length);
        }
        open = setAttribute(open, "count", String(total));
        xml = `${xml.slice(0, start)}${open}${inner}${items.join("")}${closing}${xml.slice(end)}`;
      } else {
        const element = `<${tagName} count="${total}">${items.join("")}</${tagName}>`;
        xml = insertInOrder(xml, this.prefix, name, element);
      }
    }
    return xml;
  }
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** Inserts a missing stylesheet child before the first sibling that must follow it. */
function insertInOrder(xml: string, prefix: string, name: string, element: string): string {
  const after = ORDER.slice(ORDER.indexOf(name) + 1);
  for (const next of after) {
    const found = findElements(xml, qualified(prefix, next))[0];
    if (found) return `${xml.slice(0, found[0])}${element}${xml.slice(found[0])}`;
  }
  const close = xml.lastIndexOf(`</${qualified(prefix, "styleSheet")}>`);
  return `${xml.slice(0, close)}${element}${xml.slice(close)}`;
}
