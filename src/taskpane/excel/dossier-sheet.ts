/**
 * Writes the dispute dossier (src/ledger/dossier.ts, as rows) to a new
 * worksheet, GuardDossier or the next free "GuardDossier (n)". Every cell is
 * written as text (Excel's leading apostrophe): a ledger cell starting with
 * "=" stays inert, an account number keeps its digits. The sheet is new, so no
 * cell of the user's is touched; when a write fails the new sheet is deleted
 * again, and success is reported only after reading back every row.
 */
import { parseAddress, regionAddress } from "./address";
import { chunkRows, ExportError } from "./export";

export const DOSSIER_SHEET = "GuardDossier";
const NAME_TRIES = 50;

/** The candidate sheet names, first choice first. */
export function dossierSheetNames(): string[] {
  return Array.from({ length: NAME_TRIES }, (_, i) =>
    i === 0 ? DOSSIER_SHEET : `${DOSSIER_SHEET} (${i + 1})`,
  );
}

/** The rows as one rectangle of text cells, trailing blank rows dropped. */
export function dossierSheetCells(rows: readonly (readonly string[])[]): string[][] {
  let last = rows.length;
  while (last > 0 && (rows[last - 1] ?? []).every((v) => v === "")) last--;
  const kept = rows.slice(0, last);
  const width = kept.reduce((w, r) => Math.max(w, r.length), 1);
  return kept.map((r) => Array.from({ length: width }, (_, j) => (r[j] ? `'${r[j]}` : "")));
}

/**
 * Writes the dossier's rows to a new sheet, leaving the active sheet as it is.
 * Resolves with the sheet's name once the sheet holds every row.
 */
export async function writeDossierSheet(
  rows: readonly (readonly string[])[],
): Promise<{ sheet: string; rows: number }> {
  const cells = dossierSheetCells(rows);
  const width = cells[0]?.length ?? 1;
  return Excel.run(async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    const candidates = dossierSheetNames().map((name) => {
      const sheet = worksheets.getItemOrNullObject(name);
      sheet.load("name");
      return { name, sheet };
    });
    await ctx.sync();
    const name = candidates.find((c) => c.sheet.isNullObject)?.name;
    if (name === undefined) throw new ExportError("no_sheet_name", `${DOSSIER_SHEET} (${NAME_TRIES})`);
    const sheet = worksheets.add(name);
    try {
      const chunks = chunkRows(cells);
      for (const [index, [start, end]] of chunks.entries()) {
        const region = { sheet: name, row: start, column: 0, rowCount: end - start, columnCount: width };
        sheet.getRange(regionAddress(region, false)).values = cells.slice(start, end);
        if (index < chunks.length - 1) await ctx.sync();
      }
      const used = sheet.getUsedRange();
      used.load("address");
      await ctx.sync();
      const written = parseAddress(used.address);
      if (written.row !== 0 || written.rowCount !== cells.length) {
        throw new ExportError("not_written", `${used.address}, expected ${cells.length} rows`);
      }
    } catch (error) {
      const left = ctx.workbook.worksheets.getItemOrNullObject(name);
      left.load("name");
      await ctx.sync().catch(() => undefined);
      if (!left.isNullObject) {
        left.delete();
        await ctx.sync().catch(() => undefined);
      }
      throw error;
    }
    return { sheet: name, rows: cells.length };
  });
}
