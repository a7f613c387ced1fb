import {
  DEFAULT_SETTINGS,
  flattenSettings,
  parseSettings,
  SettingsError,
  settingsFromPairs,
} from "../../src/rules/settings";

describe("settings", () => {
  it("has the defaults of DOMAIN.md", () => {
    expect(DEFAULT_SETTINGS.levels).toEqual({ medium: 30, high: 60 });
    expect(DEFAULT_SETTINGS.deposit.maxShare).toBe(0.3);
    expect(DEFAULT_SETTINGS.deposit.smallOrderUsd).toBe(500);
    expect(DEFAULT_SETTINGS.exposure).toEqual({ usdPerYear: 1000, multiple: 2, points: 20 });
    expect(DEFAULT_SETTINGS.annualFeeCny).toBe(6688);
    expect(DEFAULT_SETTINGS.defaultCurrency).toBe("CNY");
    expect(DEFAULT_SETTINGS.rates.CNY).toBe(7.2);
  });

  it("rejects an unknown key, naming it", () => {
    expect(() => parseSettings({ deposit: { maxShar: 0.4 } })).toThrow(SettingsError);
    expect(() => parseSettings({ deposit: { maxShar: 0.4 } })).toThrow(/deposit\.maxShar.*unknown setting/);
  });

  it("names the key and what was expected for a bad value", () => {
    try {
      parseSettings({ deposit: { maxShare: 3 } });
      throw new Error("should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(SettingsError);
      expect((e as SettingsError).issues[0]?.key).toBe("deposit.maxShare");
      expect((e as SettingsError).message).toMatch(/deposit\.maxShare/);
    }
  });

  it("keeps partial overrides next to the defaults", () => {
    const s = parseSettings({ deposit: { maxShare: 0.5 }, rates: { CNY: 7.1 } });
    expect(s.deposit.maxShare).toBe(0.5);
    expect(s.deposit.points).toBe(20);
    expect(s.rates.USD).toBe(1);
  });

  it("flattens to dotted keys", () => {
    const flat = new Map(flattenSettings(DEFAULT_SETTINGS));
    expect(flat.get("deposit.maxShare")).toBe(0.3);
    expect(flat.get("rates.CNY")).toBe(7.2);
  });
});

describe("settingsFromPairs", () => {
  it("reads a key/value range with a header row, percentages and full-width digits", () => {
    const s = settingsFromPairs([
      ["Key", "Value"],
      ["deposit.maxShare", "40%"],
      ["Deposit.SmallOrderUsd", "１,０００"],
      ["rates.cny", 7.1],
      ["language", "zh"],
      ["", ""],
    ]);
    expect(s.deposit.maxShare).toBeCloseTo(0.4);
    expect(s.deposit.smallOrderUsd).toBe(1000);
    expect(s.rates.CNY).toBe(7.1);
    expect(s.rates.EUR).toBe(0.92);
    expect(s.language).toBe("zh");
  });

  it("reads a share written as a whole percent number", () => {
    expect(settingsFromPairs([["deposit.maxShare", 30]]).deposit.maxShare).toBeCloseTo(0.3);
  });

  it("keeps column-mapping corrections with the header as written", () => {
    const s = settingsFromPairs([
      ["columns.Amount (USD)", "total"],
      ["columns.备注", ""],
    ]);
    expect(s.columns).toEqual({ "Amount (USD)": "total", 备注: "" });
  });

  it("names an unknown key", () => {
    expect(() => settingsFromPairs([["deposit.maxshar", "0.3"]])).toThrow(
      /deposit\.maxshar.*unknown setting/,
    );
  });

  it("names a key whose value is not a number", () => {
    expect(() => settingsFromPairs([["levels.high", "high"]])).toThrow(/levels\.high.*expected a number/);
  });

  it("rejects levels out of order", () => {
    expect(() => settingsFromPairs([["levels.medium", 70]])).toThrow(SettingsError);
  });
});

describe("settingsFromPairs on a value as long as Excel holds", () => {
  it("names 32,767 digits with a letter inside not a number", () => {
    expect(() => settingsFromPairs([["rates.CNY", `${"9".repeat(20000)}x${"9".repeat(12766)}`]])).toThrow(
      /setting "rates.CNY": expected a number/,
    );
  });
});
