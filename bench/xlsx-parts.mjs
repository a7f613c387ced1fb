// The parts src/xlsx was chosen from, compared on the 100,000-row bench ledger's sheet XML:
// inflating it (node's zlib against fflate) and scanning it (src/xlsx's SheetScanner against
// saxes, sax and htmlparser2, each only counting cells). CPU time (user + system) of this
// process, so a loaded machine weighs less; best of three.
// Usage: node bench/xlsx-parts.mjs (after `npm run bench` has built .cache/bench/).
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const esbuild = await import("esbuild");
const outfile = path.join(root, ".cache", "bench", "xlsx-parts.cjs");
await esbuild.build({
  stdin: {
    contents: `export { ZipReader } from "./src/xlsx/zip-read"; export { SheetScanner } from "./src/xlsx/sheet-reader"; export { readSharedStrings } from "./src/xlsx/shared-strings";`,
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "cjs",
  outfile,
  logLevel: "warning",
});
const { ZipReader, SheetScanner, readSharedStrings } = require(outfile);
const file = path.join(root, ".cache", "bench", "ledger-sst-100000.xlsx");
const zip = await ZipReader.open(file);
const entry = zip.entry("xl/worksheets/sheet1.xml");
const chunks = [];
for await (const c of await zip.openRaw(entry)) chunks.push(c);
const raw = Buffer.concat(chunks);
const xml = inflateRawSync(raw);
const text = xml.toString("utf8");
// The ledger's own shared strings, so the scanner resolves every text cell as the audit does.
const sharedStrings = await readSharedStrings(zip, zip.entry("xl/sharedStrings.xml"));
await zip.close();

const cpu = (fn) => {
  let best = Infinity;
  let result;
  for (let i = 0; i < 3; i++) {
    const t0 = process.cpuUsage();
    result = fn();
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1000);
  }
  return { ms: best, result };
};
const pieces = (s) => {
  const out = [];
  for (let i = 0; i < s.length; i += 1 << 18) out.push(s.slice(i, i + (1 << 18)));
  return out;
};
const textChunks = pieces(text);
const rows = [];
rows.push(["inflate: node:zlib", cpu(() => inflateRawSync(raw).length)]);
const fflate = require("fflate");
rows.push(["inflate: fflate", cpu(() => fflate.inflateSync(raw).length)]);
rows.push([
  "scan: src/xlsx SheetScanner (values read)",
  cpu(() => {
    const s = new SheetScanner({
      sharedStrings,
      dateStyles: [],
      date1904: false,
      keepXml: true,
      where: "",
    });
    const out = [];
    let cells = 0;
    for (const c of textChunks) {
      s.push(c, out);
      for (const p of out) if (p.kind === "row") cells += p.row.values.length;
      out.length = 0;
    }
    s.end(out);
    return cells;
  }),
]);
const { SaxesParser } = require("saxes");
rows.push([
  "scan: saxes (cells counted)",
  cpu(() => {
    const p = new SaxesParser();
    let cells = 0;
    p.on("opentag", (t) => {
      if (t.name === "c") cells++;
    });
    for (const c of textChunks) p.write(c);
    p.close();
    return cells;
  }),
]);
const sax = require("sax");
rows.push([
  "scan: sax (cells counted)",
  cpu(() => {
    const p = sax.parser(true);
    let cells = 0;
    p.onopentag = (t) => {
      if (t.name === "c") cells++;
    };
    for (const c of textChunks) p.write(c);
    p.close();
    return cells;
  }),
]);
const { Parser } = require("htmlparser2");
rows.push([
  "scan: htmlparser2 xmlMode (cells counted)",
  cpu(() => {
    let cells = 0;
    const p = new Parser({ onopentagname: (n) => n === "c" && cells++ }, { xmlMode: true });
    for (const c of textChunks) p.write(c);
    p.end();
    return cells;
  }),
]);
console.log(
  `sheet XML of ${file}: ${(xml.length / 1e6).toFixed(1)} MB (${(raw.length / 1e6).toFixed(1)} MB deflated)`,
);
for (const [label, { ms, result }] of rows)
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms CPU   (${result})`);
