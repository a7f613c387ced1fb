import { DEFAULT_SETTINGS, parseSettings, settingsFromPairs } from "../../../src/rules/settings";
import { STRINGS } from "../../../src/taskpane/i18n";
import {
  checkForm,
  checkText,
  formText,
  type SettingField,
  settingFields,
  tableValue,
} from "../../../src/taskpane/model/settings-form";

const fields = settingFields(DEFAULT_SETTINGS);
const field = (key: string): SettingField => {
  const f = fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

describe("the settings form", () => {
  it("groups every setting by its check, column corrections left out", () => {
    expect(field("deposit.maxShare")).toEqual({ key: "deposit.maxShare", group: "deposit", kind: "share" });
    expect(field("history.autoConfirmDays")).toMatchObject({ group: "history", kind: "days" });
    expect(field("exposure.usdPerYear").kind).toBe("usd");
    expect(field("annualFeeCny")).toMatchObject({ group: "general", kind: "cny" });
    expect(field("rates.CNY").kind).toBe("rate");
    expect(fields.some((f) => f.key.startsWith("columns.") || f.key === "rates.USD")).toBe(false);
  });

  it.each(["en", "zh"] as const)("has a label and a sentence in %s for every setting and group", (lang) => {
    const strings = STRINGS[lang] as Record<string, string>;
    for (const f of fields) {
      if (f.kind === "rate") continue;
      expect(strings[`setting_${f.key}`]).toBeTruthy();
      expect(strings[`settingHelp_${f.key}`]).toBeTruthy();
    }
    for (const group of new Set(fields.map((f) => f.group)))
      expect(strings[`settingsGroup_${group}`]).toBeTruthy();
  });

  it("shows a share as a percentage and stores the percentage back as a share", () => {
    expect(formText(field("deposit.maxShare"), 0.3)).toBe("30");
    expect(formText(field("deposit.tolerance"), 0.005)).toBe("0.5");
    expect(tableValue(field("deposit.maxShare"), "25")).toBe(0.25);
    expect(tableValue(field("deposit.maxShare"), "２５%")).toBe(0.25);
    expect(tableValue(field("contract.minUsd"), "2,500")).toBe(2500);
  });

  it("refuses inline what the settings schema would refuse, with the reason", () => {
    expect(checkText(field("deposit.maxShare"), "lots")).toEqual({
      message: "invalidNumber",
      values: { example: "30" },
    });
    expect(checkText(field("deposit.maxShare"), "130")).toMatchObject({ message: "invalidBetween" });
    expect(checkText(field("paymentChannel.privatePoints"), "101")).toMatchObject({
      message: "invalidBetween",
    });
    expect(checkText(field("history.silentDays"), "2.5")).toEqual({ message: "invalidWhole" });
    expect(checkText(field("rates.CNY"), "0")).toMatchObject({ message: "invalidAbove" });
    expect(checkText(field("defaultCurrency"), "yuan")).toEqual({ message: "invalidCurrency" });
    expect(checkText(field("deposit.maxShare"), "25")).toBeUndefined();
  });

  it("refuses High below Medium on High", () => {
    const texts = Object.fromEntries(fields.map((f) => [f.key, formText(f, 0)]));
    const problems = checkForm(fields, { ...texts, "levels.medium": "70", "levels.high": "60" });
    expect(problems.get("levels.high")).toEqual({ message: "invalidLevels" });
  });

  it("accepts every default, and what it accepts the engine reads as typed", () => {
    const texts = Object.fromEntries(fields.map((f) => [f.key, formText(f, valueOf(f.key))]));
    expect(checkForm(fields, texts).size).toBe(0);
    const typed = settingsFromPairs(fields.map((f) => [f.key, tableValue(f, texts[f.key] ?? "")]));
    expect(typed).toEqual(parseSettings({}));
  });
});

function valueOf(key: string): string | number {
  let node: unknown = DEFAULT_SETTINGS;
  const dot = key.indexOf(".");
  const path = dot < 0 ? [key] : [key.slice(0, dot), key.slice(dot + 1)];
  for (const part of path) node = (node as Record<string, unknown>)[part];
  return node as string | number;
}
