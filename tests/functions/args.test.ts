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

describe("linked data types (allowCustomDataForDataTypeAny)", () => {
  const formatted = { type: "FormattedNumber", basicValue: 48000, numberFormat: "¥#,##0.00" };
  const double = { type: "Double", basicType: "Double", basicValue: 0.3, numberFormat: "0%" };
  const entity = {
    type: "Entity",
    text: "义乌市宏达贸易有限公司",
    properties: { 成立年份: { type: "Double", basicValue: 2015 } },
    basicType: "Error",
    basicValue: "#VALUE!",
  };

  it("reads a formatted number as its basic value, not as [object Object]", () => {
    expect(toCell(formatted)).toBe(48000);
    expect(toScalar(double, "paidUpfront")).toBe(0.3);
  });

  it("reads an entity (or linked entity) as the text its cell shows", () => {
    expect(toCell(entity)).toBe("义乌市宏达贸易有限公司");
    expect(toScalar({ type: "LinkedEntity", text: "Alibaba Group", basicValue: "#VALUE!" }, "supplier")).toBe(
      "Alibaba Group",
    );
  });

  it("reads text and boolean data types as their basic values, and Empty as blank", () => {
    expect(toCell({ type: "String", basicValue: "微信转账" })).toBe("微信转账");
    expect(toCell({ type: "Boolean", basicValue: true })).toBe(true);
    expect(toCell({ type: "Empty", basicValue: "" })).toBeNull();
    expect(isOmitted({ type: "Empty", basicValue: "" })).toBe(true);
  });

  it("answers a data type whose value is an error (an image, an Error value) with that error", () => {
    expect(toCell({ type: "Error", errorType: "NotAvailable", basicValue: "#N/A" })).toBe("#N/A");
    expect(
      toCell({
        type: "WebImage",
        address: "https://example.com/a.png",
        basicType: "Error",
        basicValue: "#VALUE!",
      }),
    ).toBe("#VALUE!");
    expect(() => toScalar({ type: "Error", basicValue: "#N/A" }, "total")).toThrow(ErrorValueArgument);
  });

  it("reads an unknown object as #VALUE!, never as its JavaScript text", () => {
    expect(toCell({ some: "object" })).toBe("#VALUE!");
  });

  it("copies a lookup range only when it holds data types, reading their values", () => {
    const plain = [["义乌市宏达贸易有限公司"]];
    expect(asRange(plain)).toBe(plain);
    expect(asRange([[entity], [formatted]])).toEqual([["义乌市宏达贸易有限公司"], [48000]]);
  });
});
