import { fromExcelSerial, parseDate } from "../../../src/ledger/parse/date";

const iso = (v: unknown): string | undefined => {
  const r = parseDate(v as string);
  return r.ok ? r.value?.toISOString() : `error: ${r.message}`;
};

describe("parseDate", () => {
  it.each<[unknown, string]>([
    ["2024-03-05", "2024-03-05T00:00:00.000Z"],
    ["2024-03-05 14:22:01", "2024-03-05T14:22:01.000Z"],
    ["2024-03-05T14:22:01", "2024-03-05T14:22:01.000Z"],
    ["2024-03-05T14:22:01Z", "2024-03-05T14:22:01.000Z"],
    ["2024-03-05T14:22:01+08:00", "2024-03-05T06:22:01.000Z"],
    ["2024/3/5", "2024-03-05T00:00:00.000Z"],
    ["2024.3.5", "2024-03-05T00:00:00.000Z"],
    ["2024年3月5日", "2024-03-05T00:00:00.000Z"],
    ["2024年3月5日 8:05", "2024-03-05T08:05:00.000Z"],
    ["２０２４－０３－０５", "2024-03-05T00:00:00.000Z"],
    ["20240305", "2024-03-05T00:00:00.000Z"],
    ["13/5/2024", "2024-05-13T00:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    [45356, "2024-03-05T00:00:00.000Z"],
    [45356.5, "2024-03-05T12:00:00.000Z"],
    ["45356", "2024-03-05T00:00:00.000Z"],
    [1, "1900-01-01T00:00:00.000Z"],
    [59, "1900-02-28T00:00:00.000Z"],
    [61, "1900-03-01T00:00:00.000Z"],
    [new Date(Date.UTC(2024, 2, 5)), "2024-03-05T00:00:00.000Z"],
  ])("reads %j as %s", (v, expected) => {
    expect(iso(v)).toBe(expected);
  });

  it.each([
    "2023-02-29",
    "2024-13-01",
    "2024-04-31",
    "2024-03-05 25:00:00",
    "3/5/2024",
    "yesterday",
    0,
    -5,
    60,
    3e6,
    true,
  ])("refuses %j", (v) => {
    expect(parseDate(v as string).ok).toBe(false);
  });

  it("says why 3/5/2024 is refused", () => {
    expect(parseDate("3/5/2024")).toMatchObject({ ok: false, message: expect.stringContaining("ambiguous") });
  });

  it.each([null, "", "-"])("reads %j as not known", (v) => {
    expect(parseDate(v)).toEqual({ ok: true, value: undefined });
  });
});

describe("fromExcelSerial", () => {
  it("has no day for Excel's phantom 29 February 1900 (serial 60)", () => {
    expect(fromExcelSerial(60)).toBeUndefined();
  });

  it("counts serial 25569 as the Unix epoch", () => {
    expect(fromExcelSerial(25569)?.getTime()).toBe(0);
  });
});

describe("parseDate on dates as clerks type them", () => {
  const asOf = new Date(Date.UTC(2026, 5, 15));
  const read = (text: string, at = asOf): string | undefined => {
    const r = parseDate(text, { asOf: at });
    return r.ok ? r.value?.toISOString().slice(0, 10) : `error: ${r.message}`;
  };

  it.each<[string, string]>([
    ["2026.3.5", "2026-03-05"],
    ["２０２６．３．５", "2026-03-05"],
    ["2026年3月5日", "2026-03-05"],
    ["3月5日", "2026-03-05"],
    ["3月5号", "2026-03-05"],
    ["３月５日", "2026-03-05"],
    ["7月10日", "2026-07-10"],
  ])("reads %j as %s (read as of 2026-06-15)", (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it("puts a yearless date more than a month ahead of the as-of day in the year before", () => {
    expect(read("12月28日", new Date(Date.UTC(2027, 0, 10)))).toBe("2026-12-28");
    expect(read("8月1日")).toBe("2025-08-01");
  });

  it("reads a yearless date against today when no as-of day is given", () => {
    const r = parseDate("1月1日");
    expect(r.ok && r.value?.getUTCFullYear()).toBe(new Date().getUTCFullYear());
  });

  it("refuses a month-day date that does not exist", () => {
    expect(read("2月30日")).toMatch(/^error/);
    expect(read("13月1日")).toMatch(/^error/);
  });
});
