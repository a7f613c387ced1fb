// Bundles TypeScript sources for the benchmarks and the fuzz script: `contents` (a module of
// export lines, resolved from the repository root) built with esbuild for Node into
// .cache/bench/NAME.cjs, then loaded. Dependencies stay external (node_modules).
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cache = path.join(root, ".cache", "bench");
const require = createRequire(import.meta.url);

export async function bundle(name, contents) {
  const esbuild = await import("esbuild");
  mkdirSync(cache, { recursive: true });
  const outfile = path.join(cache, `${name}.cjs`);
  await esbuild.build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return require(outfile);
}
