// The I/O floor for figure (b): what any audit that patches the package must do at least.
// Read the xlsx's central directory, inflate the first sheet's XML as a stream, walk every
// tag of it (a SAX-style scan: each "<", its name), splice one inline-string cell before
// each row's end, deflate it, and copy every other part byte for byte as stored. No shared
// strings, no values, no scoring. Uses src/xlsx's zip reader and writer (bundled by run.mjs).
// Usage: node bench/io-floor.mjs XLSX-BUNDLE.cjs IN.xlsx OUT.xlsx [PIECE-BYTES]
// (PIECE-BYTES: the size of the pieces the sheet is read in; the zip reader's own when left out).
import { createRequire } from "node:module";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";

const [bundle, input, output, pieceArg] = process.argv.slice(2);
const pieceBytes = pieceArg === undefined ? undefined : Number(pieceArg);
if (!bundle || !input || !output) {
  process.stderr.write("usage: node bench/io-floor.mjs XLSX-BUNDLE.cjs IN.xlsx OUT.xlsx [PIECE-BYTES]\n");
  process.exit(2);
}
const { ZipReader, ZipWriter } = createRequire(import.meta.url)(path.resolve(bundle));

const zip = await ZipReader.open(input);
const out = new ZipWriter(output);
let rows = 0;
let tags = 0;
for (const entry of zip.entries) {
  if (entry.name !== "xl/worksheets/sheet1.xml") {
    await out.copyEntry(zip, entry);
    continue;
  }
  const sheet = out.addStream(entry.name, { large: entry.size > 1 << 30, expectedSize: entry.size });
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of await zip.openEntry(entry, undefined, pieceBytes)) {
    const text = rest + decoder.write(chunk);
    let piece = "";
    let from = 0;
    let i = text.indexOf("<");
    let done = 0;
    while (i >= 0) {
      const end = text.indexOf(">", i);
      if (end < 0) break;
      tags++;
      if (text.charCodeAt(i + 1) === 0x2f && text.startsWith("</row>", i)) {
        rows++;
        piece += text.slice(from, i) + `<c r="ZZ${rows}" t="inlineStr"><is><t>LOW</t></is></c>`;
        from = i;
      }
      done = end + 1;
      i = text.indexOf("<", done);
    }
    piece += text.slice(from, done);
    rest = text.slice(done);
    await sheet.write(piece);
  }
  await sheet.write(rest + decoder.end());
  await sheet.end();
}
await out.finish();
await zip.close();
process.stdout.write(`${rows} rows, ${tags} tags\n`);
