/**
 * Two seams for the process tests (tests/cli/entry.test.ts), set through the
 * environment so that a `guard` started as users start it can be made to
 * fail, or be stopped, at a known point instead of after a guessed delay:
 *
 * - `GUARD_TEST_SIGNAL=POINT:SIGNAL` sends the process SIGNAL (SIGINT,
 *   SIGTERM, SIGHUP) when it reaches POINT: `temp-created` (the temporary
 *   output file exists, nothing written yet), `before-rename` (the copy is
 *   complete in its temporary file), or `rows:N` (N rows of a csv read). The
 *   run goes on as it would after a real signal, until the handler runs.
 * - `GUARD_TEST_FAULT=STAGE:WHAT` makes writing the output fail as a disk
 *   would: `open:EACCES` (or EROFS, ENOSPC, any errno name) when the
 *   temporary file is created, `write:ENOSPC` on its first write,
 *   `device:/dev/full` to send its bytes to that device (the kernel's own
 *   "no space left on device").
 *
 * Unset (always, outside the tests) they cost one look-up per point.
 */

export interface InjectedFault {
  stage: "open" | "write" | "device";
  /** An errno code (EACCES, ENOSPC...) or, for `device`, a path. */
  what: string;
}

let signalAt: { point: string; signal: NodeJS.Signals } | null | undefined;

function signalSetting(): { point: string; signal: NodeJS.Signals } | null {
  if (signalAt !== undefined) return signalAt;
  const value = process.env["GUARD_TEST_SIGNAL"];
  const colon = value?.lastIndexOf(":") ?? -1;
  signalAt =
    value === undefined || colon < 0
      ? null
      : { point: value.slice(0, colon), signal: value.slice(colon + 1) as NodeJS.Signals };
  return signalAt;
}

/** Marks a point of the run; the process tests may have it send itself a signal here (once). */
export function testPoint(point: string): void {
  const at = signalSetting();
  if (at === null || at.point !== point) return;
  signalAt = null;
  process.kill(process.pid, at.signal);
}

/** The number of csv rows after which `rows:N` sends its signal (undefined when not asked for). */
export function signalAfterRows(): number | undefined {
  const at = signalSetting();
  if (at === null || !at.point.startsWith("rows:")) return undefined;
  const n = Number(at.point.slice("rows:".length));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The output fault asked for by `GUARD_TEST_FAULT`, if any. */
export function injectedFault(): InjectedFault | undefined {
  const value = process.env["GUARD_TEST_FAULT"];
  if (value === undefined) return undefined;
  const colon = value.indexOf(":");
  const stage = value.slice(0, colon);
  if (colon < 0 || (stage !== "open" && stage !== "write" && stage !== "device")) return undefined;
  return { stage, what: value.slice(colon + 1) };
}

/** An error as Node's fs gives it, for an injected fault. */
export function errnoError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: injected fault, ${syscall} '${path}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = path;
  return error;
}
