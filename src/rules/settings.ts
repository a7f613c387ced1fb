import * as z from "zod/mini";
import { en } from "zod/locales";

// Every front end parses settings under a Content-Security-Policy without eval (the task pane,
// the functions page on Excel on the web) or in Excel's JavaScript-only runtime. zod compiles
// fast object parsers with `new Function` when it may, and probes for that by trying it, which
// such a page reports as a violation. Jitless mode parses without the probe; settings are
// parsed once per distinct content, so the compiled parsers would buy nothing.
//
// zod's "mini" build: the same schemas and parser as zod's chained API, written as functions,
// so the task pane's bundle carries only the checks used here (about 20 KB gzipped less). Its
// messages come from the English locale, set once here.
z.config({ jitless: true, ...en() });

/**
 * The team's settings: every threshold, every rule's points and the exchange
 * rates live here, with the defaults of DOMAIN.md. One strict zod schema: an
 * unknown key is an error, never silently ignored. Entry points parse settings
 * once and pass the result down; no module reads a global.
 */

/** A number from `min` to `max` (either bound optional). */
const between = (min?: number, max?: number) =>
  z.number().check(...(min === undefined ? [] : [z.gte(min)]), ...(max === undefined ? [] : [z.lte(max)]));
/**
 * Amounts, counts and days stay within 10^15 (the ledger's MAX_MAGNITUDE) and rates within
 * 10^-6..10^9, so that no product or quotient of them overflows to Infinity.
 */
const MAX = 1e15;
const points = (value: number) => z._default(between(0, 100), value);
const share = (value: number) => z._default(between(0, 1), value);
const usd = (value: number) => z._default(between(0, MAX), value);
const positive = () => z.number().check(z.positive(), z.lte(MAX));
const positiveOf = (value: number) => z._default(positive(), value);
const count = (value: number) => z._default(z.int().check(z.gte(0), z.lte(MAX)), value);
/** Days added to a date: up to a century, so the date stays one a Date can hold. */
const days = (value: number) => z._default(z.int().check(z.gte(0), z.lte(36500)), value);
/** A group of settings: unknown keys refused, each missing key its default (an absent group, all). */
const group = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
  z.prefault(z.strictObject(shape), {} as z.input<z.ZodMiniObject<Shape, z.core.$strict>>);
const currencyCode = (message: string) => z.string().check(z.regex(/^[A-Z]{3}$/, message));

const levelsSchema = z.prefault(
  z
    .strictObject({
      /** A score at or above this is MEDIUM. */
      medium: z._default(between(0, 100), 30),
      /** A score at or above this is HIGH. */
      high: z._default(between(0, 100), 60),
    })
    .check(z.refine((l) => l.medium <= l.high, { message: "levels.medium must not exceed levels.high" })),
  {},
);

export const settingsSchema = z.strictObject({
  language: z._default(z.enum(["en", "zh"]), "en"),
  defaultCurrency: z._default(currencyCode("a three-letter currency code such as CNY"), "CNY"),
  /** Units of each currency that buy one US dollar (CNY 7.2 means 7.2 yuan per dollar). */
  rates: z._default(z.record(currencyCode("a three-letter currency code"), between(1e-6, 1e9)), () => ({
    USD: 1,
    CNY: 7.2,
    EUR: 0.92,
    GBP: 0.79,
    HKD: 7.8,
    JPY: 150,
  })),
  /** 诚信通 membership fee per year, in CNY: what a seller loses by taking the money and closing. */
  annualFeeCny: positiveOf(6688),
  levels: levelsSchema,
  storeAge: group({ minYears: positiveOf(3), points: points(20) }),
  exposure: group({
    /** USD one year of store history "covers" (about one year's fee). */
    usdPerYear: usd(1000),
    multiple: positiveOf(2),
    points: points(20),
  }),
  paymentChannel: group({ privatePoints: points(30), unknownPoints: points(5) }),
  deposit: group({
    maxShare: share(0.3),
    /** Rounding tolerance on the share (0.005 = half a percentage point). */
    tolerance: share(0.005),
    smallOrderUsd: usd(500),
    points: points(20),
    fullPoints: points(30),
  }),
  badges: group({ points: points(10) }),
  license: group({
    missingPoints: points(5),
    invalidPoints: points(20),
    /**
     * A code in the form of the early Fujian pilot codes (region 35, organization code
     * starting M0) whose check character does not follow GB 32100: real ones exist, so
     * it is not rejected, but a typo in a real code looks the same. Confirm on gsxt.gov.cn.
     */
    pilotPoints: points(5),
  }),
  storeUrl: group({ points: points(30) }),
  tracking: group({
    missingPoints: points(15),
    invalidPoints: points(20),
    /** Same number on orders of different suppliers (empty-parcel fraud). */
    reusedPoints: points(30),
  }),
  samples: group({ quantity: positiveOf(100), points: points(10) }),
  contract: group({ minUsd: usd(2000), points: points(5) }),
  inspection: group({ minUsd: usd(5000), points: points(5) }),
  exportDocs: group({ points: points(5) }),
  factoryVisit: group({ points: points(10) }),
  reviews: group({
    perfectScore: z._default(between(0, 5), 4.95),
    minReviews: count(20),
    recentShare: share(0.5),
    points: points(10),
  }),
  price: group({ belowShare: share(0.3), points: points(10) }),
  payee: group({ points: points(25) }),
  /**
   * The ledger read over time (src/rules/history): used only when an as-of
   * date is given (GUARD.*'s `today`, `guard --as-of`).
   */
  history: group({
    /** Money paid outside escrow this many days ago and still no tracking number: the store went silent. */
    silentDays: days(7),
    silentPoints: points(20),
    /** Promised delivery date passed and the goods not received. */
    latePoints: points(15),
    /**
     * Days after shipping when 1688 escrow confirms receipt by itself and pays
     * the seller (确认收货超时): 10 days is the usual window for express (快递)
     * orders; freight (物流) and made-to-order goods often get longer.
     */
    autoConfirmDays: days(10),
    /** An open order's tracking number fails its carrier check or another supplier used it. */
    escrowPoints: points(10),
    /** The supplier's payee or bank account differs from the one its previous order was paid to. */
    payeeChangePoints: points(30),
    /** A unit price this share or more below the lowest the team paid the supplier for the item before. */
    priceDropShare: share(0.3),
    priceDropPoints: points(10),
  }),
  /**
   * Corrections to the column mapping: header text as written → field id
   * ("" ignores the column). The task pane writes them; formulas read them.
   */
  columns: z._default(z.record(z.string(), z.string()), () => ({})),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/** A setting that failed validation: which key, what was expected. */
export interface SettingsIssue {
  key: string;
  message: string;
}

export class SettingsError extends Error {
  readonly code = "invalid_settings";
  constructor(readonly issues: SettingsIssue[]) {
    super(issues.map((i) => `setting "${i.key}": ${i.message}`).join("; "));
    this.name = "SettingsError";
  }
}

function toIssues(error: z.core.$ZodError): SettingsIssue[] {
  return error.issues.map((issue) => {
    const key = issue.path.map(String).join(".") || "(settings)";
    if (issue.code === "unrecognized_keys") {
      const prefix = key === "(settings)" ? "" : `${key}.`;
      return {
        key: issue.keys.map((k) => prefix + k).join(", "),
        message: "unknown setting (check the spelling; see the settings table for the known keys)",
      };
    }
    return { key, message: issue.message };
  });
}

/** Validates settings, filling in defaults. Throws `SettingsError` naming each bad key. */
export function parseSettings(input: unknown = {}): Settings {
  const result = z.safeParse(settingsSchema, withDefaultRates(input ?? {}));
  if (!result.success) throw new SettingsError(toIssues(result.error));
  return result.data;
}

const DEFAULT_RATES: Record<string, number> = { USD: 1, CNY: 7.2, EUR: 0.92, GBP: 0.79, HKD: 7.8, JPY: 150 };

/** A team that sets one rate keeps the others (and USD is always 1). */
function withDefaultRates(input: unknown): unknown {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return input;
  const rates = (input as { rates?: unknown }).rates;
  if (rates === undefined) return input;
  if (rates === null || typeof rates !== "object" || Array.isArray(rates)) return input;
  return { ...input, rates: { ...DEFAULT_RATES, ...rates, USD: 1 } };
}

/** The defaults, parsed once. */
export const DEFAULT_SETTINGS: Settings = parseSettings({});

/**
 * Every leaf key of the settings in dotted form ("deposit.maxShare",
 * "rates.CNY") with its value: the shape of the settings table in a workbook.
 */
export function flattenSettings(settings: Settings): Array<[string, string | number]> {
  const out: Array<[string, string | number]> = [];
  const walk = (prefix: string, value: unknown): void => {
    if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    } else if (typeof value === "string" || typeof value === "number") {
      out.push([prefix, value]);
    }
  };
  walk("", settings);
  return out;
}

/** Settings keys whose values are shares (0..1): "30%" and 30 are read as 0.3 there. */
export function isShareKey(key: string): boolean {
  return /(^|\.)(maxShare|tolerance|recentShare|belowShare|priceDropShare)$/.test(key);
}

/** Keys whose values are free text, not numbers. */
const TEXT_KEYS = new Set(["language", "defaultCurrency"]);

/** Open-ended sections: any sub-key is allowed (a currency, a header). */
const OPEN_SECTIONS = ["rates", "columns"] as const;

let canonicalKeys: Map<string, string> | undefined;

/** Lower-cased dotted key → the key as the schema spells it. */
function canonicalKey(raw: string): string | undefined {
  if (!canonicalKeys) {
    canonicalKeys = new Map(flattenSettings(DEFAULT_SETTINGS).map(([k]) => [k.toLowerCase(), k]));
  }
  const key = raw.normalize("NFKC").trim();
  const lower = key.toLowerCase();
  for (const section of OPEN_SECTIONS) {
    if (lower.startsWith(`${section}.`)) {
      const rest = key.slice(section.length + 1).trim();
      return `${section}.${section === "rates" ? rest.toUpperCase() : rest}`;
    }
  }
  return canonicalKeys.get(lower);
}

/** Reads "30%", "３０", "7.2", "1,000" as numbers; a share key reads 30 and "30%" as 0.3. */
function settingNumber(key: string, value: unknown): number | undefined {
  let n: number;
  let percent = false;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    let text = value.normalize("NFKC").replace(/[\s,]/g, "");
    if (text.endsWith("%")) {
      percent = true;
      text = text.slice(0, -1);
    }
    if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return undefined;
    n = Number(text);
  } else return undefined;
  if (isShareKey(key) && (percent || n > 1)) return n / 100;
  if (percent) return n / 100;
  return n;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const HEADER_WORDS = /^(key|setting|settings|name|键|设置|设置项|参数|名称)$/i;

/**
 * Builds settings from a two-column key/value range (the settings table of a
 * workbook, or a csv). Keys are dotted ("deposit.maxShare", "rates.CNY"),
 * case-insensitive; a header row and blank rows are skipped. Throws
 * `SettingsError` naming each unknown key or bad value.
 * @example settingsFromPairs([["Key", "Value"], ["deposit.maxShare", "40%"]]).deposit.maxShare // 0.4
 */
export function settingsFromPairs(pairs: ReadonlyArray<ReadonlyArray<unknown>>): Settings {
  const input: Record<string, unknown> = {};
  const issues: SettingsIssue[] = [];
  pairs.forEach((pair, i) => {
    const rawKey = pair[0];
    const value = pair[1];
    if (isBlank(rawKey)) return;
    const keyText = String(rawKey);
    if (i === 0 && HEADER_WORDS.test(keyText.trim())) return;
    if (pair.length < 2) {
      issues.push({ key: keyText, message: "the settings range needs two columns: key and value" });
      return;
    }
    const key = canonicalKey(keyText);
    if (!key) {
      issues.push({
        key: keyText,
        message: "unknown setting (check the spelling; see the settings table for the known keys)",
      });
      return;
    }
    let parsed: unknown;
    if (key.startsWith("columns.")) parsed = isBlank(value) ? "" : String(value).trim();
    else if (isBlank(value))
      return; // an empty value keeps the default
    else if (TEXT_KEYS.has(key)) parsed = String(value).trim();
    else {
      parsed = settingNumber(key, value);
      if (parsed === undefined) {
        issues.push({ key, message: `expected a number, got "${String(value)}"` });
        return;
      }
    }
    setPath(input, key, parsed);
  });
  if (issues.length > 0) throw new SettingsError(issues);
  return parseSettings(input);
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const dot = dotted.indexOf(".");
  if (dot < 0) {
    target[dotted] = value;
    return;
  }
  const head = dotted.slice(0, dot);
  const rest = dotted.slice(dot + 1);
  const child = (target[head] ??= {}) as Record<string, unknown>;
  // Open sections keep the rest of the key whole ("columns.Amount (USD)").
  if ((OPEN_SECTIONS as readonly string[]).includes(head)) child[rest] = value;
  else setPath(child, rest, value);
}
