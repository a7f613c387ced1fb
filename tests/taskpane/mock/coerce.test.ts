import { coerceInput, dateSerial } from "../../../src/taskpane/mock/coerce";

describe("coerceInput: what Excel stores for text typed into a General cell", () => {
  it.each([
    ["a member id of digits loses its leading zeros", "00123", 123],
    [
      "a long order number keeps 15 digits, the rest cut to zeros",
      "2403011001123456789",
      2403011001123450000,
    ],
    ["a 16-digit card-like number is cut, not rounded", "1234567890123456", 1234567890123450],
    ["a tracking number of 12 digits becomes a number", "773052198412", 773052198412],
    ["thousands separators are read", "12,400.50", 12400.5],
    ["a percentage becomes a fraction", "30%", 0.3],
    ["a negative number", "-5", -5],
    ["scientific notation", "1E3", 1000],
  ])("%s", (_what, text, value) => {
    expect(coerceInput(text)).toBe(value);
  });

  it.each([
    ["an ISO date", "2025-03-10", 45726],
    ["a date with slashes, year first", "2025/3/10", 45726],
    ["a US date", "3/10/2025", 45726],
  ])("turns %s into a date serial", (_what, text, serial) => {
    expect(coerceInput(text)).toBe(serial);
  });

  it("turns TRUE and false into booleans", () => {
    expect(coerceInput("TRUE")).toBe(true);
    expect(coerceInput("false")).toBe(false);
  });

  it.each([
    ["a USCC", "91330782MA2E4K7L6U"],
    ["a member id with letters", "jiamei88"],
    ["money with a yuan sign", "¥6,688.00"],
    ["a Chinese year count", "8年"],
    ["a date that does not exist", "2025-02-30"],
    ["a misplaced thousands separator", "1,23"],
    ["a sign alone", "-"],
  ])("keeps %s as text", (_what, text) => {
    expect(coerceInput(text)).toBe(text);
  });

  it("numbers dates the way Excel does (1900 system, counting its phantom 29 February 1900)", () => {
    expect(dateSerial(1900, 3, 1)).toBe(61);
    expect(dateSerial(2025, 1, 1)).toBe(45658);
    expect(dateSerial(2025, 13, 1)).toBeUndefined();
  });
});
