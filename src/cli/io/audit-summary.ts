import { dateWarnings } from "../../ledger/columns";
import type { DateColumnReport } from "../../ledger/dates";
import { explain } from "../../rules/explain";
import type { RiskNow } from "../../rules/history";
import type { Lang, Level, Verdict } from "../../rules/types";
import { displayWidth } from "../format";

/**
 * What an audit found, accumulated row by row so a streamed ledger of any
 * size needs memory only per supplier and per reason code, not per row.
 */

/**
 * One ledger row's outcome: its verdict, and where it had cells that could not
 * be read (scored without them; the verdict lists each as `unreadable_cell`),
 * those cells with their place: `file, sheet "X", row 12, column F (实付款): …`.
 */
export interface RowOutcome {
  row: number;
  supplier: string | undefined;
  orderId?: string | undefined;
  verdict: Verdict;
  warnings?: string[] | undefined;
  /** With an as-of date: the money at risk on that day. */
  now?: RiskNow | undefined;
}

export interface SupplierRisk {
  supplier: string;
  maxScore: number;
  orders: number;
  high: number;
}

export interface ReasonCount {
  rule: string;
  code: string;
  rows: number;
  /** One rendered example, from the first row that had it. */
  example: string;
}

export interface AuditSummary {
  /** Ledger rows scored (a 1688 order's continuation lines are rows of their own). */
  rows: number;
  /** Orders: rows with one order id count once (rows without an order id count one each). */
  orders: number;
  /** Orders by level: an order's level is that of its riskiest row. */
  levels: Record<Level, number>;
  /** Rows with cells that could not be read (scored without them). */
  warnings: number;
  suppliers: SupplierRisk[];
  reasons: ReasonCount[];
  /** Each date column's day order and the dates it could not read (the column report). */
  dates: DateColumnReport[];
}

const UNKNOWN_SUPPLIER: Record<Lang, string> = { en: "(supplier not recorded)", zh: "（未记录供应商）" };

const LEVELS: readonly Level[] = ["LOW", "MEDIUM", "HIGH"];

export class SummaryBuilder {
  private readonly levels: Record<Level, number> = { LOW: 0, MEDIUM: 0, HIGH: 0 };
  private warnings = 0;
  private rows = 0;
  private orders = 0;
  /** The level (index into LEVELS) of each order id seen: an order's rows count once, at its riskiest. */
  private readonly orderLevels = new Map<string, number>();
  private readonly suppliers = new Map<string, SupplierRisk>();
  /** Order ids seen per supplier: a 1688 order's continuation rows count once. */
  private readonly orderIds = new Map<string, Set<string>>();
  private readonly reasons = new Map<string, ReasonCount>();

  constructor(private readonly lang: Lang) {}

  add(outcome: RowOutcome): void {
    this.rows++;
    if (outcome.warnings !== undefined && outcome.warnings.length > 0) this.warnings++;
    const { verdict } = outcome;
    const newlyHigh = this.countOrder(outcome.orderId?.trim(), verdict.level);
    const name = outcome.supplier?.trim() || UNKNOWN_SUPPLIER[this.lang];
    let s = this.suppliers.get(name);
    if (!s) this.suppliers.set(name, (s = { supplier: name, maxScore: 0, orders: 0, high: 0 }));
    const id = outcome.orderId?.trim();
    if (id) {
      let ids = this.orderIds.get(name);
      if (!ids) this.orderIds.set(name, (ids = new Set()));
      if (!ids.has(id)) {
        ids.add(id);
        s.orders++;
      }
    } else {
      s.orders++;
    }
    s.maxScore = Math.max(s.maxScore, verdict.score);
    if (newlyHigh) s.high++;
    const seen = new Set<string>();
    verdict.reasons.forEach((reason) => {
      const key = `${reason.rule}\u0000${reason.code}`;
      if (seen.has(key)) return;
      seen.add(key);
      const r = this.reasons.get(key);
      if (r) r.rows++;
      else
        this.reasons.set(key, {
          rule: reason.rule,
          code: reason.code,
          rows: 1,
          example: explain(reason, this.lang),
        });
    });
  }

  /**
   * Counts a row towards its order's level: a new order counts once, a riskier
   * line moves it up. Returns whether this row made its order HIGH.
   */
  private countOrder(id: string | undefined, level: Level): boolean {
    const rank = LEVELS.indexOf(level);
    const seen = id ? this.orderLevels.get(id) : undefined;
    if (seen === undefined) {
      this.orders++;
      this.levels[level]++;
      if (id) this.orderLevels.set(id, rank);
      return level === "HIGH";
    }
    if (rank <= seen) return false;
    this.levels[LEVELS[seen] as Level]--;
    this.levels[level]++;
    this.orderLevels.set(id as string, rank);
    return level === "HIGH";
  }

  build(dates: DateColumnReport[] = []): AuditSummary {
    const suppliers = [...this.suppliers.values()].sort(
      (a, b) =>
        b.maxScore - a.maxScore ||
        b.high - a.high ||
        b.orders - a.orders ||
        a.supplier.localeCompare(b.supplier),
    );
    const reasons = [...this.reasons.values()].sort(
      (a, b) => b.rows - a.rows || a.rule.localeCompare(b.rule) || a.code.localeCompare(b.code),
    );
    return {
      rows: this.rows,
      orders: this.orders,
      levels: { ...this.levels },
      warnings: this.warnings,
      suppliers,
      reasons,
      dates,
    };
  }
}

const LABELS = {
  en: {
    title: "Audit summary",
    level: "Level",
    count: "Orders",
    rowCount: "Rows",
    warnings: "rows with cells not read (scored without them)",
    supplier: "Supplier",
    maxScore: "Max score",
    orders: "Orders",
    high: "HIGH",
    rule: "Rule",
    code: "Reason",
    example: "Example",
    suppliersTitle: "Suppliers by risk",
    reasonsTitle: "Reasons by frequency",
    more: (n: number) => `... and ${n} more (see the Summary sheet)`,
    columnWarningsTitle: "Columns that look relevant but are not read",
    datesTitle: "Dates not read",
  },
  zh: {
    title: "审核汇总",
    level: "等级",
    count: "订单数",
    rowCount: "行数",
    warnings: "含无法读取单元格的行（评分时未计入）",
    supplier: "供应商",
    maxScore: "最高分",
    orders: "订单数",
    high: "高风险",
    rule: "规则",
    code: "原因",
    example: "示例",
    suppliersTitle: "供应商风险排序",
    reasonsTitle: "原因出现频率",
    more: (n: number) => `……另有 ${n} 项（见 Summary 工作表）`,
    columnWarningsTitle: "看似相关但未读取的列",
    datesTitle: "未读取的日期",
  },
} as const;

export function summaryLabels(lang: Lang): (typeof LABELS)[Lang] {
  return LABELS[lang];
}

function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** A plain text table: columns padded to their widest cell, numbers right-aligned. */
export function textTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => displayWidth(r[c] ?? ""))));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === "number"));
  const line = (r: string[]): string =>
    r
      .map((cell, c) => {
        const pad = " ".repeat((widths[c] ?? 0) - displayWidth(cell));
        return numeric[c] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join("\n");
}

/** "40 orders (47 rows)"; "12 orders" when every row is an order of its own. */
export function countsText(summary: Pick<AuditSummary, "orders" | "rows">, lang: Lang): string {
  if (lang === "zh") {
    const orders = `${summary.orders} 个订单`;
    return summary.orders === summary.rows ? orders : `${orders}（${summary.rows} 行）`;
  }
  const orders = `${summary.orders} orders`;
  return summary.orders === summary.rows ? orders : `${orders} (${summary.rows} rows)`;
}

/** The summary as the text `guard audit` prints: levels, the riskiest suppliers, the commonest reasons. */
export function formatSummary(
  summary: AuditSummary,
  lang: Lang,
  options: { file: string; output: string; limit?: number },
): string {
  const L = LABELS[lang];
  const limit = options.limit ?? 10;
  const parts: string[] = [];
  parts.push(`${L.title}: ${options.file}, ${countsText(summary, lang)} -> ${options.output}`);
  const levelRows: Array<[string, number]> = [
    ["HIGH", summary.levels.HIGH],
    ["MEDIUM", summary.levels.MEDIUM],
    ["LOW", summary.levels.LOW],
  ];
  parts.push("", textTable([L.level, L.count], levelRows));
  if (summary.warnings > 0) parts.push("", `${L.warnings}: ${summary.warnings}`);
  const dates = summaryDateLines(summary, lang);
  if (dates.length > 0) parts.push("", `${L.datesTitle}:`, ...dates);
  /** A titled table of the first `limit` items, and how many more there are. */
  const section = <T>(
    title: string,
    headers: string[],
    items: readonly T[],
    row: (item: T) => Array<string | number>,
  ) => {
    if (items.length === 0) return;
    parts.push("", `${title}:`, textTable(headers, items.slice(0, limit).map(row)));
    if (items.length > limit) parts.push(L.more(items.length - limit));
  };
  section(L.suppliersTitle, [L.supplier, L.maxScore, L.orders, L.high], summary.suppliers, (s) => [
    truncate(s.supplier, 40),
    s.maxScore,
    s.orders,
    s.high,
  ]);
  section(L.reasonsTitle, [L.rule, L.code, L.rowCount, L.example], summary.reasons, (r) => [
    r.rule,
    r.code,
    r.rows,
    truncate(r.example, 70),
  ]);
  return `${parts.join("\n")}\n`;
}

/** The Summary's lines for date columns with dates not read or written both ways ("Order date: 16 of 40 dates not read (e.g. row 11 `2/10/25`)"). */
export function summaryDateLines(summary: Pick<AuditSummary, "dates">, lang: Lang): string[] {
  return dateWarnings(summary.dates, lang);
}
