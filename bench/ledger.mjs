// Generated ledgers for the benchmarks: the 1688 order-export layout (49
// columns), realistic values (text money on some rows, continuation rows,
// tracking numbers of several carriers, some internal "专线" numbers),
// deterministic. Files go to .cache/bench/ (gitignored), never committed.
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
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
// Each parcel's number is its own, as a carrier's are: random digits, then the order's number.
// (Random digits alone came from a 32-bit generator and repeated about once in 100,000 orders,
// under two suppliers: a reused number, which the audit flags on every order that used it, is
// a fraud sign, not the common ledger this measures.)
const unique = (r, order, random, digits) =>
  `${String(Math.floor(r() * 10 ** random)).padStart(random, "0")}${String(order).padStart(digits - random, "0")}`;
const CARRIERS = [
  ["圆通速递", (r, order) => `YT${unique(r, order, 5, 13)}`],
  ["中通快递", (r, order) => `7${unique(r, order, 5, 13)}`],
  ["极兔速递", (r, order) => `JT${unique(r, order, 5, 13)}`],
  ["韵达快递", (r, order) => `4${unique(r, order, 4, 12)}`],
  ["义乌专线", (r, order) => `ZX${unique(r, order, 2, 9)}`],
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
          row[31] = number(r, order);
        }
      }
      lineCells(row, price, qty);
      row[24] = String(600000000000 + order);
      yield row;
    }
  }
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const colName = (i) => {
  let s = "";
  for (let v = i + 1; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
};
const COLS = HEADERS.map((_, i) => colName(i));

/**
 * Writes an n-row ledger to `file` as Excel writes one: every text in the
 * shared strings table (so Chinese text and "¥" amounts are read through it),
 * numbers as numbers, the header row bold. `ZipWriter` is src/xlsx's (the
 * caller bundles it). The sheet goes to a temporary part first (the strings
 * table must be complete before it), then both into the package.
 */
export async function writeLedgerXlsx(file, n, ZipWriter) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const strings = new Map();
  const order = [];
  const sst = (s) => {
    let i = strings.get(s);
    if (i === undefined) {
      i = order.length;
      strings.set(s, i);
      order.push(s);
    }
    return i;
  };
  const zip = new ZipWriter(temp);
  const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  await zip.addBuffer(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  await zip.addBuffer(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  await zip.addBuffer(
    "xl/workbook.xml",
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><bookViews><workbookView/></bookViews><sheets><sheet name="订单列表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  await zip.addBuffer(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  await zip.addBuffer(
    "xl/styles.xml",
    `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
  );
  const sheet = zip.addStream("xl/worksheets/sheet1.xml", { large: n > 500_000 });
  let text = `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:${COLS[COLS.length - 1]}${n + 1}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`;
  let r = 0;
  for (const values of ledgerRows(n)) {
    r++;
    let row = `<row r="${r}" spans="1:${COLS.length}">`;
    const style = r === 1 ? ' s="1"' : "";
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v === null || v === undefined) continue;
      row +=
        typeof v === "number"
          ? `<c r="${COLS[c]}${r}"${style}><v>${v}</v></c>`
          : `<c r="${COLS[c]}${r}"${style} t="s"><v>${sst(String(v))}</v></c>`;
    }
    text += `${row}</row>`;
    if (text.length > 1 << 16) {
      await sheet.write(text);
      text = "";
    }
  }
  await sheet.write(
    `${text}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  );
  await sheet.end();
  const table = zip.addStream("xl/sharedStrings.xml", { large: false });
  text = `${HEAD}<sst xmlns="${MAIN}" count="${order.length}" uniqueCount="${order.length}">`;
  for (const s of order) {
    text += `<si><t>${esc(s)}</t></si>`;
    if (text.length > 1 << 16) {
      await table.write(text);
      text = "";
    }
  }
  await table.write(`${text}</sst>`);
  await table.end();
  await zip.finish();
  renameSync(temp, file);
}

/** The bench ledger of n rows under .cache/bench/, generated once (written with src/xlsx's `ZipWriter`). */
export async function benchLedger(root, n, ZipWriter) {
  const file = path.join(root, ".cache", "bench", `ledger-sst-${n}.xlsx`);
  if (!existsSync(file)) await writeLedgerXlsx(file, n, ZipWriter);
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
          row[31] = number(r, order);
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
