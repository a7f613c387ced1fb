// (f) The task pane on a 100,000-row ledger, through the mock Excel host (which enforces Excel
// on the web's 5 MB a request and 5,000,000 cells a read): syncs and milliseconds of reading the
// workbook, scoring it as the pane does, adding the risk columns, flagging, and of one cell edit
// (the rows it touched re-read, everything re-scored). Run by bench/run.mjs, or alone:
//   node --expose-gc bench/pane.mjs [rows]
import { fileURLToPath } from "node:url";
import { bundle } from "./bundle.mjs";
import { HEADERS, ledgerRows } from "./ledger.mjs";

const bundleParts = () =>
  bundle(
    "pane",
    `
      export { createExcelApi } from "./src/taskpane/mock/excel-api";
      export { MockWorkbook } from "./src/taskpane/mock/workbook";
      export * as gateway from "./src/taskpane/excel/gateway";
      export { assessLedger } from "./src/taskpane/model/assess";
      export { patchLedger, planEdit } from "./src/taskpane/excel/plan";
      export { readHistory, moneyAtRiskList } from "./src/taskpane/model/history";
      export { DEFAULT_SETTINGS, flattenSettings } from "./src/rules/settings";
    `,
  );

export async function paneBench(rows = 100_000, print = console.log) {
  const m = await bundleParts();
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

  // Edits in the middle of the ledger, as a clerk types them: each change event's address is
  // planned, the rows it touched read again, and the pane scores the new cells with the
  // assessment before (rows whose arrays are unchanged keep their verdicts), then reads the
  // history with the one before. Seven edits, no forced garbage collection between the steps
  // of one; the median and the best are printed.
  const paidColumn = HEADERS.indexOf("实付款(元)");
  const events = [];
  const off = await m.gateway.watchChanges(snap.ledger.sheet, (change) => events.push(change));
  let ledger = snap.ledger;
  let before = assessment;
  let beforeHistory = history;
  const times = { read: [], score: [], history: [], total: [] };
  let syncs = 0;
  for (let k = 0; k < 7; k++) {
    const target = Math.floor(rows / 2) + k * 997;
    events.length = 0;
    book.edit(sheet, ledger.headerRow + 1 + target, paidColumn, [
      [`¥${(88_888 + k).toLocaleString("en-US")}.00`],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const change = events[0];
    globalThis.gc?.();
    const count = book.syncCount;
    const t0 = performance.now();
    const plan = m.planEdit(ledger, change.address, change.changeType);
    if (plan.kind !== "rows") throw new Error(`expected a rows plan, got ${plan.kind}`);
    ledger = m.patchLedger(ledger, plan.from, await m.gateway.readLedgerRows(ledger, plan.from, plan.count));
    const t1 = performance.now();
    const rescored = m.assessLedger(ledger.cells, m.DEFAULT_SETTINGS, undefined, before);
    const t2 = performance.now();
    const view = m.readHistory(ledger.cells, m.DEFAULT_SETTINGS, asOf, beforeHistory);
    m.moneyAtRiskList(view, m.DEFAULT_SETTINGS);
    const t3 = performance.now();
    syncs = book.syncCount - count;
    const row = rescored.rows.find((r) => r.index === target);
    if (row?.order?.amountPaid?.amount !== 88_888 + k) throw new Error("the edited row was not read again");
    times.read.push(t1 - t0);
    times.score.push(t2 - t1);
    times.history.push(t3 - t2);
    times.total.push(t3 - t0);
    before = rescored;
    beforeHistory = view;
  }
  await off();
  const ms = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const med = sorted[Math.floor(sorted.length / 2)];
    return `${Math.round(med).toLocaleString("en-US")} ms (best ${Math.round(sorted[0]).toLocaleString("en-US")})`;
  };
  print(`one cell edited, seven times (median of the edits):`);
  print(`  read the rows it touched                      ${ms(times.read).padStart(22)}  ${syncs} sync`);
  print(`  score the ledger again (the verdicts, counts)  ${ms(times.score).padStart(22)}  target 200 ms`);
  print(`  history and money at risk again                ${ms(times.history).padStart(22)}`);
  print(`  the edit end to end                            ${ms(times.total).padStart(22)}`);

  await step("add the risk columns", () => m.gateway.addRiskColumns(settingsPairs));
  await step("flag risky rows", () => m.gateway.flagRiskyRows("row"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await paneBench(Number(process.argv[2] ?? 100_000));
}
