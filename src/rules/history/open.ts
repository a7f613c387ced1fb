import type { Order } from "../types";
import { dayOf } from "./dates";

/**
 * Where an order stood on the as-of date. Dates after it are not known yet:
 * goods received later were not received then, an order placed later did not
 * exist.
 */

/** The day the order started: paid, else ordered (undefined when the ledger has neither date). */
export function startOf(order: Order): Date | undefined {
  const h = order.history;
  return h === undefined ? undefined : (h.paidDate ?? h.orderDate);
}

/** Whether the order was placed after the as-of date (then nothing about it counts yet). */
export function isLater(order: Order, asOf: Date): boolean {
  const start = startOf(order);
  return start !== undefined && dayOf(start) > dayOf(asOf);
}

/** Received by the as-of date: received, and (when the date of receipt is known) not after it. */
export function receivedBy(order: Order, asOf: Date): boolean | undefined {
  if (order.received !== true) return order.received;
  const date = order.history?.receivedDate;
  return date === undefined || dayOf(date) <= dayOf(asOf);
}

/**
 * Known to be open on the as-of date: not received and not closed. An order
 * whose receipt the ledger cannot tell (no status, received or date-of-receipt
 * column) is not known to be open: the time-based checks stay silent on it.
 */
export function isOpen(order: Order, asOf: Date, fields: ReadonlySet<string> | undefined): boolean {
  if (order.status === "closed" || isLater(order, asOf)) return false;
  const received = receivedBy(order, asOf);
  if (received !== undefined) return !received;
  // A blank cell in a received column (or a date of receipt still to come) means not received yet.
  return fields !== undefined && (fields.has("received") || fields.has("receivedDate"));
}
