/**
 * Certificates a product usually needs in a target market: a short guidance
 * table, not legal advice. It names the common documents buyers ask a 1688
 * supplier for (CE, FCC, test reports); the rules that apply to a given
 * product depend on what it is and change over time, so the buyer confirms
 * them with a test lab or the importer of record.
 */

export type MarketId = "EU" | "US" | "UK" | "CN";

export type CategoryId =
  "electronics" | "toys" | "textiles" | "cosmetics" | "food_contact" | "batteries" | "medical_devices";

/** One requirement: the label shown to users and the words in a certs cell that satisfy it. */
export interface CertRequirement {
  label: string;
  accepts: readonly string[];
}

export interface CertCategory {
  id: CategoryId;
  /** English and Chinese names; a category cell matches when it contains one of them. */
  aliases: readonly string[];
  markets: Readonly<Record<MarketId, readonly CertRequirement[]>>;
}

export interface CertMarket {
  id: MarketId;
  aliases: readonly string[];
}

const CE = { label: "CE", accepts: ["CE", "CE认证"] };
const FCC = { label: "FCC", accepts: ["FCC"] };
const ROHS = { label: "RoHS", accepts: ["RoHS"] };
const WEEE = { label: "WEEE", accepts: ["WEEE"] };
const UKCA = { label: "UKCA (CE accepted)", accepts: ["UKCA", "CE"] };
const CCC = { label: "CCC", accepts: ["CCC", "3C"] };
const UN383 = { label: "UN38.3", accepts: ["UN38.3", "UN 38.3"] };
const MSDS = { label: "MSDS", accepts: ["MSDS", "SDS", "化学品安全技术说明书"] };
const REACH = { label: "REACH", accepts: ["REACH"] };

/** The guidance table: required certificates by product category and market. */
export const CERT_CATEGORIES: readonly CertCategory[] = [
  {
    id: "electronics",
    aliases: ["electronics", "electronic", "electrical", "电子", "电器", "数码"],
    markets: {
      EU: [CE, ROHS, WEEE],
      US: [FCC],
      UK: [UKCA, ROHS, WEEE],
      CN: [CCC],
    },
  },
  {
    id: "toys",
    aliases: ["toy", "toys", "玩具"],
    markets: {
      EU: [{ label: "CE (EN 71)", accepts: ["CE", "EN 71"] }],
      US: [
        { label: "ASTM F963", accepts: ["ASTM F963", "F963"] },
        { label: "CPC", accepts: ["CPC", "Children's Product Certificate", "儿童产品证书"] },
      ],
      UK: [{ label: "UKCA (EN 71; CE accepted)", accepts: ["UKCA", "CE", "EN 71"] }],
      CN: [CCC],
    },
  },
  {
    id: "textiles",
    aliases: [
      "textile",
      "textiles",
      "clothing",
      "apparel",
      "garment",
      "garments",
      "fabric",
      "纺织",
      "服装",
      "服饰",
      "衣服",
    ],
    markets: {
      EU: [REACH],
      US: [
        { label: "CPSIA (children's products)", accepts: ["CPSIA", "CPC"] },
        {
          label: "Care label",
          accepts: [
            "care label",
            "care labels",
            "care labelling",
            "care labeling",
            "洗标",
            "水洗标",
            "洗涤标",
          ],
        },
      ],
      UK: [{ label: "UK REACH", accepts: ["REACH"] }],
      CN: [{ label: "GB 18401", accepts: ["GB 18401"] }],
    },
  },
  {
    id: "cosmetics",
    aliases: ["cosmetic", "cosmetics", "skincare", "makeup", "化妆品", "美妆", "护肤"],
    markets: {
      EU: [
        { label: "CPNP", accepts: ["CPNP"] },
        { label: "CPSR", accepts: ["CPSR", "safety report"] },
      ],
      US: [{ label: "FDA (MoCRA registration)", accepts: ["FDA", "MoCRA"] }],
      UK: [{ label: "SCPN", accepts: ["SCPN"] }],
      CN: [{ label: "NMPA (registration or filing)", accepts: ["NMPA", "国妆", "化妆品备案", "化妆品注册"] }],
    },
  },
  {
    id: "food_contact",
    aliases: ["food contact", "food grade", "kitchenware", "tableware", "食品接触", "食品级", "厨具", "餐具"],
    markets: {
      EU: [{ label: "LFGB or EC 1935/2004", accepts: ["LFGB", "1935/2004"] }],
      US: [{ label: "FDA", accepts: ["FDA"] }],
      UK: [{ label: "1935/2004 (LFGB accepted)", accepts: ["1935/2004", "LFGB"] }],
      CN: [{ label: "GB 4806", accepts: ["GB 4806"] }],
    },
  },
  {
    id: "batteries",
    aliases: ["battery", "batteries", "lithium", "power bank", "电池", "锂电", "充电宝", "移动电源"],
    markets: {
      EU: [UN383, MSDS, { label: "CE (Battery Regulation 2023/1542)", accepts: ["CE"] }],
      US: [UN383, MSDS],
      UK: [UN383, MSDS],
      CN: [UN383, MSDS],
    },
  },
  {
    id: "medical_devices",
    aliases: ["medical device", "medical devices", "medical", "医疗器械", "医疗"],
    markets: {
      EU: [{ label: "CE (MDR 2017/745)", accepts: ["CE", "MDR"] }],
      US: [{ label: "FDA (510(k) or registration)", accepts: ["FDA", "510(k)", "510k"] }],
      UK: [{ label: "UKCA (MHRA registration; CE accepted)", accepts: ["UKCA", "MHRA", "CE"] }],
      CN: [{ label: "NMPA registration", accepts: ["NMPA", "医疗器械注册", "医疗器械备案"] }],
    },
  },
];

/** Target markets and the words that name them (regions, countries, Amazon sites). */
export const CERT_MARKETS: readonly CertMarket[] = [
  {
    id: "EU",
    aliases: [
      "EU",
      "European Union",
      "Europe",
      "欧盟",
      "欧洲",
      "DE",
      "Germany",
      "德国",
      "FR",
      "France",
      "法国",
      "IT",
      "Italy",
      "意大利",
      "ES",
      "Spain",
      "西班牙",
      "NL",
      "Netherlands",
      "荷兰",
      "PL",
      "Poland",
      "波兰",
      "Belgium",
      "比利时",
      "SE",
      "Sweden",
      "瑞典",
      "Austria",
      "奥地利",
      "IE",
      "Ireland",
      "爱尔兰",
      "PT",
      "Portugal",
      "葡萄牙",
      "DK",
      "Denmark",
      "丹麦",
      "FI",
      "Finland",
      "芬兰",
      "CZ",
      "Czechia",
      "捷克",
      "GR",
      "Greece",
      "希腊",
      "HU",
      "Hungary",
      "匈牙利",
      "RO",
      "Romania",
      "罗马尼亚",
    ],
  },
  {
    id: "US",
    aliases: ["US", "USA", "United States", "America", "美国", "北美", "amazon.com"],
  },
  {
    id: "UK",
    aliases: ["UK", "GB", "United Kingdom", "Great Britain", "Britain", "England", "英国"],
  },
  {
    id: "CN",
    aliases: ["CN", "China", "Mainland China", "中国", "中国大陆", "国内", "内销"],
  },
];

const HAN = /^\p{Script=Han}+$/u;
const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{M}])+|\p{N}+/gu;

/**
 * Splits free text into comparable tokens: NFKC (full-width to half-width),
 * lower case, runs of letters, of digits and of Chinese characters. Everything
 * else separates, so "CE/FCC", "CE、FCC", "ＣＥ，ＦＣＣ" and "CE FCC" read alike,
 * "EN71" reads as "EN 71" and "UN38.3" as "UN 38 3".
 */
function tokenize(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(TOKEN) ?? [];
}

/**
 * A text's tokens with where each occurs, and its Chinese runs joined, so that a phrase is
 * found by looking up its first word rather than by trying every position: a 32,767-character
 * cell is matched against the whole table in milliseconds.
 */
interface Tokens {
  list: readonly string[];
  at: ReadonlyMap<string, readonly number[]>;
  /** The Chinese runs, separated by NUL (which no token holds). */
  han: string;
}

function indexTokens(text: string): Tokens {
  const list = tokenize(text);
  const at = new Map<string, number[]>();
  const han: string[] = [];
  list.forEach((token, i) => {
    const positions = at.get(token);
    if (positions) positions.push(i);
    else at.set(token, [i]);
    if (HAN.test(token)) han.push(token);
  });
  return { list, at, han: han.join("\u0000") };
}

/** Whether the phrase's tokens occur in a row in the text's tokens (Chinese words may sit inside a longer run). */
function containsPhrase(tokens: Tokens, phrase: readonly string[]): boolean {
  const first = phrase[0];
  if (first === undefined) return false;
  if (phrase.length === 1 && HAN.test(first)) return tokens.han.includes(first);
  const starts = tokens.at.get(first);
  if (!starts) return false;
  return starts.some((start) => phrase.every((word, k) => tokens.list[start + k] === word));
}

const tokenCache = new Map<string, string[]>();
function phraseTokens(alias: string): string[] {
  let tokens = tokenCache.get(alias);
  if (!tokens) {
    tokens = tokenize(alias);
    tokenCache.set(alias, tokens);
  }
  return tokens;
}

function mentions(tokens: Tokens, aliases: readonly string[]): boolean {
  return aliases.some((alias) => containsPhrase(tokens, phraseTokens(alias)));
}

/**
 * The categories a category cell names ("儿童玩具" → toys; "electronic toys" →
 * electronics and toys). Empty when none is recognised.
 * @example resolveCategories("Consumer electronics") // ["electronics"]
 */
export function resolveCategories(category: string): CategoryId[] {
  const tokens = indexTokens(category);
  return CERT_CATEGORIES.filter((c) => mentions(tokens, c.aliases)).map((c) => c.id);
}

/**
 * The markets a market cell names ("Amazon US" → US; "欧盟/英国" → EU and UK).
 * Empty when none is recognised.
 * @example resolveMarkets("amazon.de") // ["EU"]
 */
export function resolveMarkets(market: string): MarketId[] {
  const tokens = indexTokens(market);
  return CERT_MARKETS.filter((m) => mentions(tokens, m.aliases)).map((m) => m.id);
}

export interface CertsResult {
  /** Both the category and the market were recognised. */
  known: boolean;
  /** Labels of the certificates the guidance table lists. */
  required: string[];
  /** Labels of those the certs text does not mention. */
  missing: string[];
  /** What was not recognised, for the #N/A message. */
  unknown: Array<"category" | "market">;
  /** Why the result is unknown (only when `known` is false). */
  message?: string;
  messageZh?: string;
}

/**
 * Which certificates the guidance table lists for a product category in a
 * market, and which of them the free-text certs cell ("CE, RoHS", "CE/FCC",
 * "ＣＥ、ＦＣＣ") does not mention. Unknown category or market: `known` false.
 * @example certsMissing("电子产品", "Amazon US", "CE") // { known: true, required: ["FCC"], missing: ["FCC"], unknown: [] }
 */
export function certsMissing(category: string, market: string, certs: string): CertsResult {
  const categories = resolveCategories(category ?? "");
  const markets = resolveMarkets(market ?? "");
  const unknown: Array<"category" | "market"> = [];
  if (categories.length === 0) unknown.push("category");
  if (markets.length === 0) unknown.push("market");
  if (unknown.length > 0) {
    const en: string[] = [];
    const zh: string[] = [];
    if (categories.length === 0) {
      en.push(`category "${category}" is not in the certificate table`);
      zh.push(`证书表中没有品类“${category}”`);
    }
    if (markets.length === 0) {
      en.push(`market "${market}" is not in the certificate table (EU, US, UK, CN)`);
      zh.push(`证书表中没有市场“${market}”（欧盟、美国、英国、中国）`);
    }
    return {
      known: false,
      required: [],
      missing: [],
      unknown,
      message: en.join("; "),
      messageZh: zh.join("；"),
    };
  }

  const held = indexTokens(certs ?? "");
  const required: string[] = [];
  const missing: string[] = [];
  for (const c of CERT_CATEGORIES) {
    if (!categories.includes(c.id)) continue;
    for (const m of markets) {
      for (const requirement of c.markets[m]) {
        if (required.includes(requirement.label)) continue;
        required.push(requirement.label);
        if (!mentions(held, requirement.accepts)) missing.push(requirement.label);
      }
    }
  }
  return { known: true, required, missing, unknown };
}
