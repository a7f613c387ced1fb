/**
 * The ledger read over time: money at risk on a day, the time-based checks of
 * one order, and each supplier's record across its orders. The public face of
 * src/rules/history for the front ends (functions, task pane, command line).
 */
export { moneyAtRiskOn, type RiskNow } from "./at-risk-now";
export { HISTORY_CHECKS } from "./checks";
export { addDays, dayOf, daysBetween, isoDay } from "./dates";
export {
  ledgerHistory,
  supplierHistory,
  withReasons,
  type HistoryOptions,
  type LedgerHistory,
  type PayeeChange,
  type PriceDrop,
  type SupplierHistory,
} from "./ledger";
export { isOpen, receivedBy } from "./open";
export { groupSuppliers, type SupplierGroups } from "./suppliers";
