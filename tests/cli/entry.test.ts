import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
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

/**
 * Runs guard. `env` adds to its environment (the test seams GUARD_TEST_SIGNAL
 * and GUARD_TEST_FAULT of src/cli/test-hooks.ts); `closeStdout` closes the
 * reading end of its output pipe before it prints anything.
 */
function guard(
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; closeStdout?: boolean } = {},
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GUARD, ...args], {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, ...options.env },
    });
    let stdout = "";
    let stderr = "";
    if (options.closeStdout === true) child.stdout.destroy();
    else child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
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

  it("ends quietly with 0 and leaves neither the copy nor a temporary file when its output pipe is closed", async () => {
    const file = await bigLedger("piped.csv", 30_000);
    const run = await guard(["audit", file, "--json"], { closeStdout: true });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/EPIPE|Error|internal/);
    expect(await leftovers()).toEqual([]);
  }, 60_000);

  // Each signal is sent by the process itself at a known point of the run
  // (GUARD_TEST_SIGNAL), so the test does not depend on how fast the machine is.
  it.each([
    ["SIGTERM", "temp-created", 143, 2_000],
    ["SIGINT", "temp-created", 130, 2_000],
    ["SIGTERM", "rows:20000", 143, 25_000],
    ["SIGINT", "rows:20000", 130, 25_000],
    ["SIGHUP", "rows:20000", 129, 25_000],
    ["SIGTERM", "before-rename", 143, 2_000],
    ["SIGINT", "before-rename", 130, 2_000],
  ])(
    "ends on %s at %s of an audit with no copy and no temporary file",
    async (signal, point, code, rows) => {
      const file = await bigLedger("stopped.csv", rows);
      const run = await guard(["audit", file, "--json"], {
        env: { GUARD_TEST_SIGNAL: `${point}:${signal}` },
      });
      expect(run.code).toBe(code);
      // Progress lines only (past 20,000 rows), no error.
      expect(run.stderr.replace(/guard audit: [\d,]+ rows read\n/g, "")).toBe("");
      expect(await leftovers()).toEqual([]);
    },
    60_000,
  );

  it("ends on SIGTERM part-way through scoring a csv, without scoring the rest", async () => {
    const file = await bigLedger("scored.csv", 60_000);
    const run = await guard(["score", file, "--json"], { env: { GUARD_TEST_SIGNAL: "rows:5000:SIGTERM" } });
    expect(run.code).toBe(143);
    const printed = run.stdout.split("\n").filter((l) => l !== "").length;
    expect(printed).toBeLessThan(20_000);
  }, 60_000);
});

describe("guard audit when the output cannot be written", () => {
  let ledger: string;
  beforeAll(async () => {
    ledger = await bigLedger("small.csv", 50);
  });

  it.each([
    ["an injected write failure", "write:ENOSPC"],
    ["/dev/full", existsSync("/dev/full") ? "device:/dev/full" : "write:ENOSPC"],
  ])(
    "exits 2 saying disk full, writing nothing, when the disk fills (%s)",
    async (_name, fault) => {
      const run = await guard(["audit", ledger], { env: { GUARD_TEST_FAULT: fault } });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `guard audit: ${path.join(dir, "small.audited.xlsx")}: cannot write: disk full (磁盘已满); nothing was written\n`,
      );
      expect(await leftovers()).toEqual([]);
    },
    60_000,
  );

  it.each([
    ["EROFS", "read-only file system (只读文件系统)"],
    ["EACCES", "permission denied (没有写入权限)"],
  ])(
    "exits 2 naming the folder when it cannot be written in (%s)",
    async (code, words) => {
      const run = await guard(["audit", ledger], { env: { GUARD_TEST_FAULT: `open:${code}` } });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `guard audit: ${dir}: cannot write in this folder: ${words}; nothing was written\n`,
      );
      expect(await leftovers()).toEqual([]);
    },
    60_000,
  );

  it("exits 2 with a clear message when --out names a folder", async () => {
    const folder = path.join(dir, "out-folder");
    await mkdir(folder, { recursive: true });
    const run = await guard(["audit", ledger, "--out", folder, "--force"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${folder}: is a folder (是文件夹); give --out a file name`);
    expect(await leftovers()).toEqual([]);
  }, 60_000);
});
