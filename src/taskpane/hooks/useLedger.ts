/**
 * The ledger as the checks see it: the team's settings and blacklist from the
 * Guard tables, the column mapping, every row's verdict (what its risk
 * formula computes), and the summary with the findings across rows.
 */
import { useDeferredValue, useMemo, useRef, useState } from "react";
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

/** How many rows `summarize` lists as the riskiest. */
const RISKIEST = 8;

function summarize(assessment: Assessment): LedgerSummary {
  const counts: Record<Level, number> = { LOW: 0, MEDIUM: 0, HIGH: 0 };
  let unreadable = 0;
  // The riskiest rows in one pass, highest score first, the earlier row first among equal
  // scores (a sort of every row would cost a 100,000-row ledger each edit).
  const riskiest: AssessedRow[] = [];
  for (const row of assessment.rows) {
    const verdict = row.verdict;
    if (!verdict) {
      unreadable++;
      continue;
    }
    counts[verdict.level]++;
    if (verdict.level === "LOW") continue;
    const last = riskiest[RISKIEST - 1];
    if (riskiest.length === RISKIEST && last !== undefined && (last.verdict?.score ?? 0) >= verdict.score)
      continue;
    let at = riskiest.length;
    while (at > 0 && (riskiest[at - 1]?.verdict?.score ?? 0) < verdict.score) at--;
    riskiest.splice(at, 0, row);
    if (riskiest.length > RISKIEST) riskiest.pop();
  }
  return { counts, unreadable, riskiest, findings: assessment.findings };
}

export function useLedger(snapshot: WorkbookSnapshot | undefined): LedgerView {
  // Scoring depends on the cells and the Guard tables only: a selection change
  // (a new snapshot sharing both) re-picks the selected row without re-scoring.
  // The settings and blacklist are made once per Guard tables, so that an edit of
  // a few ledger rows (new cells sharing the other rows' arrays) keeps them, and
  // with them every verdict of a row it did not touch.
  const tables = snapshot?.tables;
  const cells = snapshot?.ledger?.cells;
  const team = useMemo(() => {
    const { settings, issues } = settingsOf(tables);
    const blacklistCells = tables?.GuardBlacklist?.values;
    const blacklist = blacklistCells ? blacklistFor(blacklistCells) : undefined;
    return { settings, settingsIssues: issues, blacklist };
  }, [tables]);
  const last = useRef<{ assessment?: Assessment | undefined; history?: HistoryView | undefined }>({});
  const scored = useMemo(() => {
    const assessment = cells
      ? assessLedger(cells, team.settings, team.blacklist, last.current.assessment)
      : undefined;
    last.current.assessment = assessment;
    return { ...team, assessment, summary: assessment ? summarize(assessment) : undefined };
  }, [team, cells]);
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
  // The history waits for the verdicts: after an edit the pane shows the rows scored
  // again first, then the supplier records, the money at risk and the date report of
  // the new cells.
  const historyCells = useDeferredValue(cells);
  const header = scored.assessment?.header;
  const headerRow = ledger?.headerRow ?? 0;
  const over = useMemo(() => {
    const asOf = new Date(day);
    const history = historyCells
      ? readHistory(historyCells, settings, asOf, last.current.history)
      : undefined;
    last.current.history = history;
    const dates = historyCells && header ? ledgerDates(header, historyCells, headerRow, asOf) : undefined;
    return { history, atRisk: history ? moneyAtRiskList(history, settings) : undefined, dates };
  }, [historyCells, settings, day, header, headerRow]);
  return useMemo(
    () => ({ ...scored, ...over, ledger, selected, asOfInput, setAsOfInput }),
    [scored, over, ledger, selected, asOfInput],
  );
}
