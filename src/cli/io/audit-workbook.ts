import type ExcelJS from "exceljs";
import { summarizeReasons } from "../../rules/explain";
import type { Lang } from "../../rules/types";
import type { HeaderMap } from "../../ledger/header";
import { columnLetter } from "../errors";
import { columnHeadings, columnLabels, columnRows, columnWarnings } from "../format";
import {
  countsText,
  summaryDateLines,
  summaryLabels,
  type AuditSummary,
  type RowOutcome,
} from "./audit-summary";

/**
 * The audited copy's additions: three columns right of the ledger (score,
 * level, reasons) with conditional formatting, and a Summary sheet. Works on
 * a loaded workbook and on exceljs' streaming writer alike (rows are only
 * ever written top to bottom).
 */

export const RISK_HEADERS: Record<Lang, readonly [string, string, string]> = {
  en: ["Risk score", "Risk level", "Reasons"],
  zh: ["风险分", "风险等级", "风险原因"],
};

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const HIGH_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } },
  font: { color: { argb: "FF9C0006" } },
};
const MEDIUM_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFEB9C" } },
  font: { color: { argb: "FF9C5700" } },
};

/** The text of the Reasons cell: the verdict's sentences (a cell that could not be read among them). */
export function reasonsText(outcome: RowOutcome, lang: Lang): string {
  return summarizeReasons(outcome.verdict, lang);
}

/** Writes the three header cells, bold on a light fill, starting at column `firstCol` (1-based). */
export function writeRiskHeader(row: ExcelJS.Row, firstCol: number, lang: Lang): void {
  RISK_HEADERS[lang].forEach((text, i) => {
    const cell = row.getCell(firstCol + i);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
}

/** Writes one row's score, level and reasons. */
export function writeRiskCells(row: ExcelJS.Row, firstCol: number, outcome: RowOutcome, lang: Lang): void {
  row.getCell(firstCol).value = outcome.verdict.score;
  row.getCell(firstCol + 1).value = outcome.verdict.level;
  row.getCell(firstCol + 2).value = reasonsText(outcome, lang);
}

/** Widths for the three columns (set before any row is written when streaming). */
export function setRiskColumnWidths(worksheet: ExcelJS.Worksheet, firstCol: number): void {
  worksheet.getColumn(firstCol).width = 11;
  worksheet.getColumn(firstCol + 1).width = 11;
  worksheet.getColumn(firstCol + 2).width = 90;
}

/** HIGH rows red, MEDIUM amber, on the three columns from `firstRow` to `lastRow`. */
export function addRiskFormatting(
  worksheet: ExcelJS.Worksheet,
  firstCol: number,
  firstRow: number,
  lastRow: number,
): void {
  if (lastRow < firstRow) return;
  const from = columnLetter(firstCol);
  const to = columnLetter(firstCol + 2);
  const level = `$${columnLetter(firstCol + 1)}${firstRow}`;
  const existing =
    (worksheet as unknown as { conditionalFormattings?: Array<{ rules?: Array<{ priority?: number }> }> })
      .conditionalFormattings ?? [];
  const top = Math.max(0, ...existing.flatMap((cf) => (cf.rules ?? []).map((r) => r.priority ?? 0)));
  worksheet.addConditionalFormatting({
    ref: `${from}${firstRow}:${to}${lastRow}`,
    rules: [
      { type: "expression", priority: top + 1, formulae: [`${level}="HIGH"`], style: HIGH_STYLE },
      { type: "expression", priority: top + 2, formulae: [`${level}="MEDIUM"`], style: MEDIUM_STYLE },
    ],
  });
}

/** A sheet name not yet taken: "Summary", else "Summary (2)"... */
export function freeSheetName(taken: readonly string[], base: string): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

type SheetHost = Pick<ExcelJS.Workbook, "addWorksheet">;

/**
 * Adds the Summary sheet: rows per level, every supplier by risk, every reason
 * by frequency, and how each column was read, with the columns that look
 * relevant but are not read.
 */
export function addSummarySheet(
  workbook: SheetHost,
  takenNames: readonly string[],
  summary: AuditSummary,
  lang: Lang,
  source: { file: string; sheet: string },
  header?: HeaderMap | undefined,
): ExcelJS.Worksheet {
  const L = summaryLabels(lang);
  const ws = workbook.addWorksheet(freeSheetName(takenNames, "Summary"));
  ws.columns = [{ width: 40 }, { width: 22 }, { width: 12 }, { width: 12 }, { width: 80 }];
  const bold = (row: ExcelJS.Row): void => {
    row.font = { bold: true };
  };
  const title = ws.addRow([L.title]);
  title.font = { bold: true, size: 14 };
  ws.addRow([`${source.file} — ${source.sheet}`, countsText(summary, lang)]);
  ws.addRow([]);
  bold(ws.addRow([L.level, L.count]));
  ws.addRow(["HIGH", summary.levels.HIGH]);
  ws.addRow(["MEDIUM", summary.levels.MEDIUM]);
  ws.addRow(["LOW", summary.levels.LOW]);
  ws.addRow([L.warnings, summary.warnings]);
  ws.addRow([]);
  bold(ws.addRow([L.suppliersTitle]));
  bold(ws.addRow([L.supplier, L.maxScore, L.orders, L.high]));
  for (const s of summary.suppliers) ws.addRow([s.supplier, s.maxScore, s.orders, s.high]);
  ws.addRow([]);
  bold(ws.addRow([L.reasonsTitle]));
  bold(ws.addRow([L.rule, L.code, L.rowCount, "", L.example]));
  for (const r of summary.reasons) ws.addRow([r.rule, r.code, r.rows, "", r.example]);
  if (header) {
    const C = columnLabels(lang);
    ws.addRow([]);
    bold(ws.addRow([C.title]));
    bold(ws.addRow(columnHeadings(lang, summary.dates)));
    for (const row of columnRows(header, lang, summary.dates)) ws.addRow(row);
    const warnings = columnWarnings(header, lang);
    if (warnings.length > 0) {
      ws.addRow([]);
      bold(ws.addRow([L.columnWarningsTitle]));
      for (const w of warnings) ws.addRow([w]);
    }
    const dates = summaryDateLines(summary, lang);
    if (dates.length > 0) {
      ws.addRow([]);
      bold(ws.addRow([L.datesTitle]));
      for (const line of dates) ws.addRow([line]);
    }
  }
  return ws;
}
