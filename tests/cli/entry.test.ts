import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * The `guard` command as users run it: a separate process (bin/guard.mjs),
 * its standard input piped, its output cut short, or stopped by a signal.
 */

const GUARD = path.resolve(__dirname, "../../bin/guard.mjs");
let dir: string;

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs guard; `onStdout` may act on the child once output arrives (close the pipe, send a signal). */
function guard(
  args: string[],
  options: { stdin?: string; onStdout?: (child: ReturnType<typeof spawn>) => void } = {},
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GUARD, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let acted = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (options.onStdout && !acted) {
        acted = true;
        options.onStdout(child);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

/** A team ledger of `rows` orders: long enough that an audit is still running when its first lines are out. */
async function bigLedger(name: string, rows: number): Promise<string> {
  const lines = ["订单号,供应商名称,诚信通年限,付款方式,订单金额,预付款,数量,运单号"];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `PO-${i},义乌市佳禾玩具有限公司${i % 50},${(i % 9) + 1}年,担保交易,${1000 + (i % 700)},0,${i % 400},`,
    );
  }
  const file = path.join(dir, name);
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}

const leftovers = async (): Promise<string[]> =>
  (await readdir(dir)).filter((n) => n.endsWith(".tmp") || n.includes(".audited"));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "guard-entry-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("guard as a separate process", () => {
  it("checks the tracking numbers piped into standard input, one per line", async () => {
    const run = await guard(["check", "tracking", "--json"], {
      stdin: "EA123456785CN\r\n\n１Z999AA10123456784\n",
    });
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { input: string; valid: boolean });
    expect(lines.map((l) => [l.input, l.valid])).toEqual([
      ["EA123456785CN", true],
      ["１Z999AA10123456784", true],
    ]);
  }, 60_000);

  it("ends quietly and leaves no temporary file when its output pipe closes part-way through an audit", async () => {
    const file = await bigLedger("piped.csv", 30_000);
    const run = await guard(["audit", file, "--json"], {
      onStdout: (child) => child.stdout?.destroy(),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/EPIPE|Error|internal/);
    expect((await readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 60_000);

  it("removes the temporary file and exits 143 when stopped part-way through an audit", async () => {
    const file = await bigLedger("stopped.csv", 60_000);
    const run = await guard(["audit", file, "--json"], {
      onStdout: (child) => child.kill("SIGTERM"),
    });
    expect(run.code).toBe(143);
    expect(run.stderr).toBe("");
    expect(await leftovers()).toEqual([]);
  }, 60_000);
});
