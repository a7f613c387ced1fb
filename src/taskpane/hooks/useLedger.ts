/**
 * The ledger as the checks see it: the team's settings and blacklist from the
 * Guard tables, the column mapping, every row's verdict (what its risk
 * formula computes), and the summary with the findings across rows.
 */
import { useMemo, useState } from "react";
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
import type { DateColumnReport } from "../../ledger/dates";
import {
  type AssessedRow,
  type Assessment,
  assessLedger,
  ledgerDates,
  type LedgerFindings,
} from "../model/assess";
import {
  dayFromInput,
  type HistoryView,
  localDay,
  moneyAtRiskList,
  type MoneyAtRiskList,
  readHistory,
} from "../model/history";

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
  /** The ledger over time on the pane's local day: each supplier's record. */
  history: HistoryView | undefined;
  /** The orders with money at risk on that day, with each supplier's total. */
  atRisk: MoneyAtRiskList | undefined;
  /** Each date column's day order and the dates it could not read (the mapping view names them). */
  dates: DateColumnReport[] | undefined;
  /** The "as of" day typed in the pane ("YYYY-MM-DD"); "" for today. */
  asOfInput: string;
  setAsOfInput: (text: string) => void;
}

/** The team's settings from the GuardSettings table (defaults when there is none or it is broken). */
export function settingsOf(tables: WorkbookSnapshot["tables"] | undefined): {
  settings: Settings;
  issues: SettingsIssue[];
} {
  const table = tables?.GuardSettings;
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
  // Scoring depends on the cells and the Guard tables only: a selection change
  // (a new snapshot sharing both) re-picks the selected row without re-scoring.
  const tables = snapshot?.tables;
  const cells = snapshot?.ledger?.cells;
  const scored = useMemo(() => {
    const { settings, issues } = settingsOf(tables);
    const blacklistCells = tables?.GuardBlacklist?.values;
    const blacklist = blacklistCells ? blacklistFor(blacklistCells) : undefined;
    const assessment = cells ? assessLedger(cells, settings, blacklist) : undefined;
    return {
      settings,
      settingsIssues: issues,
      blacklist,
      assessment,
      summary: assessment ? summarize(assessment) : undefined,
    };
  }, [tables, cells]);
  const ledger = snapshot?.ledger;
  const selectedIndex = ledger?.selectedIndex;
  const selected = useMemo(
    () =>
      selectedIndex === undefined
        ? undefined
        : scored.assessment?.rows.find((r) => r.index === selectedIndex),
    [scored.assessment, selectedIndex],
  );
  // The day typed in the pane, else the pane's local day; kept as a string so the
  // history is read again only when the cells, the settings or the day change.
  const [asOfInput, setAsOfInput] = useState("");
  const day = (dayFromInput(asOfInput) ?? localDay(new Date())).toISOString();
  const settings = scored.settings;
  const header = scored.assessment?.header;
  const headerRow = ledger?.headerRow ?? 0;
  const over = useMemo(() => {
    const asOf = new Date(day);
    const history = cells ? readHistory(cells, settings, asOf) : undefined;
    const dates = cells && header ? ledgerDates(header, cells, headerRow, asOf) : undefined;
    return { history, atRisk: history ? moneyAtRiskList(history, settings) : undefined, dates };
  }, [cells, settings, day, header, headerRow]);
  return useMemo(
    () => ({ ...scored, ...over, ledger, selected, asOfInput, setAsOfInput }),
    [scored, over, ledger, selected, asOfInput],
  );
}
