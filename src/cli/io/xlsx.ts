import ExcelJS from "exceljs";
import { CliError } from "../errors";
import type { CellValue } from "../../rules/types";

/**
 * Reading xlsx workbooks with exceljs, either whole (`loadWorkbook`: keeps
 * every style, sheet and conditional format, for writing an audited copy) or
 * row by row (`streamSheetRows`: flat memory for very large ledgers).
 */

/** An exceljs cell value as the engine's plain `CellValue`. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      // The stream reader turns a formula's error result into NaN.
      return Number.isFinite(value) ? value : null;
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const v = value as Record<string, unknown>;
  if ("formula" in v || "sharedFormula" in v) return toCellValue(v["result"]);
  if (Array.isArray(v["richText"])) {
    return (v["richText"] as Array<{ text?: unknown }>).map((run) => String(run.text ?? "")).join("");
  }
  if ("hyperlink" in v) {
    const text = toCellValue(v["text"]);
    return text === null || text === "" ? String(v["hyperlink"] ?? "") || null : text;
  }
  if (typeof v["error"] === "string") return v["error"];
  if ("text" in v) return toCellValue(v["text"]);
  return null;
}

function describeReadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of central directory|zip|signature|invalid/i.test(message)) {
    return "not an xlsx workbook (is it an old .xls, or a csv renamed to .xlsx?)";
  }
  return message;
}

/** Loads a whole workbook; a file that is not a readable xlsx is a `CliError` naming it. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new CliError(`${file}: cannot read: ${describeReadError(error)}`);
  }
  return workbook;
}

/** The sheet named `sheet`, or the first sheet; an unknown name lists the sheets there are. */
export function pickWorksheet(workbook: ExcelJS.Workbook, file: string, sheet?: string): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  if (sheet === undefined) {
    const first = sheets[0];
    if (!first) throw new CliError(`${file}: the workbook has no sheets`);
    return first;
  }
  const found =
    sheets.find((ws) => ws.name === sheet) ??
    sheets.find((ws) => ws.name.trim().toLowerCase() === sheet.trim().toLowerCase());
  if (!found) {
    throw new CliError(
      `${file}: no sheet named "${sheet}" (sheets: ${sheets.map((ws) => `"${ws.name}"`).join(", ")})`,
    );
  }
  return found;
}

/** A worksheet's values as a grid: `cells[r][c]` is sheet row r + 1, column c + 1. */
export function worksheetCells(worksheet: ExcelJS.Worksheet): CellValue[][] {
  const cells: CellValue[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    cells[rowNumber - 1] = rowValues(row);
  });
  // eachRow skips empty rows: fill the holes so every index is an array.
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  return cells;
}

/** One row's values, index c = column c + 1. */
export function rowValues(row: ExcelJS.Row): CellValue[] {
  const values: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
    values[colNumber - 1] = toCellValue(cell.value);
  });
  for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = null;
  return values;
}

export interface XlsxTable {
  sheetName: string;
  cells: CellValue[][];
}

/** Reads one sheet of an xlsx file into memory. */
export async function readXlsx(file: string, options: { sheet?: string } = {}): Promise<XlsxTable> {
  const workbook = await loadWorkbook(file);
  const worksheet = pickWorksheet(workbook, file, options.sheet);
  return { sheetName: worksheet.name, cells: worksheetCells(worksheet) };
}

export interface StreamedRow {
  /** 1-based sheet row number. */
  rowNumber: number;
  values: CellValue[];
  /** The exceljs row (with styles when asked for), for copying to a writer. */
  row: ExcelJS.Row;
}

export interface StreamedSheet {
  name: string;
  /** True for the sheet chosen (`sheet` option, or the first in workbook order). */
  chosen: boolean;
  rows: AsyncIterable<StreamedRow>;
  /** Column definitions (widths), known once the rows have been read. */
  columns(): ExcelJS.Column[] | null;
}

export interface StreamWorkbookOptions {
  sheet?: string;
  /** Keep each cell's style (needed to copy rows to a writer); costs some speed. */
  styles?: boolean;
}

/**
 * Every sheet of a workbook in file order, each with its rows as a stream.
 * Consume (or skip through) each sheet's rows before moving to the next: the
 * file is read once, front to back. Throws `CliError` for an unreadable file
 * or, after the last sheet, for a `sheet` name that was not found.
 */
export async function* streamWorkbook(
  file: string,
  options: StreamWorkbookOptions = {},
): AsyncGenerator<StreamedSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "cache",
    styles: options.styles ? "cache" : "ignore",
    entries: "ignore",
  });
  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as ExcelJS.stream.xlsx.WorksheetReader & {
        name: string;
        columns: ExcelJS.Column[] | null;
      };
      const name = ws.name;
      seen.push(name);
      const model = (reader as unknown as { model?: { sheets?: Array<{ name: string }> } }).model;
      const firstName = model?.sheets?.[0]?.name;
      const chosen =
        !found &&
        (options.sheet === undefined
          ? firstName === undefined || firstName === name
          : name === options.sheet);
      if (chosen) found = true;
      const rows = (async function* () {
        for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
          yield { rowNumber: row.number, values: rowValues(row), row };
        }
      })();
      yield { name, chosen, rows, columns: () => ws.columns };
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: cannot read: ${describeReadError(error)}`);
  }
  if (!found) {
    if (options.sheet === undefined) throw new CliError(`${file}: the workbook has no sheets`);
    throw new CliError(
      `${file}: no sheet named "${options.sheet}" (sheets: ${seen.map((s) => `"${s}"`).join(", ")})`,
    );
  }
}
