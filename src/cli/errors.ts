import { columnLetters } from "../ledger/columns";
/**
 * A failure the user can fix (a missing file, an unknown sheet, a bad cell):
 * the command prints `message` and exits with `exitCode` (2 = bad input).
 * Anything else thrown from a command is a bug and keeps its stack.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
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
