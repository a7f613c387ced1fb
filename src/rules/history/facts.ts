import type { Facts } from "../types";
import type { RiskNow } from "./at-risk-now";

/** The money of a RiskNow as reason facts: `atRiskUsd`, and `paid`/`currency` in the order's own currency when known. */
export function formatMoneyFacts(now: RiskNow): Facts {
  const facts: Facts = {};
  if (now.usd !== undefined) facts.atRiskUsd = Math.round(now.usd);
  if (now.amount !== undefined) {
    facts.paid = now.amount.amount;
    facts.currency = now.amount.currency;
  }
  return facts;
}
