/**
 * The task pane's one call into the engine for a ledger: read the cells with
 * the team's settings (column corrections included), score the orders, and
 * keep each verdict beside its row.
 */
import type { FieldId } from "../../ledger/fields";
import { readLedger } from "../../ledger/read";
import type { BlacklistIndex } from "../../rules/blacklist";
import { scoreOrders } from "../../rules/score";
import type { Settings } from "../../rules/settings";
import type { CellValue, Order, Verdict } from "../../rules/types";

/** Column corrections from the settings (`columns.<header>`): "" means "ignore this column". */
export function columnOverrides(settings: Settings): Record<string, FieldId | null> {
  const out: Record<string, FieldId | null> = {};
  for (const [header, field] of Object.entries(settings.columns))
    out[header] = field === "" ? null : (field as FieldId);
  return out;
}

export interface AssessedRow {
  /** Index of the data row under the header (0-based). */
  index: number;
  order?: Order;
  verdict?: Verdict;
  issues?: { column: string; message: string }[];
}

export interface Assessment {
  header: ReturnType<typeof readLedger>["header"];
  rows: AssessedRow[];
}

/** Reads and scores a ledger given as header row + data rows. */
export function assessLedger(
  cells: CellValue[][],
  settings: Settings,
  blacklist?: BlacklistIndex,
): Assessment {
  const read = readLedger(cells, { settings, overrides: columnOverrides(settings) });
  const orders: Order[] = [];
  const rows: AssessedRow[] = read.results.map((result) => {
    const index = (result.ok ? result.order.row : result.row) - read.headerRowIndex - 2;
    if (!result.ok)
      return { index, issues: result.issues.map((i) => ({ column: String(i.column), message: i.message })) };
    orders.push(result.order);
    return { index, order: result.order };
  });
  const verdicts = scoreOrders(orders, { settings, blacklist });
  let k = 0;
  for (const row of rows) {
    if (row.order) {
      const verdict = verdicts[k++];
      if (verdict) row.verdict = verdict;
    }
  }
  return { header: read.header, rows };
}
