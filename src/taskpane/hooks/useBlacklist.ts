/** The GuardBlacklist table as entries the pane lists, searches and removes. */
import { useMemo } from "react";
import type { CellValue } from "../../rules/types";
import type { WorkbookSnapshot } from "../excel/gateway";

export interface BlacklistItem {
  /** Data-row index in the table (what the gateway removes by). */
  index: number;
  row: CellValue[];
  supplier: string;
  shopLink: string;
  memberId: string;
  uscc: string;
  reason: string;
  dateAdded: string;
  addedBy: string;
}

const text = (v: CellValue): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : String(v);

export function useBlacklist(
  snapshot: WorkbookSnapshot | undefined,
  query: string,
): { all: BlacklistItem[]; shown: BlacklistItem[] } {
  return useMemo(() => {
    const body = snapshot?.tables.GuardBlacklist?.values.slice(1) ?? [];
    const all: BlacklistItem[] = [];
    body.forEach((row, index) => {
      const [supplier, shopLink, memberId, uscc, reason, dateAdded, addedBy] = Array.from(
        { length: 7 },
        (_, j) => text(row[j]),
      );
      if ([supplier, shopLink, memberId, uscc].every((v) => v === "")) return;
      all.push({
        index,
        row: [...row],
        supplier: supplier ?? "",
        shopLink: shopLink ?? "",
        memberId: memberId ?? "",
        uscc: uscc ?? "",
        reason: reason ?? "",
        dateAdded: dateAdded ?? "",
        addedBy: addedBy ?? "",
      });
    });
    const q = query.trim().toLowerCase();
    const shown =
      q === ""
        ? all
        : all.filter((e) =>
            [e.supplier, e.shopLink, e.memberId, e.uscc, e.reason].some((v) => v.toLowerCase().includes(q)),
          );
    return { all, shown };
  }, [snapshot, query]);
}
