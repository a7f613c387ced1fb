import { validateTracking } from "../rules/identifiers/tracking";
import { validateUscc } from "../rules/identifiers/uscc";
import { checkStoreUrl } from "../rules/identifiers/store-url";

/**
 * `guard check tracking|uscc|url [--carrier ID] [--json] [VALUE...]`: one
 * output line per value, in order. With `--json`, one JSON object per line:
 * `{"input", "valid", "code", "carriers" (tracking only), "message"}` plus
 * `"warning"` when the check raised one and `"host"` for links.
 */

export type CheckKind = "tracking" | "uscc" | "url";

export interface CheckOptions {
  carrier?: string;
  json: boolean;
}

interface Line {
  input: string;
  valid: boolean;
  code: string;
  carriers?: Array<{ id: string; name: string }>;
  warning?: string;
  host?: string;
  message: string;
}

function checkOne(kind: CheckKind, value: string, carrier: string | undefined): Line {
  switch (kind) {
    case "tracking": {
      const r = validateTracking(value, carrier);
      const line: Line = {
        input: value,
        valid: r.valid,
        code: r.code,
        carriers: r.carriers.map((c) => ({ id: c.id, name: c.name })),
        message: r.message,
      };
      if (r.warning) line.warning = r.warning;
      return line;
    }
    case "uscc": {
      const r = validateUscc(value);
      const line: Line = { input: value, valid: r.valid, code: r.code, message: r.message };
      if (r.warning) line.warning = r.warning;
      return line;
    }
    case "url": {
      const r = checkStoreUrl(value);
      const line: Line = { input: value, valid: r.genuine, code: r.code, message: r.message };
      if (r.host) line.host = r.host;
      return line;
    }
  }
}

function readable(line: Line): string {
  const verdict = line.valid ? (line.warning ? "CHECK" : "OK") : "INVALID";
  return `${line.input}\t${verdict}\t${line.code}\t${line.message}`;
}

/** Checks each value and returns the output lines, one per value in order. */
export function runCheck(kind: CheckKind, values: string[], options: CheckOptions): string[] {
  return values.map((value) => {
    const line = checkOne(kind, value, options.carrier);
    return options.json ? JSON.stringify(line) : readable(line);
  });
}
