import { EXIT } from "./errors";
import { removePendingTemps } from "./io/output";
import { main } from "./main";

/** Node entry of the `guard` command (bundled by bin/guard.mjs). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// `guard audit x.xlsx --json | head`: a closed pipe ends the run quietly. The
// audited copy is not written: its temporary file is removed on exit.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(EXIT.ok);
  throw e;
});

// Ctrl-C or a kill: remove the temporary file of an audit part-way through and
// end quietly, with the shell's codes for the signal (128 + its number).
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
] as const) {
  process.on(signal, () => {
    removePendingTemps();
    process.exit(code);
  });
}

/** Ends the process once what was printed has gone out (a writer abandoned after a failure must not keep it running). */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

let settled = false;

// The event loop ran dry with the run unfinished: something it waited for can
// never come (a stream that failed without saying so). Say it rather than end
// with 0 as if all were done; the temporary file goes on exit.
process.on("beforeExit", () => {
  if (settled) return;
  settled = true;
  process.stderr.write("guard: internal error: the run stopped before it finished (nothing was written)\n");
  exitWith(EXIT.internal);
});

main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin,
  stdinIsTTY: process.stdin.isTTY === true,
}).then(
  (code) => {
    settled = true;
    exitWith(code);
  },
  (e: unknown) => {
    settled = true;
    process.stderr.write(
      `guard: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    exitWith(EXIT.internal);
  },
);
