import type { Readable } from "node:stream";
import type { XlsxPackage, SheetInfo } from "./package";
import { checkBomb, PackageLimitError, type SharedStrings } from "./shared-strings";
import { scanSheet, scanSheetBatches, type SheetContext, type SheetPiece } from "./sheet-reader";
import { ZipError } from "./zip-read";

/** A sheet's part inflates to at most this (Excel's own limits keep a real one far below). */
const MAX_SHEET_BYTES = 64 * 1024 * 1024 * 1024;

export interface OpenSheetOptions {
  /** Keep each row's XML, to write it back. */
  keepXml?: boolean;
  /** Shared strings already read (read here when left out). */
  sharedStrings?: SharedStrings;
  /** Named in errors, e.g. `ledger.xlsx, sheet "Orders"`. */
  where?: string;
  /** The columns whose values are wanted, once the caller knows (see SheetContext). */
  columns?: SheetContext["columns"];
}

/**
 * A worksheet of an open package as a stream of pieces (head, rows, tail),
 * with shared strings resolved and numbers in date formats read as dates in
 * the workbook's date system.
 */
export async function openSheet(
  pkg: XlsxPackage,
  sheet: SheetInfo,
  options: OpenSheetOptions = {},
): Promise<AsyncGenerator<SheetPiece>> {
  const [stream, ctx] = await sheetStream(pkg, sheet, options);
  return scanSheet(stream, ctx);
}

/** `openSheet`, its pieces handed over in batches (fewer awaits on a long sheet). */
export async function openSheetBatches(
  pkg: XlsxPackage,
  sheet: SheetInfo,
  options: OpenSheetOptions = {},
): Promise<AsyncGenerator<SheetPiece[]>> {
  const [stream, ctx] = await sheetStream(pkg, sheet, options);
  return scanSheetBatches(stream, ctx);
}

async function sheetStream(
  pkg: XlsxPackage,
  sheet: SheetInfo,
  options: OpenSheetOptions,
): Promise<[Readable, SheetContext]> {
  const entry = pkg.entry(sheet.part);
  if (!entry) throw new PackageLimitError(`the sheet "${sheet.name}" has no part ${sheet.part}`);
  checkBomb(entry, MAX_SHEET_BYTES);
  const sharedStrings = options.sharedStrings ?? (await pkg.sharedStrings());
  const styles = await pkg.styles();
  let stream;
  try {
    stream = await pkg.zip.openEntry(entry);
  } catch (error) {
    if (error instanceof ZipError) throw new PackageLimitError(error.message);
    throw error;
  }
  return [
    stream,
    {
      sharedStrings,
      dateStyles: styles?.dateStyles() ?? [],
      date1904: pkg.date1904,
      keepXml: options.keepXml === true,
      where: options.where ?? `sheet "${sheet.name}"`,
      columns: options.columns,
    },
  ];
}
