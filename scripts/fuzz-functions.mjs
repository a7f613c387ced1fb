// Fuzzes every GUARD custom function with the values Excel can pass (numbers to ±9.99e307,
// text to 32,767 characters, error values, booleans, blanks, data types, mixed ranges):
// each answer must be a finite value or an Excel error with a message. Prints, per
// function, the cases run, how many answered a value or an error, the problems, and the
// slowest case with its time. Bundles the functions with esbuild into .cache/bench/.
//
//   npm run fuzz                           100,000 cases per function, seed 17
//   npm run fuzz -- --cases 2000 --seed 5 --only RISKSCORE,STOREURLOK
//
// Exit 1 when any case answered something Excel cannot show (or threw a plain error).
import { performance } from "node:perf_hooks";
import { bundle } from "../bench/bundle.mjs";

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const cases = Number(option("cases", "100000"));
const seed = Number(option("seed", "17"));
const only = option("only", "")
  .split(",")
  .map((s) => s.trim().toUpperCase())
  .filter(Boolean);
const LIMIT_MS = 50;

const { FUZZED, runCase, describeArg, makeCustomFunctions } = await bundle(
  "fuzz-functions",
  `
    export { FUZZED, runCase, describeArg } from "./tests/functions/fuzz-cases";
    export { makeCustomFunctions } from "./tests/functions/runtime-shim";
  `,
);

// The custom functions runtime's CustomFunctions global, so errors are CustomFunctions.Error.
globalThis.CustomFunctions = makeCustomFunctions();
const makeError = (code) => new globalThis.CustomFunctions.Error(code);
const now = () => performance.now();

const specs = only.length > 0 ? FUZZED.filter((s) => only.includes(s.id)) : FUZZED;
console.log(
  `fuzz: ${cases.toLocaleString("en")} cases per function, seed ${seed}, ${specs.length} functions`,
);
console.log("function         cases   values   errors  problems  >50 ms  mean ms  slowest ms  slowest case");
let problems = 0;
let over = 0;
const started = now();
for (const spec of specs) {
  let values = 0;
  let errors = 0;
  let bad = 0;
  let slow = 0;
  let total = 0;
  let slowest = { ms: -1, index: -1, args: [] };
  const shown = [];
  for (let i = 0; i < cases; i++) {
    const r = runCase(spec, seed, i, makeError, now);
    total += r.ms;
    if (r.error) errors++;
    else values++;
    if (r.ms > LIMIT_MS) slow++;
    if (r.ms > slowest.ms) slowest = r;
    if (r.problem !== undefined) {
      bad++;
      if (shown.length < 5)
        shown.push(`  case ${i}: ${r.problem}; args ${r.args.map(describeArg).join(" | ")}`);
    }
  }
  problems += bad;
  over += slow;
  console.log(
    [
      spec.id.padEnd(15),
      String(cases).padStart(6),
      String(values).padStart(8),
      String(errors).padStart(8),
      String(bad).padStart(9),
      String(slow).padStart(7),
      (total / cases).toFixed(3).padStart(8),
      slowest.ms.toFixed(1).padStart(11),
      ` case ${slowest.index}: ${slowest.args.map(describeArg).join(" | ").slice(0, 160)}`,
    ].join(" "),
  );
  for (const line of shown) console.log(line);
}
console.log(
  `fuzz: ${problems} problem(s), ${over} case(s) over ${LIMIT_MS} ms, ${((now() - started) / 1000).toFixed(0)} s in all`,
);
process.exitCode = problems > 0 ? 1 : 0;
