import { dayOrderOf, fromExcelSerial, parseDate } from "../../../src/ledger/parse/date";

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
    ["6月15日", "2026-06-15"],
  ])("reads %j as %s (read as of 2026-06-15)", (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it("puts a yearless date that would fall after the as-of day in the year before", () => {
    expect(read("12月28日", new Date(Date.UTC(2027, 0, 10)))).toBe("2026-12-28");
    expect(read("8月1日")).toBe("2025-08-01");
    expect(read("6月16日")).toBe("2025-06-16");
    expect(read("7月10日")).toBe("2025-07-10");
  });

  it("reads a yearless promised date in the year that puts it nearest the as-of day", () => {
    const ahead = (text: string, at: Date): string | undefined => {
      const r = parseDate(text, { asOf: at, ahead: true });
      return r.ok ? r.value?.toISOString().slice(0, 10) : `error: ${r.message}`;
    };
    expect(ahead("7月10日", asOf)).toBe("2026-07-10");
    expect(ahead("1月10日", new Date(Date.UTC(2026, 11, 20)))).toBe("2027-01-10");
    expect(ahead("12月28日", new Date(Date.UTC(2027, 0, 10)))).toBe("2026-12-28");
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

describe("parseDate on the forms of hand-typed ledgers (issue 17)", () => {
  const asOf = new Date(Date.UTC(2025, 5, 30));
  const read = (v: unknown, context: Parameters<typeof parseDate>[1] = { asOf }): string => {
    const r = parseDate(v as string, context);
    return r.ok ? (r.value?.toISOString() ?? "blank") : `error: ${r.message}`;
  };

  it.each<[string, string]>([
    ["Jan 20, 2025", "2025-01-20T00:00:00.000Z"],
    ["20 Jan 2025", "2025-01-20T00:00:00.000Z"],
    ["January 20 2025", "2025-01-20T00:00:00.000Z"],
    ["20th January, 2025", "2025-01-20T00:00:00.000Z"],
    ["20-Jan-25", "2025-01-20T00:00:00.000Z"],
    ["Sept 3 2025", "2025-09-03T00:00:00.000Z"],
    ["Mon, 20 Jan 2025", "2025-01-20T00:00:00.000Z"],
    ["Monday January 20, 2025", "2025-01-20T00:00:00.000Z"],
    ["2025-Jan-20", "2025-01-20T00:00:00.000Z"],
    ["20250520", "2025-05-20T00:00:00.000Z"],
    ["２０２５０５２０", "2025-05-20T00:00:00.000Z"],
    ["2025/5/20 14:30", "2025-05-20T14:30:00.000Z"],
    ["2025-05-20T14:30", "2025-05-20T14:30:00.000Z"],
    ["2025-5-20", "2025-05-20T00:00:00.000Z"],
    ["2025年5月20日", "2025-05-20T00:00:00.000Z"],
    ["2025年5月20号", "2025-05-20T00:00:00.000Z"],
    ["2025年5月20日 14:30", "2025-05-20T14:30:00.000Z"],
    ["2025年5月20日14:30", "2025-05-20T14:30:00.000Z"],
    ["25年5月20日", "2025-05-20T00:00:00.000Z"],
    ["２０２５年５月２０日", "2025-05-20T00:00:00.000Z"],
    ["5月6日", "2025-05-06T00:00:00.000Z"],
    ["03.03.2025", "2025-03-03T00:00:00.000Z"],
    ["13/04/2025", "2025-04-13T00:00:00.000Z"],
    ["04/13/2025", "2025-04-13T00:00:00.000Z"],
    ["20-05-2025", "2025-05-20T00:00:00.000Z"],
    ["13/4/25", "2025-04-13T00:00:00.000Z"],
    ["5/20/2025 2:30 PM", "2025-05-20T14:30:00.000Z"],
    ["20/05/2025 14:30", "2025-05-20T14:30:00.000Z"],
    ["45678", "2025-01-21T00:00:00.000Z"],
    ["４５６７８", "2025-01-21T00:00:00.000Z"],
    ["Jan 20", "2025-01-20T00:00:00.000Z"],
    ["20/6", "2025-06-20T00:00:00.000Z"],
  ])("reads %j (as of 2025-06-30) as %s", (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it("reads 20250520 typed into a General cell (a number) as 20 May 2025, not a serial", () => {
    expect(read(20250520)).toBe("2025-05-20T00:00:00.000Z");
  });

  it.each<[string, "dmy" | "mdy", string]>([
    ["03/04/2025", "dmy", "2025-04-03T00:00:00.000Z"],
    ["03/04/2025", "mdy", "2025-03-04T00:00:00.000Z"],
    ["1/9/25", "mdy", "2025-01-09T00:00:00.000Z"],
    ["1/9/25", "dmy", "2025-09-01T00:00:00.000Z"],
    ["01/09/2025", "dmy", "2025-09-01T00:00:00.000Z"],
    ["9.1.2025", "dmy", "2025-01-09T00:00:00.000Z"],
    ["2/10/25", "mdy", "2025-02-10T00:00:00.000Z"],
    ["4/5", "mdy", "2025-04-05T00:00:00.000Z"],
    ["04/13/2025", "dmy", "2025-04-13T00:00:00.000Z"],
  ])("reads %j in a column written %s", (text, order, expected) => {
    expect(read(text, { asOf, order })).toBe(expected);
  });

  it("names both readings of an ambiguous date and refuses it when nothing says which comes first", () => {
    const r = parseDate("03/04/2025");
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining("3 April 2025 or 4 March 2025") });
    expect(r).toMatchObject({ messageZh: expect.stringContaining("2025年4月3日还是2025年3月4日") });
    expect(r).toMatchObject({ message: expect.stringContaining("2025-04-03 or 2025-03-04") });
  });

  it("says when the column itself is written both ways", () => {
    const r = parseDate("03/04/2025", { order: "conflict" });
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringContaining("day first and others month first"),
    });
  });

  it("reads a two-digit year as 20xx", () => {
    expect(read("13/4/99")).toBe("2099-04-13T00:00:00.000Z");
    expect(read("13/4/00")).toBe("2000-04-13T00:00:00.000Z");
  });

  it.each(["123", "99999", "31/31/2025", "Foo 20, 2025", "2025/5/20 25:00", "13:00 tomorrow", "2/30/2025"])(
    "refuses %j",
    (text) => {
      expect(read(text)).toMatch(/^error/);
    },
  );

  it.each<[unknown, "dmy" | "mdy" | undefined]>([
    ["13/04/2025", "dmy"],
    ["04/13/2025", "mdy"],
    ["31.1.2025", "dmy"],
    ["1/31/25 9:30", "mdy"],
    ["20/5", "dmy"],
    ["03/04/2025", undefined],
    ["2025/04/13", undefined],
    ["Jan 20, 2025", undefined],
    [45678, undefined],
  ])("dayOrderOf(%j) is %s", (v, order) => {
    expect(dayOrderOf(v as string)).toBe(order);
  });
});
