import { dateWarnings } from "../../ledger/columns";
import type { DateColumnReport } from "../../ledger/dates";
import { explain } from "../../rules/explain";
import type { RiskNow } from "../../rules/history";
import { StringTable } from "../../rules/string-table";
import type { Lang, Level, Reason, Verdict } from "../../rules/types";
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

/** A level's rank: LOW 0, MEDIUM 1, HIGH 2. */
function rankOf(level: Level): number {
  return level === "HIGH" ? 2 : level === "MEDIUM" ? 1 : 0;
}

/** A reason's count as it is built: `lastRow` is the last row counted (a row counts a reason once). */
interface ReasonTally extends ReasonCount {
  lastRow: number;
}

export class SummaryBuilder {
  /** Orders by level, indexed by rank (rankOf). */
  private readonly levels = new Int32Array(3);
  private warnings = 0;
  private rows = 0;
  private orders = 0;
  /**
   * Each order id seen, with (its first supplier's index) * 4 + its level's
   * rank: an order's rows count once, at its riskiest. A million orders'
   * ids in typed arrays rather than Map entries (see StringTable).
   */
  private readonly orderState = new StringTable();
  /** The suppliers an order id was also seen under, besides its first (rare): each counts it once. */
  private readonly otherSuppliers = new Map<string, Set<number>>();
  /** Suppliers in the order first seen, and each one's index there. */
  private readonly suppliers: SupplierRisk[] = [];
  private readonly supplierIndex = new Map<string, number>();
  /** The last row's supplier cell and its index: consecutive rows often share a supplier. */
  private lastSupplierCell: string | undefined;
  private lastSupplier = -1;
  /** Reasons in the order first seen, and by rule then code. */
  private readonly reasons: ReasonTally[] = [];
  private readonly reasonsByRule = new Map<string, Map<string, ReasonTally>>();

  constructor(private readonly lang: Lang) {}

  add(outcome: RowOutcome): void {
    const row = ++this.rows;
    if (outcome.warnings !== undefined && outcome.warnings.length > 0) this.warnings++;
    const { verdict } = outcome;
    const rank = rankOf(verdict.level);
    const index = this.supplierOf(outcome.supplier);
    const s = this.suppliers[index] as SupplierRisk;
    const id = outcome.orderId === undefined ? "" : outcome.orderId.trim();
    let newlyHigh: boolean;
    if (id === "") {
      // A row without an order id is an order of its own.
      this.orders++;
      this.countLevel(rank, 1);
      s.orders++;
      newlyHigh = rank === 2;
    } else newlyHigh = this.countOrder(id, rank, index, s);
    s.maxScore = Math.max(s.maxScore, verdict.score);
    if (newlyHigh) s.high++;
    const reasons = verdict.reasons;
    for (let i = 0; i < reasons.length; i++) this.countReason(reasons[i] as Reason, row);
  }

  /** The index of the supplier a row's supplier cell names (added when new). */
  private supplierOf(cell: string | undefined): number {
    if (this.lastSupplier >= 0 && cell === this.lastSupplierCell) return this.lastSupplier;
    const name = cell?.trim() || UNKNOWN_SUPPLIER[this.lang];
    let index = this.supplierIndex.get(name);
    if (index === undefined) {
      index = this.suppliers.length;
      this.suppliers.push({ supplier: name, maxScore: 0, orders: 0, high: 0 });
      this.supplierIndex.set(name, index);
    }
    this.lastSupplierCell = cell;
    this.lastSupplier = index;
    return index;
  }

  /**
   * Counts a row towards its order's level and its supplier's orders: a new
   * order counts once, a riskier line moves it up, an order id seen under
   * another supplier counts once for that one too. Returns whether this row
   * made its order HIGH.
   */
  private countOrder(id: string, rank: number, supplier: number, s: SupplierRisk): boolean {
    const table = this.orderState;
    const before = table.size;
    const e = table.add(id, supplier * 4 + rank);
    if (e === before) {
      this.orders++;
      this.countLevel(rank, 1);
      s.orders++;
      return rank === 2;
    }
    const state = table.value(e);
    if (state >> 2 !== supplier) this.countOtherSupplier(id, supplier, s);
    const seen = state & 3;
    if (rank <= seen) return false;
    this.countLevel(seen, -1);
    this.countLevel(rank, 1);
    table.setValue(e, state - seen + rank);
    return rank === 2;
  }

  private countLevel(rank: number, by: number): void {
    this.levels[rank] = (this.levels[rank] as number) + by;
  }

  /** An order id under a supplier other than its first: the supplier counts it once. */
  private countOtherSupplier(id: string, supplier: number, s: SupplierRisk): void {
    let others = this.otherSuppliers.get(id);
    if (others === undefined) this.otherSuppliers.set(id, (others = new Set()));
    if (others.has(supplier)) return;
    others.add(supplier);
    s.orders++;
  }

  /** Counts a reason once for the row (a row may give one rule and code twice). */
  private countReason(reason: Reason, row: number): void {
    let codes = this.reasonsByRule.get(reason.rule);
    if (codes === undefined) this.reasonsByRule.set(reason.rule, (codes = new Map()));
    const tally = codes.get(reason.code);
    if (tally === undefined) {
      const added: ReasonTally = {
        rule: reason.rule,
        code: reason.code,
        rows: 1,
        example: explain(reason, this.lang),
        lastRow: row,
      };
      codes.set(reason.code, added);
      this.reasons.push(added);
    } else if (tally.lastRow !== row) {
      tally.rows++;
      tally.lastRow = row;
    }
  }

  build(dates: DateColumnReport[] = []): AuditSummary {
    const suppliers = this.suppliers
      .slice()
      .sort(
        (a, b) =>
          b.maxScore - a.maxScore ||
          b.high - a.high ||
          b.orders - a.orders ||
          a.supplier.localeCompare(b.supplier),
      );
    const reasons = this.reasons
      .map(({ rule, code, rows, example }): ReasonCount => ({ rule, code, rows, example }))
      .sort((a, b) => b.rows - a.rows || a.rule.localeCompare(b.rule) || a.code.localeCompare(b.code));
    return {
      rows: this.rows,
      orders: this.orders,
      levels: {
        LOW: this.levels[0] as number,
        MEDIUM: this.levels[1] as number,
        HIGH: this.levels[2] as number,
      },
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
