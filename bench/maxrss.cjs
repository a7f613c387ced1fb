// Preloaded (node -r) into a measured child process: on exit, writes to $GUARD_BENCH_RSS_FILE
// the process's peak resident set size (kilobytes), then its CPU time (user + system, seconds,
// every thread) and, where Linux shows it (/proc), the main thread's own CPU time.
const { readFileSync, writeFileSync } = require("node:fs");

/** CPU seconds of one thread from /proc (utime + stime, in clock ticks of 1/100 s). */
function threadCpu(tid) {
  try {
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

process.on("exit", () => {
  const file = process.env.GUARD_BENCH_RSS_FILE;
  if (!file) return;
  const use = process.resourceUsage();
  const cpu = (use.userCPUTime + use.systemCPUTime) / 1e6;
  writeFileSync(file, `${use.maxRSS} ${cpu} ${threadCpu(process.pid)}`);
});
