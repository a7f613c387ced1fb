// Prints how well the header reader knows the header corpus
// (tests/fixtures/header-corpus.tsv): the share of headers read as their
// labelled field, the share read as another field, and each miss.
// Usage: node scripts/header-corpus.mjs [--quiet]
// tests/ledger/header-corpus.test.ts asserts the same figures.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const built = await esbuild.build({
  entryPoints: [path.join(root, "src/ledger/header.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  write: false,
  logLevel: "error",
});
const { mapHeaders } = await import(
  `data:text/javascript;base64,${Buffer.from(built.outputFiles[0].contents).toString("base64")}`
);

const lines = readFileSync(path.join(root, "tests/fixtures/header-corpus.tsv"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "" && !l.startsWith("#"))
  .slice(1);
let right = 0;
let wrong = 0;
let fieldRows = 0;
let noneRows = 0;
let noneRight = 0;
const misses = [];
for (const line of lines) {
  const [header, expected, source] = line.split("\t");
  const got = mapHeaders([header]).columns.find((c) => c.index === 0)?.field ?? "none";
  if (expected === "none") {
    noneRows++;
    if (got === "none") noneRight++;
  } else fieldRows++;
  if (got === expected) right++;
  else {
    if (got !== "none") wrong++;
    misses.push(`  ${header}\texpected ${expected}\tgot ${got}\t(${source})`);
  }
}
const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`;
console.log(`header corpus: ${lines.length} headers (${fieldRows} naming a field, ${noneRows} that must stay unmapped)`);
console.log(`read right:          ${right}/${lines.length} = ${pct(right, lines.length)}`);
console.log(`read as wrong field: ${wrong}/${lines.length} = ${pct(wrong, lines.length)}`);
console.log(`missed (unmapped):   ${misses.length - wrong}`);
console.log(`"none" kept unmapped: ${noneRight}/${noneRows}`);
if (!process.argv.includes("--quiet") && misses.length > 0) console.log(`misses:\n${misses.join("\n")}`);
