/**
 * Spreadsheet column letters, shared by every front end that names a cell
 * (the command line's error messages, the task pane's addresses).
 */

/**
 * 0-based column index → letters.
 * @example columnLetters(0) // "A"
 * @example columnLetters(26) // "AA"
 */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
