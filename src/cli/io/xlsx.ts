import { MAX_ROWS } from "../../xlsx/cells";
import { NoSuchSheetError, PackageError, XlsxPackage } from "../../xlsx/package";
import { openSheet } from "../../xlsx/read";
import { PackageLimitError } from "../../xlsx/shared-strings";
import { SheetError } from "../../xlsx/sheet-reader";
import { ZipError } from "../../xlsx/zip-read";
import type { CellValue } from "../../rules/types";
import { CliError } from "../errors";

/**
 * Reading one sheet of an xlsx workbook into a grid of values, through
 * src/xlsx (the package read as a zip, the sheet's XML scanned as a stream).
 */

/** A package fault as the `CliError` that names the file. */
export function packageError(file: string, error: unknown): unknown {
  if (error instanceof NoSuchSheetError) return new CliError(`${file}: ${error.message}`);
  if (error instanceof PackageError || error instanceof ZipError)
    return new CliError(`${file}: cannot read: ${error.message}`);
  if (error instanceof PackageLimitError) return new CliError(`${file}: refused: ${error.message}`);
  if (error instanceof SheetError) return new CliError(`${file}: ${error.message}`);
  return error;
}

/** Opens a workbook; a file that is not a readable xlsx is a `CliError` naming it. */
export async function openWorkbook(file: string): Promise<XlsxPackage> {
  try {
    return await XlsxPackage.open(file);
  } catch (error) {
    throw packageError(file, error);
  }
}

export interface XlsxTable {
  sheetName: string;
  cells: CellValue[][];
}

/** Reads one sheet (the first when none is named) of an xlsx file into memory. */
export async function readXlsx(file: string, options: { sheet?: string } = {}): Promise<XlsxTable> {
  const pkg = await openWorkbook(file);
  try {
    const sheet = pkg.pickSheet(options.sheet);
    const cells: CellValue[][] = [];
    for await (const piece of await openSheet(pkg, sheet, { where: `sheet "${sheet.name}"` })) {
      if (piece.kind !== "row") continue;
      const { rowNumber, values } = piece.row;
      if (values.length === 0) continue;
      while (cells.length < rowNumber - 1) cells.push([]);
      cells.push(values);
      if (cells.length > MAX_ROWS) break;
    }
    return { sheetName: sheet.name, cells };
  } catch (error) {
    throw packageError(file, error);
  } finally {
    await pkg.close();
  }
}
