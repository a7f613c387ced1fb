import { INPUT_RULE, type CellIssue, type Level, type Order, type Reason, type Verdict } from "./types";
import { DEFAULT_SETTINGS, type Settings } from "./settings";
import type { BlacklistIndex } from "./blacklist";
import { moneyAtRisk, type MoneyAtRisk } from "./at-risk";
import { CHECKS } from "./checks";
import { HISTORY_CHECKS } from "./history/checks";
import { moneyAtRiskOn } from "./history/at-risk-now";
import type { BatchFacts, Check, CheckContext } from "./checks/check";
import { compactTracking } from "./identifiers/tracking";
import { normalizeCompanyName } from "./identifiers/supplier-key";
import { memoizeString } from "./memo";
import { StringTable } from "./string-table";

export interface ScoreOptions {
  settings: Settings;
  blacklist?: BlacklistIndex | undefined;
  /** Field ids the ledger has columns for (see CheckContext.fields). */
  fields?: ReadonlySet<string> | undefined;
  batch?: BatchFacts | undefined;
  /**
   * The day to judge the ledger on. Given, the history checks run too (deposit
   * and no tracking, late delivery, fake tracking in the escrow window);
   * without it scores are exactly what they were.
   */
  asOf?: Date | undefined;
}

/** LOW below levels.medium, HIGH from levels.high. */
export function levelOf(score: number, settings: Settings): Level {
  if (score >= settings.levels.high) return "HIGH";
  if (score >= settings.levels.medium) return "MEDIUM";
  return "LOW";
}

/**
 * Scores one order: every check of DOMAIN.md section 2, then
 * score = min(100, sum of points), or 100 when the supplier is blacklisted.
 * @example scoreOrder(order, { settings: DEFAULT_SETTINGS }) // { score: 100, level: "HIGH", reasons: [...] }
 */
export function scoreOrder(order: Order, options: ScoreOptions): Verdict {
  return scoreIn(order, contextFor(options), checksFor(options.fields, options.asOf !== undefined));
}

/**
 * The checks that can find something in a ledger with these fields: a check
 * whose `fields` the ledger has none of is left out (every check when the
 * fields are not known, as for one order typed into a form).
 */
function checksFor(fields: ReadonlySet<string> | undefined, history = false): readonly Check[] {
  if (history) {
    const all = [...CHECKS, ...HISTORY_CHECKS];
    return fields === undefined
      ? all
      : all.filter((c) => c.fields === undefined || c.fields.some((f) => fields.has(f)));
  }
  if (fields === undefined) return CHECKS;
  // The task pane scores a ledger's rows one by one with one (read-only) field set: filter once for it.
  if (fields !== lastFields) {
    lastFields = fields;
    lastChecks = CHECKS.filter((c) => c.fields === undefined || c.fields.some((f) => fields.has(f)));
  }
  return lastChecks;
}

let lastFields: ReadonlySet<string> | undefined;
let lastChecks: readonly Check[] = CHECKS;

/**
 * The context the checks see, built once per call (`atRisk` is set per order).
 * One literal with every key: every context has the one shape, which the
 * literal keeps alive (see BatchScorer.shapeKeeper for why that matters).
 */
function contextFor(options: ScoreOptions): CheckContext {
  return {
    settings: options.settings,
    blacklist: options.blacklist,
    fields: options.fields,
    batch: options.batch,
    atRisk: NOTHING_YET,
    asOf: options.asOf,
    now: undefined,
  };
}

const NOTHING_YET: MoneyAtRisk = Object.freeze({ basis: "unknown" });

/** The verdict of an order nothing was found on, shared (frozen) for the last settings used. */
let cleanVerdict: Verdict | undefined;
let cleanSettings: Settings | undefined;

function clean(settings: Settings): Verdict {
  if (cleanVerdict === undefined || cleanSettings !== settings) {
    cleanVerdict = Object.freeze({ score: 0, level: levelOf(0, settings), reasons: Object.freeze([]) });
    cleanSettings = settings;
  }
  return cleanVerdict;
}

/** Scores one order with a context (and the checks that apply) shared by the orders of one call. */
function scoreIn(order: Order, ctx: CheckContext, checks: readonly Check[]): Verdict {
  const settings = ctx.settings;
  ctx.atRisk = moneyAtRisk(order, settings);
  if (ctx.asOf !== undefined) ctx.now = moneyAtRiskOn(order, settings, ctx.asOf, ctx.fields);
  let reasons: Reason[] | undefined;
  let sum = 0;
  let listed = false;
  for (let i = 0; i < checks.length; i++) {
    const found = (checks[i] as Check).run(order, ctx);
    if (found === undefined) continue;
    reasons ??= [];
    if (Array.isArray(found)) {
      for (const r of found) {
        reasons.push(r);
        sum += r.points;
      }
    } else {
      reasons.push(found);
      sum += found.points;
      if (found.rule === "blacklisted") listed = true;
    }
  }
  const issues = order.issues;
  if (issues !== undefined) {
    reasons ??= [];
    for (let i = 0; i < issues.length; i++) reasons.push(unreadable(issues[i] as CellIssue));
  }
  // Most orders raise nothing: they share one verdict instead of a verdict and an empty list each.
  if (reasons === undefined) return clean(settings);
  const score = listed ? 100 : Math.min(100, Math.round(sum));
  return { score, level: levelOf(score, settings), reasons };
}

/** The note (0 points) for a cell the reader could not read: the row was scored without it. */
function unreadable(issue: CellIssue): Reason {
  return {
    rule: INPUT_RULE,
    code: "unreadable_cell",
    points: 0,
    facts: {
      column: issue.column,
      field: issue.field,
      value: issue.value,
      message: issue.message,
      messageZh: issue.messageZh ?? issue.message,
    },
  };
}

/** The key that tells two suppliers apart when comparing rows. */
export function orderSupplierKey(order: Order): string | undefined {
  const s = order.supplier;
  if (s.name) {
    const key = nameKey(s.name);
    if (key) return key;
  }
  if (s.memberId) return `member:${s.memberId.trim().toLowerCase()}`;
  if (s.shopUrl) return `url:${s.shopUrl.trim().toLowerCase()}`;
  return undefined;
}

/** Supplier names repeat on many rows: each distinct name's key is built once ("" for no key). */
const nameKey = memoizeString((name: string) => {
  const normal = normalizeCompanyName(name);
  return normal ? `name:${normal}` : "";
}, 65_536);

/**
 * The tracking numbers of orders taken in turn, as TrackingUse records them:
 * each as its compact number and its supplier's key; nothing for an order with
 * no number or no supplier to tell apart, nor for a line repeating the last
 * order's number and supplier (continuation lines repeat both).
 */
export class TrackingEntries {
  private lastNumber: string | undefined;
  private lastKey: string | undefined;

  next(order: Order): { compact: string; key: string } | undefined {
    const number = order.trackingNumber;
    if (number === undefined) return undefined;
    const compact = compactTracking(number);
    if (compact === "") return undefined;
    const key = orderSupplierKey(order);
    if (key === undefined || (compact === this.lastNumber && key === this.lastKey)) return undefined;
    this.lastNumber = compact;
    this.lastKey = key;
    return { compact, key };
  }
}

/**
 * Which suppliers used each tracking number, built up over one or more batches
 * of orders (the chunks of a streamed audit). Most numbers have one supplier:
 * they cost one StringTable entry holding its supplier's number (about 20
 * bytes, off the heap); only numbers that turn up under a second supplier get
 * a set, and those sets are the facts the checks see.
 */
export class TrackingUse {
  /** Compact number → the index in `keys` of the first supplier seen with it. */
  private readonly first = new StringTable();
  /** Supplier keys, each once, and where each is in `keys` (hundreds or thousands, not one an order). */
  private readonly keys: string[] = [];
  private readonly keyIndex = new Map<string, number>();
  private lastKey: string | undefined;
  private lastIndex = -1;
  /** Compact number → every supplier key, for numbers used by more than one. */
  private readonly shared = new Map<string, Set<string>>();
  private readonly entries = new TrackingEntries();
  /** Numbers recorded before the current `add` call (entries below this were added by earlier calls). */
  private addStart = 0;
  private late = false;

  /**
   * Records the orders of one batch (a chunk of a streamed ledger). The facts
   * stay a live view: later batches add to them.
   */
  add(orders: Iterable<Order>): this {
    this.addStart = this.first.size;
    for (const order of orders) this.addOne(order);
    this.addStart = this.first.size;
    return this;
  }

  /**
   * Whether some `add` call gave a number recorded by an earlier call another
   * supplier: orders of an earlier batch then share a number with one of a later
   * batch, and a caller that judged the earlier batch on the facts it had then
   * (a streamed audit writing each chunk as it goes) judged it short of them.
   */
  get changedLate(): boolean {
    return this.late;
  }

  /** Records one order's number under its supplier (an order with no supplier to tell apart records nothing). */
  private addOne(order: Order): void {
    const entry = this.entries.next(order);
    if (entry !== undefined) this.addNumber(entry.compact, entry.key);
  }

  /**
   * Records a compact tracking number (compactTracking, not "") under a supplier key
   * (orderSupplierKey): for a caller that keeps both per order, as the task pane does
   * between two edits of a ledger.
   */
  addNumber(compact: string, key: string): void {
    const k = this.indexOf(key);
    const before = this.first.size;
    const e = this.first.add(compact, k);
    if (e === before) return;
    const seen = this.first.value(e);
    if (seen === k) return;
    let set = this.shared.get(compact);
    if (set === undefined) this.shared.set(compact, (set = new Set([this.keys[seen] as string])));
    const size = set.size;
    set.add(key);
    if (set.size > size && e < this.addStart) this.late = true;
  }

  /** The supplier key's place in `keys` (added when new); the rows of one supplier often come together. */
  private indexOf(key: string): number {
    if (key === this.lastKey) return this.lastIndex;
    let k = this.keyIndex.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.keys.push(key);
      this.keyIndex.set(key, k);
    }
    this.lastKey = key;
    this.lastIndex = k;
    return k;
  }

  /** The numbers used by more than one supplier so far, with those suppliers (a live view). */
  facts(): BatchFacts {
    return { trackingSuppliers: this.shared };
  }
}

/** FNV-1a over the UTF-16 code units, as a signed 32-bit integer. */
export function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Collects facts across rows: the tracking numbers that more than one supplier used. */
export function batchFacts(orders: Iterable<Order>): BatchFacts {
  return new TrackingUse().add(orders).facts();
}

/**
 * Scores orders as they arrive (a ledger read a chunk at a time), each while
 * it is still in cache, then settles the facts across rows in `finish`.
 *
 * Which tracking numbers orders of different suppliers share is found without
 * a table of every number: each order's number is hashed as it is scored, the
 * (hash, order) pairs are sorted once at the end, and only orders whose hashes
 * meet are compared. The orders carrying a shared number are then scored
 * again with those facts (there are few; no other verdict can change).
 */
export interface BatchScorerOptions extends ScoreOptions {
  /**
   * How many orders are coming, or an upper bound (a ledger's row count): the
   * scorer's arrays are made that long once, instead of growing (and being
   * copied) as a 100,000-row ledger arrives.
   */
  capacity?: number | undefined;
}

export class BatchScorer {
  /**
   * One empty scorer, kept for the life of the module. V8 compiles the scoring
   * loop for the object shape a scorer has once its fields are set; that shape
   * is reached by adding the fields one by one and lives only while some scorer
   * does. Without this one, once the scorers of a ledger are collected (between
   * two recalculations in Excel, two ledgers in the task pane), a garbage
   * collection takes the shape, the code compiled for it is thrown away, and
   * the next ledger runs slowly until it is compiled again.
   */
  static readonly shapeKeeper: BatchScorer = new BatchScorer({ settings: DEFAULT_SETTINGS });

  private readonly ctx: CheckContext;
  private readonly checks: readonly Check[];
  /** Facts given by the caller: used as they are, nothing settled here. */
  private readonly given: boolean;
  private readonly shared = new Map<string, Set<string>>();
  private readonly orders: Order[];
  /** Each order's compact tracking number (undefined for none). */
  private readonly numbers: (string | undefined)[];
  private readonly verdicts: Verdict[];
  /** Orders added so far (the arrays above may be longer: see `capacity`). */
  private count = 0;
  /** Orders to compare, with the hash of their number (a line repeating its order's number and supplier is left out). */
  private candidates = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private candidateCount = 0;
  private lastNumber: string | undefined;
  private lastSupplier: Order["supplier"] | undefined;

  constructor(options: BatchScorerOptions) {
    this.checks = checksFor(options.fields, options.asOf !== undefined);
    this.given = options.batch !== undefined;
    const capacity = Math.max(0, options.capacity ?? 0);
    this.verdicts = new Array<Verdict>(capacity);
    this.orders = new Array<Order>(this.given ? 0 : capacity);
    this.numbers = new Array<string | undefined>(this.given ? 0 : capacity);
    this.ctx = contextFor({ ...options, batch: options.batch ?? { trackingSuppliers: this.shared } });
  }

  add(orders: readonly Order[]): void {
    const ctx = this.ctx;
    for (let i = 0; i < orders.length; i++) {
      const order = orders[i] as Order;
      const k = this.count++;
      // With the facts given there is nothing to settle, so nothing to keep but the verdict.
      if (!this.given) {
        this.numbers[k] = this.note(order, k);
        this.orders[k] = order;
      }
      this.verdicts[k] = scoreIn(order, ctx, this.checks);
    }
  }

  /** Records an order's number for `finish`; returns it compacted. */
  private note(order: Order, index: number): string | undefined {
    const number = order.trackingNumber;
    if (number === undefined) return undefined;
    const compact = compactTracking(number);
    if (compact === "") return undefined;
    if (compact === this.lastNumber && order.supplier === this.lastSupplier) return compact;
    this.lastNumber = compact;
    this.lastSupplier = order.supplier;
    if (this.candidateCount === this.candidates.length) {
      const candidates = new Int32Array(this.candidateCount * 2);
      candidates.set(this.candidates);
      this.candidates = candidates;
      const hashes = new Int32Array(this.candidateCount * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.candidates[this.candidateCount] = index;
    this.hashes[this.candidateCount] = hashOf(compact);
    this.candidateCount++;
    return compact;
  }

  /** The facts across the orders added (complete once `finish` has run). */
  facts(): BatchFacts {
    return this.ctx.batch ?? { trackingSuppliers: this.shared };
  }

  /** The verdict of every order added, in the order added. */
  finish(): Verdict[] {
    this.verdicts.length = this.count;
    if (this.given || this.candidateCount < 2) return this.verdicts;
    const sharedHashes = this.findShared();
    if (sharedHashes.size === 0) return this.verdicts;
    // Between one recorded order and the next, every order with a number has the first's
    // number (its lines): re-score each recorded order whose number is shared, and its lines.
    const count = this.candidateCount;
    for (let k = 0; k < count; k++) {
      if (!sharedHashes.has((this.hashes[k] as number) >>> this.shift)) continue;
      const first = this.candidates[k] as number;
      if (!this.shared.has(this.numbers[first] as string)) continue;
      const end = k + 1 < count ? (this.candidates[k + 1] as number) : this.count;
      for (let i = first; i < end; i++) {
        if (this.numbers[i] !== undefined)
          this.verdicts[i] = scoreIn(this.orders[i] as Order, this.ctx, this.checks);
      }
    }
    return this.verdicts;
  }

  /** How far the hashes were shifted to fit the packed pairs (see findShared). */
  private shift = 0;

  /** Fills `shared` with the numbers more than one supplier used; returns their (shifted) hashes. */
  private findShared(): Set<number> {
    const sharedHashes = new Set<number>();
    const count = this.candidateCount;
    // Pack (hash, order index) into one double (53 bits): the index takes the bits it needs, the
    // hash the rest (all 32 up to two million orders; past that a shorter hash only means more
    // orders compared, never a wrong answer).
    const span = 2 ** Math.max(1, Math.ceil(Math.log2(this.count)));
    const shift = (this.shift = Math.max(0, 32 - (53 - Math.log2(span))));
    const packed = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      packed[k] = ((this.hashes[k] as number) >>> shift) * span + (this.candidates[k] as number);
    }
    packed.sort();
    for (let a = 0; a < count;) {
      const hash = Math.floor((packed[a] as number) / span);
      let b = a + 1;
      while (b < count && Math.floor((packed[b] as number) / span) === hash) b++;
      if (b - a > 1 && this.compare(packed, span, a, b)) sharedHashes.add(hash);
      a = b;
    }
    return sharedHashes;
  }

  /** Orders `packed[from..to)` share a hash: group them by number and keep the numbers with two suppliers or more. */
  private compare(packed: Float64Array, span: number, from: number, to: number): boolean {
    const groups = new Map<string, Set<string>>();
    for (let k = from; k < to; k++) {
      const index = (packed[k] as number) % span;
      const key = orderSupplierKey(this.orders[index] as Order);
      if (key === undefined) continue;
      const number = this.numbers[index] as string;
      let keys = groups.get(number);
      if (keys === undefined) groups.set(number, (keys = new Set()));
      keys.add(key);
    }
    let found = false;
    for (const [number, keys] of groups) {
      if (keys.size > 1) {
        this.shared.set(number, keys);
        found = true;
      }
    }
    return found;
  }
}

/**
 * Scores the orders read together (a ledger, a spilled range): each as
 * scoreOrder does, plus the facts across them (one tracking number on
 * orders of different suppliers), in one pass (see BatchScorer).
 */
export function scoreOrders(orders: readonly Order[], options: ScoreOptions): Verdict[] {
  const scorer = new BatchScorer({ ...options, capacity: orders.length });
  scorer.add(orders);
  return scorer.finish();
}
