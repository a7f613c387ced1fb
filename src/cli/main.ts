import { parseArgs } from "node:util";
import { CliError } from "./errors";
import { runCheck } from "./check";
import { parseAsOf } from "./as-of";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, when a command reads it. */
  readStdin(): Promise<string>;
  /** Whether standard input is a terminal (nothing piped in): then `check` without values prints the usage. */
  stdinIsTTY?: boolean;
}

const USAGE = `Sourcing Guard: checks a 1688 purchase ledger for the signs of supplier fraud.

Usage:
  guard score FILE [--settings FILE] [--blacklist FILE] [--sheet NAME] [--as-of DATE] [--json] [--lang en|zh] [--columns]
      One verdict per data row (score 0-100, LOW/MEDIUM/HIGH, reasons). With
      --as-of (2026-06-30 or today) the ledger's history joins in: money at
      risk and days at risk per row, and the checks over time.
      --columns first prints how each column was read (its field, or ignored).
  guard check tracking|uscc|url [--carrier ID] [--json] [VALUE...]
      Validates tracking numbers, business licence codes (USCC) or 1688 links;
      reads one value per line from standard input when no VALUE is given
      (cat numbers.txt | guard check tracking).
  guard audit FILE [--out FILE] [--blacklist FILE] [--settings FILE] [--sheet NAME] [--as-of DATE] [--force] [--json] [--lang en|zh] [--columns]
      Writes a copy of the ledger with Risk score, Risk level and Reasons columns
      and a Summary sheet (with --as-of also Money at risk and Days at risk
      columns and a Suppliers sheet) (FILE.audited.xlsx unless --out; never the input; an
      existing output only with --force). An xlsx's copy is the workbook itself,
      every part of it kept, with these added; it is read and written as a stream
      (--as-of holds the ledger in memory). The Summary sheet lists how each column
      was read; --columns prints it too.

  guard pay FILE --order ID [--amount N] [--as-of DATE] [--blacklist FILE] [--allow FILE] [--settings FILE] [--sheet NAME] [--json] [--lang en|zh]
      Before you pay: PAY, HOLD or STOP for paying the order now (default the
      rest of the order), with the reasons and what was checked. --as-of adds
      the overdue and silent-order checks. A possible blacklist match (same name
      once places and legal forms are dropped, same in pinyin, or a payee account,
      phone, USCC or member id a blacklisted supplier used) is a HOLD unless
      --allow lists it as not the same company. Exit 0 for PAY, 1 for HOLD or STOP.

  guard dossier FILE (--order ID | --supplier NAME) --out FILE.xlsx|FILE.html [--as-of DATE] [--blacklist FILE] [--allow FILE] [--settings FILE] [--sheet NAME] [--lang en|zh] [--force]
      The dispute dossier for a 1688 claim, a bank recall or a police report, in
      the ledger's language: the supplier's identity, the timeline of its orders,
      the findings, blacklist and history notes, money at risk on the day (--as-of,
      default today) and the evidence links. .html prints as it is.

A column whose header looks relevant but is not read is named in a warning on
stderr; a columns.<header> setting reads it as a field ("" ignores it).

FILE is .xlsx, .csv or .tsv. --settings takes JSON or a two-column key,value sheet.
A cell that cannot be read never stops its row: the row is scored without it and
the cell is named (file, sheet, row, column) on stderr and among the row's reasons.

Exit codes:
  0  done: every cell read (and, for audit, no order HIGH)
  1  audit: some order is HIGH; pay: HOLD or STOP
  2  unusable input (missing or unreadable file, unknown sheet, no header row,
     bad settings or arguments), or for audit an output that cannot be written
     (disk full, a folder that cannot be written in, --out a folder): nothing
     scored, nothing written
  3  score, audit: every row scored, but some cells could not be read
     (audit: 1 wins when an order is HIGH)
  70 internal error (a bug; please report it with the message)
A closed pipe (guard audit FILE --json | head) ends the run quietly with 0;
Ctrl-C with 130, SIGTERM with 143. An audit cut short leaves no output and no
temporary file.
`;

const LANGS = new Set(["en", "zh"]);

function langOf(value: string | undefined): "en" | "zh" | undefined {
  if (value === undefined) return undefined;
  if (!LANGS.has(value)) throw new CliError(`--lang must be en or zh, not "${value}"`);
  return value as "en" | "zh";
}

/** Runs the command line; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "score": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            settings: { type: "string" },
            blacklist: { type: "string" },
            sheet: { type: "string" },
            json: { type: "boolean", default: false },
            lang: { type: "string" },
            columns: { type: "boolean", default: false },
            "as-of": { type: "string" },
          },
        });
        const file = positionals[0];
        if (file === undefined || positionals.length > 1)
          throw new CliError(`guard score takes one FILE\n\n${USAGE}`);
        // Loaded on demand: the xlsx library takes a while to load and `check` never needs it.
        const { runScore } = await import("./score");
        return await runScore(
          {
            file,
            settings: values.settings,
            blacklist: values.blacklist,
            sheet: values.sheet,
            json: values.json ?? false,
            lang: langOf(values.lang),
            columns: values.columns ?? false,
            asOf: parseAsOf(values["as-of"]),
          },
          (line) => io.stdout(`${line}\n`),
          (line) => io.stderr(`guard score: warning: ${line}\n`),
        );
      }
      case "check": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { carrier: { type: "string" }, json: { type: "boolean", default: false } },
        });
        const [kind, ...given] = positionals;
        if (kind !== "tracking" && kind !== "uscc" && kind !== "url") {
          throw new CliError(`guard check needs tracking, uscc or url, not "${kind ?? ""}"\n\n${USAGE}`);
        }
        if (values.carrier !== undefined && kind !== "tracking")
          throw new CliError("--carrier goes with guard check tracking");
        // Nothing given and nothing piped in: say how, rather than wait for typing.
        if (given.length === 0 && io.stdinIsTTY === true)
          throw new CliError(`guard check ${kind} needs VALUEs or lines on standard input\n\n${USAGE}`);
        const inputs = given.length > 0 ? given : splitLines(await io.readStdin());
        const options =
          values.carrier === undefined
            ? { json: values.json ?? false }
            : { json: values.json ?? false, carrier: values.carrier };
        const lines = runCheck(kind, inputs, options);
        io.stdout(lines.length > 0 ? `${lines.join("\n")}\n` : "");
        return 0;
      }
      case "pay": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            order: { type: "string" },
            amount: { type: "string" },
            settings: { type: "string" },
            blacklist: { type: "string" },
            allow: { type: "string" },
            sheet: { type: "string" },
            json: { type: "boolean", default: false },
            lang: { type: "string" },
            "as-of": { type: "string" },
          },
        });
        const file = positionals[0];
        if (file === undefined || positionals.length > 1)
          throw new CliError(`guard pay takes one FILE\n\n${USAGE}`);
        if (values.order === undefined) throw new CliError(`guard pay needs --order ID\n\n${USAGE}`);
        const { runPay } = await import("./pay");
        return await runPay(
          {
            file,
            order: values.order,
            amount: values.amount,
            asOf: parseAsOf(values["as-of"]),
            json: values.json ?? false,
            lang: langOf(values.lang),
            settings: values.settings,
            blacklist: values.blacklist,
            allow: values.allow,
            sheet: values.sheet,
          },
          (line) => io.stdout(`${line}\n`),
        );
      }
      case "dossier": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            order: { type: "string" },
            supplier: { type: "string" },
            out: { type: "string" },
            settings: { type: "string" },
            blacklist: { type: "string" },
            allow: { type: "string" },
            sheet: { type: "string" },
            lang: { type: "string" },
            force: { type: "boolean", default: false },
            "as-of": { type: "string" },
          },
        });
        const file = positionals[0];
        if (file === undefined || positionals.length > 1)
          throw new CliError(`guard dossier takes one FILE\n\n${USAGE}`);
        if ((values.order === undefined) === (values.supplier === undefined))
          throw new CliError(`guard dossier needs --order ID or --supplier NAME (one of them)\n\n${USAGE}`);
        if (values.out === undefined) throw new CliError(`guard dossier needs --out FILE.xlsx or FILE.html`);
        const { runDossier } = await import("./dossier");
        return await runDossier(
          {
            file,
            order: values.order,
            supplier: values.supplier,
            out: values.out,
            asOf: parseAsOf(values["as-of"]),
            lang: langOf(values.lang),
            settings: values.settings,
            blacklist: values.blacklist,
            allow: values.allow,
            sheet: values.sheet,
            force: values.force ?? false,
          },
          (line) => io.stdout(`${line}\n`),
        );
      }
      case "audit": {
        const { runAudit } = await import("./audit");
        return await runAudit(rest, { stdout: (s) => io.stdout(s), stderr: (s) => io.stderr(s) });
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`guard: ${e.message}\n`);
      return e.exitCode;
    }
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`guard: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

/** Standard input, one value per line; blank lines and a trailing CR are dropped. */
function splitLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .filter((l) => l.trim() !== "");
}
