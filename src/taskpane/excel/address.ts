/**
 * A1 addresses and structured references, written and read by the task pane
 * (and by the mock host, which reads back what the gateway wrote).
 */

import { columnLetters } from "../../ledger/columns";

export { columnLetters };
/** Letters → 0-based column index. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A rectangle on one sheet, 0-based. */
export interface Region {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Quotes a sheet name for an address when Excel needs it. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:C5" (or "'My sheet'!B2") for a region. */
export function regionAddress(region: Region, withSheet = true): string {
  const start = `${columnLetters(region.column)}${region.row + 1}`;
  const end = `${columnLetters(region.column + region.columnCount - 1)}${region.row + region.rowCount}`;
  const cells = start === end ? start : `${start}:${end}`;
  return withSheet ? `${quoteSheet(region.sheet)}!${cells}` : cells;
}

const ADDRESS = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i;

/** Parses "Sheet1!A1:C5", "'My sheet'!B2" or "B2" into a region (sheet "" when absent). */
export function parseAddress(address: string): Region {
  const m = ADDRESS.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
  const c1 = columnIndex(m[3] ?? "A");
  const r1 = Number(m[4]) - 1;
  const c2 = m[5] !== undefined ? columnIndex(m[5]) : c1;
  const r2 = m[6] !== undefined ? Number(m[6]) - 1 : r1;
  return {
    sheet,
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rowCount: Math.abs(r2 - r1) + 1,
    columnCount: Math.abs(c2 - c1) + 1,
  };
}

/** A column name inside a structured reference: [ ] # ' are escaped with an apostrophe. */
export function escapeColumnName(name: string): string {
  return name.replace(/['#[\]]/g, (ch) => `'${ch}`);
}

/** Undoes `escapeColumnName`. */
export function unescapeColumnName(name: string): string {
  return name.replace(/'(['#[\]])/g, "$1");
}
