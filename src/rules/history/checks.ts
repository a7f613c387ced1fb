import type { Check } from "../checks/check";
import { escrowWindow } from "./escrow-window";
import { lateDelivery } from "./late-delivery";
import { silentStore } from "./silent-store";

/**
 * The time-based checks of one order, run after the checks of DOMAIN.md's
 * table and only when an as-of date is given. The history across orders
 * (payee change, price drop) is in ledger.ts: it needs the supplier's other orders.
 */
export const HISTORY_CHECKS: readonly Check[] = [silentStore, lateDelivery, escrowWindow];
