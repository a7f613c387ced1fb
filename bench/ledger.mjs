// Generated ledgers for the benchmarks: the 1688 order-export layout (49
// columns), realistic values (text money on some rows, continuation rows,
// tracking numbers of several carriers, some internal "专线" numbers),
// deterministic. Files go to .cache/bench/ (gitignored), never committed.
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import ExcelJS from "exceljs";
import { HEADERS_1688, prng } from "../scripts/sample-data.mjs";

export const HEADERS = HEADERS_1688;

const STATUSES = [
  "交易成功",
  "交易成功",
  "已收货",
  "等待买家收货",
  "等待卖家发货",
  "等待买家付款",
  "交易关闭",
];
const CARRIERS = [
  ["圆通速递", (r) => `YT${String(Math.floor(r() * 1e13)).padStart(13, "0")}`],
  ["中通快递", (r) => `7${String(Math.floor(r() * 1e13)).padStart(13, "0")}`],
  ["极兔速递", (r) => `JT${String(Math.floor(r() * 1e13)).padStart(13, "0")}`],
  ["韵达快递", (r) => `4${String(Math.floor(r() * 1e12)).padStart(12, "0")}`],
  ["义乌专线", (r) => `ZX${String(Math.floor(r() * 1e9)).padStart(9, "0")}`],
];

/** The order-level cells of an export row: order id, buyer, seller, money, status, consignee. */
function orderCells(row, order, seller, member, total, status) {
  row[0] = `37${String(order).padStart(17, "0")}`;
  row[1] = "深圳市测试跨境科技有限公司";
  row[2] = "buyer01";
  row[3] = seller;
  row[4] = member;
  row[5] = order % 5 === 0 ? `¥${total.toLocaleString("en-US", { minimumFractionDigits: 2 })}` : total;
  row[6] = 0;
  row[7] = 0;
  row[8] = total;
  row[9] = status;
  row[12] = seller;
  row[13] = "李娜";
  row[14] = "广东省 深圳市 南山区 测试路1号";
  row[17] = "13800138000";
  row[40] = "否";
}

/** The line-level cells of an export row: title, unit price, quantity, unit. */
function lineCells(row, price, qty) {
  row[18] = "测试商品 跨境专供";
  row[19] = price;
  row[20] = qty;
  row[21] = "个";
}

/**
 * The rows of an n-row ledger (header row first), as plain cell arrays.
 * About one order in four has a continuation row (blank 订单编号).
 */
export function* ledgerRows(n, seed = 2024) {
  const r = prng(seed);
  yield HEADERS;
  const sellers = Array.from({ length: 400 }, (_, i) => [`测试供应商${i}有限公司`, `seller${i}`]);
  let written = 0;
  let order = 0;
  while (written < n) {
    order++;
    const [seller, member] = sellers[Math.floor(r() * sellers.length)];
    const status = STATUSES[order % STATUSES.length];
    const lines = r() < 0.25 ? 2 : 1;
    const price = Math.round((5 + r() * 95) * 100) / 100;
    const qty = [20, 50, 100, 200, 500][Math.floor(r() * 5)];
    const total = Math.round(price * qty * lines * 100) / 100;
    const [carrier, number] = CARRIERS[order % CARRIERS.length];
    const shipped = status === "交易成功" || status === "已收货" || status === "等待买家收货";
    for (let l = 0; l < lines && written < n; l++, written++) {
      const row = new Array(HEADERS.length).fill(null);
      if (l === 0) {
        orderCells(row, order, seller, member, total, status);
        row[10] = "2024-03-15 10:23:45";
        if (shipped) {
          row[30] = carrier;
          row[31] = number(r);
        }
      }
      lineCells(row, price, qty);
      row[24] = String(600000000000 + order);
      yield row;
    }
  }
}

/** Writes an n-row ledger to `file` with exceljs' streaming writer (header row bold). */
export async function writeLedgerXlsx(file, n) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: temp,
    useStyles: true,
    useSharedStrings: true,
  });
  const ws = wb.addWorksheet("订单列表");
  let first = true;
  for (const values of ledgerRows(n)) {
    const row = ws.addRow(values);
    if (first) row.font = { bold: true };
    first = false;
    row.commit();
  }
  ws.commit();
  await wb.commit();
  renameSync(temp, file);
}

/** The bench ledger of n rows under .cache/bench/, generated once. */
export async function benchLedger(root, n) {
  const file = path.join(root, ".cache", "bench", `ledger-${n}.xlsx`);
  if (!existsSync(file)) await writeLedgerXlsx(file, n);
  return file;
}

const csvField = (v) => {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes an n-row ledger as a UTF-8 csv (CRLF line ends, as Excel saves one), streamed. */
export async function writeLedgerCsv(file, n) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temp);
  let batch = [];
  for (const values of ledgerRows(n)) {
    batch.push(values.map(csvField).join(","));
    if (batch.length === 10_000) {
      if (!out.write(`${batch.join("\r\n")}\r\n`)) await once(out, "drain");
      batch = [];
    }
  }
  if (batch.length > 0) out.write(`${batch.join("\r\n")}\r\n`);
  out.end();
  await once(out, "close");
  renameSync(temp, file);
}

/** The bench csv ledger of n rows under .cache/bench/, generated once. */
export async function benchCsvLedger(root, n) {
  const file = path.join(root, ".cache", "bench", `ledger-${n}.csv`);
  if (!existsSync(file)) await writeLedgerCsv(file, n);
  return file;
}

/** The columns a team adds to the 1688 export to follow its orders over time (bench (e)). */
export const HISTORY_HEADERS = ["发货时间", "约定交期", "到货日期", "收款账号"];

const DAY_MS = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const stamp = (ms) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

/**
 * The rows of an n-row ledger over one year (2025) with `suppliers` sellers:
 * the 1688 export's 49 columns with real order and payment times, plus the
 * four columns of HISTORY_HEADERS (ship date, promised date, received date,
 * payee account). Some sellers change their account once, deliver late, or
 * drop a price; about one order in four has a continuation row.
 */
export function* historyLedgerRows(n, suppliers = 5000, seed = 2025) {
  const r = prng(seed);
  yield [...HEADERS, ...HISTORY_HEADERS];
  const sellers = Array.from({ length: suppliers }, (_, i) => ({
    id: i,
    name: `测试供应商${i}有限公司`,
    member: `seller${i}`,
    account: `6222${String(1e11 + i * 7919).slice(0, 11)}`,
    newAccount: i % 50 === 0 ? `6217${String(2e11 + i * 104729).slice(0, 11)}` : undefined,
    lateDays: i % 7 === 0 ? 5 : -2,
    price: Math.round((5 + r() * 95) * 100) / 100,
  }));
  const start = Date.UTC(2025, 0, 1);
  let written = 0;
  let order = 0;
  while (written < n) {
    order++;
    const s = sellers[Math.floor(r() * sellers.length)];
    const status = STATUSES[order % STATUSES.length];
    const lines = r() < 0.25 ? 2 : 1;
    // Orders in date order over the year, each placed at its own second.
    const placed = start + Math.floor((written / n) * 364 * DAY_MS) + Math.floor(r() * 36_000_000);
    const price = order % 97 === 0 ? Math.round(s.price * 0.6 * 100) / 100 : s.price;
    const qty = [20, 50, 100, 200, 500][Math.floor(r() * 5)];
    const total = Math.round(price * qty * lines * 100) / 100;
    const [carrier, number] = CARRIERS[order % CARRIERS.length];
    const shipped = status === "交易成功" || status === "已收货" || status === "等待买家收货";
    const received = status === "交易成功" || status === "已收货";
    const promised = placed + 20 * DAY_MS;
    const account = s.newAccount !== undefined && placed > start + 200 * DAY_MS ? s.newAccount : s.account;
    for (let l = 0; l < lines && written < n; l++, written++) {
      const row = new Array(HEADERS.length + HISTORY_HEADERS.length).fill(null);
      if (l === 0) {
        orderCells(row, order, s.name, s.member, total, status);
        row[10] = stamp(placed);
        row[11] = stamp(placed + 600_000);
        if (shipped) {
          row[30] = carrier;
          row[31] = number(r);
          row[49] = iso(placed + 5 * DAY_MS);
        }
        row[50] = iso(promised);
        if (received) row[51] = iso(promised + s.lateDays * DAY_MS);
        row[52] = account;
      }
      lineCells(row, price, qty);
      row[24] = String(600000000000 + (order % 3) + s.id * 3);
      yield row;
    }
  }
}
