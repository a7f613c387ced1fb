import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadBlacklistFile, loadSettingsFile } from "../../src/cli/inputs";
import { CliError } from "../../src/cli/errors";
import { DEFAULT_SETTINGS } from "../../src/rules/settings";

const dir = mkdtempSync(path.join(os.tmpdir(), "guard-inputs-"));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("--settings", () => {
  it("uses the defaults when no file is given", async () => {
    expect(await loadSettingsFile(undefined)).toBe(DEFAULT_SETTINGS);
  });

  it("reads JSON, with a byte-order mark", async () => {
    const s = await loadSettingsFile(file("s.json", '\uFEFF{"deposit": {"maxShare": 0.4}}'));
    expect(s.deposit.maxShare).toBe(0.4);
  });

  it("reads a key/value csv", async () => {
    const s = await loadSettingsFile(file("s.csv", "键,值\nrates.CNY,7.1\n"));
    expect(s.rates.CNY).toBe(7.1);
  });

  it("names the file for invalid JSON and for a bad key", async () => {
    await expect(loadSettingsFile(file("bad.json", "{deposit:"))).rejects.toThrow(
      /bad\.json: not valid JSON/,
    );
    await expect(loadSettingsFile(file("key.json", '{"depositt": {}}'))).rejects.toThrow(CliError);
    await expect(loadSettingsFile(file("key2.json", '{"depositt": {}}'))).rejects.toThrow(
      /key2\.json: .*depositt/,
    );
    await expect(loadSettingsFile(path.join(dir, "missing.json"))).rejects.toThrow(
      /missing\.json: cannot read/,
    );
  });
});

describe("--blacklist", () => {
  it("builds an index from a csv", async () => {
    const index = await loadBlacklistFile(file("bl.csv", "供应商\n深圳市速发贸易有限公司\n"));
    expect(index?.match({ name: "深圳市速发贸易有限公司" })).toBeDefined();
    expect(await loadBlacklistFile(undefined)).toBeUndefined();
  });
});
