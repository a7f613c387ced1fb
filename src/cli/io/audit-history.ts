import type ExcelJS from "exceljs";
import { isoDay, type RiskNow, type SupplierHistory } from "../../rules/history";
import type { Lang } from "../../rules/types";
import { freeSheetName } from "./audit-workbook";
import { textTable } from "./audit-summary";

/**
 * What `guard audit --as-of` adds: two columns right of Reasons (money at
 * risk in USD and its age in days) and a Suppliers sheet, each supplier's
 * record from the ledger.
 */

export const HISTORY_HEADERS: Record<Lang, readonly [string, string]> = {
  en: ["Money at risk (USD)", "Days at risk"],
  zh: ["风险金额(美元)", "风险天数"],
};

const LABELS = {
  en: {
    sheet: "Suppliers",
    title: (day: string) => `Suppliers as of ${day}`,
    headers: [
      "Supplier",
      "Orders",
      "Spend (USD)",
      "On-time rate",
      "On time",
      "Late",
      "Overdue",
      "Money at risk (USD)",
      "Orders at risk",
      "Oldest at risk (days)",
      "Reused tracking numbers",
      "Payee accounts",
      "Payee account changes",
      "Price drops",
      "First order",
      "Last order",
    ],
    change: (c: { row: number; from: string; to: string }) => `row ${c.row}: ${c.from} -> ${c.to}`,
    drop: (d: { row: number; item: string; below: number; earlierRow: number }) =>
      `row ${d.row}: ${d.item} ${Math.round(d.below * 100)}% below row ${d.earlierRow}`,
    textTitle: "Suppliers by money at risk",
    textHeaders: ["Supplier", "Orders", "At risk (USD)", "Oldest (days)", "On time", "Flags"],
    flags: (s: SupplierHistory) =>
      [
        s.payeeChanges.length > 0 ? `payee account changed x${s.payeeChanges.length}` : "",
        s.priceDrops.length > 0 ? `price drop x${s.priceDrops.length}` : "",
        s.reusedTracking.length > 0 ? `reused tracking x${s.reusedTracking.length}` : "",
      ]
        .filter(Boolean)
        .join(", "),
    more: (n: number) => `... and ${n} more (see the Suppliers sheet)`,
  },
  zh: {
    sheet: "供应商",
    title: (day: string) => `供应商档案（截至 ${day}）`,
    headers: [
      "供应商",
      "订单数",
      "采购额(美元)",
      "准时率",
      "准时",
      "迟到",
      "逾期未到",
      "风险金额(美元)",
      "风险订单数",
      "最久风险天数",
      "重复使用的运单号",
      "收款账号",
      "收款账号变更",
      "价格骤降",
      "首单",
      "末单",
    ],
    change: (c: { row: number; from: string; to: string }) => `第 ${c.row} 行：${c.from} -> ${c.to}`,
    drop: (d: { row: number; item: string; below: number; earlierRow: number }) =>
      `第 ${d.row} 行：${d.item} 比第 ${d.earlierRow} 行低 ${Math.round(d.below * 100)}%`,
    textTitle: "供应商风险金额排序",
    textHeaders: ["供应商", "订单数", "风险金额(美元)", "最久(天)", "准时率", "警示"],
    flags: (s: SupplierHistory) =>
      [
        s.payeeChanges.length > 0 ? `收款账号变更 ${s.payeeChanges.length} 次` : "",
        s.priceDrops.length > 0 ? `价格骤降 ${s.priceDrops.length} 次` : "",
        s.reusedTracking.length > 0 ? `运单号重复 ${s.reusedTracking.length} 个` : "",
      ]
        .filter(Boolean)
        .join("，"),
    more: (n: number) => `……另有 ${n} 家（见“供应商”工作表）`,
  },
} as const;

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The two cells of a row: money at risk (USD, blank when unknown) and its age (blank when unknown or none). */
export function historyCells(now: RiskNow | undefined): [number | null, number | null] {
  if (now === undefined || now.usd === undefined) return [null, null];
  return [round2(now.usd), now.usd > 0 && now.days !== undefined ? now.days : null];
}

/** Writes the two header cells at `col` (1-based), styled like the risk headers. */
export function writeHistoryHeader(row: ExcelJS.Row, col: number, lang: Lang, like: ExcelJS.Cell): void {
  HISTORY_HEADERS[lang].forEach((text, i) => {
    const cell = row.getCell(col + i);
    cell.value = text;
    cell.font = like.font;
    cell.fill = like.fill;
  });
}

export function writeHistoryCells(row: ExcelJS.Row, col: number, now: RiskNow | undefined): void {
  const [usd, days] = historyCells(now);
  row.getCell(col).value = usd;
  row.getCell(col).numFmt = "#,##0.00";
  row.getCell(col + 1).value = days;
}

export function setHistoryColumnWidths(worksheet: ExcelJS.Worksheet, col: number): void {
  worksheet.getColumn(col).width = 18;
  worksheet.getColumn(col + 1).width = 12;
}

/** Adds the Suppliers sheet: one row per supplier, most money at risk first. */
export function addSuppliersSheet(
  workbook: Pick<ExcelJS.Workbook, "addWorksheet">,
  takenNames: readonly string[],
  suppliers: readonly SupplierHistory[],
  lang: Lang,
  asOf: Date,
): ExcelJS.Worksheet {
  const L = LABELS[lang];
  const ws = workbook.addWorksheet(freeSheetName(takenNames, L.sheet));
  ws.columns = L.headers.map((_, i) => ({ width: i === 0 ? 36 : i >= 10 && i <= 13 ? 40 : 14 }));
  ws.addRow([L.title(isoDay(asOf))]).font = { bold: true, size: 14 };
  ws.addRow([]);
  ws.addRow([...L.headers]).font = { bold: true };
  for (const s of suppliers) {
    const row = ws.addRow([
      s.label,
      s.orders,
      round2(s.spendUsd),
      s.onTimeRate === undefined ? null : round2(s.onTimeRate),
      s.onTime,
      s.late,
      s.overdue,
      round2(s.atRiskUsd),
      s.atRiskOrders,
      s.oldestAtRiskDays ?? null,
      s.reusedTracking.join(", "),
      s.payeeAccounts.join("; "),
      s.payeeChanges.map(L.change).join("; "),
      s.priceDrops.map(L.drop).join("; "),
      s.firstDate === undefined ? null : isoDay(s.firstDate),
      s.lastDate === undefined ? null : isoDay(s.lastDate),
    ]);
    row.getCell(4).numFmt = "0%";
    row.getCell(3).numFmt = "#,##0.00";
    row.getCell(8).numFmt = "#,##0.00";
    row.commit();
  }
  return ws;
}

/** The suppliers section `guard audit --as-of` prints: those with money at risk or a flag, riskiest first. */
export function formatSuppliers(
  suppliers: readonly SupplierHistory[],
  lang: Lang,
  asOf: Date,
  limit = 10,
): string {
  const L = LABELS[lang];
  const shown = suppliers.filter(
    (s) =>
      s.atRiskUsd > 0 || s.payeeChanges.length > 0 || s.priceDrops.length > 0 || s.reusedTracking.length > 0,
  );
  if (shown.length === 0) return "";
  const rows = shown
    .slice(0, limit)
    .map((s) => [
      s.label,
      s.orders,
      Math.round(s.atRiskUsd),
      s.oldestAtRiskDays ?? "",
      s.onTimeRate === undefined ? "" : `${Math.round(s.onTimeRate * 100)}%`,
      L.flags(s),
    ]);
  const more = shown.length > limit ? `\n${L.more(shown.length - limit)}` : "";
  return `\n${L.textTitle} (${isoDay(asOf)}):\n${textTable([...L.textHeaders], rows)}${more}\n`;
}
