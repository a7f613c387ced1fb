// Preloaded (node -r) into a measured child process: on exit, writes the
// process's peak resident set size (kilobytes) to $GUARD_BENCH_RSS_FILE.
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const file = process.env.GUARD_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
