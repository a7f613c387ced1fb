/**
 * Days as the ledger writes them. Dates are UTC dates holding the wall-clock
 * day (see ledger/parse/date.ts), so a day is a whole number of UTC days since
 * 1970-01-01 and two dates are compared by their days, never by their times.
 */

const DAY_MS = 86_400_000;

/** The day number of a date (whole UTC days since 1970-01-01). */
export function dayOf(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** Whole days from one date to another (negative when `to` comes first). */
export function daysBetween(from: Date, to: Date): number {
  return dayOf(to) - dayOf(from);
}

/** The date `days` days after `date` (at midnight). */
export function addDays(date: Date, days: number): Date {
  return new Date((dayOf(date) + days) * DAY_MS);
}

/** "2026-12-02". */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
