import { integerDigits, remainderOfDigits } from "../../src/rules/digits";

describe("integerDigits", () => {
  it.each([
    0,
    7,
    -42,
    2 ** 53 - 1,
    2 ** 53,
    2 ** 60,
    -(2 ** 70),
    1e21,
    1.2e18,
    123456789012345680000,
    2 ** 1000,
  ])("writes %p out in full, digit for digit as BigInt does", (n) => {
    expect(integerDigits(n)).toBe(BigInt(n).toString());
  });

  it("refuses a fraction", () => {
    expect(() => integerDigits(1.5)).toThrow(RangeError);
  });
});

describe("remainderOfDigits", () => {
  it.each([
    ["0", 7],
    ["1234567890", 7],
    ["12345678901234567890123", 7],
    ["99999999999999999999999999999999", 11],
  ])("finds %s mod %d as BigInt does", (digits, modulus) => {
    expect(remainderOfDigits(digits, modulus)).toBe(Number(BigInt(digits) % BigInt(modulus)));
  });

  it("refuses text that is not digits", () => {
    expect(() => remainderOfDigits("12a", 7)).toThrow(RangeError);
  });
});
