import { en } from "../../../src/taskpane/i18n/en";
import { format, languageOf, STRINGS } from "../../../src/taskpane/i18n";
import { zh } from "../../../src/taskpane/i18n/zh";

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("the task pane strings", () => {
  it("has the same keys in English and Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])(
    "fills the same placeholders in both languages for %s",
    (key) => {
      expect(placeholders(zh[key])).toEqual(placeholders(en[key]));
      expect(zh[key].trim()).not.toBe("");
    },
  );

  it.each([
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["ZH-hk", "zh"],
    ["en-US", "en"],
    ["de-DE", "en"],
    [undefined, "en"],
  ] as const)("follows Office's display language %s → %s", (display, lang) => {
    expect(languageOf(display)).toBe(lang);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format(STRINGS.en.entries, { count: 3 })).toBe("3 entries");
    expect(format("{a} {b}", { a: 1 })).toBe("1 {b}");
  });

  it("says 1 entry, 0 entries and 2 entries, and leaves a plural of an unknown value visible", () => {
    expect(format(STRINGS.en.entries, { count: 1 })).toBe("1 entry");
    expect(format(STRINGS.en.entries, { count: 0 })).toBe("0 entries");
    expect(format(STRINGS.en.atRiskDays, { days: 1 })).toBe("1 day at risk");
    expect(format("{n|row|rows}", {})).toBe("{n|row|rows}");
  });

  it.each(Object.keys(en) as (keyof typeof en)[])("chooses plural forms only by values %s fills", (key) => {
    const named = new Set(placeholders(en[key]));
    for (const m of en[key].matchAll(/\{(\w+)\|[^|{}]*\|[^|{}]*\}/g))
      expect(named.has(m[1] ?? "")).toBe(true);
  });
});
