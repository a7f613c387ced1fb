import type { Writable } from "node:stream";
import type { BlacklistIndex } from "../../rules/blacklist";
import type { HeaderMap, HeaderOverrides } from "../../ledger/header";
import type { LedgerHistory } from "../../rules/history";
import type { DateColumnReport } from "../../ledger/dates";
import type { Settings } from "../../rules/settings";
import type { CellValue, Lang } from "../../rules/types";
import { columnName, MAX_COLUMNS, MAX_ROWS } from "../../xlsx/cells";
import {
  addOverrides,
  addRelationships,
  addSheetsToWorkbook,
  dimensionOf,
  editHead,
  extendTable,
  freePartName,
  freeRelIds,
  insertConditionalFormatting,
  splitRow,
  STYLES_REL,
  STYLES_TYPE,
  tableRange,
  tailExtent,
  topPriority,
  WORKSHEET_REL,
  WORKSHEET_TYPE,
  writeRowStart,
  type NewSheet,
} from "../../xlsx/edit";
import { parseRelationships, relsPartOf, type SheetInfo, type XlsxPackage } from "../../xlsx/package";
import { openSheet, openSheetBatches } from "../../xlsx/read";
import type { SharedStrings } from "../../xlsx/shared-strings";
import { WantedColumns } from "../../xlsx/sheet-reader";
import { PartSink } from "../../xlsx/part-sink";
import { qualified } from "../../xlsx/xml";
import { SheetWriter, writeCells, type OutCell } from "../../xlsx/sheet-writer";
import { Styles } from "../../xlsx/styles";
import { ZipWriter } from "../../xlsx/zip-write";
import { CliError } from "../errors";
import { boundHeapGrowthFor } from "../heap";
import { SummaryBuilder, type AuditSummary, type RowOutcome } from "./audit-summary";
import {
  addAuditStyles,
  freeSheetName,
  RISK_HEADERS,
  RISK_WIDTHS,
  riskCells,
  riskFormattingXml,
  riskHeaderCells,
  summarySheet,
  writeSheetModel,
  type AuditStyles,
} from "./audit-workbook";
import {
  HISTORY_HEADERS,
  HISTORY_WIDTHS,
  historyHeaderCells,
  historyOutCells,
  suppliersSheet,
  suppliersSheetName,
} from "./audit-history";
import { columnClasses, csvNumber, type ColumnClass } from "./csv-numbers";
import { ChunkedScorer, type KnownFacts, type ScoredRow, type SheetRow } from "./scorer";
import { openWorkbook, packageError } from "./xlsx";

/**
 * How `guard audit` writes its copy, one way for every size.
 *
 * An xlsx ledger (`auditXlsx`): the copy is the user's package with the
 * audit's edits. Every part the audit does not change is copied as stored,
 * byte for byte (other sheets, drawings, images, charts, comments, tables,
 * pivot caches, themes, custom XML, document properties, macros). The
 * ledger sheet's XML is streamed: each row is written back as it was, with
 * the risk cells appended after its last cell, in the first free columns
 * right of everything on the sheet (cells, merged areas, tables, autofilter,
 * data validation, conditional formats, hyperlinks), so no cell of the
 * user's is ever overwritten; the sheet gets `<col>` widths for the new
 * columns, a wider `<dimension>`, and the flag rules after the user's own
 * conditional formats. styles.xml gets appended fonts, fills, formats and
 * differential formats (none renumbered); workbook.xml, its relationships
 * and [Content_Types].xml get the Summary (and Suppliers) sheets. An Excel
 * table ending at the ledger's last column is widened over the new columns.
 *
 * A csv ledger (`auditCsv`): a new workbook, written row by row; rows past
 * Excel's last row go on to a second sheet under the header repeated.
 *
 * Facts across rows are collected chunk by chunk (see scorer.ts). When a
 * chunk changes the facts of rows already written (a tracking number of an
 * earlier chunk turns up under another supplier), the copy is written again
 * from the start with the whole ledger's facts, so every order that used the
 * number is flagged, as `guard score` and the task pane flag them. With
 * `asOf`, an xlsx ledger is read twice (the first pass makes every supplier's
 * record, whose reasons the second puts on the rows, chunk by chunk); a csv
 * is scored in one chunk. With `onRow` (each outcome printed as its row is
 * written, which cannot be taken back), a first pass collects the facts.
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
  /** Called with notices about the copy (a table that could not take the new columns). */
  onWarning?: ((message: string) => void) | undefined;
  /** Called when the ledger is read again (see FactsLate), before its rows are. */
  onNote?: ((message: string) => void) | undefined;
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

/** Rows scored together (a chunk); a csv with asOf is scored whole. */
const CHUNK_ROWS = 1000;
/** About how many bytes of sheet XML a csv cell becomes (`<c r="AB12" t="inlineStr"><is><t>…`). */
const CSV_CELL_BYTES = 40;

/** Characters Excel forbids in sheet names, and its 31-character limit. */
export function safeSheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31);
  return clean || "Ledger";
}

/** What the audit adds right of the ledger: the columns' headers, widths and cells of a row. */
interface Additions {
  count: number;
  widths: Array<[number, number]>;
  headers: string[];
  headerCells(): OutCell[];
  rowCells(outcome: RowOutcome): OutCell[];
}

function additions(ctx: AuditContext, styles: AuditStyles, firstCol: number): Additions {
  const history = ctx.asOf !== undefined;
  const headers = [...RISK_HEADERS[ctx.lang], ...(history ? HISTORY_HEADERS[ctx.lang] : [])];
  const widths = [...RISK_WIDTHS, ...(history ? HISTORY_WIDTHS : [])].map((w, i): [number, number] => [
    firstCol + i,
    w,
  ]);
  return {
    count: headers.length,
    widths,
    headers,
    headerCells: () => [
      ...riskHeaderCells(ctx.lang, styles),
      ...(history ? historyHeaderCells(ctx.lang, styles.header) : []),
    ],
    // Called for every row: no arrays spread into a new one without the history columns.
    rowCells: history
      ? (outcome) => [...riskCells(outcome, ctx.lang), ...historyOutCells(outcome.now, styles.money)]
      : (outcome) => riskCells(outcome, ctx.lang),
  };
}

/**
 * A scorer for the ledger. With `asOf` and no first pass's record (`known`), the ledger is
 * scored in one chunk so the reasons across orders reach its rows; a first pass (`readOnly`)
 * reads it in chunks and says nothing (the second pass shows the columns and the warnings).
 */
function newScorer(
  ctx: AuditContext,
  sheet: string,
  pass: { known?: KnownFacts | undefined; readOnly?: boolean } = {},
): ChunkedScorer {
  const chunked = ctx.asOf === undefined || pass.known !== undefined || pass.readOnly === true;
  return new ChunkedScorer({
    file: ctx.file,
    sheet,
    settings: ctx.settings,
    blacklist: ctx.blacklist,
    overrides: ctx.overrides,
    chunkSize: chunked ? CHUNK_ROWS : Number.POSITIVE_INFINITY,
    onHeader: pass.readOnly === true ? undefined : ctx.onHeader,
    asOf: ctx.asOf,
    known: pass.known,
    readOnly: pass.readOnly,
  });
}

/** The Summary and Suppliers sheets' names and parts, decided before anything is written. */
interface ExtraSheets {
  summary: NewSheet;
  suppliers: NewSheet | undefined;
}

function planExtraSheets(
  ctx: AuditContext,
  names: readonly string[],
  partTaken: (part: string) => boolean,
  relIds: string[],
): ExtraSheets {
  const summaryName = freeSheetName(names, "Summary");
  const summaryPart = freePartName(partTaken, (n) => `xl/worksheets/sheet${n}.xml`);
  const summary = { name: summaryName, part: summaryPart, relId: relIds[0]! };
  if (ctx.asOf === undefined) return { summary, suppliers: undefined };
  const suppliersPart = freePartName(
    (p) => p === summaryPart || partTaken(p),
    (n) => `xl/worksheets/sheet${n}.xml`,
  );
  return {
    summary,
    suppliers: {
      name: freeSheetName([...names, summaryName], suppliersSheetName(ctx.lang)),
      part: suppliersPart,
      relId: relIds[1]!,
    },
  };
}

/** A target for a workbook relationship: the part relative to the workbook's folder. */
function relativeTarget(workbookPart: string, part: string): string {
  const dir = workbookPart.includes("/") ? workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1) : "";
  return part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
}

/** Writes the Summary and (with asOf) the Suppliers sheet parts. */
async function writeExtraSheets(
  zip: ZipWriter,
  ctx: AuditContext,
  extra: ExtraSheets,
  styles: AuditStyles,
  summary: AuditSummary,
  sheetName: string,
  header: HeaderMap | undefined,
  history: LedgerHistory | undefined,
  notes: readonly string[] = [],
): Promise<void> {
  await writeSheetModel(
    zip,
    extra.summary.part,
    summarySheet(summary, ctx.lang, { file: ctx.file, sheet: sheetName }, styles, header, notes),
  );
  if (extra.suppliers && ctx.asOf !== undefined)
    await writeSheetModel(
      zip,
      extra.suppliers.part,
      suppliersSheet(history?.suppliers ?? [], ctx.lang, ctx.asOf, styles),
    );
}

function unreadCells(scorer: ChunkedScorer): UnreadCells {
  return { listed: scorer.warnings, cells: scorer.warningCells, rows: scorer.warningRows };
}

// ---------------------------------------------------------------- xlsx

/** The ledger sheet reaches further right than first thought: the audit starts again with this column. */
class NeedsRoom extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

/**
 * A chunk changed the facts of rows already written (ChunkedScorer.factsChangedLate): the audit
 * starts again with the whole ledger's facts, which this carries.
 */
class FactsLate extends Error {
  constructor(readonly facts: KnownFacts) {
    super("the facts across rows changed after some rows were written");
  }
}

/** What the audit says before it reads the ledger again (FactsLate). */
function readingAgain(lang: Lang): string {
  return lang === "zh"
    ? "有运单号在其最早的订单写出之后又出现在另一家供应商名下：重新读取账本，使用这些运单号的每一笔订单都会被标出"
    : "a tracking number turned up under another supplier after its first orders were written: reading the ledger again so that every order that used it is flagged";
}

/**
 * Writes the copy with what a first pass found (`known`, if any); when a write without it
 * learns the facts too late (FactsLate), says so and writes it once more with the whole
 * ledger's facts, not saying again what was said once (how the columns are read).
 */
async function rewrittenIfFactsLate(
  ctx: AuditContext,
  known: KnownFacts | undefined,
  write: (pass: AuditContext, known: KnownFacts | undefined) => Promise<AuditResult>,
): Promise<AuditResult> {
  try {
    return await write(ctx, known);
  } catch (error) {
    if (!(error instanceof FactsLate) || known !== undefined) throw error;
    ctx.onNote?.(readingAgain(ctx.lang));
    return await write({ ...ctx, onHeader: undefined }, error.facts);
  }
}

/** The furthest column anything on the sheet reaches: its rows' cells and the elements after them. */
async function measureSheet(
  pkg: XlsxPackage,
  sheet: SheetInfo,
  strings: SharedStrings,
  tables: number,
): Promise<number> {
  let max = tables;
  for await (const piece of await openSheet(pkg, sheet, { sharedStrings: strings })) {
    if (piece.kind === "row") max = Math.max(max, piece.row.lastColumn);
    else if (piece.kind === "tail") max = Math.max(max, tailExtent(piece.xml).column);
  }
  return max;
}

/** Audits an xlsx ledger by patching its package (see above); writes the copy to `tempPath`. */
export async function auditXlsx(
  ctx: AuditContext,
  sheetName: string | undefined,
  tempPath: string,
  output?: () => Writable,
): Promise<AuditResult> {
  const pkg = await openWorkbook(ctx.file);
  try {
    const sheet = pkg.pickSheet(sheetName);
    boundHeapGrowthFor(pkg.entry(sheet.part)?.size ?? 0);
    const strings = await pkg.sharedStrings();
    const known = await firstPass(ctx, pkg, sheet, strings, `sheet "${sheet.name}"`);
    // At most three writes: one more when the facts changed late, one more when the room fell short.
    let minFirstCol = 0;
    return await rewrittenIfFactsLate(ctx, known, async (pass, facts) => {
      for (let measured = false; ;) {
        const zip = new ZipWriter(tempPath, output?.());
        try {
          const result = await patchPackage(pass, pkg, sheet, strings, zip, minFirstCol, facts);
          await zip.finish();
          return result;
        } catch (error) {
          await zip.abort();
          if (!(error instanceof NeedsRoom) || measured) throw error;
          // The sheet's dimension or a first guess fell short: measure it, then write it again.
          minFirstCol = (await measureSheet(pkg, sheet, strings, 0)) + 1;
          measured = true;
        }
      }
    });
  } catch (error) {
    throw packageError(ctx.file, error);
  } finally {
    await pkg.close();
  }
}

async function patchPackage(
  ctx: AuditContext,
  pkg: XlsxPackage,
  sheet: SheetInfo,
  strings: SharedStrings,
  zip: ZipWriter,
  minFirstCol: number,
  known: KnownFacts | undefined,
): Promise<AuditResult> {
  const where = `sheet "${sheet.name}"`;
  // The ledger sheet's tables: their extent, and whether one can take the new columns.
  const sheetRels = parseRelationships(await pkg.text(relsPartOf(sheet.part)), sheet.part);
  const tables: Array<{ part: string; xml: string }> = [];
  for (const rel of sheetRels) {
    if (!rel.type.endsWith("/table") || rel.part === undefined) continue;
    const xml = await pkg.text(rel.part);
    if (xml !== undefined) tables.push({ part: rel.part, xml });
  }
  const tablesLastCol = Math.max(0, ...tables.map((t) => tableRange(t.xml)?.lastCol ?? 0));

  // Styles: the workbook's own with ours appended, or a new part.
  const stylesPart = pkg.partOfType("styles");
  const existingStyles = await pkg.styles();
  const styles = existingStyles ?? Styles.minimal();
  const audit = addAuditStyles(styles);
  const newStylesPart =
    existingStyles === undefined
      ? freePartName(
          (p) => pkg.entry(p) !== undefined,
          (n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`),
        )
      : undefined;

  // Workbook, relationships and content types with the new sheets.
  const relsPart = relsPartOf(pkg.workbookPart);
  const relsXml =
    (await pkg.text(relsPart)) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const ids = freeRelIds(relsXml, 3);
  const extra = planExtraSheets(
    ctx,
    pkg.sheets.map((s) => s.name),
    (p) => pkg.entry(p) !== undefined,
    ids,
  );
  const newSheets = [extra.summary, ...(extra.suppliers ? [extra.suppliers] : [])];
  const newRels = newSheets.map((s) => ({
    id: s.relId,
    type: WORKSHEET_REL,
    target: relativeTarget(pkg.workbookPart, s.part),
  }));
  if (newStylesPart)
    newRels.push({ id: ids[2]!, type: STYLES_REL, target: relativeTarget(pkg.workbookPart, newStylesPart) });
  const contentTypes = (await pkg.text("[Content_Types].xml")) ?? "";
  const overrides = newSheets.map((s) => ({ part: s.part, type: WORKSHEET_TYPE }));
  if (newStylesPart) overrides.push({ part: newStylesPart, type: STYLES_TYPE });
  const replaced = new Map<string, string>([
    [pkg.workbookPart.toLowerCase(), addSheetsToWorkbook(pkg.workbookXml, newSheets)],
    [relsPart.toLowerCase(), addRelationships(relsXml, newRels)],
    ["[content_types].xml", addOverrides(contentTypes, overrides)],
  ]);
  if (stylesPart !== undefined && existingStyles !== undefined)
    replaced.set(stylesPart.toLowerCase(), styles.toXml());
  const deferred = new Set(tables.map((t) => t.part.toLowerCase()));

  let result: Omit<AuditResult, "summary"> | undefined;
  let summary: AuditSummary | undefined;
  let tableNames: string[] = [];
  let tableColumn = 0;
  let tableHeaderRow = 0;
  const writtenParts = new Set<string>();
  for (const entry of pkg.zip.entries) {
    const key = entry.name.toLowerCase();
    if (writtenParts.has(key) || entry.name.endsWith("/")) continue;
    writtenParts.add(key);
    if (deferred.has(key)) continue;
    const text = replaced.get(key);
    if (text !== undefined) {
      await zip.addBuffer(entry.name, text);
      continue;
    }
    if (key !== sheet.part.toLowerCase()) {
      await zip.copyEntry(pkg.zip, entry);
      continue;
    }
    const ledger = await writeLedgerSheet(ctx, pkg, sheet, strings, zip, entry.size, {
      styles: audit,
      minFirstCol: Math.max(minFirstCol, tablesLastCol + 1),
      measured: minFirstCol > 0,
      where,
      known,
    });
    result = ledger.result;
    summary = ledger.summary;
    tableNames = ledger.headers;
    tableColumn = ledger.result.firstRiskColumn;
    tableHeaderRow = ledger.result.headerRow;
  }
  if (!result || !summary)
    throw new Error(`internal: the ledger sheet's part ${sheet.part} is not in the package`);

  // Tables: the one whose header row is the ledger's and which ends right before the new columns takes them.
  for (const t of tables) {
    const range = tableRange(t.xml);
    const fits =
      range !== undefined &&
      range.headerRow &&
      !range.totalsRow &&
      range.firstRow === tableHeaderRow &&
      range.lastCol === tableColumn - 1;
    const widened = fits ? extendTable(t.xml, tableNames) : undefined;
    if (fits && widened === undefined)
      ctx.onWarning?.(
        `the table in ${t.part} already has a column named like one of the audit's; it is left as it was`,
      );
    const entry = pkg.entry(t.part)!;
    if (widened !== undefined) await zip.addBuffer(entry.name, widened);
    else await zip.copyEntry(pkg.zip, entry);
  }
  if (newStylesPart) await zip.addBuffer(newStylesPart, styles.toXml());
  await writeExtraSheets(zip, ctx, extra, audit, summary, result.sheetName, result.header, result.history);
  return { ...result, summary };
}

/**
 * A first pass over the ledger sheet, when the pass that writes it must know the whole ledger
 * from its first row on: with `asOf`, every supplier's record (its reasons go on the rows); with
 * `onRow` (an outcome printed as its row is written cannot be taken back), the facts across rows.
 * Its rows are read into orders chunk by chunk (no row's XML kept, nothing scored or written),
 * so the second pass can score and write the rows in chunks too.
 */
async function firstPass(
  ctx: AuditContext,
  pkg: XlsxPackage,
  sheet: SheetInfo,
  strings: SharedStrings,
  where: string,
): Promise<KnownFacts | undefined> {
  if (ctx.asOf === undefined && ctx.onRow === undefined) return undefined;
  const scorer = newScorer(ctx, sheet.name, { readOnly: true });
  const columns = new WantedColumns();
  for await (const batch of await openSheetBatches(pkg, sheet, { sharedStrings: strings, where, columns }))
    for (const piece of batch) {
      if (piece.kind !== "row") continue;
      scorer.push(piece.row as SheetRow);
      tellWanted(columns, scorer);
    }
  scorer.finish();
  return ctx.asOf !== undefined ? scorer.record() : scorer.facts();
}

interface LedgerOptions {
  styles: AuditStyles;
  /** What a first pass found over the whole ledger (see firstPass, FactsLate). */
  known?: KnownFacts | undefined;
  minFirstCol: number;
  /** `minFirstCol` comes from measuring the sheet's cells (a first pass found the dimension wrong). */
  measured: boolean;
  where: string;
}

async function writeLedgerSheet(
  ctx: AuditContext,
  pkg: XlsxPackage,
  sheet: SheetInfo,
  strings: SharedStrings,
  zip: ZipWriter,
  partSize: number,
  options: LedgerOptions,
): Promise<{ result: Omit<AuditResult, "summary">; summary: AuditSummary; headers: string[] }> {
  const out = zip.addStream(sheet.part, { large: partSize > 1024 * 1024 * 1024, expectedSize: partSize });
  const sink = new PartSink(out);
  const scorer = newScorer(ctx, sheet.name, { known: options.known });
  const builder = new SummaryBuilder(ctx.lang);
  let prefix = "";
  let firstCol = 0;
  let add: Additions | undefined;
  let lastCol = 0;
  let lastColText = "";
  let rowClose = "</row>";
  let lastOutcomeRow = 0;
  let read = 0;
  const every = ctx.progressEvery ?? 10000;

  // Rows come back a chunk at a time (with asOf, the whole ledger at the end): each goes on to
  // the zip writer as it is written (as the bytes it was read from, when it has them), with the
  // audit's cells before its end tag.
  // One row written back, with the audit's cells (kept apart from the waiting in `emit`: V8
  // compiles a plain function quicker than one that awaits).
  const writeRow = (r: ScoredRow): void => {
    if (r.xml === undefined) return;
    let cells: OutCell[] | undefined;
    if (r.rowNumber === scorer.headerRow) cells = add!.headerCells();
    else if (r.outcome) {
      cells = add!.rowCells(r.outcome);
      builder.add(r.outcome);
      ctx.onRow?.(r.outcome);
      lastOutcomeRow = r.rowNumber;
    }
    if (r.lead) sink.text(r.lead);
    if (cells === undefined) {
      if (r.bytes !== undefined) sink.bytes(r.bytes);
      else sink.text(r.xml);
      return;
    }
    if (r.bytes !== undefined) {
      const body = writeRowStart(sink, r.bytes, lastColText);
      if (body >= 0) sink.bytes(r.bytes.subarray(body, r.bytes.length - rowClose.length));
    } else {
      const split = splitRow(r.xml, lastCol, prefix);
      sink.text(split.open + r.xml.slice(split.body, split.bodyEnd));
    }
    writeCells(sink, r.rowNumber, firstCol, cells, prefix);
    sink.ascii(rowClose);
  };
  const emit = async (rows: ScoredRow[]): Promise<void> => {
    for (let i = 0; i < rows.length; i++) {
      if (sink.ready) await sink.flush();
      writeRow(rows[i]!);
    }
  };

  // Once the header row is mapped, only the columns read as fields are read in the rows below it.
  const columns = new WantedColumns();
  const batches = await openSheetBatches(pkg, sheet, {
    keepXml: true,
    sharedStrings: strings,
    where: options.where,
    columns,
  });
  for await (const batch of batches)
    for (const piece of batch) {
      if (piece.kind === "head") {
        prefix = piece.prefix;
        const dim = dimensionOf(piece.xml, prefix);
        if (dim === undefined && !options.measured) throw new NeedsRoom("the sheet has no dimension");
        // Once measured, the sheet's own claim (its dimension) no longer counts: it may lie.
        firstCol = options.measured
          ? options.minFirstCol
          : Math.max(options.minFirstCol, (dim?.lastCol ?? 0) + 1, 1);
        add = additions(ctx, options.styles, firstCol);
        lastCol = firstCol + add.count - 1;
        lastColText = String(lastCol);
        rowClose = `</${qualified(prefix, "row")}>`;
        if (lastCol > MAX_COLUMNS) {
          if (!options.measured)
            throw new NeedsRoom(`the dimension reaches column ${columnName(dim?.lastCol ?? 0)}`);
          throw new CliError(
            `${ctx.file}, ${options.where}: the sheet reaches column ${columnName(firstCol - 1)}; there is no room right of it for the audit's ${add.count} columns (Excel's last column is XFD)`,
          );
        }
        sink.text(editHead(piece.xml, prefix, add.widths, lastCol, dim?.lastRow ?? 1));
        continue;
      }
      if (piece.kind === "row") {
        const row = piece.row;
        if (row.lastColumn >= firstCol)
          throw new NeedsRoom(`row ${row.rowNumber} reaches column ${columnName(row.lastColumn)}`);
        const ready = scorer.push(row as SheetRow);
        if (ready.length > 0) await emit(ready);
        tellWanted(columns, scorer);
        if (sink.ready) await sink.flush();
        read++;
        if (ctx.onProgress && read % every === 0) ctx.onProgress(read);
        continue;
      }
      // The tail: what follows the rows.
      await emit(scorer.finish());
      if (scorer.factsChangedLate) throw new FactsLate(scorer.facts());
      const reach = tailExtent(piece.xml);
      if (reach.column >= firstCol) throw new NeedsRoom(reach.what);
      const cf = riskFormattingXml(
        firstCol,
        scorer.headerRow + 1,
        lastOutcomeRow,
        options.styles,
        topPriority(piece.xml) + 1,
        prefix,
      );
      sink.text(cf === "" ? piece.xml : insertConditionalFormatting(piece.xml, prefix, cf));
    }
  await sink.end();
  await out.end();
  return {
    result: {
      sheetName: sheet.name,
      warnings: unreadCells(scorer),
      firstRiskColumn: firstCol,
      headerRow: scorer.headerRow,
      header: scorer.header,
      history: scorer.history(),
      dates: scorer.dateReport(),
    },
    summary: builder.build(scorer.dateReport()),
    headers: add?.headers ?? [],
  };
}

/** Once the scorer has mapped the header row, tells the sheet's reader the columns read as fields. */
function tellWanted(columns: WantedColumns, scorer: ChunkedScorer): void {
  const header = scorer.header;
  if (columns.known || header === undefined) return;
  columns.want(header.columns.filter((c) => c.field !== undefined).map((c) => c.index));
}

// ---------------------------------------------------------------- csv

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets/></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

/** What a csv cell is written as: a number in a number column (with its format), else the text. */
type CsvCellStyle = (code: string) => number;

function csvCells(
  values: readonly CellValue[],
  numbers: ((i: number) => ColumnClass) | undefined,
  numFmtStyle: CsvCellStyle,
): OutCell[] {
  const cells: OutCell[] = new Array<OutCell>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (numbers !== undefined && typeof v === "string") {
      const number = csvNumber(v, numbers(i));
      if (number !== undefined) {
        cells[i] = {
          value: number.value,
          style: number.numFmt === undefined ? undefined : numFmtStyle(number.numFmt),
        };
        continue;
      }
    }
    cells[i] = { value: v === undefined ? null : (v as OutCell["value"]) };
  }
  return cells;
}

/**
 * A csv's rows for its audit: held in memory (`cells`), or read from the file as a
 * stream (`rows`, called once), with the row count and widest row a first pass over
 * the file found, so that the audit of a csv of any length runs in flat memory.
 */
export interface CsvSource {
  sheetName: string;
  cells?: CellValue[][] | undefined;
  rows?: (() => AsyncIterable<CellValue[]>) | undefined;
  count?: number | undefined;
  width?: number | undefined;
}

async function* rowsOf(table: CsvSource): AsyncGenerator<CellValue[]> {
  if (table.cells) {
    for (const row of table.cells) yield row;
    return;
  }
  if (table.rows) yield* table.rows();
}

/**
 * Audits a csv ledger into a new workbook written row by row. Rows past
 * Excel's last row (1,048,576) go on to a second sheet, its first row the
 * header repeated; the Summary says so.
 */
export async function auditCsv(
  ctx: AuditContext,
  table: CsvSource,
  tempPath: string,
  output?: () => Writable,
  rowsPerSheet = MAX_ROWS,
): Promise<AuditResult> {
  // Scored in one chunk with asOf (nothing learnt late); with onRow, the facts come first.
  const known = ctx.asOf === undefined && ctx.onRow !== undefined ? await csvFacts(ctx, table) : undefined;
  return await rewrittenIfFactsLate(ctx, known, (pass, facts) =>
    auditCsvOnce(pass, table, tempPath, output, rowsPerSheet, facts),
  );
}

/** A first pass over a csv ledger's rows for the facts across them (see firstPass). */
async function csvFacts(ctx: AuditContext, table: CsvSource): Promise<KnownFacts> {
  const scorer = newScorer(ctx, safeSheetName(table.sheetName), { readOnly: true });
  let i = 0;
  for await (const values of rowsOf(table)) scorer.push({ rowNumber: ++i, values });
  scorer.finish();
  return scorer.facts();
}

async function auditCsvOnce(
  ctx: AuditContext,
  table: CsvSource,
  tempPath: string,
  output: (() => Writable) | undefined,
  rowsPerSheet: number,
  known: KnownFacts | undefined,
): Promise<AuditResult> {
  const name = safeSheetName(table.sheetName);
  const rowsTotal = table.cells?.length ?? table.count ?? 0;
  // The first sheet holds rows 1..rowsPerSheet; each further one the header and the next rows.
  const more = rowsTotal > rowsPerSheet ? Math.ceil((rowsTotal - rowsPerSheet) / (rowsPerSheet - 1)) : 0;
  const ledgerSheets: NewSheet[] = [{ name, part: "xl/worksheets/sheet1.xml", relId: "rId1" }];
  for (let k = 1; k <= more; k++) {
    const taken = ledgerSheets.map((s) => s.name);
    ledgerSheets.push({
      name: freeSheetName(taken, `${safeSheetName(name.slice(0, 25))} (${k + 1})`),
      part: `xl/worksheets/sheet${k + 1}.xml`,
      relId: `rId${k + 1}`,
    });
  }
  const taken = new Set(ledgerSheets.map((s) => s.part));
  const extraIds = [`rId${ledgerSheets.length + 1}`, `rId${ledgerSheets.length + 2}`];
  const extra = planExtraSheets(
    ctx,
    ledgerSheets.map((s) => s.name),
    (p) => taken.has(p) || p === "xl/styles.xml",
    extraIds,
  );
  const allSheets = [...ledgerSheets, extra.summary, ...(extra.suppliers ? [extra.suppliers] : [])];
  const styles = Styles.minimal();
  const audit = addAuditStyles(styles);
  const numFmtStyles = new Map<string, number>();
  const numFmtStyle = (code: string): number => {
    let s = numFmtStyles.get(code);
    if (s === undefined) numFmtStyles.set(code, (s = styles.addXf({ numFmtId: styles.numFmt(code) })));
    return s;
  };

  let width = table.width ?? 0;
  if (table.cells) for (const row of table.cells) width = Math.max(width, row.length);
  const firstCol = Math.max(1, width + 1);
  const add = additions(ctx, audit, firstCol);
  const widths = add.widths;

  const zip = new ZipWriter(tempPath, output?.());
  try {
    await zip.addBuffer(
      "[Content_Types].xml",
      addOverrides(CONTENT_TYPES, [
        ...allSheets.map((s) => ({ part: s.part, type: WORKSHEET_TYPE })),
        { part: "xl/styles.xml", type: STYLES_TYPE },
      ]),
    );
    await zip.addBuffer("_rels/.rels", ROOT_RELS);
    await zip.addBuffer("xl/workbook.xml", addSheetsToWorkbook(WORKBOOK, allSheets));
    await zip.addBuffer(
      "xl/_rels/workbook.xml.rels",
      addRelationships(WORKBOOK_RELS, [
        ...allSheets.map((s) => ({ id: s.relId, type: WORKSHEET_REL, target: s.part.slice(3) })),
        {
          id: freeRelIds(allSheets.map((s) => ` Id="${s.relId}"`).join(""), 1)[0]!,
          type: STYLES_REL,
          target: "styles.xml",
        },
      ]),
    );

    const scorer = newScorer(ctx, name, { known });
    const builder = new SummaryBuilder(ctx.lang);
    let numbers: ((i: number) => ColumnClass) | undefined;
    // Zip64 sizes reserved for a sheet that may pass 4 GB; one of some megabytes deflated on a thread of its own.
    const sheetOptions = {
      large: rowsTotal * width > 20_000_000,
      expectedSize: rowsTotal * width * CSV_CELL_BYTES,
    };
    let current = new SheetWriter(zip, ledgerSheets[0]!.part, widths, sheetOptions);
    let sheetIndex = 0;
    let headerValues: readonly CellValue[] = [];
    let firstOutcome = 0;
    let lastOutcome = 0;
    const cfRanges: string[] = [];
    const closeSheet = async (): Promise<void> => {
      const cf =
        firstOutcome > 0
          ? riskFormattingXml(firstCol, firstOutcome, lastOutcome, audit, cfRanges.length * 2 + 1)
          : "";
      cfRanges.push(cf);
      await current.end(cf);
    };
    const write = async (rows: ScoredRow[]): Promise<void> => {
      for (const r of rows) {
        if (numbers === undefined && scorer.header !== undefined) numbers = columnClasses(scorer.header);
        let rowNumber = r.rowNumber;
        if (rowNumber > rowsPerSheet) {
          const k = Math.ceil((rowNumber - rowsPerSheet) / (rowsPerSheet - 1));
          if (k !== sheetIndex) {
            await closeSheet();
            sheetIndex = k;
            firstOutcome = 0;
            current = new SheetWriter(zip, ledgerSheets[k]!.part, widths, sheetOptions);
            await current.row(1, [
              ...csvCells(headerValues, undefined, numFmtStyle),
              ...pad(headerValues.length, firstCol),
              ...add.headerCells(),
            ]);
          }
          rowNumber = rowNumber - rowsPerSheet - (k - 1) * (rowsPerSheet - 1) + 1;
        }
        const isHeader = r.rowNumber === scorer.headerRow;
        if (isHeader) headerValues = r.values;
        const own = csvCells(r.values, r.rowNumber > scorer.headerRow ? numbers : undefined, numFmtStyle);
        let tail: OutCell[] = [];
        if (isHeader) tail = add.headerCells();
        else if (r.outcome) {
          tail = add.rowCells(r.outcome);
          builder.add(r.outcome);
          ctx.onRow?.(r.outcome);
          if (firstOutcome === 0) firstOutcome = rowNumber;
          lastOutcome = rowNumber;
        }
        await current.row(
          rowNumber,
          tail.length === 0 ? own : [...own, ...pad(own.length, firstCol), ...tail],
        );
      }
    };
    const every = ctx.progressEvery ?? 10000;
    let i = 0;
    for await (const values of rowsOf(table)) {
      await write(scorer.push({ rowNumber: i + 1, values }));
      i++;
      if (ctx.onProgress && i % every === 0) ctx.onProgress(i);
    }
    await write(scorer.finish());
    if (scorer.factsChangedLate) throw new FactsLate(scorer.facts());
    await closeSheet();
    await zip.addBuffer("xl/styles.xml", styles.toXml());
    const dates = scorer.dateReport();
    const summary = builder.build(dates);
    const history = scorer.history();
    const rest = ledgerSheets
      .slice(1)
      .map((s) => `"${s.name}"`)
      .join(", ");
    const notes =
      more === 0
        ? []
        : [
            ctx.lang === "zh"
              ? `账本有 ${rowsTotal.toLocaleString("en-US")} 行，超过 Excel 每个工作表的 ${rowsPerSheet.toLocaleString("en-US")} 行：其余各行在工作表 ${rest}，首行重复表头。`
              : `The ledger has ${rowsTotal.toLocaleString("en-US")} rows, more than an Excel sheet's ${rowsPerSheet.toLocaleString("en-US")}: the rest are on the sheet(s) ${rest}, under the header repeated.`,
          ];
    await writeExtraSheets(zip, ctx, extra, audit, summary, name, scorer.header, history, notes);
    await zip.finish();
    return {
      sheetName: name,
      summary,
      warnings: unreadCells(scorer),
      firstRiskColumn: firstCol,
      headerRow: scorer.headerRow,
      header: scorer.header,
      history,
      dates,
    };
  } catch (error) {
    await zip.abort();
    throw error;
  }
}

/** Empty cells from `from` cells up to column `firstCol` (so the risk cells land in their columns). */
function pad(from: number, firstCol: number): OutCell[] {
  const n = Math.max(0, firstCol - 1 - from);
  return n === 0 ? [] : new Array<OutCell>(n).fill({ value: null });
}

export type { AuditSummary };
