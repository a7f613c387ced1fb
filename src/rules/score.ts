import type { Level, Order, Reason, Verdict } from "./types";
import type { Settings } from "./settings";
import type { BlacklistIndex } from "./blacklist";
import { moneyAtRisk, type MoneyAtRisk } from "./at-risk";
import { CHECKS } from "./checks";
import type { BatchFacts, CheckContext } from "./checks/check";
import { compactTracking } from "./identifiers/tracking";
import { normalizeCompanyName } from "./identifiers/supplier-key";

export interface ScoreOptions {
  settings: Settings;
  blacklist?: BlacklistIndex | undefined;
  /** Field ids the ledger has columns for (see CheckContext.fields). */
  fields?: ReadonlySet<string> | undefined;
  batch?: BatchFacts | undefined;
}

/** LOW below levels.medium, HIGH from levels.high. */
export function levelOf(score: number, settings: Settings): Level {
  if (score >= settings.levels.high) return "HIGH";
  if (score >= settings.levels.medium) return "MEDIUM";
  return "LOW";
}

/**
 * Scores one order: every check of DOMAIN.md section 2, then
 * score = min(100, sum of points), or 100 when the supplier is blacklisted.
 * @example scoreOrder(order, { settings: DEFAULT_SETTINGS }) // { score: 100, level: "HIGH", reasons: [...] }
 */
export function scoreOrder(order: Order, options: ScoreOptions): Verdict {
  return scoreIn(order, contextFor(options));
}

/** The context the checks see, built once per call (`atRisk` is set per order). */
function contextFor(options: ScoreOptions): CheckContext {
  const ctx: CheckContext = { settings: options.settings, atRisk: NOTHING_YET };
  if (options.blacklist) ctx.blacklist = options.blacklist;
  if (options.fields) ctx.fields = options.fields;
  if (options.batch) ctx.batch = options.batch;
  return ctx;
}

const NOTHING_YET: MoneyAtRisk = Object.freeze({ basis: "unknown" });

/** Scores one order with a context shared by the orders of one call. */
function scoreIn(order: Order, ctx: CheckContext): Verdict {
  const settings = ctx.settings;
  ctx.atRisk = moneyAtRisk(order, settings);
  const reasons: Reason[] = [];
  let sum = 0;
  let listed = false;
  for (const check of CHECKS) {
    const found = check.run(order, ctx);
    if (found === undefined) continue;
    if (Array.isArray(found)) {
      for (const r of found) {
        reasons.push(r);
        sum += r.points;
      }
    } else {
      reasons.push(found);
      sum += found.points;
      if (found.rule === "blacklisted") listed = true;
    }
  }
  const score = listed ? 100 : Math.min(100, Math.round(sum));
  return { score, level: levelOf(score, settings), reasons };
}

/** The key that tells two suppliers apart when comparing rows. */
export function orderSupplierKey(order: Order): string | undefined {
  const s = order.supplier;
  if (s.name) {
    const key = nameKey(s.name);
    if (key) return key;
  }
  if (s.memberId) return `member:${s.memberId.trim().toLowerCase()}`;
  if (s.shopUrl) return `url:${s.shopUrl.trim().toLowerCase()}`;
  return undefined;
}

/** Supplier names repeat on many rows: each distinct name's key is built once ("" for no key). */
const nameKeys = new Map<string, string>();

function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    const normal = normalizeCompanyName(name);
    key = normal ? `name:${normal}` : "";
    if (nameKeys.size >= 4096) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

/**
 * Most tracking numbers have one supplier: they share one read-only set per
 * supplier key (marked in `SHARED`, never added to) instead of a set each.
 */
const SHARED = new WeakSet<ReadonlySet<string>>();
const singletons = new Map<string, Set<string>>();

function singleton(key: string): Set<string> {
  let set = singletons.get(key);
  if (set === undefined) {
    set = new Set([key]);
    SHARED.add(set);
    if (singletons.size >= 4096) singletons.clear();
    singletons.set(key, set);
  }
  return set;
}

/** Collects facts across rows: which suppliers used each tracking number. */
export function batchFacts(orders: Iterable<Order>, into?: Map<string, Set<string>>): BatchFacts {
  const map = into ?? new Map<string, Set<string>>();
  for (const order of orders) {
    const number = order.trackingNumber?.trim();
    if (!number) continue;
    const key = orderSupplierKey(order);
    if (!key) continue;
    const compact = compactTracking(number);
    const set = map.get(compact);
    if (set === undefined) map.set(compact, singleton(key));
    else if (set.has(key)) continue;
    else if (SHARED.has(set)) map.set(compact, new Set([...set, key]));
    else set.add(key);
  }
  return { trackingSuppliers: map };
}

/**
 * The facts with only the numbers that more than one supplier used: what the
 * checks look for, in a map small enough to stay in cache.
 */
function sharedOnly(facts: BatchFacts): BatchFacts {
  const shared = new Map<string, ReadonlySet<string>>();
  for (const [number, suppliers] of facts.trackingSuppliers) {
    if (suppliers.size > 1) shared.set(number, suppliers);
  }
  return { trackingSuppliers: shared };
}

/**
 * Scores the orders read together (a ledger, a spilled range): each as
 * scoreOrder does, plus the facts across them (one tracking number on
 * orders of different suppliers).
 */
export function scoreOrders(orders: readonly Order[], options: ScoreOptions): Verdict[] {
  const ctx = contextFor({ ...options, batch: options.batch ?? sharedOnly(batchFacts(orders)) });
  return orders.map((order) => scoreIn(order, ctx));
}
