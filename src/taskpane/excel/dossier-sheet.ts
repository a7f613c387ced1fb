/**
 * Writes the dispute dossier (src/ledger/dossier.ts, as rows) to a new
 * worksheet, GuardDossier or the next free "GuardDossier (n)", the way the
 * blacklist export does (export.ts): every cell as text (Excel's leading
 * apostrophe), so a ledger cell starting with "=" stays inert and an account
 * number keeps its digits; no cell of the user's is touched; a failed write
 * deletes the new sheet again; success only once every row is read back.
 */
import { writeNewTextSheet } from "./export";

export const DOSSIER_SHEET = "GuardDossier";
const NAME_TRIES = 50;

/** The candidate sheet names, first choice first. */
export function dossierSheetNames(): string[] {
  return Array.from({ length: NAME_TRIES }, (_, i) =>
    i === 0 ? DOSSIER_SHEET : `${DOSSIER_SHEET} (${i + 1})`,
  );
}

/** The rows as one rectangle of text cells, as wide as the last column holding anything; trailing blank rows dropped. */
export function dossierSheetCells(rows: readonly (readonly string[])[]): string[][] {
  let last = rows.length;
  while (last > 0 && (rows[last - 1] ?? []).every((v) => v === "")) last--;
  const kept = rows.slice(0, last);
  let width = 1;
  for (const r of kept) r.forEach((v, j) => (width = v === "" ? width : Math.max(width, j + 1)));
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
  const sheet = await writeNewTextSheet(dossierSheetNames(), cells, cells[0]?.length ?? 1);
  return { sheet, rows: cells.length };
}
