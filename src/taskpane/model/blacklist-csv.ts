/**
 * Blacklist CSV import and export. Import reads a header row when there is
 * one (English or Chinese names) or else the GuardBlacklist column order;
 * every cell that a spreadsheet could take for a formula is neutralised and
 * reported. Export writes the same columns, neutralising such cells too.
 */
import type { BlacklistRow } from "../excel/gateway";
import { BLACKLIST_COLUMNS } from "../excel/layout";
import { CsvError, parseCsv, writeCsv } from "../../ledger/csv";
import { isFormulaLike, neutralize, type NeutralizedCell } from "./injection";

const HEADER_WORDS: readonly (readonly string[])[] = [
  ["supplier", "supplier name", "company", "供应商", "供应商名称", "卖家公司名", "公司名称", "名称"],
  ["shop link", "link", "url", "store url", "shop url", "店铺链接", "链接", "网址", "商品链接"],
  ["member id", "member", "seller id", "会员名", "卖家会员名", "旺旺", "旺旺号", "掌柜id"],
  ["uscc", "licence", "license", "统一社会信用代码", "信用代码", "营业执照"],
  ["reason", "why", "原因", "备注", "理由"],
  ["date added", "date", "添加日期", "日期"],
  ["added by", "by", "添加人", "记录人"],
];

/** The most characters an Excel cell holds: a longer cell is refused, not cut. */
const MAX_CELL = 32767;

function columnFor(header: string): number {
  const h = header.trim().toLowerCase();
  return HEADER_WORDS.findIndex((words) => words.includes(h));
}

export interface BlacklistImport {
  rows: BlacklistRow[];
  neutralised: NeutralizedCell[];
  /** Rows with no supplier, link, member id or USCC. */
  skipped: number;
}

export interface ImportOptions {
  /** Date written for rows without one (YYYY-MM-DD). */
  today: string;
  addedBy: string;
}

/** Reads a blacklist CSV. Throws CsvError on malformed CSV or a cell longer than Excel holds. */
export function importBlacklistCsv(text: string, options: ImportOptions): BlacklistImport {
  const lines = parseCsv(text);
  const first = lines[0] ?? [];
  const mapped = first.map(columnFor);
  const hasHeader = mapped.filter((i) => i >= 0).length >= 1 && mapped[0] !== undefined;
  const columnOf = hasHeader ? mapped : first.map((_, j) => (j < BLACKLIST_COLUMNS.length ? j : -1));
  const rows: BlacklistRow[] = [];
  const neutralised: NeutralizedCell[] = [];
  let skipped = 0;
  lines.slice(hasHeader ? 1 : 0).forEach((line, i) => {
    const lineNumber = i + (hasHeader ? 2 : 1);
    if (line.every((c) => c.trim() === "")) return;
    const row: string[] = ["", "", "", "", "", "", ""];
    line.forEach((cell, j) => {
      const target = columnOf[j];
      if (target === undefined || target < 0) return;
      const column = BLACKLIST_COLUMNS[target] ?? String(j + 1);
      if (cell.length > MAX_CELL) {
        throw new CsvError(
          `column ${column} holds ${cell.length.toLocaleString("en")} characters; an Excel cell holds at most ${MAX_CELL.toLocaleString("en")}`,
          lineNumber,
        );
      }
      const value = cell.trim() === "" ? "" : cell;
      // Reported and neutralised whether the sign comes first or after spaces, a BOM, U+3000 or a line break.
      if (isFormulaLike(value)) {
        neutralised.push({ line: lineNumber, column, original: value });
        row[target] = neutralize(value);
      } else row[target] = value.trim();
    });
    if (row.slice(0, 4).every((v) => v === "")) {
      skipped++;
      return;
    }
    if (row[5] === "") row[5] = options.today;
    if (row[6] === "") row[6] = options.addedBy;
    rows.push(row as BlacklistRow);
  });
  return { rows, neutralised, skipped };
}

/** Writes the blacklist as CSV (UTF-8 BOM, CRLF), formula-like cells prefixed with an apostrophe. */
export function exportBlacklistCsv(rows: readonly (readonly string[])[]): string {
  return writeCsv([
    [...BLACKLIST_COLUMNS],
    ...rows.map((r) => BLACKLIST_COLUMNS.map((_, j) => neutralize(r[j] ?? ""))),
  ]);
}
