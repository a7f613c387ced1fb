/**
 * A bad argument handed to an engine function (a negative quantity, a score
 * outside its scale, text where a number belongs). It names the argument and
 * says what is wrong in English and Chinese; front ends map it to #VALUE! or
 * to a row issue. It is a caller's mistake, never a finding.
 */
export class InputError extends Error {
  readonly code = "invalid_input";
  /** The same message in Chinese. */
  readonly messageZh: string;

  /**
   * @param argument the argument's name as the caller knows it ("dailySales")
   * @param message what is wrong, in English
   * @param messageZh what is wrong, in Chinese (defaults to the English text)
   */
  constructor(
    readonly argument: string,
    message: string,
    messageZh: string = message,
  ) {
    super(message);
    this.name = "InputError";
    this.messageZh = messageZh;
  }
}

/** An argument's name for messages: the code name, with its Chinese label when one is given. */
export interface ArgumentLabel {
  name: string;
  zh?: string;
}

function labelsOf(argument: string | ArgumentLabel): { name: string; en: string; zh: string } {
  if (typeof argument === "string") return { name: argument, en: argument, zh: `${argument} ` };
  const zh = argument.zh === undefined ? `${argument.name} ` : `${argument.name}（${argument.zh}）`;
  return { name: argument.name, en: argument.name, zh };
}

function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}

/**
 * Throws `InputError` unless `value` is a finite number (not NaN, not ±Infinity).
 * @example requireFinite("leadDays", 15) // 15
 */
export function requireFinite(argument: string | ArgumentLabel, value: unknown): number {
  const { name, en, zh } = labelsOf(argument);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InputError(
      name,
      `${en} must be a finite number (got ${shown(value)})`,
      `${zh}必须是有限的数字（收到 ${shown(value)}）`,
    );
  }
  return value;
}

/**
 * Throws `InputError` unless `value` is a finite number >= 0.
 * @example requireNonNegative("onHand", 200) // 200
 */
export function requireNonNegative(argument: string | ArgumentLabel, value: unknown): number {
  const n = requireFinite(argument, value);
  if (n < 0) {
    const { name, en, zh } = labelsOf(argument);
    throw new InputError(name, `${en} must not be negative (got ${n})`, `${zh}不能为负数（收到 ${n}）`);
  }
  return n;
}

/**
 * Throws `InputError` unless `value` is a whole number >= 0 (a count).
 * @example requireCount("reviewCount", 12) // 12
 */
export function requireCount(argument: string | ArgumentLabel, value: unknown): number {
  const n = requireNonNegative(argument, value);
  if (!Number.isInteger(n)) {
    const { name, en, zh } = labelsOf(argument);
    throw new InputError(name, `${en} must be a whole number (got ${n})`, `${zh}必须是整数（收到 ${n}）`);
  }
  return n;
}
