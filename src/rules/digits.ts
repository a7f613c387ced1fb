/**
 * Whole-number arithmetic on decimal digit strings, for numbers beyond 2^53 without
 * BigInt (ES2020), which the JavaScript-only custom functions runtime (ES2016) lacks.
 */

/**
 * The exact decimal digits of a whole number held in a double, as `BigInt(n).toString()`
 * gives them: 2^60 is "1152921504606846976", where String(2^60) rounds to "...847000".
 *
 * @example integerDigits(1e21) // "1000000000000000000000"
 */
export function integerDigits(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`${n} is not a whole number`);
  if (Number.isSafeInteger(n)) return String(n);
  const sign = n < 0 ? "-" : "";
  // n = mantissa x 2^exponent with a safe-integer mantissa; halving a double is exact.
  let mantissa = Math.abs(n);
  let exponent = 0;
  while (!Number.isSafeInteger(mantissa)) {
    mantissa /= 2;
    exponent++;
  }
  // Little-endian decimal digits, doubled `exponent` times.
  const digits = String(mantissa).split("").reverse().map(Number);
  for (let e = 0; e < exponent; e++) {
    let carry = 0;
    for (let i = 0; i < digits.length; i++) {
      const d = (digits[i] ?? 0) * 2 + carry;
      digits[i] = d % 10;
      carry = d >= 10 ? 1 : 0;
    }
    if (carry) digits.push(carry);
  }
  return sign + digits.reverse().join("");
}

/**
 * The remainder of a non-negative whole number written in decimal digits, divided by a
 * small modulus (at most 2^53 / 10), digit by digit.
 *
 * @example remainderOfDigits("12345678901234567890", 7) // 3
 */
export function remainderOfDigits(digits: string, modulus: number): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError(`"${digits}" is not a string of decimal digits`);
    r = (r * 10 + d) % modulus;
  }
  return r;
}
