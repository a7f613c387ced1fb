import { isCountryCode } from "./countries";
import { remainderOfDigits } from "../digits";

/**
 * Check-digit algorithms of tracking numbers. Each takes the compact number
 * (upper case, no separators) and says whether its check digit is right; the
 * carrier table (carriers.ts) names which one applies to which format.
 */

const ZERO = 48;

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - ZERO;
}

/**
 * GS1-style mod 10: weights 3,1,3,1... from the right, starting at the digit
 * just before the check digit; check = (10 - sum mod 10) mod 10. Used by
 * USPS IMpb, FedEx Ground 15 and 96-prefixed 22-digit barcodes, SSCC.
 */
export function isValidMod10Weighted31(s: string): boolean {
  const last = s.length - 1;
  if (last < 1) return false;
  let sum = 0;
  let weight = 3;
  for (let i = last - 1; i >= 0; i--) {
    sum += digitAt(s, i) * weight;
    weight = weight === 3 ? 1 : 3;
  }
  return (10 - (sum % 10)) % 10 === digitAt(s, last);
}

/** UPU S10: `AA` + 8 digits + check + ISO 3166 country (weights 8,6,4,2,3,5,9,7 mod 11). */
export function isValidS10(s: string): boolean {
  return (
    s.length === 13 && s10CheckDigit(s.slice(2, 10)) === digitAt(s, 10) && isCountryCode(s.slice(11, 13))
  );
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** The S10 check digit of 8 serial digits: r = sum mod 11; 0 gives 5, 1 gives 0, else 11 - r. */
export function s10CheckDigit(serial: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digitAt(serial, i) * (S10_WEIGHTS[i] ?? 0);
  const r = sum % 11;
  return r === 0 ? 5 : r === 1 ? 0 : 11 - r;
}

/**
 * China Post domestic EMS, 13 digits: reported (unofficially) to carry an
 * S10-style check digit in digit 11 over digits 3 to 10.
 */
export function isValidEmsDomestic(s: string): boolean {
  return s.length === 13 && s10CheckDigit(s.slice(2, 10)) === digitAt(s, 10);
}

/**
 * UPS mod 10 over `s[from..to)`: a letter counts as (char code - 3) mod 10;
 * the first character weighs 1, the next 2, and so on; the check digit that
 * follows is (10 - sum mod 10) mod 10.
 */
function upsCheckDigit(s: string, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const code = s.charCodeAt(i);
    const value = code <= 57 ? code - ZERO : (code - 3) % 10;
    sum += (i - from) % 2 === 0 ? value : value * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** UPS `1Z` + 15 characters + check digit (UPS mod 10 over the 15). */
export function isValidUps(s: string): boolean {
  return s.length === 18 && upsCheckDigit(s, 2, 17) === digitAt(s, 17);
}

/**
 * UPS waybill: a service letter (J, K, V...), 9 digits and a check digit,
 * UPS mod 10 over the 9 digits.
 */
export function isValidUpsWaybill(s: string): boolean {
  return s.length === 11 && upsCheckDigit(s, 1, 10) === digitAt(s, 10);
}

/**
 * FedEx Express: weights 1,3,7 repeating from the right over the digits
 * before the check digit (3,1,7... from the left on the 12-digit number);
 * check = sum mod 11 mod 10. The 34-digit barcode carries the same number in
 * its last 14 digits, the 32-digit ASTRA barcode in digits 17-28.
 */
export function isValidFedexExpress(s: string): boolean {
  const last = s.length - 1;
  if (last < 1) return false;
  let sum = 0;
  let k = 0;
  for (let i = last - 1; i >= 0; i--, k++) {
    const weight = k % 3 === 0 ? 1 : k % 3 === 1 ? 3 : 7;
    sum += digitAt(s, i) * weight;
  }
  return (sum % 11) % 10 === digitAt(s, last);
}

/** DHL Express: the digits before the check digit, read as one integer, mod 7. */
export function isValidDhl(s: string): boolean {
  const last = s.length - 1;
  if (last < 1) return false;
  const check = digitAt(s, last);
  // Digit by digit: longer numbers than a double holds exactly, and no BigInt (ES2020).
  return remainderOfDigits(s.slice(0, last), 7) === check;
}

/**
 * SF Express (unofficial, widely reported, never published by SF): drop `SF`,
 * ignore the first 3 digits and the last; weight the digits in between from
 * the right 1,3,5,7...; add up the decimal digits of each product;
 * check = (10 - sum mod 10) mod 10.
 */
export function isValidSf(s: string): boolean {
  const digits = s.startsWith("SF") ? s.slice(2) : s;
  const last = digits.length - 1;
  if (last < 4) return false;
  let sum = 0;
  let weight = 1;
  for (let i = last - 1; i >= 3; i--) {
    let product = digitAt(digits, i) * weight;
    while (product > 0) {
      sum += product % 10;
      product = Math.floor(product / 10);
    }
    weight += 2;
  }
  return (10 - (sum % 10)) % 10 === digitAt(digits, last);
}

export const CHECKSUMS = {
  s10: isValidS10,
  ups: isValidUps,
  ups_waybill: isValidUpsWaybill,
  fedex_express: isValidFedexExpress,
  mod10_3_1: isValidMod10Weighted31,
  dhl_mod7: isValidDhl,
  sf: isValidSf,
  ems_domestic: isValidEmsDomestic,
} as const;

export type ChecksumName = keyof typeof CHECKSUMS;
