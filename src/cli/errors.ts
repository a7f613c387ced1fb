import { columnLetters } from "../ledger/columns";

/**
 * The exit codes of `guard` (README "Exit codes", `guard --help`):
 * 0 done, nothing to report; 1 `guard audit` found a HIGH order; 2 unusable
 * input (a missing or unreadable file, an unknown sheet, no header row, a bad
 * setting or argument), nothing scored; 3 every row scored, but some cells
 * could not be read (each is named on stderr; 1 wins when an order is HIGH);
 * 70 an internal error (a bug), with its stack on stderr.
 */
export const EXIT = {
  ok: 0,
  high: 1,
  badInput: 2,
  unreadCells: 3,
  internal: 70,
} as const;
/**
 * A failure the user can fix (a missing file, an unknown sheet, a bad cell):
 * the command prints `message` and exits with `exitCode` (2 = bad input).
 * Anything else thrown from a command is a bug and keeps its stack.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT.badInput) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** Where in a workbook a value came from, as users read it: `file, sheet "X", row 12, column F (实付款)`. */
export interface CellLocation {
  file: string;
  sheet?: string;
  row?: number;
  /** 1-based column number. */
  column?: number;
  header?: string;
}

/** Excel's column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  return columnLetters(column - 1);
}

export function formatLocation(at: CellLocation): string {
  const parts = [at.file];
  if (at.sheet !== undefined) parts.push(`sheet "${at.sheet}"`);
  if (at.row !== undefined) parts.push(`row ${at.row}`);
  if (at.column !== undefined) {
    const header = at.header ? ` (${at.header})` : "";
    parts.push(`column ${columnLetter(at.column)}${header}`);
  }
  return parts.join(", ");
}

/**
 * Where an unreadable cell is and what is wrong with it, as users read it:
 * `file, sheet "X", row 12, column F (实付款): "全款x" is not an amount of money`.
 * `columns` are the header map's columns (0-based index, header as written).
 */
export function locateIssue(
  at: { file: string; sheet?: string },
  columns: ReadonlyArray<{ index: number; header: string }>,
  row: number,
  issue: { column: string; message: string },
): string {
  const mapped = columns.find((c) => c.header === issue.column);
  const where = formatLocation({
    ...at,
    row,
    ...(mapped ? { column: mapped.index + 1, header: issue.column } : { header: issue.column }),
  });
  return `${where}: ${issue.message}`;
}
