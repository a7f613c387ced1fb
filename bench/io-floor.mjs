// The I/O floor for figure (b): read an xlsx and write a copy with exceljs'
// streaming reader and writer exactly as the streamed `guard audit` does
// (values and styles of every cell, row heights, column widths, waiting for
// the zip stream to drain), with no ledger reading and no scoring.
// Usage: node bench/io-floor.mjs IN.xlsx OUT.xlsx
import { once } from "node:events";
import ExcelJS from "exceljs";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write("usage: node bench/io-floor.mjs IN.xlsx OUT.xlsx\n");
  process.exit(2);
}

async function drain(ws) {
  const dest = ws.stream?.pipes?.[0];
  if (dest?._writableState?.needDrain) await once(dest, "drain");
}

const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
  worksheets: "emit",
  sharedStrings: "cache",
  hyperlinks: "cache",
  styles: "cache",
  entries: "ignore",
});
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
  filename: output,
  useStyles: true,
  useSharedStrings: false,
});
let rows = 0;
for await (const sheet of reader) {
  const ws = writer.addWorksheet(sheet.name);
  let first = true;
  for await (const row of sheet) {
    if (first && sheet.columns) ws.columns = sheet.columns.map((c) => ({ width: c.width ?? 9 }));
    first = false;
    // Cells taken from the source row first, then written, as the audit's row copy does.
    const values = [];
    const styles = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      values[col] = cell.value;
      const style = cell.style;
      styles[col] = style && Object.keys(style).length > 0 ? style : undefined;
    });
    const out = ws.getRow(row.number);
    for (let col = 1; col < values.length; col++) {
      if (!(col in values)) continue;
      const target = out.getCell(col);
      target.value = values[col] ?? null;
      if (styles[col]) target.style = styles[col];
    }
    if (row.height) out.height = row.height;
    out.commit();
    if (++rows % 5000 === 0) await drain(ws);
  }
  ws.commit();
}
await writer.commit();
process.stdout.write(`${rows}\n`);
