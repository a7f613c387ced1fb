// (f) The task pane on a 100,000-row ledger, through the mock Excel host (which enforces Excel
// on the web's 5 MB a request and 5,000,000 cells a read): syncs and milliseconds of reading the
// workbook, scoring it as the pane does, adding the risk columns, flagging, and of one cell edit
// (the rows it touched re-read, everything re-scored). Run by bench/run.mjs, or alone:
//   node --expose-gc bench/pane.mjs [rows]
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HEADERS, ledgerRows } from "./ledger.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cache = path.join(root, ".cache", "bench");
mkdirSync(cache, { recursive: true });
const require = createRequire(import.meta.url);

async function bundle() {
  const esbuild = await import("esbuild");
  const outfile = path.join(cache, "pane.cjs");
  await esbuild.build({
    stdin: {
      contents: `
        export { createExcelApi } from "./src/taskpane/mock/excel-api";
        export { MockWorkbook } from "./src/taskpane/mock/workbook";
        export * as gateway from "./src/taskpane/excel/gateway";
        export { assessLedger } from "./src/taskpane/model/assess";
        export { patchLedger, planEdit } from "./src/taskpane/excel/plan";
        export { readHistory, moneyAtRiskList } from "./src/taskpane/model/history";
        export { DEFAULT_SETTINGS, flattenSettings } from "./src/rules/settings";
      `,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return require(outfile);
}

export async function paneBench(rows = 100_000, print = console.log) {
  const m = await bundle();
  const book = new m.MockWorkbook();
  const sheet = book.addSheet("1688订单");
  HEADERS.forEach((h, j) => sheet.setCell(0, j, { value: h }));
  let i = 0;
  for (const row of ledgerRows(rows)) {
    row.forEach((v, j) => {
      if (v !== "" && v !== null && v !== undefined) sheet.setCell(1 + i, j, { value: v });
    });
    i++;
  }
  globalThis.Excel = m.createExcelApi(book, () => "=", []);
  const settingsPairs = m.flattenSettings(m.DEFAULT_SETTINGS).filter(([k]) => !k.startsWith("columns."));
  const step = async (label, fn) => {
    globalThis.gc?.();
    const syncs = book.syncCount;
    const t = performance.now();
    const out = await fn();
    const ms = performance.now() - t;
    print(
      `${label.padEnd(58)} ${`${Math.round(ms).toLocaleString("en-US")} ms`.padStart(10)} ${String(book.syncCount - syncs).padStart(4)} syncs`,
    );
    return out;
  };
  const asOf = new Date("2025-06-30");
  const snap = await step(
    `read the workbook (${rows.toLocaleString("en-US")} rows x ${HEADERS.length} columns)`,
    () => m.gateway.readWorkbook(),
  );
  const assessment = await step("score every row as the pane does (assessLedger)", () =>
    m.assessLedger(snap.ledger.cells, m.DEFAULT_SETTINGS),
  );
  const history = await step("history and money at risk (readHistory)", () => {
    const view = m.readHistory(snap.ledger.cells, m.DEFAULT_SETTINGS, asOf);
    m.moneyAtRiskList(view, m.DEFAULT_SETTINGS);
    return view;
  });

  // One edit in the middle of the ledger, as a clerk types it: the change event's address
  // is planned, the rows it touched read again, and the pane scores the new cells with the
  // assessment before (rows whose arrays are unchanged keep their verdicts).
  const events = [];
  const off = await m.gateway.watchChanges(snap.ledger.sheet, (change) => events.push(change));
  const target = Math.floor(rows / 2);
  const paidColumn = HEADERS.indexOf("实付款(元)");
  sheet.setCell(0, 0, sheet.cell(0, 0)); // no-op keeps the header as it is
  book.edit(sheet, snap.ledger.headerRow + 1 + target, paidColumn >= 0 ? paidColumn : 5, [["¥88,888.00"]]);
  await new Promise((resolve) => setTimeout(resolve, 10));
  await off();
  const change = events[0];
  let ledger = snap.ledger;
  let rescored;
  const total = performance.now();
  const editSyncs = book.syncCount;
  await step(`an edit (${change.address}): read the rows it touched`, async () => {
    const plan = m.planEdit(ledger, change.address, change.changeType);
    if (plan.kind !== "rows") throw new Error(`expected a rows plan, got ${plan.kind}`);
    ledger = m.patchLedger(ledger, plan.from, await m.gateway.readLedgerRows(ledger, plan.from, plan.count));
  });
  await step("  score again (assessLedger with the assessment before)", () => {
    rescored = m.assessLedger(ledger.cells, m.DEFAULT_SETTINGS, undefined, assessment);
  });
  await step("  history and money at risk again (readHistory with the one before)", () => {
    const view = m.readHistory(ledger.cells, m.DEFAULT_SETTINGS, asOf, history);
    m.moneyAtRiskList(view, m.DEFAULT_SETTINGS);
  });
  const editMs = performance.now() - total;
  print(
    `${"  the edit end to end".padEnd(58)} ${`${Math.round(editMs).toLocaleString("en-US")} ms`.padStart(10)} ${String(book.syncCount - editSyncs).padStart(4)} syncs   target 200 ms`,
  );
  const changed = rescored.rows.find((r) => r.index === target);
  if (
    !changed ||
    changed.order.amountPaid === assessment.rows.find((r) => r.index === target)?.order.amountPaid
  )
    throw new Error("the edited row was not read again");

  await step("add the risk columns", () => m.gateway.addRiskColumns(settingsPairs));
  await step("flag risky rows", () => m.gateway.flagRiskyRows("row"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await paneBench(Number(process.argv[2] ?? 100_000));
}
