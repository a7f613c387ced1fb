/**
 * The Settings tab as a form: each setting of the GuardSettings table (the
 * column corrections aside) with the check it belongs to, what kind of value
 * it holds, how the form shows it (a share as a percentage, money with its
 * currency, days as days) and why a typed value is refused. The table stays
 * the store, in its own units: a share is written as 0.3, whatever the form shows.
 */
import { flattenSettings, isShareKey, type Settings } from "../../rules/settings";
import type { StringKey } from "../i18n";

/** What a setting holds, which decides its unit, its bounds and how it is shown. */
export type SettingKind =
  | "points"
  | "share"
  | "usd"
  | "cny"
  | "days"
  | "years"
  | "count"
  | "units"
  | "score5"
  | "multiple"
  | "rate"
  | "currency"
  | "language";

export interface SettingField {
  /** The key as the GuardSettings table writes it ("deposit.maxShare", "rates.CNY"). */
  key: string;
  /** The check (the schema's section) it belongs to: "deposit", "general" for top-level keys. */
  group: string;
  kind: SettingKind;
}

/** Why a typed value is refused: a string key and its values. */
export interface SettingProblem {
  message: StringKey;
  values?: Record<string, string | number>;
}

const KIND_OF: Record<string, SettingKind> = {
  language: "language",
  defaultCurrency: "currency",
  annualFeeCny: "cny",
  "levels.medium": "points",
  "levels.high": "points",
  "storeAge.minYears": "years",
  "exposure.usdPerYear": "usd",
  "exposure.multiple": "multiple",
  "samples.quantity": "units",
  "reviews.perfectScore": "score5",
  "reviews.minReviews": "count",
  "history.silentDays": "days",
  "history.autoConfirmDays": "days",
};

function kindOf(key: string): SettingKind {
  const known = KIND_OF[key];
  if (known) return known;
  if (key.startsWith("rates.")) return "rate";
  if (isShareKey(key)) return "share";
  if (/Usd$/.test(key)) return "usd";
  return "points";
}

/**
 * The form's fields for the settings in force, in the schema's order: column
 * corrections left out (the Ledger tab's), and the dollar's own rate (always 1).
 */
export function settingFields(settings: Settings): SettingField[] {
  return flattenSettings(settings)
    .filter(([key]) => !key.startsWith("columns.") && key !== "rates.USD")
    .map(([key]) => {
      const dot = key.indexOf(".");
      return { key, group: dot < 0 ? "general" : key.slice(0, dot), kind: kindOf(key) };
    });
}

/** Rounds away binary noise (0.3 × 100 = 30.000000000000004). */
const tidy = (n: number): number => Math.round(n * 1e9) / 1e9;

/** The value as the form shows it: a share as its percentage ("30" for 0.3). */
export function formText(field: SettingField, value: string | number): string {
  if (field.kind === "share" && typeof value === "number") return String(tidy(value * 100));
  return String(value);
}

/** A number typed in the form (full-width digits, spaces, thousands commas and a % sign allowed). */
function typedNumber(text: string): number | undefined {
  const t = text.normalize("NFKC").replace(/[\s,%]/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

const EXAMPLE: Record<SettingKind, string> = {
  points: "20",
  share: "30",
  usd: "500",
  cny: "6688",
  days: "7",
  years: "3",
  count: "20",
  units: "100",
  score5: "4.95",
  multiple: "2",
  rate: "7.2",
  currency: "CNY",
  language: "en",
};

/** Why the form refuses `text` for the field, or undefined when the value is good. */
export function checkText(field: SettingField, text: string): SettingProblem | undefined {
  if (field.kind === "language")
    return text === "en" || text === "zh" ? undefined : { message: "invalidChoice" };
  if (field.kind === "currency")
    return /^[A-Z]{3}$/.test(text.trim()) ? undefined : { message: "invalidCurrency" };
  const n = typedNumber(text);
  if (n === undefined) return { message: "invalidNumber", values: { example: EXAMPLE[field.kind] } };
  switch (field.kind) {
    case "points":
    case "share":
      return n >= 0 && n <= 100 ? undefined : { message: "invalidBetween", values: { min: 0, max: 100 } };
    case "score5":
      return n >= 0 && n <= 5 ? undefined : { message: "invalidBetween", values: { min: 0, max: 5 } };
    case "usd":
      return n >= 0 ? undefined : { message: "invalidAtLeast", values: { min: 0 } };
    case "days":
    case "count":
      if (!Number.isInteger(n)) return { message: "invalidWhole" };
      return n >= 0 ? undefined : { message: "invalidAtLeast", values: { min: 0 } };
    case "cny":
    case "years":
    case "units":
    case "multiple":
    case "rate":
      return n > 0 ? undefined : { message: "invalidAbove", values: { min: 0 } };
  }
}

/** The value the GuardSettings table stores for a good `text`: a percentage back to a share. */
export function tableValue(field: SettingField, text: string): string | number {
  if (field.kind === "language" || field.kind === "currency") return text.trim();
  const n = typedNumber(text);
  if (n === undefined) return text;
  return field.kind === "share" ? tidy(n / 100) : n;
}

/**
 * Every refusal in the form: each field's own, and Medium above High (the
 * one rule across two settings), set on High.
 */
export function checkForm(
  fields: readonly SettingField[],
  texts: Readonly<Record<string, string>>,
): Map<string, SettingProblem> {
  const problems = new Map<string, SettingProblem>();
  for (const field of fields) {
    const problem = checkText(field, texts[field.key] ?? "");
    if (problem) problems.set(field.key, problem);
  }
  const medium = typedNumber(texts["levels.medium"] ?? "");
  const high = typedNumber(texts["levels.high"] ?? "");
  if (!problems.has("levels.high") && medium !== undefined && high !== undefined && medium > high)
    problems.set("levels.high", { message: "invalidLevels" });
  return problems;
}
