import type { Lang } from "../rules/types";
import type { FieldId } from "./fields";
import type { HeaderMap, HeaderWarning } from "./header";

/**
 * Spreadsheet column letters, shared by every front end that names a cell
 * (the command line's error messages, the task pane's addresses), and how a
 * ledger's columns were read, as every front end shows it.
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

/** One column as the reader took it: its letter, its header, and the field it is read as. */
export interface ColumnReadout {
  index: number;
  letter: string;
  header: string;
  /** Undefined when the column is not read ("ignored"). */
  field?: FieldId;
}

/** Every column with a header, in sheet order, and how it was read. */
export function describeColumns(map: HeaderMap): ColumnReadout[] {
  const fieldAt = new Map<number, FieldId>();
  for (const c of map.columns) if (c.field !== undefined) fieldAt.set(c.index, c.field);
  const out: ColumnReadout[] = [];
  map.headers.forEach((header, index) => {
    if (header === "") return;
    const field = fieldAt.get(index);
    const row: ColumnReadout = { index, letter: columnLetters(index), header };
    if (field !== undefined) row.field = field;
    out.push(row);
  });
  return out;
}

/**
 * The sentence naming a column that looks relevant but is not read, and how to
 * read it. `label` names a field (the task pane's labels); by default its id,
 * which is also what a `columns.<header>` setting takes.
 */
export function columnWarningText(
  w: HeaderWarning,
  map: Pick<HeaderMap, "headers">,
  lang: Lang,
  label: (field: FieldId) => string = (field) => field,
): string {
  const at = columnLetters(w.index);
  const field = label(w.field);
  const taken = w.takenBy === undefined ? undefined : columnLetters(w.takenBy);
  const takenHeader = w.takenBy === undefined ? "" : (map.headers[w.takenBy] ?? "");
  if (lang === "zh") {
    const why =
      taken === undefined ? "但未被读取" : `但未被读取：${field} 已从 ${taken} 列“${takenHeader}”读取`;
    return `${at} 列“${w.header}”看起来是字段 ${field}，${why}；如需读取，请在设置中设 columns.${w.header} = ${w.field}`;
  }
  const why =
    taken === undefined
      ? "but is not read"
      : `but is not read: ${field} is read from column ${taken} "${takenHeader}"`;
  return `column ${at} "${w.header}" looks like ${field} ${why}; to read it, set columns.${w.header} = ${w.field} in the settings`;
}
