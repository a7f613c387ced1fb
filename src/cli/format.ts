import type { Lang, Verdict } from "../rules/types";
import { explain } from "../rules/explain";
import {
  columnLetters,
  columnWarningText,
  dateReadText,
  dateWarnings,
  describeColumns,
} from "../ledger/columns";
import type { DateColumnReport } from "../ledger/dates";
import type { HeaderMap } from "../ledger/header";

/** One row's line of `guard score --json` (and `guard audit --json`). */
export interface RowJson {
  row: number;
  score?: number;
  level?: string;
  reasons?: Array<{ rule: string; code: string; points: number; text: string }>;
  /** Cells of the row that could not be read, with their place (the row is scored without them). */
  warnings?: string[];
  /** With --as-of: money at risk on that day in USD (null when the ledger cannot tell) and its age in days. */
  moneyAtRiskUsd?: number | null;
  daysAtRisk?: number | null;
}

/** One row's JSON line; `warnings` only when some cell could not be read, so clean rows keep their shape. */
export function verdictToJson(
  row: number,
  verdict: Verdict,
  lang: Lang,
  warnings?: readonly string[] | undefined,
): RowJson {
  const json: RowJson = {
    row,
    score: verdict.score,
    level: verdict.level,
    reasons: verdict.reasons.map((r) => ({
      rule: r.rule,
      code: r.code,
      points: r.points,
      text: explain(r, lang),
    })),
  };
  if (warnings !== undefined && warnings.length > 0) json.warnings = [...warnings];
  return json;
}

/** Display width of text in a terminal: CJK and full-width characters take two columns. */
/**
 * A whole number with thousands separators ("1,048,576"), as toLocaleString("en-US")
 * writes it, without starting Intl (about 13 ms at its first use, paid by a progress line).
 */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain aligned table (no colours: output is often piped into files). */
export function alignedTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))),
  );
  const table = fixedTable(header, widths);
  return [table.head, ...rows.map(table.line)].join("\n");
}

/**
 * An aligned table printed a row at a time, its column widths fixed up front
 * (each at least its header's); the last column is never padded.
 */
export function fixedTable(
  header: readonly string[],
  widths: readonly number[],
): { head: string; line: (cells: ReadonlyArray<string>) => string } {
  const w = header.map((h, i) => Math.max(displayWidth(h), widths[i] ?? 0));
  const line = (cells: ReadonlyArray<string>): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, w[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return { head: `${line(header)}\n${line(w.map((n) => "-".repeat(n)))}`, line };
}

const COLUMN_LABELS = {
  en: {
    title: "Columns",
    column: "Column",
    header: "Header",
    field: "Read as",
    ignored: "ignored",
    dates: "Dates",
  },
  zh: {
    title: "各列的读取方式",
    column: "列",
    header: "表头",
    field: "读取为",
    ignored: "忽略",
    dates: "日期",
  },
} as const;

export function columnLabels(lang: Lang): (typeof COLUMN_LABELS)[Lang] {
  return COLUMN_LABELS[lang];
}

/**
 * How each column was read: letter, header, field id or "ignored"; with the
 * ledger's date report, a fourth cell saying how many of a date column's
 * dates were read and in which day order ("" for other columns).
 */
export function columnRows(map: HeaderMap, lang: Lang, dates?: readonly DateColumnReport[]): string[][] {
  const byIndex = new Map((dates ?? []).map((d) => [d.index, d]));
  return describeColumns(map).map((c) => {
    const row = [c.letter, c.header, c.field ?? COLUMN_LABELS[lang].ignored];
    if (dates === undefined || dates.length === 0) return row;
    const d = byIndex.get(c.index);
    return [...row, d === undefined ? "" : dateReadText(d, lang)];
  });
}

/** The column table's headings (with a Dates heading when the report has date columns). */
export function columnHeadings(lang: Lang, dates?: readonly DateColumnReport[]): string[] {
  const L = COLUMN_LABELS[lang];
  const base = [L.column, L.header, L.field];
  return dates === undefined || dates.length === 0 ? base : [...base, L.dates];
}

/**
 * `--columns` as text: the column table under a title, then a line for each
 * date column with dates it could not read.
 */
export function columnsTable(map: HeaderMap, lang: Lang, dates?: readonly DateColumnReport[]): string {
  const L = COLUMN_LABELS[lang];
  const table = alignedTable(columnHeadings(lang, dates), columnRows(map, lang, dates));
  const notes = dateWarnings(dates ?? [], lang);
  return `${L.title}:\n${table}${notes.length === 0 ? "" : `\n\n${notes.join("\n")}`}`;
}

/**
 * `--columns` with `--json`: one object naming each column's field (null:
 * ignored), with `dates` on a date column when the report is given.
 */
export function columnsJson(map: HeaderMap, dates?: readonly DateColumnReport[]): string {
  const byIndex = new Map((dates ?? []).map((d) => [d.index, d]));
  return JSON.stringify({
    columns: describeColumns(map).map((c) => {
      const d = byIndex.get(c.index);
      const column = { column: c.letter, header: c.header, field: c.field ?? null };
      if (d === undefined) return column;
      const { dates: count, unread, example, order, orderFrom, evidence, conflict } = d;
      return { ...column, dates: { count, unread, example, order, orderFrom, evidence, conflict } };
    }),
  });
}

/**
 * `guard audit --columns --json`: the date report as one JSON line after the
 * rows (the columns line comes first, before any date is read).
 */
export function datesJson(dates: readonly DateColumnReport[]): string {
  return JSON.stringify({
    dates: dates.map(
      ({ index, header, field, dates: count, unread, example, order, orderFrom, evidence, conflict }) => ({
        column: columnLetters(index),
        header,
        field,
        count,
        unread,
        example,
        order,
        orderFrom,
        evidence,
        conflict,
      }),
    ),
  });
}

/** The warnings about columns that look relevant but are not read, one line each. */
export function columnWarnings(map: HeaderMap, lang: Lang): string[] {
  return map.warnings.map((w) => columnWarningText(w, map, lang));
}
