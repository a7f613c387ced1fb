import { addDays, dayOf, daysBetween, isoDay } from "../../../src/rules/history";
import { day } from "./fixtures";

describe("days", () => {
  it("counts whole days between two dates, ignoring the time of day", () => {
    expect(daysBetween(new Date("2026-05-20T23:59:00Z"), day("2026-06-30"))).toBe(41);
    expect(daysBetween(day("2026-06-30"), day("2026-06-29"))).toBe(-1);
  });

  it("adds days across a month end and writes the day as ISO", () => {
    expect(isoDay(addDays(day("2026-06-25"), 10))).toBe("2026-07-05");
    expect(dayOf(day("1970-01-02"))).toBe(1);
  });
});
