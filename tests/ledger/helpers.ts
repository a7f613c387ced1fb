import type { CellValue } from "../../src/rules/types";
import { EXPORT_1688_HEADERS } from "../../src/ledger/fields";

/** One row of the 1688 export, by header. */
export function exportRow(values: Record<string, CellValue>): CellValue[] {
  return EXPORT_1688_HEADERS.map((h) => values[h] ?? null);
}
