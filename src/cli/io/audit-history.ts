import { isoDay, type RiskNow, type SupplierHistory } from "../../rules/history";
import type { Lang } from "../../rules/types";
import type { OutCell } from "../../xlsx/sheet-writer";
import type { AuditStyles, SheetModel } from "./audit-workbook";
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

/** Widths of the two history columns. */
export const HISTORY_WIDTHS = [18, 12] as const;

/** The two header cells, styled like the risk headers. */
export function historyHeaderCells(lang: Lang, style: number): OutCell[] {
  return HISTORY_HEADERS[lang].map((value) => ({ value, style }));
}

/** A row's money at risk (two decimals) and days at risk. */
export function historyOutCells(now: RiskNow | undefined, moneyStyle: number): OutCell[] {
  const [usd, days] = historyCells(now);
  return [
    { value: usd, style: moneyStyle },
    { value: days, style: 0 },
  ];
}

/** The Suppliers sheet: one row per supplier, most money at risk first. */
export function suppliersSheet(
  suppliers: readonly SupplierHistory[],
  lang: Lang,
  asOf: Date,
  styles: AuditStyles,
): SheetModel {
  const L = LABELS[lang];
  const rows: OutCell[][] = [
    [{ value: L.title(isoDay(asOf)), style: styles.title }],
    [],
    L.headers.map((value) => ({ value, style: styles.bold })),
  ];
  for (const s of suppliers) {
    const values = [
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
    ];
    rows.push(
      values.map((value, i) => ({
        value,
        style: i === 3 ? styles.percent : i === 2 || i === 7 ? styles.money : undefined,
      })),
    );
  }
  return {
    widths: L.headers.map((_, i): [number, number] => [i + 1, i === 0 ? 36 : i >= 10 && i <= 13 ? 40 : 14]),
    rows,
  };
}

/** The Suppliers sheet's name in the language. */
export function suppliersSheetName(lang: Lang): string {
  return LABELS[lang].sheet;
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
