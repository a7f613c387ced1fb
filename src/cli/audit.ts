import path from "node:path";
import { parseArgs } from "node:util";
import type { HeaderOverrides } from "../ledger/header";
import type { Lang } from "../rules/types";
import { dateWarnings } from "../ledger/columns";
import { CliError, EXIT } from "./errors";
import { columnsJson, columnsTable, columnWarnings, datesJson, grouped, verdictToJson } from "./format";
import { parseAsOf } from "./as-of";
import { loadBlacklistFile, loadSettingsFile } from "./inputs";
import { formatSuppliers } from "./io/audit-history";
import { streamWithoutPretenuring } from "./heap";
import { overridesOf } from "./score";
import { formatSummary, type RowOutcome } from "./io/audit-summary";
import { auditCsv, auditXlsx, type AuditContext, type AuditResult, type CsvSource } from "./io/audit-write";
import { readDelimitedChunks } from "./io/csv";
import { checkOutputPath, defaultOutputPath, outputOnce, writeAtomically } from "./io/output";
import { assertOneTable, assertReadableFile, tableFormat } from "./io/table";

/**
 * `guard audit FILE`: writes a copy of the ledger with Risk score, Risk level
 * and Reasons columns and a Summary sheet, and prints the summary.
 *
 * Exit codes (errors.ts EXIT): 0 every row scored, every cell read, no order
 * HIGH; 1 some order is HIGH; 3 no order HIGH, but some cells could not be
 * read (their rows are scored without them, the cell named in the row's
 * Reasons and on stderr); 2 unusable input (a missing or unreadable file, an
 * unknown sheet, no header row, a bad setting): nothing written.
 *
 * How each column was read goes in the Summary sheet (and on stdout with
 * `--columns`); columns that look relevant but are not read are named on stderr.
 */

export interface AuditIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress is shown there); defaults to process.stderr.isTTY. */
  stderrIsTTY?: boolean;
}

/** Progress goes to stderr every this many rows (on a terminal, or for files over 20,000 rows). */
const PROGRESS_EVERY = 10000;
const PROGRESS_QUIET_UNTIL = 20000;

const USAGE =
  "usage: guard audit FILE [--out FILE] [--blacklist FILE] [--settings FILE] [--sheet NAME] [--as-of DATE] [--force] [--json] [--lang en|zh] [--columns]";

interface AuditArgs {
  file: string;
  out?: string | undefined;
  blacklist?: string | undefined;
  settings?: string | undefined;
  sheet?: string | undefined;
  force: boolean;
  json: boolean;
  lang?: Lang | undefined;
  /** Accepted and ignored: every audit streams (kept so scripts that pass it still run). */
  stream: boolean;
  columns: boolean;
  asOf?: Date | undefined;
}

function parseAuditArgs(args: string[]): AuditArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        blacklist: { type: "string" },
        settings: { type: "string" },
        sheet: { type: "string" },
        force: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        lang: { type: "string" },
        stream: { type: "boolean", default: false },
        columns: { type: "boolean", default: false },
        "as-of": { type: "string" },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (file === undefined || positionals.length > 1)
    throw new CliError(`guard audit takes one FILE\n${USAGE}`);
  if (values.lang !== undefined && values.lang !== "en" && values.lang !== "zh") {
    throw new CliError(`--lang must be en or zh, not "${values.lang}"`);
  }
  return {
    file,
    out: values.out,
    blacklist: values.blacklist,
    settings: values.settings,
    sheet: values.sheet,
    force: values.force ?? false,
    json: values.json ?? false,
    lang: values.lang as Lang | undefined,
    stream: values.stream ?? false,
    columns: values.columns ?? false,
    asOf: parseAsOf(values["as-of"]),
  };
}

/**
 * A csv read twice as a stream, in flat memory: once for its row count and widest row
 * (what the new workbook's sheets and column widths need first), then row by row into
 * the audited copy.
 */
async function csvSource(file: string, format: string): Promise<CsvSource> {
  const options = format === "tsv" ? { delimiter: "\t" as const } : {};
  let count = 0;
  let width = 0;
  for await (const chunk of readDelimitedChunks(file, options)) {
    for (const row of chunk) width = Math.max(width, row.values.length);
    count += chunk.length;
  }
  return {
    sheetName: path.basename(file, path.extname(file)),
    count,
    width,
    rows: async function* () {
      for await (const chunk of readDelimitedChunks(file, options)) for (const row of chunk) yield row.values;
    },
  };
}

function toJsonLine(outcome: RowOutcome, lang: Lang): string {
  return JSON.stringify(verdictToJson(outcome.row, outcome.verdict, lang, outcome.warnings));
}

/** Runs `guard audit`; returns the exit code. A `CliError` is reported here as exit 2. */
export async function runAudit(args: string[], io: AuditIo): Promise<number> {
  try {
    return await audit(parseAuditArgs(args), io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`guard audit: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

async function audit(args: AuditArgs, io: AuditIo): Promise<number> {
  const format = tableFormat(args.file);
  await assertReadableFile(args.file);
  const output = args.out ?? defaultOutputPath(args.file);
  await checkOutputPath(args.file, output, args.force);
  const settings = await loadSettingsFile(args.settings);
  const lang = args.lang ?? settings.language;
  const blacklist = await loadBlacklistFile(args.blacklist, lang);
  const tty = io.stderrIsTTY ?? process.stderr.isTTY === true;

  const ctx: AuditContext = {
    file: args.file,
    settings,
    blacklist,
    overrides: overridesOf(settings.columns) as HeaderOverrides | undefined,
    lang,
    progressEvery: PROGRESS_EVERY,
    onProgress: (rows) => {
      if (tty || rows > PROGRESS_QUIET_UNTIL) io.stderr(`guard audit: ${grouped(rows)} rows read\n`);
    },
    onWarning: (message) => io.stderr(`guard audit: warning: ${message}\n`),
    onNote: (message) => io.stderr(`guard audit: ${message}\n`),
    onHeader: (header) => {
      for (const warning of columnWarnings(header, lang)) io.stderr(`guard audit: warning: ${warning}\n`);
      if (args.columns && args.json) io.stdout(`${columnsJson(header)}\n`);
    },
    asOf: args.asOf,
  };
  if (args.json) {
    ctx.onRow = (outcome) => io.stdout(`${toJsonLine(outcome, lang)}\n`);
  }

  // Every audit streams its ledger (see heap.ts).
  streamWithoutPretenuring();
  let result: AuditResult | undefined;
  if (format === "xlsx") {
    await writeAtomically(output, async (temp, open) => {
      result = await auditXlsx(ctx, args.sheet, temp, outputOnce(temp, open));
    });
  } else {
    await writeAtomically(output, async (temp, open) => {
      assertOneTable(args.file, format, args.sheet);
      result = await auditCsv(ctx, await csvSource(args.file, format), temp, outputOnce(temp, open));
    });
  }
  if (!result) throw new Error("internal: audit produced no result");

  const { summary, warnings } = result;
  if (!args.json) {
    io.stdout(
      formatSummary(summary, lang, {
        file: args.file,
        output: path.relative(process.cwd(), output) || output,
      }),
    );
    if (args.columns && result.header) io.stdout(`\n${columnsTable(result.header, lang, result.dates)}\n`);
    if (result.history !== undefined && args.asOf !== undefined)
      io.stdout(formatSuppliers(result.history.suppliers, lang, args.asOf));
  }
  for (const w of dateWarnings(result.dates ?? [], lang)) io.stderr(`guard audit: warning: ${w}\n`);
  if (args.json && args.columns) io.stdout(`${datesJson(result.dates ?? [])}\n`);
  for (const w of warnings.listed) io.stderr(`guard audit: warning: ${w}\n`);
  if (warnings.cells > warnings.listed.length) {
    io.stderr(
      `guard audit: ... and ${warnings.cells - warnings.listed.length} more cells that could not be read\n`,
    );
  }
  if (warnings.cells > 0) {
    io.stderr(
      `guard audit: ${warnings.rows} row(s) scored without ${warnings.cells} cell(s) that could not be read (exit ${EXIT.unreadCells} unless an order is HIGH)\n`,
    );
  }
  if (args.json) io.stderr(`guard audit: wrote ${output}\n`);
  if (summary.levels.HIGH > 0) return EXIT.high;
  return warnings.cells > 0 ? EXIT.unreadCells : EXIT.ok;
}
