import type { Facts, Money } from "../types";

/**
 * The verdict on a payment about to leave: PAY, HOLD (wait for what is
 * missing) or STOP (do not pay until the named fact is cleared).
 */
export type PayAction = "PAY" | "HOLD" | "STOP";

/** The pay rules, each a stable id (reasons and the JSON output carry them). */
export const PAY_RULE_IDS = [
  "payee-account",
  "payee-company",
  "blacklisted",
  "possible-match",
  "deposit",
  "channel",
  "exposure",
  "overdue",
] as const;
export type PayRuleId = (typeof PAY_RULE_IDS)[number];

/**
 * One finding of a pay rule: `action` STOP or HOLD for a reason, OK for what
 * was checked and found in order, UNKNOWN for what the ledger cannot tell.
 */
export interface PayFinding {
  rule: PayRuleId;
  code: string;
  action: "STOP" | "HOLD" | "OK" | "UNKNOWN";
  facts: Facts;
}

export interface PayVerdict {
  verdict: PayAction;
  /** The payment judged, in the order's currency. */
  amount: Money;
  /** USD figure of the payment, when the currency has a rate. */
  amountUsd: number | undefined;
  /** STOP and HOLD findings, STOP first. */
  reasons: PayFinding[];
  /** What was checked and found in order (OK), or could not be told (UNKNOWN). */
  checked: PayFinding[];
}

/**
 * Facts of an order's row only the pay verdict and the dossier read (the
 * ledger's pay-facts.ts reads them from the cells): a "payee confirmed"
 * column, the supplier's phone, the links to the evidence.
 */
export interface PayFacts {
  /** TRUE when the column says the (new) payee account was confirmed by phone. */
  payeeConfirmed?: boolean | undefined;
  /** The column's note as written ("已电话核实 11-30 张伟"), when it holds more than yes/no. */
  payeeConfirmedNote?: string | undefined;
  phone?: string | undefined;
  chat?: string | undefined;
  receipt?: string | undefined;
  photo?: string | undefined;
}
