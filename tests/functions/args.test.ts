import {
  asRange,
  badArgument,
  isLeftOut,
  isOmitted,
  toCell,
  toMatrix,
  toScalar,
} from "../../src/functions/args";
import { CellError } from "../../src/functions/cell-error";
import { InputError } from "../../src/rules/input-error";
import { ErrorValueArgument } from "../../src/functions/safely";

describe("custom-function argument coercion", () => {
  it("turns an Excel error object inside a range into its code, so the ledger reports it by column", () => {
    expect(toCell(new CellError("#N/A", "lookup failed"))).toBe("#N/A");
    expect(toMatrix([[1, { code: "#REF!" }]])).toEqual([[1, "#REF!"]]);
  });

  it("throws ErrorValueArgument naming the argument for an error value given as a single value", () => {
    expect(() => toScalar(new CellError("#N/A", ""), "total")).toThrow(
      expect.objectContaining({ argument: "total", code: "#N/A" }),
    );
    expect(() => toScalar([[{ code: "#REF!" }]], "total")).toThrow(ErrorValueArgument);
  });

  it("makes a 1x1 range of a single value and keeps ranges as they are", () => {
    expect(toMatrix("x")).toEqual([["x"]]);
    expect(toMatrix([["a", null]])).toEqual([["a", null]]);
    expect(toScalar([["first", "second"]], "x")).toBe("first");
  });

  it.each([[null], [undefined], [""], [[[null, ""]]]])("reads %p as an omitted argument", (v) => {
    expect(isOmitted(v)).toBe(true);
  });

  it("does not read a range with one value as omitted", () => {
    expect(isOmitted([[null, "x"]])).toBe(false);
  });

  it("names the argument in both languages", () => {
    expect(() => badArgument("rows", "is empty", "为空")).toThrow(InputError);
    try {
      badArgument("rows", "is empty", "为空");
    } catch (e) {
      expect((e as InputError).message).toBe("rows: is empty");
      expect((e as InputError).messageZh).toBe("rows：为空");
    }
  });
});

describe("range arguments used for lookups", () => {
  it("passes a 2-D range through without copying it", () => {
    const range = [["a"], ["b"]];
    expect(asRange(range)).toBe(range);
    expect(asRange("x")).toEqual([["x"]]);
  });

  it("sees a left-out range in constant time", () => {
    expect(isLeftOut(null)).toBe(true);
    expect(isLeftOut([[null]])).toBe(true);
    expect(isLeftOut([[""]])).toBe(true);
    expect(isLeftOut([["x"]])).toBe(false);
    expect(isLeftOut([[null], [null]])).toBe(false);
  });
});
