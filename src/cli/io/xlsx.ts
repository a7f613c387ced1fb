import { NoSuchSheetError, PackageError, XlsxPackage, type SheetInfo } from "../../xlsx/package";
import { openSheetBatches } from "../../xlsx/read";
import { PackageLimitError, type SharedStrings } from "../../xlsx/shared-strings";
import { SheetError } from "../../xlsx/sheet-reader";
import { ZipError } from "../../xlsx/zip-read";
import type { CellValue } from "../../rules/types";
import { CliError } from "../errors";
import type { DelimitedRow } from "./csv";

/**
 * Reading one sheet of an xlsx workbook, through src/xlsx (the package read as
 * a zip, the sheet's XML scanned as a stream): as a stream of rows
 * (`openXlsxRows`), or held in memory as a grid of values (`readXlsx`, `cellsOf`).
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
  const source = await openXlsxRows(file, options);
  try {
    return { sheetName: source.sheetName, cells: await cellsOf(source) };
  } finally {
    await source.close();
  }
}

/**
 * An open sheet's rows held in memory, read once: index i is sheet row i + 1, up to the last
 * row that holds a cell (rows written empty at the end are left off).
 */
export async function cellsOf(source: XlsxRowSource): Promise<CellValue[][]> {
  const cells: CellValue[][] = [];
  for await (const batch of source.rows()) {
    for (const { rowNumber, values } of batch) {
      if (values.length === 0) continue;
      while (cells.length < rowNumber - 1) cells.push([]);
      cells.push(values);
    }
  }
  return cells;
}

/** A sheet of an open workbook read as a stream of rows, as many times as asked. */
export interface XlsxRowSource {
  sheetName: string;
  /** How many bytes the sheet's XML inflates to (its zip entry says). */
  sheetBytes: number;
  /**
   * The sheet's rows from row 1 (a row the sheet does not write comes as an empty one), a
   * batch at a time; each call reads the sheet again from its start.
   */
  rows: () => AsyncIterable<DelimitedRow[]>;
  close(): Promise<void>;
}

/**
 * Opens one sheet (the first when none is named) of an xlsx file to be read as a stream, in
 * flat memory however long it is (`guard score`); close it when done.
 */
export async function openXlsxRows(file: string, options: { sheet?: string } = {}): Promise<XlsxRowSource> {
  const pkg = await openWorkbook(file);
  try {
    const sheet = pkg.pickSheet(options.sheet);
    const sharedStrings = await pkg.sharedStrings();
    return {
      sheetName: sheet.name,
      sheetBytes: pkg.entry(sheet.part)?.size ?? 0,
      rows: () => sheetRows(file, pkg, sheet, sharedStrings),
      close: () => pkg.close(),
    };
  } catch (error) {
    await pkg.close();
    throw packageError(file, error);
  }
}

async function* sheetRows(
  file: string,
  pkg: XlsxPackage,
  sheet: SheetInfo,
  sharedStrings: SharedStrings,
): AsyncGenerator<DelimitedRow[]> {
  let next = 1;
  try {
    for await (const batch of await openSheetBatches(pkg, sheet, {
      sharedStrings,
      where: `sheet "${sheet.name}"`,
    })) {
      const rows: DelimitedRow[] = [];
      for (const piece of batch) {
        if (piece.kind !== "row") continue;
        const { rowNumber, values } = piece.row;
        while (next < rowNumber) rows.push({ rowNumber: next++, values: [] });
        rows.push({ rowNumber: next++, values });
      }
      if (rows.length > 0) yield rows;
    }
  } catch (error) {
    throw packageError(file, error);
  }
}
