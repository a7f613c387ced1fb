import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The custom functions page (Excel on the web's JavaScript-only runtime) carries its
 * Content-Security-Policy in a <meta> tag: as strict as the README promises.
 */
const html = readFileSync(path.join(__dirname, "..", "..", "src", "functions", "functions.html"), "utf8");
const OFFICE_CDNS = ["https://appsforoffice.microsoft.com", "https://appsforoffice.cdn.partner.office365.cn"];

/** The policy of the page's meta tag, as directive name → sources. */
function metaPolicy(page: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(page);
  if (!meta?.[1]) throw new Error("functions.html has no Content-Security-Policy meta tag");
  const policy = new Map<string, string[]>();
  for (const directive of meta[1].split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name) continue;
    if (policy.has(name)) throw new Error(`directive ${name} appears twice (the browser ignores the second)`);
    policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

describe("functions.html Content-Security-Policy", () => {
  const policy = metaPolicy(html);

  it("falls back to the add-in's own origin for everything it does not name", () => {
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("sends network requests to the add-in's origin only", () => {
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("runs scripts from the add-in's origin and Office's two CDNs only, without eval or inline code", () => {
    expect(policy.get("script-src")).toEqual(["'self'", ...OFFICE_CDNS]);
  });

  it("allows frames from Office's CDNs only, no plug-ins, no other base URL, no forms", () => {
    expect(policy.get("frame-src")).toEqual(OFFICE_CDNS);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
  });

  it("loads each of its scripts from a host its policy allows", () => {
    const sources = [...html.matchAll(/<script\s+src="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(OFFICE_CDNS.some((cdn) => source.startsWith(`${cdn}/`))).toBe(true);
    }
  });

  it("nowhere allows unsafe-inline, unsafe-eval or a wildcard", () => {
    for (const [name, sources] of policy) {
      for (const source of sources) expect(`${name} ${source}`).not.toMatch(/unsafe-|\*|data:|http:/);
    }
  });
});
