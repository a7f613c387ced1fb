/**
 * The three ways the pane hands the blacklist out, each with the notice it
 * earns: a new sheet (every host), the clipboard (every host that allows it)
 * and a CSV download (where the web view saves downloads). Success is said
 * only for what was seen to happen: the sheet read back, the copy confirmed.
 * A download cannot be seen to arrive, so its notice says what was asked.
 */
import { copyText } from "./clipboard";
import { exportBlacklistToSheet } from "./excel/export";
import type { Notice } from "./hooks/useWorkbook";
import { phrase } from "./i18n";
import { exportBlacklistCsv } from "./model/blacklist-csv";

type Rows = readonly (readonly string[])[];

/** Writes the rows to a new sheet; rejects (and leaves the workbook as it was) when that fails. */
export async function blacklistToSheet(rows: Rows): Promise<Notice> {
  const done = await exportBlacklistToSheet(rows);
  return { intent: "success", text: phrase("exportedToSheet", { count: done.rows, sheet: done.sheet }) };
}

/** Copies the rows as CSV text; a warning, never success, when nothing reached the clipboard. */
export async function blacklistToClipboard(
  rows: Rows,
  copy: (text: string) => Promise<boolean> = copyText,
): Promise<Notice> {
  const csv = exportBlacklistCsv(rows).replace(/^\uFEFF/, "");
  if (!(await copy(csv))) return { intent: "warning", text: phrase("copyFailed") };
  return { intent: "success", text: phrase("copied", { count: rows.length }) };
}

/** The CSV file the download offers: its name and contents. */
export function blacklistCsvFile(rows: Rows, today: string): { name: string; csv: string } {
  return { name: `blacklist-${today}.csv`, csv: exportBlacklistCsv(rows) };
}

/** What the pane says after starting a download: asked for, not saved. */
export function downloadNotice(file: string, count: number): Notice {
  return { intent: "info", text: phrase("downloadAsked", { file, count }) };
}
