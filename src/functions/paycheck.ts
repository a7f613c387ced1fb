import "../rules/pinyin";
import { parseMoney } from "../ledger/parse/money";
import { buildAllowList } from "../rules/blacklist-possible";
import type { HeaderMap } from "../ledger/header";
import { findOrder, findRow, judgePayment, readPayLedger, type PayLedger } from "../ledger/pay-ledger";
import type { Settings } from "../rules/settings";
import { summarizePay } from "../rules/pay/explain";
import type { PayVerdict } from "../rules/pay/types";
import type { CellValue, Money } from "../rules/types";
import { badArgument, isOmitted, toMatrix, toScalar } from "./args";
import { fitCell, readBlacklistArg, readLedgerArgs, readSettings, readTodayArg } from "./risk";
import { NotAvailable } from "./safely";

/**
 * The body of GUARD.PAYCHECK: read the ledger (its header row and data rows),
 * find the row to pay (the row's own cells, or its order id), and judge the
 * payment (src/rules/pay) in the settings' language.
 */

function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  const blank = (v: CellValue) => v === null || v === undefined || v === "";
  return blank(a) && blank(b);
}

/** Position in `rows` of the row with exactly these cells, or -1. */
function rowIndexOf(rows: readonly (readonly CellValue[])[], cells: readonly CellValue[]): number {
  return rows.findIndex((r) => r.length === cells.length && r.every((v, i) => sameCell(v, cells[i])));
}

/** The `amount` argument: a number in the order's currency, or text such as "US$700" or "¥10,800". */
function readPayAmount(v: unknown, currency: string): Money | undefined {
  if (isOmitted(v)) return undefined;
  const parsed = parseMoney(toScalar(v, "amount"), currency);
  if (!parsed.ok) return badArgument("amount", parsed.message, parsed.messageZh ?? parsed.message);
  if (parsed.value === undefined || !(parsed.value.amount > 0)) {
    return badArgument(
      "amount",
      "expected a positive amount such as 700 or US$700",
      "应为正数金额，例如 700 或 US$700",
    );
  }
  return parsed.value;
}

/**
 * The last ledger read, kept while its cells stay the same: a column of
 * PAYCHECK formulas hands every call the same ledger, and reading it once
 * instead of once per row turns a recalculation from quadratic to linear. The
 * cells are compared one by one with the kept copy (`toMatrix` made it), so
 * the cache never changes a result.
 */
let last:
  | { headerRow: CellValue[]; data: CellValue[][]; settings: Settings; map: HeaderMap; ledger: PayLedger }
  | undefined;

function sameRows(a: readonly (readonly CellValue[])[], b: readonly (readonly CellValue[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r] as readonly CellValue[];
    const y = b[r] as readonly CellValue[];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) {
      const u = x[c];
      const v = y[c];
      if (u !== v && !(u instanceof Date && v instanceof Date && u.getTime() === v.getTime())) return false;
    }
  }
  return true;
}

function payLedgerFor(
  map: HeaderMap,
  headerRow: CellValue[],
  data: CellValue[][],
  settings: Settings,
): PayLedger {
  if (
    last !== undefined &&
    last.settings === settings &&
    last.map === map &&
    sameRows([last.headerRow], [headerRow]) &&
    sameRows(last.data, data)
  ) {
    return last.ledger;
  }
  const ledger = readPayLedger(map, data, { settings, firstRow: 1 });
  last = { headerRow, data, settings, map, ledger };
  return ledger;
}

export interface PayCheckResult {
  verdict: PayVerdict;
  text: string;
}

/** Judges the payment; throws InputError, SettingsError or NotAvailable (the function maps them to errors). */
export function payCheck(
  headers: unknown,
  ledgerArg: unknown,
  rowArg: unknown,
  amountArg: unknown,
  todayArg: unknown,
  blacklistArg: unknown,
  settingsArg: unknown,
  allowArg?: unknown,
): PayCheckResult {
  const { settings } = readSettings(settingsArg);
  const { map, headerRow, data } = readLedgerArgs(headers, ledgerArg, settings, "ledger");
  const ledger = payLedgerFor(map, headerRow, data, settings);
  // The row to pay: its cells (Orders[@], A5:Z5) found in the ledger, or its order id.
  let index: number;
  const rowCells = Array.isArray(rowArg) ? toMatrix(rowArg) : undefined;
  if (rowCells !== undefined && rowCells.length === 1 && (rowCells[0]?.length ?? 0) === headerRow.length) {
    const at = rowIndexOf(data, rowCells[0] ?? []);
    index = at < 0 ? -1 : findRow(ledger, at + 1);
    if (index < 0) {
      throw new NotAvailable(
        "row: these cells are not a row of the ledger (give the row of the same table, or its order id)",
        "row：这些单元格不是台账中的一行（请给出同一表格的行，或其订单编号）",
      );
    }
  } else {
    const id = toScalar(rowArg, "row");
    if (isOmitted(id))
      badArgument(
        "row",
        "give the row to pay (e.g. Orders[@]) or its order id",
        "请给出要付款的行（如 Orders[@]）或订单编号",
      );
    index = findOrder(ledger, String(id));
    if (index < 0) {
      throw new NotAvailable(
        `row: no order "${String(id)}" in the ledger`,
        `row：台账中没有订单“${String(id)}”`,
      );
    }
  }
  const order = ledger.orders[index];
  const currency = order?.total?.currency ?? order?.amountPaid?.currency ?? settings.defaultCurrency;
  const verdict = judgePayment(ledger, index, {
    settings,
    amount: readPayAmount(amountArg, currency),
    asOf: readTodayArg(todayArg, false),
    blacklist: readBlacklistArg(blacklistArg),
    allow: isOmitted(allowArg) ? undefined : buildAllowList(toMatrix(allowArg)),
  });
  return { verdict, text: fitCell(summarizePay(verdict, settings.language)) };
}
