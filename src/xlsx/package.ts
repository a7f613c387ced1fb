import {
  PackageLimitError,
  readSharedStrings,
  SharedStringTable,
  type SharedStrings,
} from "./shared-strings";
import { Styles } from "./styles";
import { attribute, attributes, findElements, prefixFor, qualified, rootPrefix } from "./xml";
import { ZipError, ZipReader, type ZipEntry } from "./zip-read";

/**
 * An xlsx package opened for reading: its parts by name, the workbook's
 * sheets (name, state, part) from workbook.xml and its relationships,
 * relationship targets resolved whether relative (`worksheets/sheet1.xml`,
 * as Excel writes them) or absolute (`/xl/worksheets/sheet1.xml`, as
 * openpyxl and pandas write them).
 */

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

/** The sheet asked for is not in the workbook (or it has none): the package itself is fine. */
export class NoSuchSheetError extends PackageError {
  constructor(message: string) {
    super(message);
    this.name = "NoSuchSheetError";
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** The target as a part name (no leading slash); undefined for external targets. */
  part: string | undefined;
}

export interface SheetInfo {
  name: string;
  sheetId: number;
  relId: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** The sheet's part name (no leading slash). */
  part: string;
  /** A worksheet (not a chart sheet or dialog sheet). */
  isWorksheet: boolean;
}

/** The part name a relationship target names, from the part that holds the relationship. */
export function resolveTarget(source: string, target: string): string {
  const clean = target.split("#")[0]!.replace(/\\/g, "/");
  const baseDir = source.includes("/") ? source.slice(0, source.lastIndexOf("/")) : "";
  const joined = clean.startsWith("/") ? clean.slice(1) : baseDir === "" ? clean : `${baseDir}/${clean}`;
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(decodeURIComponentSafe(seg));
  }
  return out.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The relationships part of a part: `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function parseRelationships(xml: string | undefined, source: string): Relationship[] {
  if (xml === undefined) return [];
  const prefix = rootPrefix(xml, "Relationships");
  return findElements(xml, qualified(prefix, "Relationship")).map(([a, b]) => {
    const tag = xml.slice(a, b);
    const attrs = attributes(tag.slice(0, tag.indexOf(">") + 1));
    const target = attrs.get("Target") ?? "";
    const external = attrs.get("TargetMode") === "External";
    return {
      id: attrs.get("Id") ?? "",
      type: attrs.get("Type") ?? "",
      target,
      part: external ? undefined : resolveTarget(source, target),
    };
  });
}

export class XlsxPackage {
  private constructor(
    readonly zip: ZipReader,
    readonly workbookPart: string,
    readonly workbookXml: string,
    readonly workbookRels: Relationship[],
    readonly sheets: SheetInfo[],
    readonly date1904: boolean,
  ) {}

  static async open(file: string): Promise<XlsxPackage> {
    let zip: ZipReader;
    try {
      zip = await ZipReader.open(file);
    } catch (error) {
      if (error instanceof ZipError)
        throw new PackageError(
          `not an xlsx workbook (${error.message}; is it an old .xls, or a csv renamed to .xlsx?)`,
        );
      throw error;
    }
    try {
      const rootRels = parseRelationships(await zip.readText("_rels/.rels"), "");
      const office = rootRels.find((r) => r.type.endsWith("/officeDocument") && r.part !== undefined);
      const workbookPart = office?.part ?? (zip.entry("xl/workbook.xml") ? "xl/workbook.xml" : undefined);
      if (workbookPart === undefined || !zip.entry(workbookPart))
        throw new PackageError(
          zip.entry("word/document.xml")
            ? "a Word document, not an xlsx workbook"
            : "no workbook part in the package (not an xlsx workbook)",
        );
      const workbookXml = (await zip.readText(workbookPart)) ?? "";
      const rels = parseRelationships(await zip.readText(relsPartOf(workbookPart)), workbookPart);
      const prefix = rootPrefix(workbookXml, "workbook");
      const r = prefixFor(workbookXml, REL_NS) ?? "r";
      const sheets: SheetInfo[] = [];
      for (const [a, b] of findElements(workbookXml, qualified(prefix, "sheet"))) {
        const tag = workbookXml.slice(a, b);
        const attrs = attributes(tag);
        const relId = attrs.get(`${r}:id`) ?? "";
        const rel = rels.find((x) => x.id === relId);
        if (!rel?.part) continue;
        sheets.push({
          name: attrs.get("name") ?? "",
          sheetId: Number(attrs.get("sheetId") ?? 0),
          relId,
          state: attrs.get("state") ?? "visible",
          part: rel.part,
          isWorksheet: rel.type === `${REL_TYPE}/worksheet` || rel.type.endsWith("/worksheet"),
        });
      }
      const pr = findElements(workbookXml, qualified(prefix, "workbookPr"))[0];
      const d1904 = pr ? attribute(workbookXml.slice(pr[0], pr[1]), "date1904") : undefined;
      return new XlsxPackage(zip, workbookPart, workbookXml, rels, sheets, d1904 === "1" || d1904 === "true");
    } catch (error) {
      await zip.close();
      if (error instanceof ZipError) throw new PackageError(error.message);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.zip.close();
  }

  /** The part of the workbook's relationship of this type (ending), e.g. "styles", "sharedStrings". */
  partOfType(type: string): string | undefined {
    return this.workbookRels.find((r) => r.type.endsWith(`/${type}`) && r.part !== undefined)?.part;
  }

  entry(part: string): ZipEntry | undefined {
    return this.zip.entry(part);
  }

  async text(part: string): Promise<string | undefined> {
    return this.zip.readText(part);
  }

  /** The shared strings (empty when the workbook has none). */
  async sharedStrings(): Promise<SharedStrings> {
    const part = this.partOfType("sharedStrings");
    const entry = part === undefined ? this.zip.entry("xl/sharedStrings.xml") : this.zip.entry(part);
    if (!entry) return SharedStringTable.of([]);
    return readSharedStrings(this.zip, entry);
  }

  /** The styles part parsed, or undefined when the workbook has none. */
  async styles(): Promise<Styles | undefined> {
    const part = this.partOfType("styles");
    if (part === undefined) return undefined;
    const xml = await this.text(part);
    return xml === undefined ? undefined : new Styles(xml);
  }

  /** The sheet named (exactly, else ignoring case and spaces around), or the first worksheet. */
  pickSheet(name?: string): SheetInfo {
    const sheets = this.sheets.filter((s) => s.isWorksheet && this.zip.entry(s.part));
    if (name === undefined) {
      const first = sheets[0];
      if (!first) throw new NoSuchSheetError("the workbook has no sheets");
      return first;
    }
    const found =
      sheets.find((s) => s.name === name) ??
      sheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
    if (!found)
      throw new NoSuchSheetError(
        `no sheet named "${name}" (sheets: ${sheets.map((s) => `"${s.name}"`).join(", ")})`,
      );
    return found;
  }
}

export { PackageLimitError };
