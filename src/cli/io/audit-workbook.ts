import { summarizeReasons } from "../../rules/explain";
import type { Lang } from "../../rules/types";
import type { HeaderMap } from "../../ledger/header";
import type { Styles } from "../../xlsx/styles";
import { columnName } from "../../xlsx/cells";
import { conditionalFormattingXml, SheetWriter, type OutCell } from "../../xlsx/sheet-writer";
import type { ZipWriter } from "../../xlsx/zip-write";
import { columnHeadings, columnLabels, columnRows, columnWarnings } from "../format";
import {
  countsText,
  summaryDateLines,
  summaryLabels,
  type AuditSummary,
  type RowOutcome,
} from "./audit-summary";

/**
 * The audited copy's additions, as cells: three columns right of the ledger
 * (score, level, reasons) flagged by conditional formatting, and the Summary
 * sheet. Written into the package by audit-write.ts.
 */

export const RISK_HEADERS: Record<Lang, readonly [string, string, string]> = {
  en: ["Risk score", "Risk level", "Reasons"],
  zh: ["风险分", "风险等级", "风险原因"],
};

/** Widths of the three risk columns. */
export const RISK_WIDTHS = [11, 11, 90] as const;

/** The cell formats and differential formats the additions use, appended once to the workbook's styles. */
export interface AuditStyles {
  header: number;
  bold: number;
  title: number;
  money: number;
  percent: number;
  high: number;
  medium: number;
}

export function addAuditStyles(styles: Styles): AuditStyles {
  const bold = styles.addBoldFont();
  return {
    header: styles.addXf({ fontId: bold, fillId: styles.addSolidFill("FFDDEBF7") }),
    bold: styles.addXf({ fontId: bold }),
    title: styles.addXf({ fontId: styles.addBoldFont(14) }),
    money: styles.addXf({ numFmtId: styles.numFmt("#,##0.00") }),
    percent: styles.addXf({ numFmtId: styles.numFmt("0%") }),
    high: styles.addDxf("FF9C0006", "FFFFC7CE"),
    medium: styles.addDxf("FF9C5700", "FFFFEB9C"),
  };
}

/** The text of the Reasons cell: the verdict's sentences (a cell that could not be read among them). */
export function reasonsText(outcome: RowOutcome, lang: Lang): string {
  return summarizeReasons(outcome.verdict, lang);
}

/** The three header cells, bold on a light fill. */
export function riskHeaderCells(lang: Lang, styles: AuditStyles): OutCell[] {
  return RISK_HEADERS[lang].map((value) => ({ value, style: styles.header }));
}

/** One row's score, level and reasons. */
export function riskCells(outcome: RowOutcome, lang: Lang): OutCell[] {
  return [
    // Every cell with a style (0: none), as the header's have: one shape of cell for V8.
    { value: outcome.verdict.score, style: 0 },
    { value: outcome.verdict.level, style: 0 },
    { value: reasonsText(outcome, lang), style: 0 },
  ];
}

/** HIGH rows red, MEDIUM amber, on the three columns from `firstRow` to `lastRow` ("" when no rows). */
export function riskFormattingXml(
  firstCol: number,
  firstRow: number,
  lastRow: number,
  styles: AuditStyles,
  priority: number,
  prefix = "",
): string {
  if (lastRow < firstRow) return "";
  const level = `$${columnName(firstCol + 1)}${firstRow}`;
  return conditionalFormattingXml(
    `${columnName(firstCol)}${firstRow}:${columnName(firstCol + 2)}${lastRow}`,
    [
      { formula: `${level}="HIGH"`, dxfId: styles.high },
      { formula: `${level}="MEDIUM"`, dxfId: styles.medium },
    ],
    priority,
    prefix,
  );
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

/** A small sheet as cells: `rows[i]` is sheet row i + 1, from column A. */
export interface SheetModel {
  widths: Array<[number, number]>;
  rows: OutCell[][];
}

/** Writes a sheet model as a new worksheet part. */
export async function writeSheetModel(zip: ZipWriter, part: string, model: SheetModel): Promise<void> {
  const sheet = new SheetWriter(zip, part, model.widths);
  for (let i = 0; i < model.rows.length; i++) await sheet.row(i + 1, model.rows[i]!);
  await sheet.end();
}

/**
 * The Summary sheet: rows per level, every supplier by risk, every reason
 * by frequency, and how each column was read, with the columns that look
 * relevant but are not read; `notes` (such as where a long ledger goes on)
 * after the first line.
 */
export function summarySheet(
  summary: AuditSummary,
  lang: Lang,
  source: { file: string; sheet: string },
  styles: AuditStyles,
  header?: HeaderMap | undefined,
  notes: readonly string[] = [],
): SheetModel {
  const L = summaryLabels(lang);
  const rows: OutCell[][] = [];
  const add = (values: Array<string | number>, style?: number): void => {
    rows.push(values.map((value) => ({ value, style })));
  };
  add([L.title], styles.title);
  add([`${source.file} — ${source.sheet}`, countsText(summary, lang)]);
  for (const note of notes) add([note]);
  add([]);
  add([L.level, L.count], styles.bold);
  add(["HIGH", summary.levels.HIGH]);
  add(["MEDIUM", summary.levels.MEDIUM]);
  add(["LOW", summary.levels.LOW]);
  add([L.warnings, summary.warnings]);
  add([]);
  add([L.suppliersTitle], styles.bold);
  add([L.supplier, L.maxScore, L.orders, L.high], styles.bold);
  for (const s of summary.suppliers) add([s.supplier, s.maxScore, s.orders, s.high]);
  add([]);
  add([L.reasonsTitle], styles.bold);
  add([L.rule, L.code, L.rowCount, "", L.example], styles.bold);
  for (const r of summary.reasons) add([r.rule, r.code, r.rows, "", r.example]);
  if (header) {
    const C = columnLabels(lang);
    add([]);
    add([C.title], styles.bold);
    add(columnHeadings(lang, summary.dates), styles.bold);
    for (const row of columnRows(header, lang, summary.dates)) add(row);
    const warnings = columnWarnings(header, lang);
    if (warnings.length > 0) {
      add([]);
      add([L.columnWarningsTitle], styles.bold);
      for (const w of warnings) add([w]);
    }
    const dates = summaryDateLines(summary, lang);
    if (dates.length > 0) {
      add([]);
      add([L.datesTitle], styles.bold);
      for (const line of dates) add([line]);
    }
  }
  return {
    widths: [
      [1, 40],
      [2, 22],
      [3, 12],
      [4, 12],
      [5, 80],
    ],
    rows,
  };
}
