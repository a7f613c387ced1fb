/**
 * Owns what the pane knows about the workbook (a snapshot read through the
 * gateway) and the state of the operation in progress: busy, the last notice,
 * the last error. Every change goes through `run`, which re-reads afterwards.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { readWorkbook, type WorkbookSnapshot } from "../excel/gateway";

export interface Notice {
  intent: "success" | "info" | "warning";
  text: string;
  details?: string[];
}

export interface WorkbookState {
  snapshot: WorkbookSnapshot | undefined;
  busy: boolean;
  notice: Notice | undefined;
  error: unknown;
  refresh: () => Promise<void>;
  /** Runs a change, then re-reads the workbook; the notice it returns is shown. */
  run: (action: () => Promise<Notice | undefined>) => Promise<void>;
  dismiss: () => void;
}

export function useWorkbook(): WorkbookState {
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [error, setError] = useState<unknown>();
  const alive = useRef(true);

  const read = useCallback(async () => {
    const next = await readWorkbook();
    if (alive.current) setSnapshot(next);
  }, []);

  const run = useCallback(
    async (action: () => Promise<Notice | undefined>) => {
      setBusy(true);
      setError(undefined);
      setNotice(undefined);
      try {
        const result = await action();
        if (alive.current) setNotice(result);
      } catch (e) {
        if (alive.current) setError(e);
      }
      try {
        await read();
      } catch (e) {
        if (alive.current) setError((prev: unknown) => prev ?? e);
      } finally {
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

  const dismiss = useCallback(() => {
    setNotice(undefined);
    setError(undefined);
  }, []);

  return { snapshot, busy, notice, error, refresh, run, dismiss };
}
