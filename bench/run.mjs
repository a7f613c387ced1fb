// `npm run bench`: figures, never pass/fail. Each figure is printed next to
// its target. Generated ledgers live in .cache/bench/ (built on first run,
// reused after). The CLI bundle (.cache/guard.cjs) is built by
// `node bin/guard.mjs --build-only` before this script runs (see package.json);
// the engine and custom functions are bundled here into .cache/bench/.
//
// (a) engine throughput: scoreLedger (read + score, chunked) on 100,000 in-memory rows, one
//     core, with readLedger then scoreOrders printed beside it (two warm-up passes of each,
//     then 7 alternating timed passes of each; best and median printed)
// (b) `guard audit` of a 100,000- and a 1,000,000-row xlsx end to end, over the package-patching
//     floor (bench/io-floor.mjs, reading the sheet in 256 KB and in 32 KB pieces: its time is
//     the faster one's, its memory the smaller one's), time and peak memory, in alternating fresh
//     processes
// (c) GUARD.BLACKLISTED per call with 10 and with 20,000 blacklist entries (runs of the two alternate);
//     GUARD.TRACKINGVALID per call
// (d) peak RSS of `guard audit` on a 200,000-row xlsx (child process, maxRSS)
// (e) supplier history (ledgerHistory) over 200,000 rows and 5,000 suppliers, over scoring the same
//     orders (scoreOrders), alternating (two warm-up passes, then 11 rounds; best of each, and the
//     ratio round by round); end to end from the cells printed beside it
// (f) the task pane on 100,000 rows through the mock Excel host: syncs and milliseconds of reading,
//     scoring, the history, one cell edit (its rows read again and scored), adding the risk columns
//     and flagging (bench/pane.mjs)
// (g) the gzipped size of dist/taskpane.js (built first when src/ is newer)
// (h) peak RSS and time of `guard score` of a 200,000-row and a 1,050,000-row csv (the second longer
//     than an Excel sheet), child process, output to a file; the rows it scored counted from that file
//
// BENCH_ONLY=ae (any of the letters) runs only those figures.
import { spawnSync } from "node:child_process";
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundle } from "./bundle.mjs";
import { benchCsvLedger, benchLedger, historyLedgerRows, ledgerRows } from "./ledger.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cache = path.join(root, ".cache", "bench");
mkdirSync(cache, { recursive: true });
const require = createRequire(import.meta.url);

const fmt = (n, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const line = (label, value, target) =>
  console.log(`${label.padEnd(62)} ${value.padStart(18)}   target ${target}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`Sourcing Guard benchmarks (node ${process.version}, ${process.platform}/${process.arch})\n`);
const only = process.env.BENCH_ONLY;
const runs = (figure) => !only || only.includes(figure);

// ---------------------------------------------------------------- (a)
if (runs("a")) {
  const engine = await bundle(
    "engine",
    `export { readLedger } from "./src/ledger/read";
     export { scoreLedger } from "./src/ledger/score-rows";
     export { scoreOrders } from "./src/rules/score";
     export { DEFAULT_SETTINGS } from "./src/rules/settings";`,
  );
  const { readLedger, scoreLedger, scoreOrders, DEFAULT_SETTINGS: settings } = engine;
  const N = 100_000;
  const RUNS = 7;
  // Cells as a reader hands them over: every string its own flat string, as
  // Excel's custom-function bridge (JSON) and exceljs deliver them. Straight
  // from the generator, strings built by concatenation are V8 ropes, and
  // repeated texts (supplier names, statuses) one shared string: neither is
  // what a real ledger looks like in memory.
  const cells = [...ledgerRows(N)].map((row) => JSON.parse(JSON.stringify(row)));
  // What `guard score` and GUARD.RISKSCORE run: rows read and scored a chunk at a time.
  const fusedPass = () => scoreLedger(cells, { settings }).verdicts.filter(Boolean).length;
  // The two steps one after the other over the whole ledger, for comparison.
  const split = [];
  const apartPass = () => {
    const t0 = performance.now();
    const ledger = readLedger(cells, { settings });
    const orders = [];
    for (const r of ledger.results) if (r.ok) orders.push(r.order);
    const t1 = performance.now();
    const verdicts = scoreOrders(orders, { settings, fields: new Set(Object.keys(ledger.header.byField)) });
    split.push([t1 - t0, performance.now() - t1]);
    return verdicts.length;
  };
  // Two warm-up passes of each, then RUNS rounds of one timed pass of each (after a full GC),
  // alternating so both meet the same machine.
  const fused = { times: [], best: 0, scored: 0 };
  const apart = { times: [], best: 0, scored: 0 };
  for (let i = 0; i < 2; i++) {
    fusedPass();
    apartPass();
  }
  split.length = 0;
  for (let i = 0; i < RUNS; i++) {
    for (const [pass, into] of [
      [fusedPass, fused],
      [apartPass, apart],
    ]) {
      globalThis.gc?.();
      const t0 = performance.now();
      into.scored = pass();
      into.times.push(performance.now() - t0);
    }
  }
  fused.best = Math.min(...fused.times);
  apart.best = Math.min(...apart.times);
  const [readMs, scoreMs] = split[apart.times.indexOf(apart.best)] ?? [0, 0];
  const rate = (ms) => `${fmt((N / ms) * 1000)} rows/s`;
  line(
    `(a) engine: scoreLedger (read + score), ${fmt(N)} rows (best of ${RUNS})`,
    rate(fused.best),
    ">= 500,000 rows/s",
  );
  console.log(
    `    runs ${fused.times.map((t) => `${fmt(t)} ms`).join(", ")} (median ${rate(median(fused.times))}); ${fmt(fused.scored)} rows scored`,
  );
  console.log(
    `    readLedger then scoreOrders over the whole ledger: best ${rate(apart.best)} (readLedger ${fmt(readMs)} ms + scoreOrders ${fmt(scoreMs)} ms), median ${rate(median(apart.times))}`,
  );
}

// ---------------------------------------------------------------- (b)
function timeChild(args, env = {}) {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  const ms = performance.now() - t0;
  // 0, 1 (an order HIGH) and 3 (some cells not read) are audits that ran.
  if (res.status !== 0 && res.status !== 1 && res.status !== 3) {
    throw new Error(`${args.join(" ")} exited ${res.status}: ${res.stderr}`);
  }
  return { ms, stdout: res.stdout, stderr: res.stderr };
}

const cli = path.join(root, ".cache", "guard.cjs");
if (!existsSync(cli)) throw new Error("run `node bin/guard.mjs --build-only` first (npm run bench does)");
const xlsxBundle = path.join(cache, "xlsx.cjs");
const { ZipWriter } = await bundle(
  "xlsx",
  `export { ZipReader } from "./src/xlsx/zip-read";
   export { ZipWriter } from "./src/xlsx/zip-write";`,
);

/** What bench/maxrss.cjs wrote for a child process: peak memory (MB), CPU seconds (all threads, main thread). */
function usageOf(file) {
  const [kb, cpu, mainCpu] = readFileSync(file, "utf8").split(" ").map(Number);
  return { mb: kb / 1024, cpu, mainCpu };
}

/** A child process's wall time and peak resident memory (MB). */
function measured(args) {
  const rssFile = path.join(cache, `maxrss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const run = timeChild(["-r", path.join(root, "bench", "maxrss.cjs"), ...args], {
    GUARD_BENCH_RSS_FILE: rssFile,
  });
  const use = usageOf(rssFile);
  rmSync(rssFile, { force: true });
  return { ms: run.ms, ...use, stderr: run.stderr };
}

if (runs("b")) {
  // The floor reads the sheet in two sizes of piece: 256 KB (fewest messages to the deflating
  // thread, its fastest) and the reader's own 32 KB (its smallest memory). Its time is the faster
  // size's and its memory the smaller size's: each target is measured against the best floor.
  const FLOOR_PIECES = [1 << 18, 1 << 15];
  for (const [N, rounds] of [
    [100_000, 2],
    [1_000_000, 1],
  ]) {
    const file = await benchLedger(root, N, ZipWriter);
    const out = path.join(cache, "out-b.xlsx");
    // Floor and audit take turns (floors, audit, audit, floors at 100,000 rows; floors, audit at
    // 1,000,000): a machine that speeds up or slows down meanwhile weighs on both sides alike.
    const runFloor = (piece) => ({
      piece,
      ...measured([path.join(root, "bench", "io-floor.mjs"), xlsxBundle, file, out, String(piece)]),
    });
    const runAudit = () => measured([cli, "audit", file, "--out", out, "--force"]);
    const floors = [];
    const audits = [];
    for (const piece of FLOOR_PIECES) floors.push(runFloor(piece));
    for (let i = 0; i < rounds; i++) audits.push(runAudit());
    if (rounds > 1) for (const piece of FLOOR_PIECES) floors.push(runFloor(piece));
    rmSync(out, { force: true });
    const mean = (xs, k) => xs.reduce((a, b) => a + b[k], 0) / xs.length;
    const peak = (xs) => Math.max(...xs.map((x) => x.mb));
    const bySize = FLOOR_PIECES.map((piece) => floors.filter((f) => f.piece === piece));
    const floorMs = Math.min(...bySize.map((xs) => mean(xs, "ms")));
    const floorMb = Math.min(...bySize.map(peak));
    line(
      `(b) guard audit of a ${fmt(N)}-row xlsx / package-patching floor, time`,
      `${(mean(audits, "ms") / floorMs).toFixed(2)}x`,
      "<= 1.3x",
    );
    line(
      `    peak memory, audit / floor`,
      `${(peak(audits) / floorMb).toFixed(2)}x`,
      N === 1_000_000 ? "<= 1.5x, audit <= 512 MB" : "<= 1.5x",
    );
    const secs = (xs) => xs.map((x) => `${fmt(x.ms / 1000, 1)} s`).join(", ");
    const mbs = (xs) => xs.map((x) => `${fmt(x.mb)} MB`).join(", ");
    const floorText = bySize
      .map((xs, i) => `floor in ${FLOOR_PIECES[i] / 1024} KB pieces ${secs(xs)} (${mbs(xs)})`)
      .join("; ");
    console.log(`    audit ${secs(audits)} (${mbs(audits)}); ${floorText}; each a fresh node process`);
    // On two cores the audit is bound by its main thread and by its CPU over all threads alike.
    const cpus = (xs) =>
      xs
        .map(
          (x) =>
            `${fmt(x.cpu, 2)} s${Number.isNaN(x.mainCpu) ? "" : ` (main thread ${fmt(x.mainCpu, 2)} s)`}`,
        )
        .join(", ");
    console.log(`    CPU, all threads: audit ${cpus(audits)}; floor ${cpus(floors)}`);
  }
}

// ---------------------------------------------------------------- (c)
if (runs("c")) {
  const fns = await bundle(
    "functions",
    `export { blacklisted, trackingValid } from "./src/functions/functions";
     export { blacklistFor, clearBlacklistCache } from "./src/rules/blacklist";`,
  );
  const { blacklisted, trackingValid, blacklistFor, clearBlacklistCache } = fns;
  const makeList = (n) => {
    const rows = [["供应商名称", "店铺链接", "统一社会信用代码", "原因"]];
    for (let i = 0; i < n; i++)
      rows.push([`义乌市测试${i}贸易有限公司`, `https://shop${100000 + i}.1688.com`, "", "收款后失联"]);
    return rows;
  };
  const suppliers = [
    ["Yiwu Unknown Trading Co., Ltd.", "https://shop999999.1688.com"],
    ["义乌市测试5贸易有限公司", ""],
    ["", "https://shop100007.1688.com/page/offerlist.htm"],
  ];
  /** µs per call over one run that repeats calls for at least 300 ms. */
  const oneRun = (call) => {
    let calls = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < 300 || calls < 100) {
      for (let k = 0; k < 50; k++) call(calls++);
      elapsed = performance.now() - t0;
    }
    return (elapsed * 1000) / calls;
  };
  /** Median µs per call over 5 runs. */
  const perCall = (call) => median(Array.from({ length: 5 }, () => oneRun(call)));
  // Excel hands each call a fresh copy of the range: rotate copies made outside the timing.
  const copiesOf = (n) => {
    const master = makeList(n);
    return Array.from({ length: 16 }, () => JSON.parse(JSON.stringify(master)));
  };
  clearBlacklistCache();
  const copies = { 10: copiesOf(10), 20_000: copiesOf(20_000) };
  const callers = {
    fn: (n) => (i) => {
      const [name, link] = suppliers[i % suppliers.length];
      blacklisted(name, copies[n][i % 16], link);
    },
    engine: (n) => (i) => {
      const [name, link] = suppliers[i % suppliers.length];
      blacklistFor(copies[n][i % 16]).match({ name: name || undefined, shopUrl: link || undefined });
    },
  };
  // Leftovers of (a) collected first; then the two list sizes take turns, run by run, so a
  // machine that changes speed meanwhile weighs on both alike. Median of 5 runs each.
  globalThis.gc?.();
  const runs = { 10: { fn: [], engine: [] }, 20_000: { fn: [], engine: [] } };
  for (let round = 0; round < 5; round++) {
    for (const n of [10, 20_000]) {
      for (const kind of ["fn", "engine"]) runs[n][kind].push(oneRun(callers[kind](n)));
    }
  }
  const results = {};
  for (const n of [10, 20_000]) results[n] = { fn: median(runs[n].fn), engine: median(runs[n].engine) };
  const numbers = [
    ["EA123456785CN", "EMS"],
    ["1Z999AA10123456784", "UPS"],
    ["YT1217643801617", "圆通"],
    ["ZX240446450", ""],
    ["773012345678", ""],
  ];
  const tracking = perCall((i) => {
    const [num, carrier] = numbers[i % numbers.length];
    try {
      trackingValid(num, carrier || undefined);
    } catch {
      // Outside Excel an error value is thrown; Excel shows it as #VALUE!.
    }
  });
  line("(c) GUARD.BLACKLISTED per call, 10 entries", `${results[10].fn.toFixed(2)} µs`, "");
  line("    GUARD.BLACKLISTED per call, 20,000 entries", `${results[20_000].fn.toFixed(2)} µs`, "");
  line("    ratio 20,000 / 10 entries", `${(results[20_000].fn / results[10].fn).toFixed(2)}x`, "<= 1.5x");
  line("    engine only (blacklistFor + match), 10 entries", `${results[10].engine.toFixed(2)} µs`, "");
  line(
    "    engine only (blacklistFor + match), 20,000 entries",
    `${results[20_000].engine.toFixed(2)} µs`,
    "",
  );
  line(
    "    ratio 20,000 / 10 entries",
    `${(results[20_000].engine / results[10].engine).toFixed(2)}x`,
    "<= 1.5x",
  );
  line("    GUARD.TRACKINGVALID per call (reads no blacklist)", `${tracking.toFixed(2)} µs`, "");
  line("    TRACKINGVALID / BLACKLISTED (10 entries)", `${(tracking / results[10].fn).toFixed(2)}x`, "");
}

// ---------------------------------------------------------------- (d)
if (runs("d")) {
  const N = 200_000;
  const file = await benchLedger(root, N, ZipWriter);
  const out = path.join(cache, "out-d.xlsx");
  const rssFile = path.join(cache, "maxrss.txt");
  rmSync(rssFile, { force: true });
  const run = timeChild(
    ["-r", path.join(root, "bench", "maxrss.cjs"), cli, "audit", file, "--out", out, "--force"],
    {
      GUARD_BENCH_RSS_FILE: rssFile,
    },
  );
  rmSync(out, { force: true });
  const { mb } = usageOf(rssFile);
  line(`(d) peak RSS, guard audit of a ${fmt(N)}-row xlsx`, `${fmt(mb)} MB`, "<= 1,024 MB");
  console.log(
    `    ${fmt(run.ms / 1000, 1)} s; progress lines on stderr: ${run.stderr.split("\n").filter((l) => l.includes("rows read")).length}`,
  );
}

// ---------------------------------------------------------------- (e)
if (runs("e")) {
  const engine = await bundle(
    "history",
    `export { readLedger } from "./src/ledger/read";
     export { scoreLedger } from "./src/ledger/score-rows";
     export { scoreOrders } from "./src/rules/score";
     export { ledgerHistory } from "./src/rules/history";
     export { DEFAULT_SETTINGS } from "./src/rules/settings";`,
  );
  const { readLedger, scoreLedger, scoreOrders, ledgerHistory, DEFAULT_SETTINGS: settings } = engine;
  const N = 200_000;
  const SUPPLIERS = 5_000;
  // More rounds than (a): ledgerHistory is recompiled after garbage collections for its first
  // passes, and the best pass comes later (one cold call, as guard runs it, is slower for both).
  const RUNS = 11;
  const asOf = new Date(Date.UTC(2025, 11, 31));
  // Flat strings, as in (a).
  const cells = [...historyLedgerRows(N, SUPPLIERS)].map((row) => JSON.parse(JSON.stringify(row)));
  // Two warm-up passes of each side, as in (a) (the first runs are still being compiled), then
  // RUNS rounds in which the sides take turns, a full garbage collection before each pass.
  const race = (sides) => {
    const times = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
    for (let w = 0; w < 2; w++) for (const pass of Object.values(sides)) pass();
    for (let i = 0; i < RUNS; i++) {
      for (const [name, pass] of Object.entries(sides)) {
        globalThis.gc?.();
        const t0 = performance.now();
        pass();
        times[name].push(performance.now() - t0);
      }
    }
    return times;
  };
  // The rows read once, with their dates, payee accounts and items: both sides work on these orders.
  let orders = [];
  const first = readLedger(cells, { settings, history: true });
  for (const r of first.results) orders.push(r.order);
  const fields = new Set(Object.keys(first.header.byField));
  let found = 0;
  const onOrders = race({
    // Scoring the orders (every check, the tracking numbers across rows), as guard score does without --as-of.
    score: () => scoreOrders(orders, { settings, fields }).length,
    // Every supplier's record: grouping, money at risk on the day, on-time rate, accounts, prices, reused numbers.
    history: () => (found = ledgerHistory(orders, { settings, asOf, fields }).suppliers.length),
  });
  const count = orders.length;
  // End to end from the cells, once those orders are let go (the program never holds two ledgers):
  // guard score's scoreLedger, against reading with the history columns then ledgerHistory.
  orders = [];
  const fromCells = race({
    scoreCells: () => scoreLedger(cells, { settings }).verdicts.length,
    historyCells: () => {
      const read = readLedger(cells, { settings, history: true });
      const all = [];
      for (const r of read.results) all.push(r.order);
      return ledgerHistory(all, { settings, asOf, fields }).suppliers.length;
    },
  });
  const times = { ...onOrders, ...fromCells };
  const best = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, Math.min(...xs)]));
  line(
    `(e) supplier history / scoring, ${fmt(N)} rows, ${fmt(found)} suppliers`,
    `${(best.history / best.score).toFixed(2)}x`,
    "<= 2x",
  );
  // The passes of one round ran back to back: their ratio, round by round, shows how steady the figure is.
  const paired = (a, b) => {
    const ratios = times[a].map((ms, i) => ms / times[b][i]).sort((x, y) => x - y);
    return `median ${median(ratios).toFixed(2)}x, from ${ratios[0].toFixed(2)}x to ${ratios[ratios.length - 1].toFixed(2)}x`;
  };
  console.log(
    `    best of ${RUNS}: ledgerHistory ${fmt(best.history)} ms, scoreOrders ${fmt(best.score)} ms (the same ${fmt(count)} orders, read once with the history columns)`,
  );
  console.log(`    round by round: ${paired("history", "score")}`);
  console.log(
    `    from the cells: readLedger (history columns) + ledgerHistory ${fmt(best.historyCells)} ms, scoreLedger ${fmt(best.scoreCells)} ms (${(best.historyCells / best.scoreCells).toFixed(2)}x; round by round ${paired("historyCells", "scoreCells")})`,
  );
}

// ---------------------------------------------------------------- (f)
if (runs("f")) {
  console.log("");
  console.log("(f) the task pane on a 100,000-row 1688 export, through the mock Excel host (5 MB a request)");
  const { paneBench } = await import("./pane.mjs");
  await paneBench(100_000, (text) => console.log(`    ${text}`));
}

// ---------------------------------------------------------------- (g)
if (runs("g")) {
  const { gzipSync } = await import("node:zlib");
  const { statSync, readdirSync } = await import("node:fs");
  const dist = path.join(root, "dist");
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
      const full = path.join(dir, e.name);
      return Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
    }, 0);
  const built = existsSync(path.join(dist, "taskpane.js"))
    ? statSync(path.join(dist, "taskpane.js")).mtimeMs
    : 0;
  if (built < newest(path.join(root, "src"))) {
    console.log("\n(g) building the production bundles first (npm run build)...");
    const run = spawnSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    if (run.status !== 0) throw new Error("the build failed");
  }
  const gz = (file) => gzipSync(readFileSync(path.join(dist, file))).length;
  line(
    "(g) taskpane.js, gzipped (what Excel downloads to open the pane)",
    `${fmt(gz("taskpane.js"))} bytes`,
    `<= ${fmt(256 * 1024)} (256 KiB)`,
  );
  console.log(`    functions.js gzipped: ${fmt(gz("functions.js"))} bytes`);
}

// ---------------------------------------------------------------- (h)
if (runs("h")) {
  const countLines = async (file) => {
    let lines = 0;
    for await (const chunk of createReadStream(file)) for (const byte of chunk) if (byte === 10) lines++;
    return lines;
  };
  const rssFile = path.join(cache, "maxrss.txt");
  const outFile = path.join(cache, "out-f.txt");
  for (const N of [200_000, 1_050_000]) {
    const file = await benchCsvLedger(root, N);
    rmSync(rssFile, { force: true });
    const out = openSync(outFile, "w");
    const t0 = performance.now();
    const res = spawnSync(
      process.execPath,
      ["-r", path.join(root, "bench", "maxrss.cjs"), cli, "score", file, "--json"],
      { cwd: root, env: { ...process.env, GUARD_BENCH_RSS_FILE: rssFile }, stdio: ["ignore", out, "pipe"] },
    );
    const ms = performance.now() - t0;
    closeSync(out);
    if (res.status !== 0 && res.status !== 3)
      throw new Error(`guard score exited ${res.status}: ${res.stderr}`);
    const scored = await countLines(outFile);
    rmSync(outFile, { force: true });
    const { mb } = usageOf(rssFile);
    line(`(h) peak RSS, guard score of a ${fmt(N)}-row csv`, `${fmt(mb)} MB`, "<= 512 MB, flat in rows");
    console.log(`    ${fmt(ms / 1000, 1)} s; ${fmt(scored)} rows scored (one JSON line each)`);
  }
}
