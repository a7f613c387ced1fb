import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { BlacklistIndex } from "../../rules/blacklist";
import type { HeaderMap, HeaderOverrides } from "../../ledger/header";
import type { Settings } from "../../rules/settings";
import type { CellValue, Lang } from "../../rules/types";
import { columnLetter } from "../errors";
import type { DateColumnReport } from "../../ledger/dates";
import { SummaryBuilder, type AuditSummary, type RowOutcome } from "./audit-summary";
import {
  addRiskFormatting,
  addSummarySheet,
  freeSheetName,
  setRiskColumnWidths,
  writeRiskCells,
  writeRiskHeader,
} from "./audit-workbook";
import { columnClasses, csvNumber, type ColumnClass } from "./csv-numbers";
import {
  addSuppliersSheet,
  setHistoryColumnWidths,
  writeHistoryCells,
  writeHistoryHeader,
} from "./audit-history";
import type { LedgerHistory } from "../../rules/history";
import { ChunkedScorer, rowCopyOf, type ScoredRow, type SheetRow } from "./scorer";
import { loadWorkbook, pickWorksheet, streamWorkbook, worksheetCells } from "./xlsx";

/**
 * The two ways `guard audit` writes its copy.
 *
 * In memory (`auditInMemory`, xlsx inputs up to a size): the workbook is
 * loaded whole with exceljs, three columns are added to the ledger sheet and
 * a Summary sheet is appended; everything else exceljs understands is kept
 * (other sheets, styles, merged cells, frozen panes, conditional formats,
 * data validation, formulas with their cached results).
 *
 * Streamed (`auditStreamed`, big xlsx files and every csv): a csv's data cells
 * that are plain numbers in number columns are written as numbers, every other
 * cell as the text it was (csv-numbers.ts); for xlsx, exceljs'
 * WorkbookReader reads one row at a time and its WorkbookWriter writes one row
 * at a time, so memory stays flat. Each sheet's cell values and cell styles,
 * row heights and column widths are copied; merged cells, frozen panes,
 * conditional formats, data validation, comments, images, charts, defined
 * names, print settings and sheet protection are NOT (exceljs' streaming
 * reader does not read them). Formula cells keep their formula and cached
 * result. Facts across rows are collected chunk by chunk (see scorer.ts).
 */

export interface AuditContext {
  file: string;
  settings: Settings;
  blacklist?: BlacklistIndex | undefined;
  overrides?: HeaderOverrides | undefined;
  lang: Lang;
  /** Called with each row's outcome in sheet order (for --json). */
  onRow?: ((outcome: RowOutcome) => void) | undefined;
  /** Called every `progressEvery` rows read. */
  onProgress?: ((rowsRead: number) => void) | undefined;
  progressEvery?: number;
  /** Called when a streamed row has cells where the risk columns go. */
  onWarning?: ((message: string) => void) | undefined;
  /** Called once the header row is mapped (to show how the columns are read). */
  onHeader?: ((header: HeaderMap) => void) | undefined;
  /** `--as-of`: the history checks, Money at risk and Days at risk columns, and a Suppliers sheet. */
  asOf?: Date | undefined;
}

export interface AuditResult {
  sheetName: string;
  summary: AuditSummary;
  /** Cells that could not be read: the first few with their place, and how many in how many rows. */
  warnings: UnreadCells;
  /** 1-based column of "Risk score". */
  firstRiskColumn: number;
  headerRow: number;
  /** How the ledger's columns were read. */
  header?: HeaderMap | undefined;
  /** With `asOf`: every supplier's record. */
  history?: LedgerHistory | undefined;
  /** Each date column's day order and the dates it could not read. */
  dates?: DateColumnReport[] | undefined;
}

export interface UnreadCells {
  listed: string[];
  cells: number;
  rows: number;
}

function unreadCells(scorer: ChunkedScorer): UnreadCells {
  return { listed: scorer.warnings, cells: scorer.warningCells, rows: scorer.warningRows };
}

/** Columns after "Risk score" where Money at risk goes (score, level, reasons come first). */
const HISTORY_OFFSET = 3;

const STREAM_CHUNK_ROWS = 5000;

function width(values: readonly CellValue[]): number {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined && v !== "") return i + 1;
  }
  return 0;
}

/** Audits a workbook loaded whole; `write` receives it to save. */
export async function auditInMemory(
  ctx: AuditContext & { sheet?: string | undefined },
  write: (workbook: ExcelJS.Workbook) => Promise<void>,
): Promise<AuditResult> {
  const workbook = await loadWorkbook(ctx.file);
  const ws = pickWorksheet(workbook, ctx.file, ctx.sheet);
  const cells = worksheetCells(ws);
  const scorer = new ChunkedScorer({
    file: ctx.file,
    sheet: ws.name,
    settings: ctx.settings,
    blacklist: ctx.blacklist,
    overrides: ctx.overrides,
    chunkSize: Number.POSITIVE_INFINITY,
    onHeader: ctx.onHeader,
    asOf: ctx.asOf,
  });
  const scored: ScoredRow[] = [];
  const every = ctx.progressEvery ?? 10000;
  cells.forEach((values, i) => {
    scored.push(...scorer.push({ rowNumber: i + 1, values }));
    if (ctx.onProgress && (i + 1) % every === 0) ctx.onProgress(i + 1);
  });
  scored.push(...scorer.finish());

  const firstCol = Math.max(...cells.map(width), 1) + 1;
  const headerRow = scorer.headerRow;
  const builder = new SummaryBuilder(ctx.lang);
  writeRiskHeader(ws.getRow(headerRow), firstCol, ctx.lang);
  const asOf = ctx.asOf;
  if (asOf !== undefined) {
    const header = ws.getRow(headerRow);
    writeHistoryHeader(header, firstCol + HISTORY_OFFSET, ctx.lang, header.getCell(firstCol));
  }
  let lastRow = headerRow;
  for (const row of scored) {
    if (!row.outcome) continue;
    writeRiskCells(ws.getRow(row.rowNumber), firstCol, row.outcome, ctx.lang);
    if (asOf !== undefined && !("error" in row.outcome))
      writeHistoryCells(ws.getRow(row.rowNumber), firstCol + HISTORY_OFFSET, row.outcome.now);
    builder.add(row.outcome);
    ctx.onRow?.(row.outcome);
    lastRow = row.rowNumber;
  }
  setRiskColumnWidths(ws, firstCol);
  if (asOf !== undefined) setHistoryColumnWidths(ws, firstCol + HISTORY_OFFSET);
  addRiskFormatting(ws, firstCol, headerRow + 1, lastRow);
  const dates = scorer.dateReport();
  const summary = builder.build(dates);
  addSummarySheet(
    workbook,
    workbook.worksheets.map((w) => w.name),
    summary,
    ctx.lang,
    { file: ctx.file, sheet: ws.name },
    scorer.header,
  );
  const history = scorer.history();
  if (history !== undefined && asOf !== undefined) {
    const names = workbook.worksheets.map((w) => w.name);
    addSuppliersSheet(workbook, names, history.suppliers, ctx.lang, asOf);
  }
  await write(workbook);
  return {
    sheetName: ws.name,
    summary,
    warnings: unreadCells(scorer),
    firstRiskColumn: firstCol,
    headerRow,
    header: scorer.header,
    history,
    dates,
  };
}

/** Where the streamed rows come from: an xlsx file read row by row, or cells already in memory (csv). */
export type StreamSource =
  { kind: "xlsx"; sheet?: string | undefined } | { kind: "cells"; sheetName: string; cells: CellValue[][] };

/** Characters Excel forbids in sheet names, and its 31-character limit. */
export function safeSheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31);
  return clean || "Ledger";
}

/**
 * Copies a source row into the streamed sheet. `numbers` (csv data rows only)
 * says which column's plain-number texts become number cells (csv-numbers.ts).
 */
function copyRow(
  target: ExcelJS.Worksheet,
  src: SheetRow,
  numbers?: ((index: number) => ColumnClass) | undefined,
): ExcelJS.Row {
  const row = target.getRow(src.rowNumber);
  const copy = src.copy;
  if (copy) {
    const { values, styles } = copy;
    for (let col = 1; col < values.length; col++) {
      if (!(col in values)) continue;
      const out = row.getCell(col);
      out.value = (values[col] ?? src.values[col - 1] ?? null) as ExcelJS.CellValue;
      const style = styles[col];
      if (style) out.style = style;
    }
    if (copy.height) row.height = copy.height;
  } else {
    src.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const cell = row.getCell(i + 1);
      const number = numbers !== undefined && typeof v === "string" ? csvNumber(v, numbers(i)) : undefined;
      if (number === undefined) {
        cell.value = v;
        return;
      }
      cell.value = number.value;
      if (number.numFmt !== undefined) cell.numFmt = number.numFmt;
    });
  }
  return row;
}

/**
 * Waits until the zip side of exceljs' streaming writer has taken in what
 * this sheet wrote so far. exceljs ignores backpressure: without this pause
 * the XML of a 200,000-row sheet piles up in memory faster than it is
 * compressed. The timeout guards against a stream that never drains.
 */
async function drainSheet(ws: ExcelJS.Worksheet): Promise<void> {
  const buffered = (ws as unknown as { stream?: { pipes?: Writable[] } }).stream;
  const dest = buffered?.pipes?.[0];
  // archiver's PassThrough comes from readable-stream 2, without writableNeedDrain.
  const state = (dest as unknown as { _writableState?: { needDrain?: boolean } } | undefined)?._writableState;
  if (!dest || !state?.needDrain) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    once(dest, "drain"),
    new Promise((resolve) => {
      timer = setTimeout(resolve, 5000);
    }),
  ]);
  clearTimeout(timer);
}

/** Audits with flat memory, writing the copy into `output` with exceljs' streaming writer. */
export async function auditStreamed(
  ctx: AuditContext,
  source: StreamSource,
  output: Writable,
): Promise<AuditResult> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const builder = new SummaryBuilder(ctx.lang);
  const names: string[] = [];
  const every = ctx.progressEvery ?? 10000;
  let result: Omit<AuditResult, "summary"> | undefined;

  const auditSheet = async (
    name: string,
    rows: AsyncIterable<SheetRow> | Iterable<SheetRow>,
    columns: () => ExcelJS.Column[] | null,
    numeric: boolean,
    chunkSize = STREAM_CHUNK_ROWS,
  ): Promise<void> => {
    const ws = writer.addWorksheet(name);
    const scorer = new ChunkedScorer({
      file: ctx.file,
      sheet: name,
      settings: ctx.settings,
      blacklist: ctx.blacklist,
      overrides: ctx.overrides,
      chunkSize,
      onHeader: ctx.onHeader,
      asOf: ctx.asOf,
    });
    // Rows wait here until the first chunk is scored: the risk columns go
    // right of the widest row seen by then.
    let held: ScoredRow[] | undefined = [];
    let firstCol = 0;
    let lastOutcomeRow = 0;
    let warned = false;
    /** For csv cells: which columns' plain numbers become number cells (known once the header is). */
    let numbers: ((index: number) => ColumnClass) | undefined;
    const emit = (ready: ScoredRow[], final: boolean): void => {
      if (held) {
        held.push(...ready);
        if (!final && !held.some((r) => r.outcome)) return;
        firstCol = Math.max(1, ...held.map((r) => width(r.values))) + 1;
        const widths = (columns() ?? []).map((c) => ({ width: c.width ?? 9 }));
        while (widths.length < firstCol - 1) widths.push({ width: 9 });
        ws.columns = widths.slice(0, firstCol - 1) as ExcelJS.Column[];
        setRiskColumnWidths(ws, firstCol);
        if (ctx.asOf !== undefined) setHistoryColumnWidths(ws, firstCol + HISTORY_OFFSET);
        ready = held;
        held = undefined;
      }
      for (const r of ready) {
        if (!warned && width(r.values) >= firstCol) {
          warned = true;
          ctx.onWarning?.(
            `${ctx.file}, sheet "${name}", row ${r.rowNumber}: has cells from column ${columnLetter(firstCol)} on, where the streamed copy puts the risk columns; those cells are replaced in the copy (the input is untouched)`,
          );
        }
        if (numbers === undefined && numeric && scorer.header !== undefined)
          numbers = columnClasses(scorer.header);
        const row = copyRow(ws, r, r.rowNumber > scorer.headerRow ? numbers : undefined);
        if (r.rowNumber === scorer.headerRow) {
          writeRiskHeader(row, firstCol, ctx.lang);
          if (ctx.asOf !== undefined)
            writeHistoryHeader(row, firstCol + HISTORY_OFFSET, ctx.lang, row.getCell(firstCol));
        }
        if (r.outcome) {
          writeRiskCells(row, firstCol, r.outcome, ctx.lang);
          if (ctx.asOf !== undefined) writeHistoryCells(row, firstCol + HISTORY_OFFSET, r.outcome.now);
          builder.add(r.outcome);
          ctx.onRow?.(r.outcome);
          lastOutcomeRow = r.rowNumber;
        }
        row.commit();
      }
    };
    let read = 0;
    for await (const row of rows) {
      const ready = scorer.push(row);
      emit(ready, false);
      if (ready.length > 0) await drainSheet(ws);
      read++;
      if (ctx.onProgress && read % every === 0) ctx.onProgress(read);
    }
    emit(scorer.finish(), true);
    addRiskFormatting(ws, firstCol, scorer.headerRow + 1, lastOutcomeRow);
    ws.commit();
    result = {
      sheetName: name,
      warnings: unreadCells(scorer),
      firstRiskColumn: firstCol,
      headerRow: scorer.headerRow,
      header: scorer.header,
      history: scorer.history(),
      dates: scorer.dateReport(),
    };
  };

  try {
    if (source.kind === "cells") {
      const name = safeSheetName(source.sheetName);
      names.push(name);
      const rows = source.cells.map((values, i) => ({ rowNumber: i + 1, values }));
      // The cells are in memory already: with --as-of, score them in one chunk so the
      // reasons across orders (payee account changed, price drop) reach the rows too.
      await auditSheet(
        name,
        rows,
        () => null,
        true,
        ctx.asOf === undefined ? STREAM_CHUNK_ROWS : Number.POSITIVE_INFINITY,
      );
    } else {
      for await (const sheet of streamWorkbook(
        ctx.file,
        source.sheet === undefined ? { styles: true } : { sheet: source.sheet, styles: true },
      )) {
        names.push(sheet.name);
        if (sheet.chosen) {
          const rows = (async function* () {
            for await (const r of sheet.rows)
              yield { rowNumber: r.rowNumber, values: r.values, copy: rowCopyOf(r.row) };
          })();
          await auditSheet(sheet.name, rows, sheet.columns, false);
        } else {
          const ws = writer.addWorksheet(sheet.name);
          let first = true;
          for await (const r of sheet.rows) {
            if (first) {
              const cols = sheet.columns();
              if (cols) ws.columns = cols.map((c) => ({ width: c.width ?? 9 })) as ExcelJS.Column[];
              first = false;
            }
            copyRow(ws, { rowNumber: r.rowNumber, values: r.values, copy: rowCopyOf(r.row) }).commit();
            if (r.rowNumber % STREAM_CHUNK_ROWS === 0) await drainSheet(ws);
          }
          ws.commit();
        }
      }
    }
    if (!result) throw new Error("internal: the ledger sheet was not audited");
    const summary = builder.build(result.dates);
    const sheetName = result.sheetName;
    addSummarySheet(
      writer,
      names,
      summary,
      ctx.lang,
      { file: ctx.file, sheet: sheetName },
      result.header,
    ).commit();
    if (result.history !== undefined && ctx.asOf !== undefined) {
      const taken = [...names, freeSheetName(names, "Summary")];
      addSuppliersSheet(writer, taken, result.history.suppliers, ctx.lang, ctx.asOf).commit();
    }
    await writer.commit();
    return { ...result, summary };
  } catch (error) {
    // Let the writer release its file before the temp file is removed.
    await writer.commit().catch(() => undefined);
    throw error;
  }
}
