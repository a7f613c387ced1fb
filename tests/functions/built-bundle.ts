import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The production custom functions bundle (functions.js, functions.json,
 * functions.zh-cn.json) for the bundle test: dist/ when `npm run build` made it after the
 * last change to its sources (CI builds before the unit tests), else a build of the
 * functions alone (`webpack --mode production --env functionsOnly`) into
 * .cache/functions-bundle, made once and reused while it is fresh.
 */
const root = resolve(__dirname, "..", "..");
const INPUTS = [
  "src/functions",
  "src/rules",
  "src/ledger",
  "webpack.config.js",
  "scripts/functions-metadata.cjs",
  "package.json",
  "package-lock.json",
];

function newestInput(): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of INPUTS) visit(join(root, input));
  return newest;
}

/** A production build of the functions, newer than every input. */
function isFresh(dir: string, newest: number): boolean {
  const js = join(dir, "functions.js");
  const files = [js, join(dir, "functions.json"), join(dir, "functions.zh-cn.json")];
  if (!files.every((f) => existsSync(f) && statSync(f).mtimeMs >= newest)) return false;
  // A development build (npm run build:dev) is not what ships.
  return !readFileSync(js, "utf8").includes("webpackBootstrap");
}

export interface BuiltBundle {
  dir: string;
  source: string;
  read(file: string): string;
}

export function builtBundle(): BuiltBundle {
  const newest = newestInput();
  const cache = join(root, ".cache", "functions-bundle");
  let dir = join(root, "dist");
  if (!isFresh(dir, newest)) {
    dir = cache;
    if (!isFresh(dir, newest)) {
      const cli = require.resolve("webpack-cli/bin/cli.js");
      const run = spawnSync(
        process.execPath,
        [cli, "--mode", "production", "--env", "functionsOnly", "--output-path", dir],
        { cwd: root, encoding: "utf8" },
      );
      if (run.status !== 0)
        throw new Error(`building the functions bundle failed:\n${run.stdout}${run.stderr}`);
    }
  }
  const read = (file: string): string => readFileSync(join(dir, file), "utf8");
  return { dir, source: read("functions.js"), read };
}
