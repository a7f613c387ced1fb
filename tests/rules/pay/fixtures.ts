import "../../../src/rules/pinyin";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../../../src/ledger/csv";
import { findHeaderRow, mapHeaders } from "../../../src/ledger/header";
import { findOrder, readPayLedger, type PayLedger } from "../../../src/ledger/pay-ledger";
import { buildBlacklist } from "../../../src/rules/blacklist";
import { DEFAULT_SETTINGS } from "../../../src/rules/settings";

/**
 * Two ledgers (Chinese and English headers, the same orders) where every pay
 * verdict occurs, judged on 2026-12-01 (tests/fixtures/pay-ledger.*.csv):
 * - PO-5102 明辉: paid first to 6222 0210 0011 2233, now to 6217 8500 0000 9988 by bank transfer: STOP;
 * - PO-5103 恒信: the 700 USD balance of a 1,000 USD order with 300 paid, no tracking number: HOLD;
 * - PO-5104 鼎盛: a 30% deposit by Alipay escrow to a five-year store: PAY;
 * - PO-5105 义乌市宏达贸易有限公司: on the blacklist: STOP;
 * - PO-5106 浙江义乌宏达贸易 (Yiwu Hongda Trading Co., Ltd. in English): a possible match: HOLD;
 * - PO-5107 乐童: promised 2026-11-10, not received: HOLD;
 * - PO-5108 新锐: a one-year store that would hold ¥100,000 before receipt: HOLD;
 * - PO-5109 佳美: the payee is a person, not the company: STOP;
 * - PO-5111 浩天: a new payee account confirmed by phone, credit terms: PAY.
 */
export const AS_OF = new Date(Date.UTC(2026, 11, 1));

export const FIXTURES = join(__dirname, "..", "..", "fixtures");

export function payLedgerCells(lang: "zh" | "en"): string[][] {
  return parseCsv(readFileSync(join(FIXTURES, `pay-ledger.${lang}.csv`), "utf8"));
}

export function payLedger(lang: "zh" | "en"): PayLedger {
  const cells = payLedgerCells(lang);
  const h = findHeaderRow(cells);
  const map = mapHeaders(cells[h] ?? []);
  return readPayLedger(map, cells.slice(h + 1), { settings: DEFAULT_SETTINGS, firstRow: h + 2 });
}

export const BLACKLIST_CELLS = [
  ["供应商", "原因", "添加人", "日期"],
  ["义乌市宏达贸易有限公司", "收定金后失联", "张伟", "2026-10-02"],
];

export const blacklist = () => buildBlacklist(BLACKLIST_CELLS);

export function indexOf(ledger: PayLedger, id: string): number {
  const i = findOrder(ledger, id);
  if (i < 0) throw new Error(`no order ${id}`);
  return i;
}
