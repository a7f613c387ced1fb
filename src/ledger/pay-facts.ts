import type { CellValue, Order } from "../rules/types";
import type { PayFacts } from "../rules/pay/types";
import type { FieldId } from "./fields";
import type { HeaderMap } from "./header";
import { parseYesNo } from "./parse/bool";
import { integerDigits } from "../rules/digits";
import { isPlaceholder, normalizeText } from "./parse/text";

/**
 * The columns only the pay verdict and the dispute dossier read (fields.ts,
 * the issue 18 block): whether a new payee account was confirmed by phone,
 * the supplier's phone, and the links to the evidence (chat, receipt, photos).
 * Read from the cells beside `readOrders`, so scoring never changes with them.
 */
export type { PayFacts };

const TEXT_FIELDS: ReadonlyArray<[FieldId, "phone" | "chat" | "receipt" | "photo"]> = [
  ["supplierPhone", "phone"],
  ["chatLink", "chat"],
  ["receiptLink", "receipt"],
  ["photoLink", "photo"],
];

function cellText(v: CellValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return Number.isInteger(v) ? integerDigits(v) : String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  const text = normalizeText(String(v));
  return text === "" || isPlaceholder(text) ? undefined : text;
}

/** Yes/no words; any other note ("已电话核实 11-30") means yes, as evidence columns read. */
function confirmed(v: CellValue): boolean | undefined {
  const text = cellText(v);
  if (text === undefined) return undefined;
  const yesNo = parseYesNo(v);
  if (yesNo.ok && yesNo.value !== undefined) return yesNo.value;
  if (typeof v === "number") return v !== 0;
  return true;
}

/** A cell that says only yes or no (anything longer is a note worth showing: who confirmed, when). */
const BARE_YES_NO = /^(是|否|有|无|已|未|y|n|yes|no|true|false|ok|✓|✗|√|×|1|0)$/i;

/** Whether the ledger has any of the columns read here. */
export function hasPayFactColumns(map: HeaderMap): boolean {
  return map.byField.payeeConfirmed !== undefined || TEXT_FIELDS.some(([f]) => map.byField[f] !== undefined);
}

/**
 * Per order (same positions as `orders`), the facts of its row; a 1688
 * continuation row (same order id) takes what it lacks from the order's row.
 * `firstRow` is the sheet row of `rows[0]`, as given to `readOrders`.
 * @example readPayFacts(map, rows, orders, 2)[0].payeeConfirmed // true for "已电话核实"
 */
export function readPayFacts(
  map: HeaderMap,
  rows: readonly (readonly CellValue[])[],
  orders: readonly Order[],
  firstRow: number,
): PayFacts[] {
  const confirmColumn = map.byField.payeeConfirmed;
  const out: PayFacts[] = [];
  let previous: PayFacts | undefined;
  let previousId: string | undefined;
  for (const order of orders) {
    const row = rows[order.row - firstRow] ?? [];
    const facts: PayFacts = {};
    if (confirmColumn !== undefined) {
      const v = row[confirmColumn];
      facts.payeeConfirmed = confirmed(v);
      const text = cellText(v);
      if (text !== undefined && !BARE_YES_NO.test(text)) facts.payeeConfirmedNote = text;
    }
    for (const [field, key] of TEXT_FIELDS) {
      const column = map.byField[field];
      if (column !== undefined) facts[key] = cellText(row[column]);
    }
    if (previous !== undefined && order.orderId !== undefined && order.orderId === previousId) {
      facts.payeeConfirmed ??= previous.payeeConfirmed;
      facts.payeeConfirmedNote ??= previous.payeeConfirmedNote;
      for (const [, key] of TEXT_FIELDS) facts[key] ??= previous[key];
    }
    out.push(facts);
    previous = facts;
    previousId = order.orderId;
  }
  return out;
}
