/**
 * Exports the blacklist to a new worksheet: the way out that works on every
 * Excel (a file download does nothing in Excel on Mac). Every cell is written
 * as text (Excel's leading apostrophe), so a member id stays digits, a date
 * stays as typed and text starting with "=" never becomes a formula. The
 * sheet is new, so no cell of the user's is touched; when a write fails the
 * new sheet is deleted again, and success is reported only after reading back
 * that every row arrived.
 */
import { BLACKLIST_COLUMNS } from "./layout";
import { parseAddress, regionAddress } from "./address";

export const EXPORT_SHEET = "GuardBlacklistExport";
/** Names tried: GuardBlacklistExport, then GuardBlacklistExport (2) ... (this many). */
const NAME_TRIES = 50;
/**
 * Characters written per sync. Excel on the web refuses a request above 5 MB;
 * Chinese text takes 3 bytes a character in the request, plus JSON quoting.
 */
const CHARS_PER_SYNC = 400_000;

/** An export that could not be completed; nothing was left in the workbook. */
export class ExportError extends Error {
  constructor(
    readonly code: "no_sheet_name" | "not_written",
    readonly detail = "",
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "ExportError";
  }
}

export interface SheetExport {
  sheet: string;
  /** Entries written (the header row not counted). */
  rows: number;
}

/** The candidate sheet names, first choice first. */
export function exportSheetNames(): string[] {
  return Array.from({ length: NAME_TRIES }, (_, i) =>
    i === 0 ? EXPORT_SHEET : `${EXPORT_SHEET} (${i + 1})`,
  );
}

/** Header and rows as text cells: each non-empty value behind Excel's text mark ('). */
export function exportCells(rows: readonly (readonly string[])[]): string[][] {
  const text = (v: string | undefined): string => (v === undefined || v === "" ? "" : `'${v}`);
  return [[...BLACKLIST_COLUMNS], ...rows.map((r) => BLACKLIST_COLUMNS.map((_, j) => text(r[j])))];
}

/** Consecutive row ranges [start, end) of `cells`, each under `budget` characters (at least one row). */
export function chunkRows(
  cells: readonly (readonly string[])[],
  budget = CHARS_PER_SYNC,
): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let start = 0;
  let size = 0;
  cells.forEach((row, i) => {
    const rowSize = row.reduce((n, v) => n + v.length + 3, 0);
    if (i > start && size + rowSize > budget) {
      chunks.push([start, i]);
      start = i;
      size = 0;
    }
    size += rowSize;
  });
  if (cells.length > start) chunks.push([start, cells.length]);
  return chunks;
}

/**
 * Writes the blacklist rows (columns as in GuardBlacklist) to a new sheet
 * named GuardBlacklistExport, or the next free "GuardBlacklistExport (n)",
 * leaving the active sheet as it is (the pane keeps reading the ledger there).
 * Resolves only when the sheet holds every row.
 */
export async function exportBlacklistToSheet(
  rows: readonly (readonly string[])[],
  charsPerSync = CHARS_PER_SYNC,
): Promise<SheetExport> {
  const cells = exportCells(rows);
  const sheet = await writeNewTextSheet(exportSheetNames(), cells, BLACKLIST_COLUMNS.length, charsPerSync);
  return { sheet, rows: rows.length };
}

/**
 * Adds a sheet under the first free name of `names` and writes `cells` (text,
 * `width` columns) to it, leaving the active sheet as it is; resolves with the
 * name once the sheet holds every row. A failed write deletes the sheet again.
 */
export async function writeNewTextSheet(
  names: readonly string[],
  cells: readonly (readonly string[])[],
  width: number,
  charsPerSync = CHARS_PER_SYNC,
): Promise<string> {
  return Excel.run(async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    const candidates = names.map((name) => {
      const sheet = worksheets.getItemOrNullObject(name);
      sheet.load("name");
      return { name, sheet };
    });
    await ctx.sync();
    const name = candidates.find((c) => c.sheet.isNullObject)?.name;
    if (name === undefined) throw new ExportError("no_sheet_name", names[names.length - 1] ?? "");

    const sheet = worksheets.add(name);
    try {
      const chunks = chunkRows(cells, charsPerSync);
      for (const [index, [start, end]] of chunks.entries()) {
        const region = { sheet: name, row: start, column: 0, rowCount: end - start, columnCount: width };
        sheet.getRange(regionAddress(region, false)).values = cells.slice(start, end) as string[][];
        if (index < chunks.length - 1) await ctx.sync();
      }
      const used = sheet.getUsedRange();
      used.load("address");
      await ctx.sync();
      const written = parseAddress(used.address);
      if (written.row !== 0 || written.rowCount !== cells.length || written.columnCount !== width) {
        throw new ExportError("not_written", `${used.address}, expected ${cells.length} rows`);
      }
    } catch (error) {
      await deleteSheetIfThere(ctx, name).catch(() => undefined);
      throw error;
    }
    return name;
  });
}

/** Leaves the workbook as it was after a failed export: the half-written sheet goes again. */
async function deleteSheetIfThere(ctx: Excel.RequestContext, name: string): Promise<void> {
  const left = ctx.workbook.worksheets.getItemOrNullObject(name);
  left.load("name");
  await ctx.sync();
  if (left.isNullObject) return;
  left.delete();
  await ctx.sync();
}
