/** Cell references: column letters and numbers, Excel's limits. */

/** Excel's last row and last column (XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** 1-based column number of letters ("A" = 1, "XFD" = 16,384); 0 for no letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    const v = c >= 97 ? c - 96 : c - 64;
    if (v < 1 || v > 26) break;
    n = n * 26 + v;
  }
  return n;
}

/** Letters of a 1-based column number. */
export function columnName(n: number): string {
  let s = "";
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

export interface CellRef {
  row: number;
  col: number;
}

/** A reference such as "B12" or "$B$12"; undefined for what is not one. */
export function parseRef(ref: string): CellRef | undefined {
  const m = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})$/.exec(ref.trim());
  if (!m) return undefined;
  return { col: columnNumber(m[1]!), row: Number(m[2]) };
}

/** The greatest column any range of a space-separated list ("A1:C3 E5", "A:C", "2:4") reaches; 0 for none. */
export function maxColumnOf(sqref: string): number {
  let max = 0;
  for (const range of sqref.split(/\s+/)) {
    for (const part of range.split(":")) {
      const m = /^\$?([A-Za-z]{1,4})/.exec(part.replace(/^.*!/, ""));
      if (m) max = Math.max(max, columnNumber(m[1]!));
      else if (/^\$?\d+$/.test(part)) max = Math.max(max, MAX_COLUMNS); // whole rows
    }
  }
  return max;
}
