import { InputError, requireCount, requireFinite, requireNonNegative } from "../../src/rules/input-error";
import { caught } from "./helpers";

describe("InputError", () => {
  it("names the argument and carries an English and a Chinese message", () => {
    const e = new InputError("onHand", "onHand must not be negative", "onHand 不能为负数");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("InputError");
    expect(e.code).toBe("invalid_input");
    expect(e.argument).toBe("onHand");
    expect(e.message).toBe("onHand must not be negative");
    expect(e.messageZh).toBe("onHand 不能为负数");
  });

  it("falls back to the English text when no Chinese message is given", () => {
    expect(new InputError("x", "bad x").messageZh).toBe("bad x");
  });
});

describe("requireFinite", () => {
  it.each([0, -3, 2.5, 1e9])("accepts the finite number %p", (v) => {
    expect(requireFinite("x", v)).toBe(v);
  });

  it.each([NaN, Infinity, -Infinity, "12", null, undefined])("rejects %p", (v) => {
    const e = caught(() => requireFinite({ name: "leadDays", zh: "交货周期天数" }, v));
    expect(e.argument).toBe("leadDays");
    expect(e.message).toMatch(/^leadDays must be a finite number/);
    expect(e.messageZh).toMatch(/^leadDays（交货周期天数）必须是有限的数字/);
  });
});

describe("requireNonNegative", () => {
  it("accepts zero and positive numbers", () => {
    expect(requireNonNegative("onHand", 0)).toBe(0);
    expect(requireNonNegative("onHand", 200)).toBe(200);
  });

  it("rejects a negative number, showing the value", () => {
    const e = caught(() => requireNonNegative({ name: "onHand", zh: "可用库存" }, -5));
    expect(e.argument).toBe("onHand");
    expect(e.message).toBe("onHand must not be negative (got -5)");
    expect(e.messageZh).toBe("onHand（可用库存）不能为负数（收到 -5）");
  });
});

describe("requireCount", () => {
  it("accepts whole numbers from zero", () => {
    expect(requireCount("reviewCount", 0)).toBe(0);
    expect(requireCount("reviewCount", 37)).toBe(37);
  });

  it.each([1.5, -1, NaN])("rejects %p", (v) => {
    expect(caught(() => requireCount("reviewCount", v)).argument).toBe("reviewCount");
  });
});
