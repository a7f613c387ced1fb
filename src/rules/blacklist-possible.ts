import type { BlacklistEntry } from "./blacklist";

/**
 * Possible blacklist matches: a supplier that is not the same by any exact
 * identifier, yet close enough to a blacklisted one that a buyer must look
 * before paying (a HOLD with the evidence, never a silent hard hit).
 */
export interface PossibleMatch {
  /** The blacklist entry it may be. */
  entry: BlacklistEntry;
  /** How the two meet. */
  basis: "name" | "pinyin" | "payee_account" | "phone" | "uscc" | "member";
  /** The supplier's value (its name, account, phone...). */
  value: string;
  /** The blacklisted side's value it meets. */
  listed: string;
  /** For a shared identifier: the blacklisted supplier of the ledger that carries it, and its row. */
  via?: string | undefined;
  viaRow?: number | undefined;
}
