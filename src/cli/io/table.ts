import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { CliError } from "../errors";
import { readDelimitedChunks } from "./csv";
import { readXlsx } from "./xlsx";
import type { CellValue } from "../../rules/types";

export interface Table {
  /** The sheet read (for csv and tsv files: the file name without its extension). */
  sheetName: string;
  /** `cells[r][c]` is sheet row r + 1, column c + 1. */
  cells: CellValue[][];
}

export interface ReadTableOptions {
  /** Sheet name (xlsx only); the first sheet when left out. */
  sheet?: string;
}

export type TableFormat = "xlsx" | "csv" | "tsv";

/** The format a file name announces: .xlsx/.xlsm, .csv, or .tsv/.txt (tab separated). */
export function tableFormat(file: string): TableFormat {
  const ext = path.extname(file).toLowerCase();
  switch (ext) {
    case ".xlsx":
    case ".xlsm":
      return "xlsx";
    case ".csv":
      return "csv";
    case ".tsv":
    case ".txt":
      return "tsv";
    case ".xls":
      throw new CliError(
        `${file}: the old .xls format is not supported; save it as .xlsx (Excel: File > Save As > Excel Workbook)`,
      );
    default:
      throw new CliError(
        `${file}: unknown file type "${ext || "(none)"}"; expected .xlsx, .csv, .tsv or .txt`,
      );
  }
}

function fileError(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new CliError(`${file}: no such file`);
  if (code === "EISDIR") return new CliError(`${file}: is a folder, not a file`);
  if (code === "EACCES" || code === "EPERM") return new CliError(`${file}: permission denied`);
  return new CliError(`${file}: cannot read: ${(error as Error).message}`);
}

/** Fails with a `CliError` naming the file unless it is an existing regular file; returns its size in bytes. */
export async function assertReadableFile(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    return info.size;
  } catch (error) {
    throw fileError(file, error);
  }
}

/** Bytes of a file; a missing or unreadable file is a `CliError` naming it. */
export async function readFileBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw fileError(file, error);
  }
}

/** One sheet of an xlsx workbook, or a csv / tsv file, as a grid of cell values. */
export async function readTable(file: string, options: ReadTableOptions = {}): Promise<Table> {
  const format = tableFormat(file);
  if (format === "xlsx") {
    await assertReadableFile(file);
    return readXlsx(file, options);
  }
  assertOneTable(file, format, options.sheet);
  await assertReadableFile(file);
  const cells: CellValue[][] = [];
  const read = readDelimitedChunks(file, format === "tsv" ? { delimiter: "\t" } : {});
  for await (const rows of read) for (const row of rows) cells.push(row.values);
  return { sheetName: path.basename(file, path.extname(file)), cells };
}

/** A csv or tsv file has one table: `--sheet` is refused for it. */
export function assertOneTable(file: string, format: TableFormat, sheet: string | undefined): void {
  if (format !== "xlsx" && sheet !== undefined) {
    throw new CliError(`${file}: --sheet applies to xlsx workbooks; a ${format} file has one table`);
  }
}
