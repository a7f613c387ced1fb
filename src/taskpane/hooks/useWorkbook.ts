/**
 * Owns what the pane knows about the workbook (a snapshot read through the
 * gateway) and the state of the operation in progress: busy, the last notice,
 * the last error. Every change goes through `run`, which re-reads afterwards
 * what the change can have touched: everything, only the Guard tables, or
 * nothing (selecting a row, flagging: the snapshot does not show them).
 * The selected ledger row follows Excel's selection without a re-read: the
 * selection event carries the address, and only the row index changes.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  readGuardTables,
  readLedgerRows,
  readWorkbook,
  type SheetChange,
  watchChanges,
  watchSelection,
  type WorkbookSnapshot,
} from "../excel/gateway";
import { patchLedger, planEdit, selectedIndexAt } from "../excel/plan";
import type { Phrase } from "../i18n";

/** Quiet time after the last selection change before the pane follows it (arrow keys fire many). */
export const SELECTION_DEBOUNCE_MS = 150;
/** Quiet time after the last edit before the pane reads the rows it touched (a paste or typing fires many). */
export const CHANGE_DEBOUNCE_MS = 100;

/** The snapshot with the ledger's selected row moved to where `address` points. */
export function withSelection(
  snapshot: WorkbookSnapshot | undefined,
  address: string,
): WorkbookSnapshot | undefined {
  const ledger = snapshot?.ledger;
  if (!snapshot || !ledger) return snapshot;
  const index = selectedIndexAt(ledger, address);
  if (index === ledger.selectedIndex) return snapshot;
  const { selectedIndex: _old, ...rest } = ledger;
  return { ...snapshot, ledger: index === undefined ? rest : { ...rest, selectedIndex: index } };
}

/**
 * The snapshot after edits reported by Worksheet.onChanged: the rows they touched
 * read again (`readRows`, one sync for a few rows) and put in place, every other
 * row's array shared with `snapshot`; the same snapshot when no edit touched the
 * ledger; "all" when one of them can have moved it (see planEdit).
 */
export async function snapshotAfterEdits(
  snapshot: WorkbookSnapshot,
  changes: readonly SheetChange[],
  readRows: typeof readLedgerRows = readLedgerRows,
): Promise<WorkbookSnapshot | "all"> {
  const known = snapshot.ledger;
  if (!known) return snapshot;
  const plans = changes.map((c) => planEdit(known, c.address, c.changeType));
  if (plans.some((p) => p.kind === "all")) return "all";
  let ledger = known;
  for (const plan of plans) {
    if (plan.kind === "rows")
      ledger = patchLedger(ledger, plan.from, await readRows(ledger, plan.from, plan.count));
  }
  return ledger === known ? snapshot : { ...snapshot, ledger };
}

/** What an action reports; its words are made in the pane's language when shown. */
/**
 * Keeps an event registration for as long as an effect lives: the returned function
 * (for the effect's cleanup) unregisters it, or unregisters it on arrival when the
 * effect was cleaned up first. A registration that fails leaves the pane working
 * without the events; unregistering fails only when the workbook is gone.
 */
function holdWhileMounted(registering: Promise<() => Promise<void>>): () => void {
  let stop: (() => Promise<void>) | undefined;
  let released = false;
  registering.then(
    (off) => {
      if (released) void off().catch(() => undefined);
      else stop = off;
    },
    () => undefined,
  );
  return () => {
    released = true;
    void stop?.().catch(() => undefined);
  };
}

export interface Notice {
  intent: "success" | "info" | "warning";
  text: Phrase;
  details?: Phrase[];
}

/** What `run` re-reads after its action: the whole snapshot, only the Guard tables, or nothing. */
export type Reread = "all" | "tables" | "none";

export interface WorkbookState {
  snapshot: WorkbookSnapshot | undefined;
  busy: boolean;
  notice: Notice | undefined;
  error: unknown;
  /**
   * The tab whose action raised the notice or the error, shown on that tab
   * only; undefined for a refresh, shown on every tab.
   */
  owner: string | undefined;
  refresh: () => Promise<void>;
  /**
   * Runs a change, then re-reads what it touched (everything by default); the
   * notice it returns is shown on the `owner` tab.
   */
  run: (action: () => Promise<Notice | undefined>, reread?: Reread, owner?: string) => Promise<void>;
  dismiss: () => void;
}

export function useWorkbook(): WorkbookState {
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [error, setError] = useState<unknown>();
  const [owner, setOwner] = useState<string>();
  const alive = useRef(true);

  const snapshotRef = useRef<WorkbookSnapshot>(undefined);
  useEffect(() => {
    snapshotRef.current = snapshot;
  }, [snapshot]);
  /** True while `run` acts and re-reads: the changes its own writes raise are covered by that re-read. */
  const acting = useRef(false);

  const read = useCallback(async (reread: Reread) => {
    if (reread === "none") return;
    const known = snapshotRef.current;
    if (reread === "tables" && known) {
      const tables = await readGuardTables();
      if (alive.current) setSnapshot((prev) => (prev ? { ...prev, tables } : prev));
      return;
    }
    const next = await readWorkbook();
    if (alive.current) setSnapshot(next);
  }, []);

  const run = useCallback(
    async (action: () => Promise<Notice | undefined>, reread: Reread = "all", from?: string) => {
      acting.current = true;
      setBusy(true);
      setError(undefined);
      setNotice(undefined);
      setOwner(from);
      try {
        const result = await action();
        if (alive.current) setNotice(result);
      } catch (e) {
        if (alive.current) setError(e);
      }
      try {
        await read(reread);
      } catch (e) {
        if (alive.current) setError((prev: unknown) => prev ?? e);
      } finally {
        acting.current = false;
        if (alive.current) setBusy(false);
      }
    },
    [read],
  );

  const refresh = useCallback(() => run(async () => undefined), [run]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  // Follow the selection on the ledger's sheet (one registration per sheet, no sync per event).
  const ledgerSheet = snapshot?.ledger?.sheet;
  useEffect(() => {
    if (ledgerSheet === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = (address: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (alive.current) setSnapshot((prev) => withSelection(prev, address));
      }, SELECTION_DEBOUNCE_MS);
    };
    // Without selection events the pane still works: Refresh reads the selection.
    const release = holdWhileMounted(watchSelection(ledgerSheet, follow));
    return () => {
      clearTimeout(timer);
      release();
    };
  }, [ledgerSheet]);

  // Follow edits on the ledger's sheet: the rows an edit touched are read again
  // (one sync for a few rows) and only they are scored again (see useLedger);
  // a change that can move the ledger (its header, rows inserted) reads it all.
  useEffect(() => {
    if (ledgerSheet === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;

    let closed = false;
    let pending: SheetChange[] = [];
    let applying = false;
    const apply = async () => {
      if (applying) return;
      applying = true;
      try {
        while (pending.length > 0 && !closed && alive.current) {
          const changes = pending;
          pending = [];
          const known = snapshotRef.current;
          if (!known?.ledger) return;
          const after = await snapshotAfterEdits(known, changes);
          if (after === "all") {
            await read("all");
            continue;
          }
          const ledger = after.ledger;
          if (ledger === known.ledger || ledger === undefined || closed || !alive.current) continue;
          // Unless a full read replaced the ledger meanwhile (then that read is newer).
          if (snapshotRef.current?.ledger === known.ledger)
            snapshotRef.current = { ...snapshotRef.current, ledger };
          const before = known.ledger;
          setSnapshot((prev) => (prev?.ledger === before ? { ...prev, ledger } : prev));
        }
      } catch (e) {
        if (alive.current) setError(e);
      } finally {
        applying = false;
      }
    };
    const onChange = (change: SheetChange) => {
      if (acting.current) return; // the action re-reads what it wrote
      pending.push(change);
      clearTimeout(timer);
      timer = setTimeout(() => void apply(), CHANGE_DEBOUNCE_MS);
    };
    // Without change events the pane still works: Refresh reads the ledger again.
    const release = holdWhileMounted(watchChanges(ledgerSheet, onChange));
    return () => {
      closed = true;
      clearTimeout(timer);
      release();
    };
  }, [ledgerSheet, read]);

  const dismiss = useCallback(() => {
    setNotice(undefined);
    setError(undefined);
  }, []);

  return { snapshot, busy, notice, error, owner, refresh, run, dismiss };
}
