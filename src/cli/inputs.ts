import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  parseSettings,
  settingsFromPairs,
  SettingsError,
  DEFAULT_SETTINGS,
  type Settings,
} from "../rules/settings";
import type { BlacklistIndex } from "../rules/blacklist";
import type { Lang } from "../rules/types";
import { loadBlacklist } from "./blacklist-file";
import { CliError } from "./errors";
import { readTable } from "./io";

/**
 * The side files a command takes: --settings (JSON, or a two-column
 * key/value csv/xlsx like the workbook's settings table) and --blacklist (a
 * csv/xlsx range of names, shop links, member ids, USCCs).
 */

/** Reads --settings; a bad file or key exits 2 naming the file and the key. */
export async function loadSettingsFile(file: string | undefined): Promise<Settings> {
  if (file === undefined) return DEFAULT_SETTINGS;
  try {
    if (path.extname(file).toLowerCase() === ".json") {
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (e) {
        throw new CliError(
          `${file}: cannot read the settings file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, ""));
      } catch (e) {
        throw new CliError(`${file}: not valid JSON (${(e as Error).message})`);
      }
      return parseSettings(json);
    }
    const table = await readTable(file);
    return settingsFromPairs(table.cells);
  } catch (e) {
    if (e instanceof SettingsError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
}

/** Reads --blacklist into a matching index; a file without entries exits 2 (see blacklist-file.ts). */
export async function loadBlacklistFile(
  file: string | undefined,
  lang: Lang = "en",
): Promise<BlacklistIndex | undefined> {
  if (file === undefined) return undefined;
  return loadBlacklist(file, lang);
}
