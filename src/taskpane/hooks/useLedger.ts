/**
 * The ledger as the checks see it: the team's settings and blacklist from the
 * Guard tables, the column mapping, every row's verdict (what its risk
 * formula computes), and the summary with the findings across rows.
 */
import { useMemo } from "react";
import { type BlacklistIndex, blacklistFor } from "../../rules/blacklist";
import {
  DEFAULT_SETTINGS,
  type Settings,
  SettingsError,
  settingsFromPairs,
  type SettingsIssue,
} from "../../rules/settings";
import type { Level } from "../../rules/types";
import type { WorkbookSnapshot } from "../excel/gateway";
import type { Ledger } from "../excel/plan";
import { type AssessedRow, type Assessment, assessLedger, type LedgerFindings } from "../model/assess";

export interface LedgerSummary {
  counts: Record<Level, number>;
  unreadable: number;
  /** MEDIUM and HIGH rows, riskiest first (at most 8). */
  riskiest: AssessedRow[];
  /** What only the whole ledger shows (the per-row formulas cannot). */
  findings: LedgerFindings;
}

export interface LedgerView {
  ledger: Ledger | undefined;
  settings: Settings;
  /** Problems in the settings table (then the defaults are used). */
  settingsIssues: SettingsIssue[];
  blacklist: BlacklistIndex | undefined;
  assessment: Assessment | undefined;
  summary: LedgerSummary | undefined;
  /** The selected ledger row, read and scored. */
  selected: AssessedRow | undefined;
}

/** The team's settings from the GuardSettings table (defaults when there is none or it is broken). */
export function settingsOf(snapshot: WorkbookSnapshot | undefined): {
  settings: Settings;
  issues: SettingsIssue[];
} {
  const table = snapshot?.tables.GuardSettings;
  if (!table) return { settings: DEFAULT_SETTINGS, issues: [] };
  try {
    return { settings: settingsFromPairs(table.values), issues: [] };
  } catch (e) {
    if (e instanceof SettingsError) return { settings: DEFAULT_SETTINGS, issues: e.issues };
    throw e;
  }
}

function summarize(assessment: Assessment): LedgerSummary {
  const counts: Record<Level, number> = { LOW: 0, MEDIUM: 0, HIGH: 0 };
  let unreadable = 0;
  for (const row of assessment.rows) {
    if (row.verdict) counts[row.verdict.level]++;
    else unreadable++;
  }
  const riskiest = assessment.rows
    .filter((r) => r.verdict && r.verdict.level !== "LOW")
    .sort((a, b) => (b.verdict?.score ?? 0) - (a.verdict?.score ?? 0))
    .slice(0, 8);
  return { counts, unreadable, riskiest, findings: assessment.findings };
}

export function useLedger(snapshot: WorkbookSnapshot | undefined): LedgerView {
  return useMemo(() => {
    const { settings, issues } = settingsOf(snapshot);
    const blacklistCells = snapshot?.tables.GuardBlacklist?.values;
    const blacklist = blacklistCells ? blacklistFor(blacklistCells) : undefined;
    const ledger = snapshot?.ledger;
    const assessment = ledger ? assessLedger(ledger.cells, settings, blacklist) : undefined;
    const selected =
      assessment && ledger?.selectedIndex !== undefined
        ? assessment.rows.find((r) => r.index === ledger.selectedIndex)
        : undefined;
    return {
      ledger,
      settings,
      settingsIssues: issues,
      blacklist,
      assessment,
      summary: assessment ? summarize(assessment) : undefined,
      selected,
    };
  }, [snapshot]);
}
