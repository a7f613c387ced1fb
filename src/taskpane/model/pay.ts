/**
 * The "Before you pay" card's model: the verdict on the next payment of the
 * selected ledger row (src/rules/pay), as the pane shows it. Reads the cells
 * useLedger already holds (header row first); nothing here reads Excel.
 */
import { mapHeaders } from "../../ledger/header";
import { parseMoney } from "../../ledger/parse/money";
import { findRow, judgePayment, readPayLedger, type PayLedger } from "../../ledger/pay-ledger";
import type { BlacklistIndex } from "../../rules/blacklist";
import { buildAllowList } from "../../rules/blacklist-possible";
import { InputError } from "../../rules/input-error";
import { formatMoney } from "../../rules/money";
import { explainPay } from "../../rules/pay/explain";
import type { PayAction, PayFinding } from "../../rules/pay/types";
import type { Settings } from "../../rules/settings";
import type { CellValue, Lang } from "../../rules/types";
import { columnOverrides } from "./assess";
import { buildDossier, dossierCells, dossierOrders, ledgerLanguage } from "../../ledger/dossier";

export interface PayLine {
  action: PayFinding["action"];
  rule: PayFinding["rule"];
  text: string;
}

export type PayCardModel =
  | {
      kind: "verdict";
      verdict: PayAction;
      orderId: string;
      row: number;
      supplier: string;
      /** The payment judged, formatted ("US$700"). */
      amount: string;
      reasons: PayLine[];
      checked: PayLine[];
    }
  /**
   * The selected row cannot be judged as it stands: why. `info` when only an amount is
   * missing (the order is paid in full, or has no total), `warning` for a typed amount
   * that is not one.
   */
  | { kind: "error"; intent: "info" | "warning"; message: string };

export interface PayCardOptions {
  settings: Settings;
  blacklist: BlacklistIndex | undefined;
  /** The GuardAllowList table's rows ("not the same company"), when the workbook has one. */
  allowCells?: readonly (readonly CellValue[])[] | undefined;
  asOf: Date;
  /** The amount typed in the card; "" for the rest of the order. */
  amountText: string;
  lang: Lang;
}

const ledgers = new WeakMap<readonly (readonly CellValue[])[], { settings: Settings; ledger: PayLedger }>();

/** The cells read as a pay ledger, once per cells and settings. */
export function payLedgerOf(
  cells: readonly (readonly CellValue[])[],
  settings: Settings,
): PayLedger | undefined {
  const known = ledgers.get(cells);
  if (known && known.settings === settings) return known.ledger;
  const map = mapHeaders(cells[0] ?? [], columnOverrides(settings));
  if (Object.keys(map.byField).length === 0) return undefined;
  const ledger = readPayLedger(map, cells.slice(1), { settings, firstRow: 2 });
  ledgers.set(cells, { settings, ledger });
  return ledger;
}

/**
 * The card for the data row `index` (0-based under the header); undefined
 * when that row holds no order (blank, a totals row, no recognised column).
 * @example payCard(cells, 2, { settings, blacklist, asOf, amountText: "", lang: "en" }) // { kind: "verdict", verdict: "HOLD", ... }
 */
export function payCard(
  cells: readonly (readonly CellValue[])[],
  index: number,
  options: PayCardOptions,
): PayCardModel | undefined {
  const { settings, lang } = options;
  const ledger = payLedgerOf(cells, settings);
  if (ledger === undefined) return undefined;
  const at = findRow(ledger, index + 2);
  const order = ledger.orders[at];
  if (order === undefined) return undefined;
  const currency = order.total?.currency ?? order.amountPaid?.currency ?? settings.defaultCurrency;
  let amount;
  if (options.amountText.trim() !== "") {
    const parsed = parseMoney(options.amountText, currency);
    if (!parsed.ok || parsed.value === undefined || !(parsed.value.amount > 0)) {
      return {
        kind: "error",
        intent: "warning",
        message:
          lang === "zh"
            ? `“${options.amountText}”不是付款金额：请写 700 或 US$700 之类的正数`
            : `"${options.amountText}" is not an amount to pay: write a positive amount such as 700 or US$700`,
      };
    }
    amount = parsed.value;
  }
  try {
    const allow = options.allowCells ? buildAllowList(options.allowCells) : undefined;
    const v = judgePayment(ledger, at, {
      settings,
      amount,
      asOf: options.asOf,
      blacklist: options.blacklist,
      allow,
    });
    const line = (f: PayFinding): PayLine => ({ action: f.action, rule: f.rule, text: explainPay(f, lang) });
    return {
      kind: "verdict",
      verdict: v.verdict,
      orderId: order.orderId ?? "",
      row: order.row,
      supplier: order.supplier.name ?? order.supplier.memberId ?? order.supplier.shopUrl ?? "",
      amount: formatMoney(v.amount),
      reasons: v.reasons.map(line),
      checked: v.checked.map(line),
    };
  } catch (e) {
    if (e instanceof InputError) {
      const message = lang === "zh" ? e.messageZh : e.message;
      return { kind: "error", intent: amount === undefined ? "info" : "warning", message };
    }
    throw e;
  }
}

/**
 * The dispute dossier of the selected row's order (or, for a row without an
 * order id, its supplier) as the rows of a new sheet, in the ledger's
 * language; undefined when the row holds no order.
 */
export function dossierRows(
  cells: readonly (readonly CellValue[])[],
  index: number,
  options: Omit<PayCardOptions, "amountText" | "lang"> & { sheet: string },
): string[][] | undefined {
  const { settings, asOf } = options;
  const ledger = payLedgerOf(cells, settings);
  const order = ledger?.orders[ledger ? findRow(ledger, index + 2) : -1];
  if (ledger === undefined || order === undefined) return undefined;
  const by = order.orderId !== undefined ? { order: order.orderId } : { supplier: order.supplier.name ?? "" };
  const indices = dossierOrders(ledger, settings, asOf, by);
  if (indices.length === 0) return undefined;
  const dossier = buildDossier(ledger, indices, {
    settings,
    asOf,
    lang: ledgerLanguage(ledger.map.headers),
    blacklist: options.blacklist,
    allow: options.allowCells ? buildAllowList(options.allowCells) : undefined,
    source: options.sheet,
  });
  return dossierCells(dossier);
}
