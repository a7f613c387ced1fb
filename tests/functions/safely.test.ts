import { bilingual, NotAvailable, orError } from "../../src/functions/safely";
import { CellError } from "../../src/functions/cell-error";
import { InputError } from "../../src/rules/input-error";
import { parseSettings } from "../../src/rules/settings";

function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("orError", () => {
  it("passes a result through", () => {
    expect(orError(() => 42)).toBe(42);
  });

  it("turns a bad argument into #VALUE! with both languages", () => {
    const e = thrown(() =>
      orError(() => {
        throw new InputError("onHand", "onHand must not be negative", "onHand 不能为负数");
      }),
    );
    expect(e).toBeInstanceOf(CellError);
    expect(e).toMatchObject({ code: "#VALUE!", message: "onHand must not be negative / onHand 不能为负数" });
  });

  it("turns a bad setting into #VALUE! naming the key", () => {
    const e = thrown(() => orError(() => parseSettings({ levels: { high: "x" } })));
    expect(e).toMatchObject({ code: "#VALUE!" });
    expect((e as CellError).message).toMatch(/levels\.high/);
  });

  it("turns nothing-to-report into #N/A", () => {
    expect(
      thrown(() =>
        orError(() => {
          throw new NotAvailable("no carrier fits");
        }),
      ),
    ).toMatchObject({ code: "#N/A", message: "no carrier fits" });
  });

  it("rethrows a bug as it is", () => {
    const bug = new TypeError("x is undefined");
    expect(
      thrown(() =>
        orError(() => {
          throw bug;
        }),
      ),
    ).toBe(bug);
  });

  it("writes one language when both say the same", () => {
    expect(bilingual("same", "same")).toBe("same");
    expect(bilingual("en", undefined)).toBe("en");
  });
});
