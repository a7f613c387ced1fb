#!/usr/bin/env node
// The `guard` command. The TypeScript sources are bundled once with esbuild
// into .cache/guard.cjs and rebuilt only when a file under src/ is newer, so a
// clean clone needs no separate build step and later runs start fast.
import { readdirSync, statSync, writeFileSync, renameSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(root, ".cache", "guard.cjs");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function isStale() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return true;
  }
  return (
    newestMtime(path.join(root, "src")) > built || statSync(path.join(root, "package.json")).mtimeMs > built
  );
}

async function build() {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(root, "src/cli/entry.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Packages are loaded from node_modules, but zod is bundled: its CommonJS build is a tree of
    // files that took about 45 ms to load at every start; bundled, only what the settings use.
    plugins: [
      {
        name: "external-but-zod",
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path === "zod" || args.path.startsWith("zod/")
              ? undefined
              : { path: args.path, external: true },
          );
        },
      },
    ],
    write: false,
    logLevel: "error",
    // The map goes in a file of its own beside the bundle (read only with --enable-source-maps):
    // inline, it was three quarters of the bundle's bytes, read and scanned at every start.
    sourcemap: "linked",
    outfile: bundle,
  });
  mkdirSync(path.dirname(bundle), { recursive: true });
  // Write then rename: parallel runs never see half a file. The map first, then the bundle naming it.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(b.path.endsWith(".map")) - Number(a.path.endsWith(".map")),
  );
  for (const file of files) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
}

const buildOnly = process.argv[2] === "--build-only";
if (buildOnly || isStale()) await build();
if (!buildOnly) createRequire(import.meta.url)(bundle);
