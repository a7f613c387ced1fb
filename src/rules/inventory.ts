import { InputError, requireNonNegative, type ArgumentLabel } from "./input-error";

/**
 * Inventory warnings (DOMAIN.md section 5): the textbook reorder point with a
 * service-level safety stock, and the days-based rule sellers use in their ERPs
 * (日均销量 x (采购天数 + 运输天数 + 安全天数) against 可用库存 + 在途).
 */

const ARG = {
  dailySales: { name: "dailySales", zh: "日均销量" },
  leadDays: { name: "leadDays", zh: "交货周期天数" },
  safetyStock: { name: "safetyStock", zh: "安全库存" },
  serviceLevel: { name: "serviceLevel", zh: "服务水平" },
  sigmaDailySales: { name: "sigmaDailySales", zh: "日销量标准差" },
  safetyDays: { name: "safetyDays", zh: "安全天数" },
  onHand: { name: "onHand", zh: "可用库存" },
  inTransit: { name: "inTransit", zh: "在途数量" },
  reviewDays: { name: "reviewDays", zh: "采购周期天数" },
  p: { name: "p", zh: "概率" },
  values: { name: "values", zh: "日销量" },
} satisfies Record<string, ArgumentLabel>;

// Wichura's algorithm AS 241 (PPND16, Applied Statistics 37:477-484, 1988):
// rational approximations in three regions, relative error about 1e-16.
const CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const NEAR_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const NEAR_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const TAIL_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const TAIL_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + (coefficients[i] ?? 0);
  return sum;
}

/** Relative tolerance for comparisons and rounding of day x quantity products (0.1 x 30 is 3.0000000000000004). */
const EPSILON = 1e-9;

function roundUp(x: number): number {
  return Math.ceil(x - EPSILON * Math.max(1, Math.abs(x)));
}

function exceeds(a: number, b: number): boolean {
  return a - b > EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Inverse of the standard normal cumulative distribution (Excel's NORM.S.INV):
 * the z with P(Z <= z) = p, accurate to about 1e-15. Throws `InputError` when p is
 * not strictly between 0 and 1.
 * @example normSInv(0.95) // 1.6448536269514722
 */
export function normSInv(p: number): number {
  if (typeof p !== "number" || !Number.isFinite(p) || p <= 0 || p >= 1) {
    throw new InputError(
      ARG.p.name,
      `p must be a probability strictly between 0 and 1 (got ${String(p)})`,
      `p（概率）必须严格介于 0 和 1 之间（收到 ${String(p)}）`,
    );
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  const tail = q < 0 ? p : 1 - p;
  let r = Math.sqrt(-Math.log(tail));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(NEAR_NUM, r) / polynomial(NEAR_DEN, r);
  } else {
    r -= 5;
    z = polynomial(TAIL_NUM, r) / polynomial(TAIL_DEN, r);
  }
  return q < 0 ? -z : z;
}

/**
 * Reorder point: the stock level at which to order again, daily sales x lead
 * time (days) + safety stock.
 * @example reorderPoint(20, 15, 100) // 400
 */
export function reorderPoint(dailySales: number, leadDays: number, safetyStock = 0): number {
  requireNonNegative(ARG.dailySales, dailySales);
  requireNonNegative(ARG.leadDays, leadDays);
  requireNonNegative(ARG.safetyStock, safetyStock);
  return dailySales * leadDays + safetyStock;
}

/**
 * Safety stock for a service level: z x sigma(daily sales) x sqrt(lead days),
 * z = NORM.S.INV(serviceLevel). The service level is a share (0.95, not 95) from
 * 0.5 (no safety stock) up to, but not including, 1.
 * @example safetyStock(0.95, 10, 16) // 65.79 (1.6449 x 10 x 4)
 */
export function safetyStock(serviceLevel: number, sigmaDailySales: number, leadDays: number): number {
  const level = requireNonNegative(ARG.serviceLevel, serviceLevel);
  if (level < 0.5 || level >= 1) {
    throw new InputError(
      ARG.serviceLevel.name,
      `serviceLevel must be a share from 0.5 up to (not including) 1, such as 0.95 for 95% (got ${level})`,
      `serviceLevel（服务水平）必须是 0.5 到 1 之间（不含 1）的比例，例如 95% 写作 0.95（收到 ${level}）`,
    );
  }
  requireNonNegative(ARG.sigmaDailySales, sigmaDailySales);
  requireNonNegative(ARG.leadDays, leadDays);
  return normSInv(level) * sigmaDailySales * Math.sqrt(leadDays);
}

/**
 * Sample standard deviation (Excel's STDEV.S, n - 1 in the denominator) of a
 * list of daily sales: the sigma that `safetyStock` takes. Needs at least two
 * values; each must be a finite number >= 0.
 * @example sampleStdDev([18, 22, 20, 25, 15]) // 3.8079
 */
export function sampleStdDev(values: readonly number[]): number {
  if (!Array.isArray(values) || values.length < 2) {
    const got = Array.isArray(values) ? `${values.length} value${values.length === 1 ? "" : "s"}` : "no list";
    throw new InputError(
      ARG.values.name,
      `values needs at least two daily sales figures (got ${got})`,
      `values（日销量）至少需要两个数值（收到 ${Array.isArray(values) ? values.length : 0} 个）`,
    );
  }
  values.forEach((v, i) => requireNonNegative({ name: `values[${i}]`, zh: "日销量" }, v));
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - mean) * (v - mean), 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** The days-based reorder inputs; every number is >= 0. */
export interface ReorderInput {
  /** Average units sold per day (日均销量). */
  dailySales: number;
  /** Purchase days + transit days (采购天数 + 运输天数). */
  leadDays: number;
  /** Safety days (安全天数). */
  safetyDays: number;
  /** Available stock (可用库存). */
  onHand: number;
  /** Ordered, not yet arrived (在途). */
  inTransit: number;
  /** Days until the next purchase review (采购频率 / review period); 0 by default. */
  reviewDays?: number;
}

/** The days-based reorder suggestion (补货建议). */
export interface ReorderSuggestion {
  /** Stock plus transit no longer covers lead + safety days. */
  reorder: boolean;
  /** Units to order to cover review + lead + safety days (0 when stock suffices). */
  quantity: number;
  /** Days that stock plus transit lasts at the daily sales; Infinity when nothing sells. */
  coverDays: number;
}

/**
 * Days-based reorder check: reorder when (leadDays + safetyDays) x dailySales
 * exceeds on hand + in transit; the suggested quantity covers review + lead +
 * safety days, rounded up to whole units.
 * @example
 * reorderQty({ dailySales: 20, leadDays: 15, safetyDays: 7, onHand: 200, inTransit: 100 })
 * // { reorder: true, quantity: 140, coverDays: 15 }
 */
export function reorderQty(input: ReorderInput): ReorderSuggestion {
  const dailySales = requireNonNegative(ARG.dailySales, input.dailySales);
  const leadDays = requireNonNegative(ARG.leadDays, input.leadDays);
  const safetyDays = requireNonNegative(ARG.safetyDays, input.safetyDays);
  const onHand = requireNonNegative(ARG.onHand, input.onHand);
  const inTransit = requireNonNegative(ARG.inTransit, input.inTransit);
  const reviewDays = requireNonNegative(ARG.reviewDays, input.reviewDays ?? 0);

  const available = onHand + inTransit;
  const reorder = exceeds((leadDays + safetyDays) * dailySales, available);
  const quantity = Math.max(0, roundUp((reviewDays + leadDays + safetyDays) * dailySales - available));
  const coverDays = dailySales === 0 ? Infinity : available / dailySales;
  return { reorder, quantity, coverDays };
}
