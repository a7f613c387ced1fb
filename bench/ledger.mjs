// Generated ledgers for the benchmarks: the 1688 order-export layout (49
// columns), realistic values (text money on some rows, continuation rows,
// tracking numbers of several carriers, some internal "专线" numbers),
// deterministic. Files go to .cache/bench/ (gitignored), never committed.
import { existsSync, mkdirSync, renameSync } from "node:fs";
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
        row[10] = "2024-03-15 10:23:45";
        row[12] = seller;
        row[13] = "李娜";
        row[14] = "广东省 深圳市 南山区 测试路1号";
        row[17] = "13800138000";
        if (shipped) {
          row[30] = carrier;
          row[31] = number(r);
        }
        row[40] = "否";
      }
      row[18] = "测试商品 跨境专供";
      row[19] = price;
      row[20] = qty;
      row[21] = "个";
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
