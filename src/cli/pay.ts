import "../rules/pinyin";
import { UnknownFieldError, findHeaderRow, mapHeaders } from "../ledger/header";
import { parseMoney } from "../ledger/parse/money";
import { findOrder, judgePayment, readPayLedger, type PayLedger } from "../ledger/pay-ledger";
import type { BlacklistIndex } from "../rules/blacklist";
import { buildAllowList, type AllowList } from "../rules/blacklist-possible";
import { InputError } from "../rules/input-error";
import { formatMoney } from "../rules/money";
import { explainPay, payWord } from "../rules/pay/explain";
import type { PayFinding, PayVerdict } from "../rules/pay/types";
import type { Settings } from "../rules/settings";
import type { Lang, Money } from "../rules/types";
import { CliError, EXIT, formatLocation, type CellLocation } from "./errors";
import { readTable } from "./io";
import { loadBlacklistFile, loadSettingsFile } from "./inputs";
import { overridesOf } from "./score";

export interface PayCliOptions {
  file: string;
  order: string;
  amount?: string | undefined;
  asOf?: Date | undefined;
  json: boolean;
  lang?: Lang | undefined;
  settings?: string | undefined;
  blacklist?: string | undefined;
  /** A csv/xlsx allow-list ("not the same company": supplier, blacklisted name, who, when). */
  allow?: string | undefined;
  sheet?: string | undefined;
}

/** A ledger file read for paying (and for the dossier): its table, header and pay ledger. */
export interface LoadedLedger {
  ledger: PayLedger;
  settings: Settings;
  blacklist: BlacklistIndex | undefined;
  sheetName: string | undefined;
}

/** Reads the ledger file, settings and blacklist; exits 2 (CliError) when the ledger is unusable. */
export async function loadPayLedger(options: {
  file: string;
  settings?: string | undefined;
  blacklist?: string | undefined;
  sheet?: string | undefined;
}): Promise<LoadedLedger> {
  const settings = await loadSettingsFile(options.settings);
  const blacklist = await loadBlacklistFile(options.blacklist);
  const table = await readTable(options.file, options.sheet === undefined ? {} : { sheet: options.sheet });
  const overrides = overridesOf(settings.columns);
  const h = findHeaderRow(table.cells, 30, overrides);
  if (h < 0) {
    throw new CliError(
      `${formatLocation({ file: options.file, sheet: table.sheetName })}: no header row found (expected headers such as 供应商, 付款方式, Order total in the first 30 rows)`,
    );
  }
  let map;
  try {
    map = mapHeaders(table.cells[h] ?? [], overrides);
  } catch (e) {
    if (e instanceof UnknownFieldError) throw new CliError(`${options.settings ?? "settings"}: ${e.message}`);
    throw e;
  }
  const ledger = readPayLedger(map, table.cells.slice(h + 1), { settings, firstRow: h + 2 });
  return { ledger, settings, blacklist, sheetName: table.sheetName };
}

function findingJson(f: PayFinding, lang: Lang) {
  return { rule: f.rule, code: f.code, action: f.action, message: explainPay(f, lang), facts: f.facts };
}

/** The verdict as JSON: `verdict`, the order, the payment and the reasons with their rule ids. */
export function payJson(v: PayVerdict, ledger: PayLedger, index: number, lang: Lang) {
  const order = ledger.orders[index];
  return {
    verdict: v.verdict,
    order: order?.orderId ?? null,
    row: order?.row ?? null,
    supplier: order?.supplier.name ?? order?.supplier.memberId ?? null,
    amount: v.amount,
    amountUsd: v.amountUsd === undefined ? null : Math.round(v.amountUsd * 100) / 100,
    reasons: v.reasons.map((f) => findingJson(f, lang)),
    checked: v.checked.map((f) => findingJson(f, lang)),
  };
}

const MARK: Record<PayFinding["action"], string> = {
  STOP: "STOP",
  HOLD: "HOLD",
  OK: "ok  ",
  UNKNOWN: "?   ",
};

/** The verdict as lines a buyer reads. */
export function payText(v: PayVerdict, ledger: PayLedger, index: number, lang: Lang): string[] {
  const order = ledger.orders[index];
  const who = order?.supplier.name ?? order?.supplier.memberId ?? "";
  const money = formatMoney(v.amount);
  const head =
    lang === "zh"
      ? `${payWord(v.verdict, lang)}  订单 ${order?.orderId ?? ""}（第 ${order?.row ?? ""} 行）：付 ${money} 给 ${who}`
      : `${v.verdict}  order ${order?.orderId ?? ""} (row ${order?.row ?? ""}): pay ${money} to ${who}`;
  const lines = [head];
  for (const f of v.reasons) lines.push(`  ${MARK[f.action]} ${f.rule}: ${explainPay(f, lang)}`);
  lines.push(lang === "zh" ? "已检查：" : "Checked:");
  for (const f of v.checked) lines.push(`  ${MARK[f.action]} ${f.rule}: ${explainPay(f, lang)}`);
  return lines;
}

/** Reads --allow into an allow-list. */
export async function loadAllowFile(file: string | undefined): Promise<AllowList | undefined> {
  if (file === undefined) return undefined;
  return buildAllowList((await readTable(file)).cells);
}

function where(file: string, sheet: string | undefined, row?: number | undefined): CellLocation {
  const at: CellLocation = { file };
  if (sheet !== undefined) at.sheet = sheet;
  if (row !== undefined) at.row = row;
  return at;
}

function readAmount(text: string | undefined, currency: string): Money | undefined {
  if (text === undefined) return undefined;
  const parsed = parseMoney(text, currency);
  if (!parsed.ok || parsed.value === undefined || !(parsed.value.amount > 0)) {
    throw new CliError(`--amount needs a positive amount such as 700 or US$700, not "${text}"`);
  }
  return parsed.value;
}

/**
 * `guard pay LEDGER --order ID [--amount N] [--as-of DATE] [--json]`: the
 * verdict on paying the order now. Exit 0 for PAY, 1 for HOLD or STOP, 2 for
 * unusable input (no such order, no amount to pay, a bad file).
 */
export async function runPay(options: PayCliOptions, out: (line: string) => void): Promise<number> {
  const { ledger, settings, blacklist, sheetName } = await loadPayLedger(options);
  const lang = options.lang ?? settings.language;
  const index = findOrder(ledger, options.order);
  if (index < 0) {
    throw new CliError(`${formatLocation(where(options.file, sheetName))}: no order "${options.order}"`);
  }
  const order = ledger.orders[index];
  const currency = order?.total?.currency ?? order?.amountPaid?.currency ?? settings.defaultCurrency;
  let verdict: PayVerdict;
  try {
    verdict = judgePayment(ledger, index, {
      settings,
      amount: readAmount(options.amount, currency),
      asOf: options.asOf,
      blacklist,
      allow: await loadAllowFile(options.allow),
    });
  } catch (e) {
    if (e instanceof InputError) {
      throw new CliError(`${formatLocation(where(options.file, sheetName, order?.row))}: ${e.message}`);
    }
    throw e;
  }
  if (options.json) out(JSON.stringify(payJson(verdict, ledger, index, lang)));
  else for (const line of payText(verdict, ledger, index, lang)) out(line);
  return verdict.verdict === "PAY" ? EXIT.ok : EXIT.high;
}
