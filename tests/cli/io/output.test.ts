import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { checkOutputPath, defaultOutputPath, writeAtomically } from "../../../src/cli/io/output";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "guard-output-"));
  await writeFile(path.join(dir, "ledger.xlsx"), "x");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("defaultOutputPath", () => {
  it.each([
    ["data/ledger.xlsx", path.join("data", "ledger.audited.xlsx")],
    ["orders.csv", "orders.audited.xlsx"],
    ["/tmp/a.b.tsv", "/tmp/a.b.audited.xlsx"],
  ])("puts the copy of %s beside it as %s", (input, expected) => {
    expect(defaultOutputPath(input)).toBe(expected);
  });
});

describe("checkOutputPath", () => {
  it("refuses the input itself, even through a symlink and with force", async () => {
    const link = path.join(dir, "link.xlsx");
    await symlink(path.join(dir, "ledger.xlsx"), link);
    await expect(checkOutputPath(path.join(dir, "ledger.xlsx"), link, true)).rejects.toThrow(
      "is the input file",
    );
  });

  it("refuses an existing output without force and accepts it with force", async () => {
    await writeFile(path.join(dir, "old.xlsx"), "old");
    await expect(
      checkOutputPath(path.join(dir, "ledger.xlsx"), path.join(dir, "old.xlsx"), false),
    ).rejects.toThrow("already exists; add --force");
    await expect(
      checkOutputPath(path.join(dir, "ledger.xlsx"), path.join(dir, "old.xlsx"), true),
    ).resolves.toBeUndefined();
  });

  it("refuses an --out that names a folder, saying so in English and Chinese, even with force", async () => {
    const folder = path.join(dir, "reports.xlsx");
    await mkdir(folder);
    await expect(checkOutputPath(path.join(dir, "ledger.xlsx"), folder, true)).rejects.toThrow(
      `${folder}: is a folder (是文件夹); give --out a file name`,
    );
  });

  it("refuses an output in a folder that does not exist, or not ending in .xlsx", async () => {
    await expect(
      checkOutputPath(path.join(dir, "ledger.xlsx"), path.join(dir, "nope", "x.xlsx"), false),
    ).rejects.toThrow("does not exist");
    await expect(
      checkOutputPath(path.join(dir, "ledger.xlsx"), path.join(dir, "x.csv"), false),
    ).rejects.toThrow(".xlsx");
  });
});

describe("writeAtomically", () => {
  it("leaves neither the output nor a temporary file when writing fails", async () => {
    const out = path.join(dir, "fails.xlsx");
    await expect(
      writeAtomically(out, async (temp) => {
        await writeFile(temp, "half");
        throw new Error("disk on fire");
      }),
    ).rejects.toThrow("disk on fire");
    expect((await readdir(dir)).filter((n) => n.includes("fails"))).toEqual([]);
  });

  it("renames the finished file into place", async () => {
    const out = path.join(dir, "done.xlsx");
    await writeAtomically(out, (temp) => writeFile(temp, "whole"));
    expect((await readdir(dir)).filter((n) => n.includes("done"))).toEqual(["done.xlsx"]);
  });
});

describe("writeAtomically when the disk or the folder fails", () => {
  const leftovers = async (name: string): Promise<string[]> =>
    (await readdir(dir)).filter((n) => n.includes(name));

  afterEach(() => {
    delete process.env["GUARD_TEST_FAULT"];
  });

  it("writes what the writer streams through open() and renames it into place", async () => {
    const out = path.join(dir, "streamed.xlsx");
    await writeAtomically(out, async (_temp, open) => {
      const stream = open();
      stream.write("第一部分,");
      stream.end("第二部分");
    });
    expect(await readFile(out, "utf8")).toBe("第一部分,第二部分");
    expect(await leftovers("streamed")).toEqual(["streamed.xlsx"]);
  });

  it.each([
    ["an injected write failure", "write:ENOSPC"],
    // The kernel's own error where the system has the device; the injected one elsewhere.
    ["/dev/full", existsSync("/dev/full") ? "device:/dev/full" : "write:ENOSPC"],
  ])(
    "says disk full and leaves nothing when the disk fills (%s), even if the writer never notices",
    async (_name, fault) => {
      process.env["GUARD_TEST_FAULT"] = fault;
      const out = path.join(dir, "full.xlsx");
      await expect(
        writeAtomically(out, async (_temp, open) => {
          open().write(Buffer.alloc(1 << 16));
          // A writer that waits for a "finish" that never comes, as exceljs does after a write error.
          await new Promise(() => undefined);
        }),
      ).rejects.toThrow(`${out}: cannot write: disk full (磁盘已满); nothing was written`);
      expect(await leftovers("full")).toEqual([]);
    },
  );

  it.each([
    ["EACCES", "permission denied (没有写入权限)"],
    ["EROFS", "read-only file system (只读文件系统)"],
  ])("names the folder when the temporary file cannot be created there (%s)", async (code, words) => {
    process.env["GUARD_TEST_FAULT"] = `open:${code}`;
    const out = path.join(dir, "locked.xlsx");
    let called = false;
    await expect(
      writeAtomically(out, async () => {
        called = true;
      }),
    ).rejects.toThrow(`${dir}: cannot write in this folder: ${words}; nothing was written`);
    expect(called).toBe(false);
    expect(await leftovers("locked")).toEqual([]);
  });
});
