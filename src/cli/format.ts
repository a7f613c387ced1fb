import type { Lang, Verdict } from "../rules/types";
import { explain } from "../rules/explain";

/** One row's line of `guard score --json` (and `guard audit --json`). */
export interface RowJson {
  row: number;
  score?: number;
  level?: string;
  reasons?: Array<{ rule: string; code: string; points: number; text: string }>;
  /** With --as-of: money at risk on that day in USD (null when the ledger cannot tell) and its age in days. */
  moneyAtRiskUsd?: number | null;
  daysAtRisk?: number | null;
  error?: string;
}

export function verdictToJson(row: number, verdict: Verdict, lang: Lang): RowJson {
  return {
    row,
    score: verdict.score,
    level: verdict.level,
    reasons: verdict.reasons.map((r) => ({
      rule: r.rule,
      code: r.code,
      points: r.points,
      text: explain(r, lang),
    })),
  };
}

export function errorToJson(row: number, message: string): RowJson {
  return { row, error: message };
}

/** Display width of text in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain aligned table (no colours: output is often piped into files). */
export function alignedTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))),
  );
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
