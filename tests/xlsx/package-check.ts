import { XlsxPackage } from "../../src/xlsx/package";
import { openSheet } from "../../src/xlsx/read";
import type { XlsxRow } from "../../src/xlsx/sheet-reader";
import { ZipReader } from "../../src/xlsx/zip-read";
import { crc32 } from "../../src/xlsx/zip-write";

/** Helpers the package tests share: reading a zip's parts, comparing XML element by element. */

export interface Part {
  raw: Buffer;
  data: Buffer;
  crcOk: boolean;
}

/** Every part of a zip: stored bytes, inflated bytes, and whether the inflated bytes match the stored CRC. */
export async function readParts(file: string): Promise<Map<string, Part>> {
  const zip = await ZipReader.open(file);
  const parts = new Map<string, Part>();
  try {
    for (const e of zip.entries) {
      const rawChunks: Buffer[] = [];
      for await (const c of await zip.openRaw(e)) rawChunks.push(c as Buffer);
      const data = await zip.readEntry(e);
      parts.set(e.name, { raw: Buffer.concat(rawChunks), data, crcOk: crc32(data) === e.crc32 });
    }
  } finally {
    await zip.close();
  }
  return parts;
}

/** Attributes the audit may change on the user's elements (a widened range, a count, a split column range). */
const MAY_CHANGE: Record<string, readonly string[]> = {
  dimension: ["ref"],
  row: ["spans"],
  col: ["min", "max"],
  table: ["ref"],
  autoFilter: ["ref"],
};

function localName(name: string): string {
  return name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
}

/** An XML document as tokens: start tags (with the attributes that must not change), end tags, text. */
export function xmlTokens(xml: string): string[] {
  const tokens: string[] = [];
  const re = /<\?[^?]*\?>|<(\/?)([\w:.-]+)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[0].startsWith("<?")) continue;
    if (m[5] !== undefined) {
      tokens.push(`T:${m[5]}`);
      continue;
    }
    const name = m[2]!;
    if (m[1] === "/") {
      tokens.push(`E:${name}`);
      continue;
    }
    const rawAttrs = m[3] ?? "";
    if (rawAttrs === "") tokens.push(`S:${name}|`);
    else {
      const skip = MAY_CHANGE[localName(name)] ?? [];
      const attrs = [...rawAttrs.matchAll(/([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g)]
        .filter((a) => a[1] !== "count" && !skip.includes(a[1]!))
        .map((a) => `${a[1]}=${a[3] ?? a[4]}`)
        .sort();
      tokens.push(`S:${name}|${attrs.join("|")}`);
    }
    if (m[4] === "/") tokens.push(`E:${name}`);
  }
  return tokens;
}

/** The first of the original's tokens the copy does not hold in order, or undefined when all are there. */
export function missingElement(original: string, copy: string): string | undefined {
  const a = xmlTokens(original);
  const b = xmlTokens(copy);
  let j = 0;
  for (const token of a) {
    while (j < b.length && b[j] !== token) j++;
    if (j === b.length) return token;
    j++;
  }
  return undefined;
}

/** Every row of a sheet of a workbook, read with src/xlsx. */
export async function sheetRows(file: string, sheet?: string): Promise<XlsxRow[]> {
  const pkg = await XlsxPackage.open(file);
  try {
    const rows: XlsxRow[] = [];
    for await (const piece of await openSheet(pkg, pkg.pickSheet(sheet)))
      if (piece.kind === "row") rows.push(piece.row);
    return rows;
  } finally {
    await pkg.close();
  }
}
