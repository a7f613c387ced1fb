import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { realpath, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { CliError } from "../errors";

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

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
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
      // Already gone, or never created.
    }
  }
  pendingTemps.clear();
}

/** Temporary files not yet renamed into place (for tests). */
export function pendingTempFiles(): string[] {
  return [...pendingTemps];
}

/**
 * Runs `write` on a temporary file in the output's folder, then renames it
 * over `output`: a failure part-way leaves no half-written output behind, and
 * neither does a run that ends part-way (see removePendingTemps).
 */
export async function writeAtomically(
  output: string,
  write: (tempPath: string) => Promise<void>,
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
  pendingTemps.add(temp);
  try {
    await write(temp);
    await rename(temp, output);
    pendingTemps.delete(temp);
  } catch (error) {
    pendingTemps.delete(temp);
    await unlink(temp).catch(() => undefined);
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS")
      throw new CliError(`${output}: cannot write: permission denied`);
    if (code === "ENOSPC") throw new CliError(`${output}: cannot write: the disk is full`);
    throw error;
  }
}
