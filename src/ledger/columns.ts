import type { Lang } from "../rules/types";
import type { DateColumnReport, DateExample } from "./dates";
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

/** "row 11 `2/10/25`" / "第 11 行 `2/10/25`". */
function cellText(e: DateExample, lang: Lang): string {
  return lang === "zh" ? `第 ${e.row} 行 \`${e.text}\`` : `row ${e.row} \`${e.text}\``;
}

/**
 * The sentence naming a date column that has dates it could not read, or dates
 * written both day first and month first; undefined for a column read whole.
 * @example dateWarningText(report, "en") // "Order date: 16 of 40 dates not read (e.g. row 11 `2/10/25`)"
 */
export function dateWarningText(r: DateColumnReport, lang: Lang): string | undefined {
  const parts: string[] = [];
  if (r.unread > 0) {
    const e = r.example === undefined ? "" : cellText(r.example, lang);
    parts.push(
      lang === "zh"
        ? `${r.dates} 个日期中 ${r.unread} 个未读取${e === "" ? "" : `（例：${e}）`}`
        : `${r.unread} of ${r.dates} dates not read${e === "" ? "" : ` (e.g. ${e})`}`,
    );
  }
  if (r.conflict !== undefined) {
    const { dmy, mdy } = r.conflict;
    parts.push(
      lang === "zh"
        ? `既有先写日的日期（${cellText(dmy, lang)}）又有先写月的（${cellText(mdy, lang)}），日月都不大于 12 的日期无法判断`
        : `written both day first (${cellText(dmy, lang)}) and month first (${cellText(mdy, lang)}), so a date whose day and month are both 12 or less cannot be read`,
    );
  }
  if (parts.length === 0) return undefined;
  return lang === "zh" ? `${r.header}：${parts.join("；")}` : `${r.header}: ${parts.join("; ")}`;
}

/** The date sentences of a ledger's column report, one per column that needs one. */
export function dateWarnings(reports: readonly DateColumnReport[], lang: Lang): string[] {
  const out: string[] = [];
  for (const r of reports) {
    const text = dateWarningText(r, lang);
    if (text !== undefined) out.push(text);
  }
  return out;
}

/**
 * How a date column was read, for the column table: "38 of 40 read, day first
 * (row 3 `20/1/25`)"; "" for a column that held no dates.
 */
export function dateReadText(r: DateColumnReport, lang: Lang): string {
  if (r.dates === 0 && r.conflict === undefined) return "";
  const read = r.dates - r.unread;
  const count = lang === "zh" ? `${r.dates} 个日期读取 ${read} 个` : `${read} of ${r.dates} read`;
  let order = "";
  if (r.conflict !== undefined) order = lang === "zh" ? "，日月顺序不一" : ", day and month order mixed";
  else if (r.order !== undefined) {
    const which =
      lang === "zh"
        ? r.order === "dmy"
          ? "先日后月"
          : "先月后日"
        : r.order === "dmy"
          ? "day first"
          : "month first";
    const from =
      r.orderFrom === "ledger" ? (lang === "zh" ? "据其他日期列" : "as the ledger's other date columns") : "";
    const e = r.evidence === undefined ? "" : cellText(r.evidence, lang);
    order =
      lang === "zh"
        ? `，${which}（${[from, e].filter((x) => x !== "").join("，")}）`
        : `, ${which} (${[from, e].filter((x) => x !== "").join(", ")})`;
  }
  return count + order;
}
