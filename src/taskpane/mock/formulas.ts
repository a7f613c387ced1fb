/**
 * The mock host's formula evaluation. It understands exactly what the task
 * pane writes: GUARD.RISKSCORE / RISKLEVEL / RISKREASONS over structured or
 * A1 references (computed by the body the custom functions share,
 * src/functions/risk.ts, so the preview shows what Excel would), and the small
 * custom conditional-format formulas of the flags. Anything else evaluates to
 * #NAME?, as an unknown function would in Excel. (functions.ts itself is not
 * imported: the build appends CustomFunctions.associate calls to it.)
 */
import { evaluateRisk } from "../../functions/risk";
import { toCellError } from "../../functions/safely";
import { summarizeReasons } from "../../rules/explain";
import type { CellValue } from "../../rules/types";
import { columnIndex, parseAddress, type Region, unescapeColumnName } from "../excel/address";
import { dataRegion, type MockFormat, type MockSheet, type MockWorkbook } from "./workbook";

/** Splits a function's argument list at top-level commas. */
export function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "'" && i + 1 < text.length) {
      current += ch + (text[i + 1] ?? "");
      i++;
      continue;
    } else if (!quoted && (ch === "(" || ch === "[")) depth++;
    else if (!quoted && (ch === ")" || ch === "]")) depth--;
    if (!quoted && depth === 0 && ch === ",") {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") out.push(current.trim());
  return out;
}

function readRegion(book: MockWorkbook, sheet: MockSheet, region: Region): CellValue[][] {
  return Array.from({ length: region.rowCount }, (_, i) =>
    Array.from({ length: region.columnCount }, (_, j) =>
      cellValue(book, sheet, region.row + i, region.column + j),
    ),
  );
}

/** A cell's value, formulas evaluated. */
export function cellValue(book: MockWorkbook, sheet: MockSheet, row: number, column: number): CellValue {
  const cell = sheet.cell(row, column);
  if (!cell) return "";
  return cell.formula !== undefined ? evaluateFormula(book, sheet, row, column, cell.formula) : cell.value;
}

const STRUCTURED = /^([^[\]]+)(\[.*\])?$/;

/** Resolves a reference argument to its cells, as seen from (row, column). */
function resolveReference(book: MockWorkbook, sheet: MockSheet, row: number, text: string): CellValue[][] {
  const a1 = /^(?:(?:'[^']+'|[^!'[\]]+)!)?\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?$/i;
  if (a1.test(text)) {
    const region = parseAddress(text);
    const target = region.sheet ? book.sheet(region.sheet) : sheet;
    if (!target) throw new Error("#REF!");
    return readRegion(book, target, region);
  }
  const m = STRUCTURED.exec(text);
  const table = m?.[1] ? book.table(m[1]) : undefined;
  if (!m || !table) throw new Error("#REF!");
  const r = table.region;
  const spec = m[2] ?? "";
  const headers = book.tableHeaders(table);
  const columnsOf = (part: string): { from: number; to: number } => {
    const names = [...part.matchAll(/\[((?:'.|[^\]'])*)\]/g)].map((x) => unescapeColumnName(x[1] ?? ""));
    const plain = names.length === 0 ? [unescapeColumnName(part)] : names;
    const from = headers.indexOf(plain[0] ?? "");
    const to = headers.indexOf(plain[plain.length - 1] ?? "");
    if (from < 0 || to < 0) throw new Error("#REF!");
    return { from, to };
  };
  if (spec === "") return readRegion(book, table.sheet, dataRegion(table));
  if (spec === "[#All]") return readRegion(book, table.sheet, r);
  const headersSpec = /^\[\[#Headers\],(.*)\]$/i.exec(spec);
  if (headersSpec) {
    const { from, to } = columnsOf(headersSpec[1] ?? "");
    return readRegion(book, table.sheet, {
      ...r,
      rowCount: 1,
      column: r.column + from,
      columnCount: to - from + 1,
    });
  }
  const thisRow = /^\[@(.*)\]$/.exec(spec);
  if (thisRow) {
    const inner = thisRow[1] ?? "";
    const { from, to } = columnsOf(inner);
    return readRegion(book, table.sheet, {
      ...r,
      row,
      rowCount: 1,
      column: r.column + from,
      columnCount: to - from + 1,
    });
  }
  throw new Error("#REF!");
}

const GUARD_CALL = /^=GUARD\.(RISKSCORE|RISKLEVEL|RISKREASONS)\((.*)\)$/is;

/** Evaluates a formula the task pane wrote; other formulas give #NAME?. */
export function evaluateFormula(
  book: MockWorkbook,
  sheet: MockSheet,
  row: number,
  _column: number,
  formula: string,
): CellValue {
  const call = GUARD_CALL.exec(formula.trim());
  if (!call) return "#NAME?";
  try {
    const [headersRef, rowRef, blacklistRef, settingsRef] = splitArguments(call[2] ?? "");
    if (headersRef === undefined || rowRef === undefined) return "#VALUE!";
    const ref = (text: string | undefined): CellValue[][] | undefined =>
      text === undefined ? undefined : resolveReference(book, sheet, row, text);
    const result = evaluateRisk(ref(headersRef), ref(rowRef), ref(blacklistRef), ref(settingsRef));
    const outcome = result.rows[0];
    if (!outcome || outcome.kind === "blank") return "";
    if (outcome.kind === "error") return "#VALUE!";
    switch ((call[1] ?? "").toUpperCase()) {
      case "RISKSCORE":
        return outcome.verdict.score;
      case "RISKLEVEL":
        return outcome.verdict.level;
      default:
        return summarizeReasons(outcome.verdict, result.settings.language);
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("#")) return error.message;
    return toCellError(error).code; // a bad argument (#VALUE!); anything else is a bug and propagates
  }
}

// ---- conditional-format conditions -------------------------------------------

type Value = string | number | boolean;

/**
 * Evaluates a custom conditional-format formula for one cell of its range:
 * AND, OR, NOT, ISNUMBER, SEARCH, N, comparisons with =/<>, text and number
 * literals, and cell references relative to the range's top-left cell.
 */
export function evaluateCondition(
  book: MockWorkbook,
  sheet: MockSheet,
  format: MockFormat,
  row: number,
  column: number,
): boolean {
  const src = format.formula.replace(/^=/, "");
  let i = 0;
  const dr = row - format.region.row;
  const dc = column - format.region.column;
  const peek = (): string => src[i] ?? "";
  const skip = (): void => {
    while (peek() === " ") i++;
  };
  const toText = (v: Value): string => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));
  const primary = (): Value => {
    skip();
    if (peek() === '"') {
      let s = "";
      i++;
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') {
          i++;
          break;
        } else s += src[i++] ?? "";
      }
      return s;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    const ref = /^(\$?)([A-Z]+)(\$?)(\d+)(?![A-Z(])/i.exec(src.slice(i));
    if (ref) {
      i += ref[0].length;
      const c = columnIndex(ref[2] ?? "A") + (ref[1] ? 0 : dc);
      const r = Number(ref[4]) - 1 + (ref[3] ? 0 : dr);
      const v = cellValue(book, sheet, r, c);
      return v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : v;
    }
    const fn = /^([A-Z.]+)\(/i.exec(src.slice(i));
    if (!fn) throw new Error(`cannot read the condition at ${src.slice(i)}`);
    i += fn[0].length;
    const args: Value[] = [];
    skip();
    while (peek() !== ")") {
      args.push(comparison());
      skip();
      if (peek() === ",") i++;
    }
    i++;
    const name = (fn[1] ?? "").toUpperCase();
    switch (name) {
      case "AND":
        return args.every(Boolean);
      case "OR":
        return args.some(Boolean);
      case "NOT":
        return !args[0];
      case "N":
        return typeof args[0] === "number" ? args[0] : args[0] === true ? 1 : 0;
      case "ISNUMBER":
        return typeof args[0] === "number";
      case "SEARCH": {
        const at = toText(args[1] ?? "")
          .toLowerCase()
          .indexOf(toText(args[0] ?? "").toLowerCase());
        return at >= 0 ? at + 1 : "#VALUE!";
      }
      default:
        throw new Error(`the mock host cannot evaluate ${name}`);
    }
  };
  const comparison = (): Value => {
    const left = primary();
    skip();
    if (src.startsWith("<>", i)) {
      i += 2;
      return toText(left).toLowerCase() !== toText(primary()).toLowerCase();
    }
    if (peek() === "=") {
      i++;
      const right = primary();
      return typeof left === "number" && typeof right === "number"
        ? left === right
        : toText(left).toLowerCase() === toText(right).toLowerCase();
    }
    return left;
  };
  try {
    return Boolean(comparison());
  } catch {
    return false;
  }
}
