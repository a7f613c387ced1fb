/**
 * The dispute dossier: what the ledger knows about a supplier (or one of its
 * orders), put together for a 1688 claim, a bank recall or a police report:
 * identity, timeline, findings, blacklist and history notes, money at risk on
 * the day, and the evidence the ledger links to. Pure: the command line writes
 * it as .xlsx or .html, the pane as a new sheet, all from `Dossier`.
 */
import type { BlacklistIndex } from "../rules/blacklist";
import type { AllowList } from "../rules/blacklist-possible";
import { explain } from "../rules/explain";
import { isoDay, moneyAtRiskOn, type SupplierHistory } from "../rules/history";
import { withReasons } from "../rules/history/ledger";
import { validateTracking } from "../rules/identifiers/tracking";
import { validateUscc } from "../rules/identifiers/uscc";
import { moneyAtRisk } from "../rules/at-risk";
import { formatMoney, formatShare } from "../rules/money";
import { scoreOrders } from "../rules/score";
import type { Settings } from "../rules/settings";
import type { CellValue, Lang, Money, Order } from "../rules/types";
import { explainPay } from "../rules/pay/explain";
import { normalizeText } from "./parse/text";
import { historyOn, possibleMatchesOf, type PayLedger } from "./pay-ledger";

export interface DossierSection {
  id: "identity" | "timeline" | "findings" | "notes" | "at_risk" | "evidence";
  title: string;
  /** Column headers of the section's table (none for a label/value list). */
  columns: string[];
  rows: string[][];
}

export interface Dossier {
  lang: Lang;
  title: string;
  /** "Prepared on 2026-12-01 from ledger.xlsx, rows 2-12". */
  subtitle: string;
  sections: DossierSection[];
}

export interface DossierOptions {
  settings: Settings;
  /** The day the dossier speaks for (money at risk, overdue orders). */
  asOf: Date;
  lang: Lang;
  blacklist?: BlacklistIndex | undefined;
  allow?: AllowList | undefined;
  /** Where the ledger came from, as the subtitle names it. */
  source?: string | undefined;
}

const EN_LABELS = {
  title: "Dispute dossier: {who}",
  subtitle:
    "Prepared on {day} by Sourcing Guard from {source}; every fact below is as the ledger records it.",
  identity: "Supplier identity",
  names: "Names",
  member: "1688 member id",
  shop: "Shop link",
  uscc: "Business licence (USCC)",
  usccOk: "passes its check",
  usccBad: "fails its check: {why}",
  accounts: "Payee accounts (in date order)",
  payees: "Payee names",
  phones: "Phones",
  none: "(not recorded)",
  timeline: "Timeline",
  tlColumns: ["Date", "Row", "Order", "Event", "Details"],
  ordered: "ordered",
  paid: "paid",
  shipped: "shipped",
  promised: "promised delivery",
  received: "received",
  notReceived: "not received",
  total: "order total {total}",
  paidDetail: "{amount} by {channel}{to}",
  to: " to {payee}",
  trackingOk: "{carrier} {number}: passes its carrier check",
  trackingBad: "{carrier} {number}: {why}",
  noTracking: "{carrier} no tracking number",
  notReceivedDetail: "not received by {day}",
  undated: "(no date)",
  findings: "Vetting record and findings",
  fColumns: ["Row", "Order", "Score", "Level", "Finding"],
  checkedOn: "Checked on {day} against the ledger's own columns{blacklist}",
  withBlacklist: " and the team blacklist (entries: {count})",
  noFinding: "no risk found",
  payVerdict: "Before you pay: {verdict}",
  notes: "Blacklist and supplier history",
  blacklistLabel: "Blacklist",
  onBlacklist: "on the blacklist (entry row {row}{why})",
  possible: "possible match",
  notOnBlacklist: "not on the blacklist",
  noBlacklist: "no blacklist given",
  history: "Ledger history",
  historyText:
    "{orders} order(s) since {first}, {spend} in total; on time {onTime}, late {late}, overdue {overdue}",
  payeeChange: "Payee account changed",
  payeeChangeText: "row {row}: {from} → {to}",
  priceDrop: "Price below history",
  reused: "Tracking number also used by another supplier",
  atRisk: "Money at risk on {day}",
  arColumns: ["Row", "Order", "At risk (USD)", "In order currency", "Days", "Since"],
  totalRow: "Total",
  evidence: "Evidence the ledger points to",
  evColumns: ["Row", "Order", "Chat", "Receipt", "Photos"],
};

type Labels = typeof EN_LABELS;

const L: Record<Lang, Labels> = {
  en: EN_LABELS,
  zh: {
    title: "纠纷证据表：{who}",
    subtitle: "{day} 由 Sourcing Guard 根据 {source} 整理；以下事实均为台账所记录。",
    identity: "供应商身份",
    names: "名称",
    member: "1688 会员名",
    shop: "店铺链接",
    uscc: "统一社会信用代码",
    usccOk: "校验通过",
    usccBad: "校验不通过：{why}",
    accounts: "收款账号（按时间顺序）",
    payees: "收款人",
    phones: "电话",
    none: "（未记录）",
    timeline: "时间线",
    tlColumns: ["日期", "行", "订单", "事件", "详情"],
    ordered: "下单",
    paid: "付款",
    shipped: "发货",
    promised: "约定交期",
    received: "收货",
    notReceived: "未收货",
    total: "订单金额 {total}",
    paidDetail: "{amount}，{channel}{to}",
    to: "，收款：{payee}",
    trackingOk: "{carrier} {number}：运单号校验通过",
    trackingBad: "{carrier} {number}：{why}",
    noTracking: "{carrier} 无运单号",
    notReceivedDetail: "截至 {day} 未收货",
    undated: "（无日期）",
    findings: "审核记录与风险发现",
    fColumns: ["行", "订单", "分数", "等级", "发现"],
    checkedOn: "{day} 按台账各列检查{blacklist}",
    withBlacklist: "，并对照团队黑名单（{count} 条）",
    noFinding: "未发现风险",
    payVerdict: "付款之前：{verdict}",
    notes: "黑名单与供应商历史",
    blacklistLabel: "黑名单",
    onBlacklist: "在黑名单中（第 {row} 行{why}）",
    possible: "疑似黑名单",
    notOnBlacklist: "不在黑名单中",
    noBlacklist: "未提供黑名单",
    history: "台账历史",
    historyText:
      "自 {first} 起共 {orders} 单，合计 {spend}；按时 {onTime}，逾期到货 {late}，逾期未到 {overdue}",
    payeeChange: "收款账号变更",
    payeeChangeText: "第 {row} 行：{from} → {to}",
    priceDrop: "价格低于历史",
    reused: "运单号另有供应商使用",
    atRisk: "{day} 的风险金额",
    arColumns: ["行", "订单", "风险金额（美元）", "订单币种", "天数", "起始"],
    totalRow: "合计",
    evidence: "台账所指的证据",
    evColumns: ["行", "订单", "聊天记录", "付款凭证", "照片"],
  },
};

type TextKey = { [K in keyof Labels]: Labels[K] extends string ? K : never }[keyof Labels];

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in values ? String(values[k]) : all));
}

/** The ledger's language: Chinese when its header row has Chinese headers, else English. */
export function ledgerLanguage(headers: readonly CellValue[]): Lang {
  return headers.some((h) => typeof h === "string" && /\p{Script=Han}/u.test(h)) ? "zh" : "en";
}

/** The orders of the dossier: the lines of order `id`, or every order of the supplier named. */
export function dossierOrders(
  ledger: PayLedger,
  settings: Settings,
  asOf: Date,
  by: { order: string } | { supplier: string },
): number[] {
  const history = historyOn(ledger, settings, asOf);
  if ("order" in by) {
    const wanted = normalizeText(by.order);
    return ledger.orders.flatMap((o, i) =>
      o.orderId !== undefined && normalizeText(o.orderId) === wanted ? [i] : [],
    );
  }
  const wanted = normalizeText(by.supplier).toLowerCase();
  const groups = new Set<number>();
  ledger.orders.forEach((o, i) => {
    const s = o.supplier;
    const names = [s.name, s.memberId, s.shopUrl, s.uscc].map((v) =>
      v ? normalizeText(v).toLowerCase() : "",
    );
    if (names.includes(wanted)) groups.add(history.supplierIndex[i] ?? -1);
  });
  groups.delete(-1);
  return ledger.orders.flatMap((_, i) => (groups.has(history.supplierIndex[i] ?? -1) ? [i] : []));
}

const distinct = (values: Array<string | undefined>): string[] => [
  ...new Set(values.filter((v): v is string => v !== undefined && v !== "")),
];
const money = (m: Money | undefined): string => (m === undefined ? "" : formatMoney(m));

/**
 * The dossier of orders `indices` of the ledger (at least one).
 * @example buildDossier(ledger, dossierOrders(ledger, settings, asOf, { order: "PO-5102" }), options).sections[0].title // "Supplier identity"
 */
export function buildDossier(
  ledger: PayLedger,
  indices: readonly number[],
  options: DossierOptions,
): Dossier {
  const { settings, asOf, lang, blacklist } = options;
  const l: Labels = L[lang];
  const t = (key: TextKey, values: Record<string, string | number> = {}) => fill(l[key], values);
  const orders = indices.map((i) => ledger.orders[i] as Order);
  const facts = indices.map((i) => ledger.facts[i] ?? {});
  const history = historyOn(ledger, settings, asOf);
  const first = orders[0];
  const who = first?.supplier.name ?? first?.supplier.memberId ?? first?.supplier.shopUrl ?? "";
  const day = isoDay(asOf);
  const none = l.none;
  const list = (values: string[]) => (values.length > 0 ? values.join("; ") : none);
  const rowOf = (o: Order) => String(o.row);
  const idOf = (o: Order) => o.orderId ?? "";

  // Identity.
  const usccs = distinct(orders.map((o) => o.supplier.uscc)).map((code) => {
    const r = validateUscc(code);
    return `${code}: ${r.valid ? l.usccOk : t("usccBad", { why: lang === "zh" ? r.messageZh : r.message })}`;
  });
  const record: SupplierHistory | undefined =
    history.suppliers[history.supplierIndex[indices[0] ?? -1] ?? -1];
  const accounts = record?.payeeAccounts.length
    ? record.payeeAccounts
    : distinct(orders.map((o) => o.history?.payeeAccount));
  const identity: DossierSection = {
    id: "identity",
    title: l.identity,
    columns: [],
    rows: [
      [l.names, list(distinct(orders.map((o) => o.supplier.name)))],
      [l.member, list(distinct(orders.map((o) => o.supplier.memberId)))],
      [l.shop, list(distinct(orders.map((o) => o.supplier.shopUrl)))],
      [l.uscc, list(usccs)],
      [l.accounts, list(accounts)],
      [l.payees, list(distinct(orders.map((o) => o.payee)))],
      [l.phones, list(distinct(facts.map((f) => f.phone)))],
    ],
  };

  // Timeline: every dated event of every order, in date order (undated last).
  const events: Array<{ date: Date | undefined; seq: number; row: string[] }> = [];
  const event = (o: Order, date: Date | undefined, what: string, detail: string) =>
    events.push({
      date,
      seq: events.length,
      row: [date ? isoDay(date) : l.undated, rowOf(o), idOf(o), what, detail],
    });
  const seenOrder = new Set<string>();
  for (const o of orders) {
    const key = o.orderId ?? `row:${o.row}`;
    if (seenOrder.has(key)) continue;
    seenOrder.add(key);
    const h = o.history;
    event(o, h?.orderDate, l.ordered, o.total ? t("total", { total: money(o.total) }) : "");
    const paid = o.amountPaid ?? o.paidUpfront;
    if (paid !== undefined || h?.paidDate !== undefined) {
      const payee = [o.payee, h?.payeeAccount].filter(Boolean).join(" ");
      event(
        o,
        h?.paidDate,
        l.paid,
        t("paidDetail", {
          amount: money(paid),
          channel: o.paymentText ?? o.payment,
          to: payee ? t("to", { payee }) : "",
        }),
      );
    }
    if (o.shipped === true || o.trackingNumber !== undefined || h?.shippedDate !== undefined) {
      const carrier = o.carrier ?? "";
      let detail = t("noTracking", { carrier });
      if (o.trackingNumber) {
        const r = validateTracking(o.trackingNumber, o.carrier || undefined);
        detail = r.valid
          ? t("trackingOk", { carrier, number: o.trackingNumber })
          : t("trackingBad", {
              carrier,
              number: o.trackingNumber,
              why: lang === "zh" ? r.messageZh : r.message,
            });
      }
      event(o, h?.shippedDate, l.shipped, detail.trim());
    }
    if (h?.promisedDate) event(o, h.promisedDate, l.promised, "");
    if (o.received === true) event(o, h?.receivedDate, l.received, "");
    else event(o, asOf, l.notReceived, t("notReceivedDetail", { day }));
  }
  events.sort((a, b) => {
    const x = a.date?.getTime() ?? Infinity;
    const y = b.date?.getTime() ?? Infinity;
    return x - y || a.seq - b.seq;
  });
  const timeline: DossierSection = {
    id: "timeline",
    title: l.timeline,
    columns: [...l.tlColumns],
    rows: events.map((e) => e.row),
  };

  // Vetting record and findings: every order scored on the day, as GUARD.RISKSCORE with today does.
  const verdicts = scoreOrders(ledger.orders, { settings, blacklist, fields: ledger.fields, asOf });
  const findingRows: string[][] = [
    [
      "",
      "",
      "",
      "",
      t("checkedOn", { day, blacklist: blacklist ? t("withBlacklist", { count: blacklist.size }) : "" }),
    ],
  ];
  for (const i of indices) {
    const o = ledger.orders[i] as Order;
    const base = verdicts[i];
    if (base === undefined) continue;
    const v = withReasons(base, history.reasons[i], settings);
    const texts = v.reasons.length > 0 ? v.reasons.map((r) => explain(r, lang)) : [l.noFinding];
    for (const text of texts) findingRows.push([rowOf(o), idOf(o), String(v.score), v.level, text]);
  }
  const findings: DossierSection = {
    id: "findings",
    title: l.findings,
    columns: [...l.fColumns],
    rows: findingRows,
  };

  // Blacklist and supplier-history notes.
  const notes: string[][] = [];
  const listed = first && blacklist ? blacklist.match(first.supplier) : undefined;
  if (!blacklist) notes.push([l.blacklistLabel, l.noBlacklist]);
  else if (listed)
    notes.push([
      l.blacklistLabel,
      t("onBlacklist", { row: listed.row, why: listed.reason ? `: ${listed.reason}` : "" }),
    ]);
  else {
    const found = possibleMatchesOf(ledger, indices[0] ?? 0, blacklist, history, options.allow);
    if (found.possible.length === 0) notes.push([l.blacklistLabel, l.notOnBlacklist]);
    for (const m of found.possible) {
      const finding = {
        rule: "possible-match" as const,
        code: `possible_${m.basis}`,
        action: "HOLD" as const,
        facts: {
          value: m.value,
          listed: m.listed,
          entry: m.entry.name ?? "",
          entryRow: m.entry.row,
          via: m.via ?? "",
          viaRow: m.viaRow ?? "",
        },
      };
      notes.push([l.possible, explainPay(finding, lang)]);
    }
  }
  if (record) {
    notes.push([
      l.history,
      t("historyText", {
        orders: record.orders,
        first: record.firstDate ? isoDay(record.firstDate) : l.undated,
        spend: formatMoney({ amount: Math.round(record.spendUsd), currency: "USD" }),
        onTime: record.onTimeRate === undefined ? "-" : formatShare(record.onTimeRate),
        late: record.late,
        overdue: record.overdue,
      }),
    ]);
    for (const c of record.payeeChanges)
      notes.push([l.payeeChange, t("payeeChangeText", { row: c.row, from: c.from, to: c.to })]);
    for (const p of record.priceDrops)
      notes.push([
        l.priceDrop,
        `${p.item}: ${money(p.unit)} < ${money(p.earlier)} (${formatShare(p.below)})`,
      ]);
    for (const n of record.reusedTracking) notes.push([l.reused, n]);
  }

  // Money at risk on the day.
  const atRiskRows: string[][] = [];
  let totalUsd = 0;
  const counted = new Set<string>();
  for (const o of orders) {
    const key = o.orderId ?? `row:${o.row}`;
    if (counted.has(key)) continue;
    counted.add(key);
    const now = moneyAtRiskOn(o, settings, asOf, ledger.fields);
    const usd = now.usd ?? moneyAtRisk(o, settings).usd;
    if (usd === undefined || usd <= 0) continue;
    totalUsd += usd;
    atRiskRows.push([
      rowOf(o),
      idOf(o),
      formatMoney({ amount: Math.round(usd * 100) / 100, currency: "USD" }),
      money(now.amount),
      now.days === undefined ? "" : String(now.days),
      now.since ? isoDay(now.since) : "",
    ]);
  }
  atRiskRows.push([
    l.totalRow,
    "",
    formatMoney({ amount: Math.round(totalUsd * 100) / 100, currency: "USD" }),
    "",
    "",
    "",
  ]);
  const atRisk: DossierSection = {
    id: "at_risk",
    title: t("atRisk", { day }),
    columns: [...l.arColumns],
    rows: atRiskRows,
  };

  // The evidence the ledger points to.
  const evidenceRows = orders.flatMap((o, k) => {
    const f = facts[k] ?? {};
    return f.chat || f.receipt || f.photo
      ? [[rowOf(o), idOf(o), f.chat ?? "", f.receipt ?? "", f.photo ?? ""]]
      : [];
  });
  const evidence: DossierSection = {
    id: "evidence",
    title: l.evidence,
    columns: [...l.evColumns],
    rows: evidenceRows,
  };

  const rows = orders.map((o) => o.row);
  const source = `${options.source ?? "ledger"}, ${lang === "zh" ? "第" : "rows"} ${Math.min(...rows)}-${Math.max(...rows)}${lang === "zh" ? " 行" : ""}`;
  return {
    lang,
    title: t("title", { who }),
    subtitle: t("subtitle", { day, source }),
    sections: [
      identity,
      timeline,
      findings,
      { id: "notes", title: l.notes, columns: [], rows: notes },
      atRisk,
      evidence,
    ],
  };
}

/** The dossier as the rows of one sheet (title, subtitle, then each section: its title, headers, rows, a blank row). */
export function dossierCells(d: Dossier): string[][] {
  const out: string[][] = [[d.title], [d.subtitle], []];
  for (const s of d.sections) {
    out.push([s.title]);
    if (s.columns.length > 0) out.push(s.columns);
    for (const row of s.rows) out.push(row);
    out.push([]);
  }
  return out;
}

/** Text made safe for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A cell as HTML: web links become links (http and https only), everything else escaped text. */
function cellHtml(text: string): string {
  const parts = text.split(/(https?:\/\/[^\s;，；]+)/);
  return parts
    .map((part, i) =>
      i % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part),
    )
    .join("");
}

/**
 * The dossier as one printable HTML page (no scripts, no outside resources).
 * @example dossierHtml(dossier).startsWith("<!DOCTYPE html>") // true
 */
export function dossierHtml(d: Dossier): string {
  const body = d.sections
    .map((s) => {
      const head =
        s.columns.length > 0
          ? `<thead><tr>${s.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>`
          : "";
      const rows = s.rows
        .map((r) =>
          s.columns.length > 0
            ? `<tr>${r.map((c) => `<td>${cellHtml(c)}</td>`).join("")}</tr>`
            : `<tr><th scope="row">${escapeHtml(r[0] ?? "")}</th><td>${cellHtml(r.slice(1).join(" "))}</td></tr>`,
        )
        .join("\n");
      return `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n<table>${head}<tbody>\n${rows}\n</tbody></table>\n</section>`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="${d.lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(d.title)}</title>
<style>
body { font-family: system-ui, "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em; color: #111; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.5em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } a { word-break: break-all; }
@media print { body { margin: 0; } section { break-inside: avoid-page; } a { color: #111; } }
</style>
</head>
<body>
<h1>${escapeHtml(d.title)}</h1>
<p>${escapeHtml(d.subtitle)}</p>
${body}
</body>
</html>
`;
}
