import { mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
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
