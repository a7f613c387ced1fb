// Per-call cost of blacklist matching and tracking validation, as the custom
// functions use them. Bundles the engine modules with esbuild into .cache/ and
// prints figures (never pass/fail). Run: node bench/blacklist.mjs
import { bundle } from "./bundle.mjs";

const { blacklistFor, clearBlacklistCache, validateTracking } = await bundle(
  "bench-blacklist",
  `
    export { blacklistFor, buildBlacklist, clearBlacklistCache } from "./src/rules/blacklist";
    export { validateTracking } from "./src/rules/identifiers/tracking";
  `,
);

function makeList(n) {
  const rows = [["供应商名称", "店铺链接", "统一社会信用代码", "原因"]];
  for (let i = 0; i < n; i++) {
    rows.push([`义乌市测试${i}贸易有限公司`, `https://shop${100000 + i}.1688.com`, "", "收款后失联"]);
  }
  return rows;
}

const CALLS = 50_000;
const orders = [
  { name: "Yiwu Unknown Trading Co., Ltd.", shopUrl: "https://shop999999.1688.com" },
  { name: "义乌市测试5贸易有限公司" },
  { shopUrl: "https://shop100007.1688.com/page/offerlist.htm" },
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median of 5 runs of CALLS calls: the machine is shared, single runs are noisy. */
function benchList(n) {
  clearBlacklistCache();
  const master = makeList(n);
  // Excel hands each call a fresh array (deserialised: new row arrays, new string
  // objects) of the same content. Copies are made outside the timed region and
  // rotated (a copy per call would spend the run copying 20,000 rows).
  const copies = Array.from({ length: 16 }, () => JSON.parse(JSON.stringify(master)));
  blacklistFor(copies[0]); // the first call builds the index
  const runs = [];
  let hits = 0;
  for (let run = 0; run < 5; run++) {
    hits = 0;
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) {
      const index = blacklistFor(copies[i % copies.length]);
      if (index.match(orders[i % orders.length])) hits++;
    }
    runs.push(((performance.now() - t0) * 1000) / CALLS);
  }
  const t0 = performance.now();
  clearBlacklistCache();
  blacklistFor(copies[1]);
  const buildMs = performance.now() - t0;
  console.log(
    `blacklistFor + match, ${String(n).padStart(6)} entries: median ${median(runs).toFixed(2)} µs/call ` +
      `(runs ${runs.map((r) => r.toFixed(2)).join(", ")}; ${CALLS} calls each, ${hits} hits; first build ${buildMs.toFixed(1)} ms)`,
  );
}

benchList(10);
benchList(20_000);

const numbers = [
  "1Z999AA10123456784",
  "EA123456785CN",
  "SF1234567890123",
  "773123456789012",
  "9400111201080805483016",
  "HHWL20240315001",
  "123456789012",
  "3318810025",
  "YT2229521272164446",
  "JT0001234567890",
];
for (let round = 0; round < 2; round++) {
  const N = 10_000;
  const t0 = performance.now();
  let valid = 0;
  for (let i = 0; i < N; i++) if (validateTracking(numbers[i % numbers.length]).valid) valid++;
  const ms = performance.now() - t0;
  console.log(
    `validateTracking (round ${round + 1}): ${((ms * 1000) / N).toFixed(2)} µs/call (${N} calls, ${ms.toFixed(1)} ms, ${valid} valid)`,
  );
}
