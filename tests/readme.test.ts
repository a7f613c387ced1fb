import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The README's commands name files that are in the repository, so a reader can
 * run each one as written. Outputs (after --out) and build products (dist/)
 * are made by the commands themselves.
 */

const ROOT = path.resolve(__dirname, "..");
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The lines of the README's ```sh blocks that run guard. */
function guardCommands(): string[] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  return blocks
    .flatMap((b) => b.split("\n"))
    .filter((l) => l.includes("npm run --silent guard --"))
    .map((l) => l.replace(/\s+#.*$/, ""));
}

/** The files a command reads: every word with a file extension, except the one after --out. */
function inputsOf(command: string): string[] {
  const words = command.split(/\s+/);
  return words.filter((w, i) => /\.(xlsx|csv|tsv|txt|json)$/.test(w) && words[i - 1] !== "--out");
}

describe("README.md", () => {
  const commands = guardCommands();

  it("has guard commands to check", () => {
    expect(commands.length).toBeGreaterThan(8);
  });

  it.each(commands)("names only files that exist: %s", (command) => {
    const missing = inputsOf(command).filter((f) => !existsSync(path.join(ROOT, f)));
    expect(missing).toEqual([]);
  });
});
