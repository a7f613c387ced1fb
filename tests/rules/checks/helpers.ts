import type { Order } from "../../../src/rules/types";
import { DEFAULT_SETTINGS, parseSettings } from "../../../src/rules/settings";
import type { Settings } from "../../../src/rules/settings";
import { moneyAtRisk } from "../../../src/rules/at-risk";
import type { BatchFacts, Check, CheckContext } from "../../../src/rules/checks/check";
import type { Reason } from "../../../src/rules/types";

/** An order with nothing known but what the test says. */
export function order(partial: Partial<Order> = {}): Order {
  return { row: 2, supplier: {}, payment: "escrow", ...partial };
}

export interface RunOptions {
  settings?: Settings | object;
  fields?: string[];
  batch?: BatchFacts;
  blacklist?: CheckContext["blacklist"];
}

/** Runs one check the way scoreOrder does and returns its reasons as a list. */
export function run(check: Check, o: Order, options: RunOptions = {}): Reason[] {
  const settings = options.settings
    ? "levels" in options.settings
      ? (options.settings as Settings)
      : parseSettings(options.settings)
    : DEFAULT_SETTINGS;
  const ctx: CheckContext = { settings, atRisk: moneyAtRisk(o, settings) };
  if (options.fields) ctx.fields = new Set(options.fields);
  if (options.batch) ctx.batch = options.batch;
  if (options.blacklist) ctx.blacklist = options.blacklist;
  const found = check.run(o, ctx);
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

export const cny = (amount: number) => ({ amount, currency: "CNY" });
export const usd = (amount: number) => ({ amount, currency: "USD" });
