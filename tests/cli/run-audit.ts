import { runAudit } from "../../src/cli/audit";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `guard audit` with these arguments, collecting what it prints. */
export async function audit(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runAudit(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}
