// Prints how well the header reader knows the header corpus
// (tests/fixtures/header-corpus.tsv): the share of headers read as their
// labelled field, the share read as another field, and each miss.
// Usage: node scripts/header-corpus.mjs [--quiet] [CORPUS.tsv]
// tests/ledger/header.test.ts asserts the thresholds (>= 97% recognised, none misread).
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

const corpus =
  process.argv.slice(2).find((a) => !a.startsWith("--")) ??
  path.join(root, "tests/fixtures/header-corpus.tsv");
const lines = readFileSync(corpus, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "" && !l.startsWith("#"))
  .slice(1);
let right = 0;
let fieldRight = 0;
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
  if (got === expected) {
    right++;
    if (expected !== "none") fieldRight++;
  } else {
    if (got !== "none") wrong++;
    misses.push(`  ${header}\texpected ${expected}\tgot ${got}\t(${source})`);
  }
}
const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`;
console.log(
  `header corpus: ${lines.length} headers (${fieldRows} naming a field, ${noneRows} that must stay unmapped)`,
);
console.log(
  `recognised:          ${fieldRight}/${fieldRows} = ${pct(fieldRight, fieldRows)} of the headers naming a field`,
);
console.log(`read as wrong field: ${wrong}/${lines.length} = ${pct(wrong, lines.length)} of all headers`);
console.log(`left unmapped:       ${misses.length - wrong} that name a field`);
console.log(`"none" kept unmapped: ${noneRight}/${noneRows}`);
console.log(`all read right:      ${right}/${lines.length} = ${pct(right, lines.length)}`);
if (!process.argv.includes("--quiet") && misses.length > 0) console.log(`misses:\n${misses.join("\n")}`);
