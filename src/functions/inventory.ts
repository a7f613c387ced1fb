import { reorderPoint, reorderQty, safetyStock, sampleStdDev } from "../rules/inventory";
import { reviewFlag } from "../rules/review-flag";
import { certsMissing } from "../rules/certs";
import type { Settings } from "../rules/settings";
import { parseNumber } from "../ledger/parse/number";
import { parseShare } from "../ledger/parse/percent";
import { isBlank } from "../ledger/parse/text";
import { badArgument, isOmitted, toMatrix, toScalar } from "./args";
import { NotAvailable } from "./safely";

/** A number argument; text such as "１２０件" or "7天" is read as its number. */
function num(argument: string, v: unknown): number {
  const parsed = parseNumber(toScalar(v, argument));
  if (!parsed.ok) return badArgument(argument, parsed.message, parsed.messageZh ?? parsed.message);
  if (parsed.value === undefined)
    return badArgument(argument, "is empty; a number is needed", "为空，需要数字");
  return parsed.value;
}

function optionalNum(argument: string, v: unknown): number | undefined {
  return isOmitted(v) ? undefined : num(argument, v);
}

/** REORDERPOINT: daily sales x lead days + safety stock. */
export function reorderPointFn(dailySales: unknown, leadDays: unknown, safety: unknown): number {
  return reorderPoint(
    num("dailySales", dailySales),
    num("leadDays", leadDays),
    optionalNum("safetyStock", safety) ?? 0,
  );
}

/** REORDERPOINTSL: from a range of daily sales: mean x lead + z(service level) x sigma x sqrt(lead). */
export function reorderPointServiceLevel(
  salesHistory: unknown,
  leadDays: unknown,
  serviceLevel: unknown,
): number {
  const values = toMatrix(salesHistory)
    .flat()
    .filter((c) => !isBlank(c))
    .map((c, i) => num(`salesHistory[${i + 1}]`, c));
  if (values.length < 2) {
    return badArgument("salesHistory", "needs at least two days of sales", "至少需要两天的销量");
  }
  const level = parseShare(toScalar(serviceLevel, "serviceLevel"));
  if (!level.ok) return badArgument("serviceLevel", level.message, level.messageZh ?? level.message);
  if (level.value === undefined) return badArgument("serviceLevel", "is empty (e.g. 95%)", "为空（如 95%）");
  const lead = num("leadDays", leadDays);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return reorderPoint(mean, lead, safetyStock(level.value, sampleStdDev(values), lead));
}

/** REORDERQTY: units to order now (0 when stock and transit cover lead + safety days). */
export function reorderQtyFn(
  dailySales: unknown,
  leadDays: unknown,
  safetyDays: unknown,
  onHand: unknown,
  inTransit: unknown,
  reviewDays: unknown,
): number {
  const suggestion = reorderQty({
    dailySales: num("dailySales", dailySales),
    leadDays: num("leadDays", leadDays),
    safetyDays: num("safetyDays", safetyDays),
    onHand: num("onHand", onHand),
    inTransit: num("inTransit", inTransit),
    reviewDays: optionalNum("reviewDays", reviewDays) ?? 0,
  });
  return suggestion.reorder ? suggestion.quantity : 0;
}

/** REVIEWFLAG: a too-perfect score on few reviews, or a burst of recent reviews. */
export function reviewFlagFn(
  score: unknown,
  reviewCount: unknown,
  recentReviews: unknown,
  settings: Settings,
): boolean {
  return reviewFlag(
    num("score", score),
    num("reviewCount", reviewCount),
    optionalNum("recentReviews", recentReviews),
    settings.reviews,
  ).flagged;
}

/** CERTSMISSING: the certificates the table lists for the category and market that certs does not name. */
export function certsMissingFn(category: unknown, market: unknown, certs: unknown): string {
  const cat = toScalar(category, "category");
  const mkt = toScalar(market, "market");
  if (isBlank(cat))
    return badArgument("category", "is empty (e.g. electronics, 玩具)", "为空（如 电子产品、玩具）");
  if (isBlank(mkt)) return badArgument("market", "is empty (e.g. EU, US, 美国)", "为空（如 欧盟、美国）");
  const have = isOmitted(certs)
    ? ""
    : toMatrix(certs)
        .flat()
        .filter((c) => !isBlank(c))
        .join(", ");
  const result = certsMissing(String(cat), String(mkt), have);
  if (!result.known) {
    throw new NotAvailable(
      result.message ?? "not in the certificate table",
      result.messageZh ?? "不在证书表中",
    );
  }
  return result.missing.join(", ");
}
