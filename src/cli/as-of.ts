import { parseDate } from "../ledger/parse/date";
import { CliError } from "./errors";

/**
 * Reads --as-of: a date such as 2026-06-30 (2026/6/30, 2026年6月30日), or
 * "today" (the local calendar day). Undefined when the flag is not given.
 */
export function parseAsOf(text: string | undefined, today: Date = new Date()): Date | undefined {
  if (text === undefined) return undefined;
  if (text.trim().toLowerCase() === "today") {
    return new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  }
  const parsed = parseDate(text);
  if (!parsed.ok || parsed.value === undefined) {
    throw new CliError(`--as-of needs a date such as 2026-06-30 or "today", not "${text}"`);
  }
  const d = parsed.value;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
