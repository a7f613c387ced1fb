import type { Facts, Order, Reason, RuleId } from "../types";
import type { Settings } from "../settings";
import type { BlacklistIndex } from "../blacklist";
import type { MoneyAtRisk } from "../at-risk";
import type { RiskNow } from "../history/at-risk-now";

/** What a check may know besides the order itself. */
export interface CheckContext {
  settings: Settings;
  blacklist?: BlacklistIndex | undefined;
  /**
   * Field ids the ledger has columns for. A field outside this set is unknown
   * (the check stays silent); a field inside it with an empty cell means "not
   * recorded", which the guide treats as missing evidence. Without this set
   * (a single order typed into a form), every absent fact counts as not recorded.
   */
  fields?: ReadonlySet<string> | undefined;
  /** Facts across the orders scored together. */
  batch?: BatchFacts | undefined;
  /** Money paid before receipt, computed once per order. */
  atRisk: MoneyAtRisk;
  /** The day the ledger is judged on: the history checks run only when it is given. */
  asOf?: Date | undefined;
  /** Money at risk on `asOf` with its age, computed once per order (only when `asOf` is given). */
  now?: RiskNow | undefined;
}

export interface BatchFacts {
  /** Compact tracking number → distinct supplier keys that used it. */
  trackingSuppliers: ReadonlyMap<string, ReadonlySet<string>>;
}

/** One rule of DOMAIN.md section 2. */
export interface Check {
  id: RuleId;
  /**
   * The ledger fields without which the check can find nothing: when the
   * ledger's fields (`CheckContext.fields`) include none of them, the check is
   * not run at all. Absent: the check always runs (it reads facts every ledger
   * has, such as the payment channel, or context such as the blacklist).
   * tests/rules/checks/index.test.ts reads generated ledgers lacking these
   * columns and asserts the check indeed finds nothing.
   */
  fields?: readonly string[];
  run(order: Order, ctx: CheckContext): Reason | Reason[] | undefined;
}

/** Builds a reason. */
export function reason(rule: RuleId, code: string, points: number, facts: Facts = {}): Reason {
  return { rule, code, points: Math.round(points * 10) / 10, facts };
}

/**
 * Whether the ledger records a piece of evidence: "yes", "no" (column there,
 * cell empty or no), or "unknown" (the ledger has no such column).
 */
export function evidence(
  value: boolean | undefined,
  field: string,
  ctx: CheckContext,
): "yes" | "no" | "unknown" {
  if (value === true) return "yes";
  if (value === false) return "no";
  if (ctx.fields && !ctx.fields.has(field)) return "unknown";
  return "no";
}

/** Whether the ledger can tell us about a field at all. */
export function hasField(field: string, ctx: CheckContext): boolean {
  return !ctx.fields || ctx.fields.has(field);
}
