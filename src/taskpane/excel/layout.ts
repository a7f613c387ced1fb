/**
 * Where things live in a workbook: the Guard tables (settings, blacklist, its
 * log, supplier records) and the risk columns the task pane adds to a ledger.
 * Names here are part of the workbook format: formulas and teammates' copies
 * of the add-in depend on them, so they never change with the UI language.
 */

export const GUARD_SHEET = "Sourcing Guard";

export const TABLE = {
  settings: "GuardSettings",
  blacklist: "GuardBlacklist",
  log: "GuardBlacklistLog",
  suppliers: "GuardSuppliers",
  /** "Not the same company": entries that silence a possible blacklist match (typed by the team). */
  allow: "GuardAllowList",
} as const;
export type GuardTable = (typeof TABLE)[keyof typeof TABLE];

export const SETTINGS_COLUMNS = ["Key", "Value"] as const;
export const BLACKLIST_COLUMNS = [
  "Supplier",
  "Shop link",
  "Member id",
  "USCC",
  "Reason",
  "Date added",
  "Added by",
] as const;
export const LOG_COLUMNS = [...BLACKLIST_COLUMNS, "Removed on", "Removed by"] as const;
export const SUPPLIER_COLUMNS = [
  "Supplier key",
  "Supplier",
  "Shop link",
  "Member id",
  "USCC",
  "Store years",
  "Badges",
  "Business model",
  "Factory visit",
  "Samples",
  "Test reports",
  "Trial order",
  "Review score",
  "Review count",
  "Repeat rate",
  "Payment channel",
  "Risk score",
  "Risk level",
  "On-time %",
  "Defect %",
  "Disputes",
  "Grade",
  "Updated",
] as const;

/** The allow-list's columns, as GUARD.PAYCHECK's `allowlist` and `guard pay --allow` read them. */
export const ALLOW_COLUMNS = ["Supplier", "Blacklisted as", "Checked by", "Date", "Note"] as const;

/** Each Guard table's columns and its first column on the Guard sheet (tables sit side by side, one blank column apart). */
export const TABLE_LAYOUT: Record<GuardTable, { columns: readonly string[]; column: number }> = {
  GuardSettings: { columns: SETTINGS_COLUMNS, column: 0 },
  GuardBlacklist: { columns: BLACKLIST_COLUMNS, column: 3 },
  GuardBlacklistLog: { columns: LOG_COLUMNS, column: 11 },
  GuardSuppliers: { columns: SUPPLIER_COLUMNS, column: 21 },
  GuardAllowList: { columns: ALLOW_COLUMNS, column: 21 + SUPPLIER_COLUMNS.length + 1 },
};

/** Headers of the columns "Add risk columns" appends, in order. */
export const RISK_HEADERS = ["Risk score", "Risk level", "Reasons"] as const;

/** In every note Freeze results leaves (both languages), so Unfreeze removes that note and no other comment. */
export const FROZEN_MARK = "Sourcing Guard";

/** What the risk formulas pass as the blacklist and the settings. */
export const BLACKLIST_REF = TABLE.blacklist;
export const SETTINGS_REF = TABLE.settings;

/**
 * Every conditional format the task pane adds carries this marker in its
 * formula (`N("...")` is 0, so it never changes the result): "Flag" replaces
 * only marked rules, "Remove flags" deletes only marked rules.
 */
export const FLAG_MARKER = 'N("SourcingGuard:flag")=0';

export const FLAG_COLORS = {
  blacklisted: { fill: "#1F1F1F", font: "#FFFFFF" },
  HIGH: { fill: "#F8CBAD", font: "#9C0006" },
  MEDIUM: { fill: "#FFE699", font: "#7F6000" },
} as const;

/** The words a blacklisted reason shows in the Reasons column, in English and Chinese. */
export const BLACKLIST_WORDS = ["blacklist", "黑名单"] as const;
