import { z } from "zod";

/**
 * The team's settings: every threshold, every rule's points and the exchange
 * rates live here, with the defaults of DOMAIN.md. One strict zod schema: an
 * unknown key is an error, never silently ignored. Entry points parse settings
 * once and pass the result down; no module reads a global.
 */

const points = z.number().min(0).max(100);
const share = z.number().min(0).max(1);
const usd = z.number().min(0);
const positive = z.number().positive();

const levelsSchema = z
  .strictObject({
    /** A score at or above this is MEDIUM. */
    medium: z.number().min(0).max(100).default(30),
    /** A score at or above this is HIGH. */
    high: z.number().min(0).max(100).default(60),
  })
  .refine((l) => l.medium <= l.high, { message: "levels.medium must not exceed levels.high" });

export const settingsSchema = z.strictObject({
  language: z.enum(["en", "zh"]).default("en"),
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, "a three-letter currency code such as CNY")
    .default("CNY"),
  /** Units of each currency that buy one US dollar (CNY 7.2 means 7.2 yuan per dollar). */
  rates: z
    .record(z.string().regex(/^[A-Z]{3}$/, "a three-letter currency code"), positive)
    .default({ USD: 1, CNY: 7.2, EUR: 0.92, GBP: 0.79, HKD: 7.8, JPY: 150 }),
  /** 诚信通 membership fee per year, in CNY: what a seller loses by taking the money and closing. */
  annualFeeCny: positive.default(6688),
  levels: levelsSchema.default({ medium: 30, high: 60 }),
  storeAge: z
    .strictObject({ minYears: positive.default(3), points: points.default(20) })
    .default({ minYears: 3, points: 20 }),
  exposure: z
    .strictObject({
      /** USD one year of store history "covers" (about one year's fee). */
      usdPerYear: usd.default(1000),
      multiple: positive.default(2),
      points: points.default(20),
    })
    .default({ usdPerYear: 1000, multiple: 2, points: 20 }),
  paymentChannel: z
    .strictObject({ privatePoints: points.default(30), unknownPoints: points.default(5) })
    .default({ privatePoints: 30, unknownPoints: 5 }),
  deposit: z
    .strictObject({
      maxShare: share.default(0.3),
      /** Rounding tolerance on the share (0.005 = half a percentage point). */
      tolerance: share.default(0.005),
      smallOrderUsd: usd.default(500),
      points: points.default(20),
      fullPoints: points.default(30),
    })
    .default({ maxShare: 0.3, tolerance: 0.005, smallOrderUsd: 500, points: 20, fullPoints: 30 }),
  badges: z.strictObject({ points: points.default(10) }).default({ points: 10 }),
  license: z
    .strictObject({ missingPoints: points.default(5), invalidPoints: points.default(20) })
    .default({ missingPoints: 5, invalidPoints: 20 }),
  storeUrl: z.strictObject({ points: points.default(30) }).default({ points: 30 }),
  tracking: z
    .strictObject({
      missingPoints: points.default(15),
      invalidPoints: points.default(20),
      /** Same number on orders of different suppliers (empty-parcel fraud). */
      reusedPoints: points.default(30),
    })
    .default({ missingPoints: 15, invalidPoints: 20, reusedPoints: 30 }),
  samples: z
    .strictObject({ quantity: positive.default(100), points: points.default(10) })
    .default({ quantity: 100, points: 10 }),
  contract: z
    .strictObject({ minUsd: usd.default(2000), points: points.default(5) })
    .default({ minUsd: 2000, points: 5 }),
  inspection: z
    .strictObject({ minUsd: usd.default(5000), points: points.default(5) })
    .default({ minUsd: 5000, points: 5 }),
  exportDocs: z.strictObject({ points: points.default(5) }).default({ points: 5 }),
  factoryVisit: z.strictObject({ points: points.default(10) }).default({ points: 10 }),
  reviews: z
    .strictObject({
      perfectScore: z.number().min(0).max(5).default(4.95),
      minReviews: z.number().int().min(0).default(20),
      recentShare: share.default(0.5),
      points: points.default(10),
    })
    .default({ perfectScore: 4.95, minReviews: 20, recentShare: 0.5, points: 10 }),
  price: z
    .strictObject({ belowShare: share.default(0.3), points: points.default(10) })
    .default({ belowShare: 0.3, points: 10 }),
  payee: z.strictObject({ points: points.default(25) }).default({ points: 25 }),
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

function toIssues(error: z.ZodError): SettingsIssue[] {
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
  const result = settingsSchema.safeParse(input ?? {});
  if (!result.success) throw new SettingsError(toIssues(result.error));
  const settings = result.data;
  if (!("USD" in settings.rates)) settings.rates = { ...settings.rates, USD: 1 };
  return settings;
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
  return /(^|\.)(maxShare|tolerance|recentShare|belowShare)$/.test(key);
}
