import { parseAsOf } from "../../src/cli/as-of";
import { CliError } from "../../src/cli/errors";

describe("--as-of", () => {
  it("reads a date in the shapes ledgers use, as that calendar day", () => {
    expect(parseAsOf("2026-06-30")?.toISOString()).toBe("2026-06-30T00:00:00.000Z");
    expect(parseAsOf("2026年6月30日")?.toISOString()).toBe("2026-06-30T00:00:00.000Z");
  });

  it("reads today as the local calendar day", () => {
    expect(parseAsOf("today", new Date(2026, 11, 2, 23, 30))?.toISOString()).toBe("2026-12-02T00:00:00.000Z");
  });

  it("is undefined when not given, and a clear error for anything else", () => {
    expect(parseAsOf(undefined)).toBeUndefined();
    expect(() => parseAsOf("soon")).toThrow(CliError);
    expect(() => parseAsOf("soon")).toThrow('--as-of needs a date such as 2026-06-30 or "today", not "soon"');
  });
});
