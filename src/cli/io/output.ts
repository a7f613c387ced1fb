import { randomBytes } from "node:crypto";
import { closeSync, createWriteStream, fsync, openSync, renameSync, unlinkSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { CliError } from "../errors";
import { errnoError, injectedFault, testPoint } from "../test-hooks";

/** The audited copy's extension: `.xlsm` for a macro-enabled workbook (its macros are kept), else `.xlsx`. */
function copyExtension(input: string): string {
  return path.extname(input).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
}

/** Where `guard audit` writes by default: beside the input, `x.xlsx` → `x.audited.xlsx`, `x.csv` → `x.audited.xlsx`, `x.xlsm` → `x.audited.xlsm`. */
export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input, path.extname(input));
  return path.join(dir, `${base}.audited${copyExtension(input)}`);
}

/** Whether a file (or folder) is there. */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** The path with every symlink resolved; for a file not yet there, its folder resolved. */
async function resolveReal(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    try {
      return path.join(await realpath(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/**
 * Refuses an output that is the input itself (whatever `force` says, through
 * symlinks and relative paths), or that exists unless `force`; and an output
 * whose folder does not exist.
 */
export async function checkOutputPath(input: string, output: string, force: boolean): Promise<void> {
  if ((await resolveReal(input)) === (await resolveReal(output))) {
    throw new CliError(
      `${output}: is the input file; guard never overwrites its input (choose another --out)`,
    );
  }
  const dir = path.dirname(output);
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error("not a folder");
  } catch {
    throw new CliError(`${output}: the folder ${dir} does not exist`);
  }
  if (await isFolder(output)) {
    throw new CliError(
      `${output}: is a folder (是文件夹); give --out a file name, such as ${path.join(output, "ledger.audited.xlsx")}`,
    );
  }
  if (!force && (await exists(output))) {
    throw new CliError(`${output}: already exists; add --force to replace it`);
  }
  const ext = copyExtension(input);
  if (path.extname(output).toLowerCase() !== ext) {
    throw new CliError(
      ext === ".xlsm"
        ? `${output}: the workbook holds macros, which its audited copy keeps; give --out a name ending in .xlsm`
        : `${output}: the audited copy is an xlsx workbook; give --out a name ending in .xlsx`,
    );
  }
}

/** Temporary files being written right now: removed if the process ends before they are renamed. */
const pendingTemps = new Set<string>();
let exitHooked = false;

/**
 * Removes the temporary files still being written, at once (synchronously):
 * for a run that ends part-way (Ctrl-C, a closed pipe). Also runs on the
 * process's `exit` event, which `process.exit` fires.
 */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
  pendingTemps.clear();
}

/** Temporary files not yet renamed into place (for tests). */
export function pendingTempFiles(): string[] {
  return [...pendingTemps];
}

/** Opens the stream a writer writes the copy into (at most once per writeAtomically). */
export type OpenOutput = () => Writable;

/**
 * The output stream for a writer that may start over (the audit writes its copy
 * again when the sheet's dimension lied): `open()` the first time, so a failing
 * disk ends the write at once (and the test seams reach it), a new stream on the
 * temporary file after.
 */
export function outputOnce(temp: string, open: OpenOutput): () => Writable {
  let opened = false;
  return () => {
    if (opened) return createWriteStream(temp);
    opened = true;
    return open();
  };
}

/**
 * An output failure as the user reads it, in English and Chinese, with the
 * path: a full disk, a folder that cannot be written in, a folder where the
 * file should go. Anything else is returned as it is.
 */
export function outputError(output: string, error: unknown): unknown {
  if (error instanceof CliError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const dir = path.dirname(output);
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return new CliError(`${output}: cannot write: disk full (磁盘已满); nothing was written`);
    case "EACCES":
    case "EPERM":
      return new CliError(
        `${dir}: cannot write in this folder: permission denied (没有写入权限); nothing was written`,
      );
    case "EROFS":
      return new CliError(
        `${dir}: cannot write in this folder: read-only file system (只读文件系统); nothing was written`,
      );
    case "EISDIR":
      return new CliError(`${output}: is a folder (是文件夹); give --out a file name ending in .xlsx`);
    default:
      return error;
  }
}

/** Creates the temporary file, or fails as GUARD_TEST_FAULT=open:CODE asks. */
function createTemp(temp: string): number {
  const fault = injectedFault();
  if (fault?.stage === "open") throw errnoError(fault.what, "open", temp);
  // Exclusive and synchronous: the file exists once this returns, and a signal
  // handler (which runs between two statements, never during one) sees it listed.
  return openSync(temp, "wx", 0o666);
}

/**
 * A stream into the temporary file, which then owns its descriptor (it closes
 * it once its writes are done, also after an error); or the fault
 * GUARD_TEST_FAULT asks for, which leaves the descriptor to the caller.
 */
function tempStream(fd: number, temp: string): { stream: Writable; ownsFd: boolean } {
  const fault = injectedFault();
  if (fault?.stage === "device") return { stream: createWriteStream(fault.what), ownsFd: false };
  if (fault?.stage === "write") {
    const stream = new Writable({
      write: (_chunk, _encoding, done) => done(errnoError(fault.what, "write", temp)),
    });
    return { stream, ownsFd: false };
  }
  return { stream: createWriteStream(temp, { fd }), ownsFd: true };
}

/** Flushes the file's data to the disk (through a descriptor of its own: the writer's may be closed). */
function flushFile(file: string): Promise<void> {
  const fd = openSync(file, "r+");
  return new Promise<void>((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve()))).finally(() =>
    closeSync(fd),
  );
}

/** Waits until the stream has written everything and closed its descriptor (the writer ends it, or pipes into it). */
function whenClosed(stream: Writable): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.once("close", resolve);
    stream.once("error", reject);
  });
}

/**
 * Writes the copy to a temporary file in the output's folder, flushes it to
 * the disk, then renames it over `output`: the rename is the one moment the
 * output appears, whole. Before it, a failure (disk full, a folder that cannot
 * be written in) or the end of the run (Ctrl-C, SIGTERM, a closed pipe: see
 * removePendingTemps) leaves neither the output nor the temporary file.
 *
 * `write` gets the temporary file's path and `open`, which gives a stream into
 * it: a writer should write through `open()` and end that stream (or pipe
 * into it) when done; the rename waits until the stream has closed. Any
 * error of that stream, such as ENOSPC, ends the write at once as a clear
 * CliError, even if the writer itself never notices. A writer may instead
 * write to the path itself and report its own errors. Errors are turned into
 * messages by outputError.
 */
export async function writeAtomically(
  output: string,
  write: (tempPath: string, open: OpenOutput) => Promise<void>,
): Promise<void> {
  const dir = path.dirname(output);
  const temp = path.join(
    dir,
    `.${path.basename(output)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  if (!exitHooked) {
    exitHooked = true;
    process.on("exit", removePendingTemps);
  }
  let fd: number | undefined;
  try {
    fd = createTemp(temp);
  } catch (error) {
    throw outputError(output, error);
  }
  pendingTemps.add(temp);
  testPoint("temp-created");
  let opened: Writable | undefined;
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const open: OpenOutput = () => {
    if (opened !== undefined || fd === undefined) throw new Error("internal: the output is opened once");
    const { stream, ownsFd } = tempStream(fd, temp);
    if (!ownsFd) closeSync(fd);
    fd = undefined;
    // A writer that stops destroys its stream: writes still queued then fail with
    // ERR_STREAM_DESTROYED, which says nothing of the disk; the writer's own error is the news.
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ERR_STREAM_DESTROYED") fail(error);
    });
    opened = stream;
    return stream;
  };
  try {
    const writing = write(temp, open);
    // When the stream fails first, the writer may fail later, or never finish: that is not news.
    writing.catch(() => undefined);
    await Promise.race([writing, failed]);
    if (opened !== undefined) await Promise.race([whenClosed(opened), failed]);
    if (fd !== undefined) {
      closeSync(fd);
      fd = undefined;
    }
    testPoint("before-rename");
    await flushFile(temp);
    // Synchronous: no signal handler runs between the rename and forgetting the temporary file.
    renameSync(temp, output);
    pendingTemps.delete(temp);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    // A stream closes its descriptor once the writes under way are done.
    opened?.destroy();
    pendingTemps.delete(temp);
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already removed.
    }
    throw outputError(output, error);
  }
}
