/**
 * The add-in manifest: valid against the OfficeApp 1.1 schemas (xmllint), every resid
 * defined under <Resources> and at most 32 characters, https URLs, and the same version
 * as package.json. `npm run validate` checks the same from the command line.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ZH_LOCALE_FILE } from "../scripts/functions-metadata.cjs";

const root = resolve(__dirname, "..");
const manifestPath = join(root, "manifest.xml");
const manifest = readFileSync(manifestPath, "utf8");
const schemaDir = resolve(process.env.OFFICE_SCHEMAS ?? join(root, "..", "shared", "office-schemas"));
const schemaPath = join(schemaDir, "OfficeAppManifestV1_1.xsd");
const MAX_RESID_LENGTH = 32;

/** Problems with the resource references of a manifest; empty when every resid resolves. */
function residProblems(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const resources = /<Resources>([\s\S]*?)<\/Resources>/.exec(body)?.[1];
  if (resources === undefined) return ["no <Resources> element"];
  const problems: string[] = [];
  const defined = new Set<string>();
  for (const [, id = ""] of resources.matchAll(/\sid="([^"]*)"/g)) {
    if (defined.has(id)) problems.push(`id "${id}" is defined twice`);
    if (id.length > MAX_RESID_LENGTH) problems.push(`id "${id}" is longer than ${MAX_RESID_LENGTH}`);
    defined.add(id);
  }
  for (const [, resid = ""] of body.matchAll(/\sresid="([^"]*)"/g)) {
    if (resid.length > MAX_RESID_LENGTH) problems.push(`resid "${resid}" is longer than ${MAX_RESID_LENGTH}`);
    if (!defined.has(resid)) problems.push(`resid "${resid}" is not defined under <Resources>`);
  }
  return problems;
}

/** Runs xmllint against the schemas; fails the test with the install hint when it is missing. */
function xmllint(file: string): { status: number | null; output: string } {
  const run = spawnSync("xmllint", ["--noout", "--schema", schemaPath, file], { encoding: "utf8" });
  if (run.error) {
    throw new Error(
      `xmllint is not installed (${run.error.message}); install it with: apt-get install libxml2-utils`,
    );
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function withTempManifest<T>(xml: string, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "manifest-test-"));
  try {
    const file = join(dir, "manifest.xml");
    writeFileSync(file, xml);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("manifest.xml", () => {
  it("finds the Office manifest schemas (set OFFICE_SCHEMAS when they are elsewhere)", () => {
    expect(() => readFileSync(schemaPath)).not.toThrow();
  });

  it("validates against the OfficeApp 1.1 schemas with xmllint", () => {
    const result = xmllint(manifestPath);
    expect(result.output).toContain("validates");
    expect(result.status).toBe(0);
  });

  it("is rejected by the schema check when an element is misspelt", () => {
    const mangled = manifest.replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permission>ReadWriteDocument</Permission>",
    );
    expect(mangled).not.toBe(manifest);
    const result = withTempManifest(mangled, xmllint);
    expect(result.status).not.toBe(0);
  });

  it("defines every resid it uses under <Resources>, each at most 32 characters", () => {
    expect(residProblems(manifest)).toEqual([]);
  });

  it.each([
    [
      "a resid with no matching id",
      (xml: string) => xml.replace('resid="Group.Label"', 'resid="Group.Labl"'),
      "Group.Labl",
    ],
    [
      "a resid longer than 32 characters",
      (xml: string) => xml.replaceAll("TaskpaneButton.Tooltip", "TaskpaneButton.Tooltip.Long.Enough.To.Fail"),
      "TaskpaneButton.Tooltip.Long.Enough.To.Fail",
    ],
    [
      "an id defined twice",
      (xml: string) =>
        xml.replace(
          '<bt:Url id="Taskpane.Url"',
          '<bt:Url id="Functions.Page.Url" DefaultValue="https://localhost:3000/x.html" /><bt:Url id="Taskpane.Url"',
        ),
      "Functions.Page.Url",
    ],
  ])("reports %s", (_what, mangle, name) => {
    const mangled = mangle(manifest);
    expect(mangled).not.toBe(manifest);
    const problems = residProblems(mangled);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join("\n")).toContain(name);
  });

  it("loads every page, script and icon over https, locale overrides included", () => {
    const urls = [
      ...manifest.replace(/<!--[\s\S]*?-->/g, "").matchAll(/\s(?:DefaultValue|Value)="(https?:[^"]*)"/g),
    ].map(([, url]) => url);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("gives zh-CN Excel the Chinese function help the build writes", () => {
    const metadataUrl =
      /<bt:Url id="Functions.Metadata.Url"[^>]*>([\s\S]*?)<\/bt:Url>/.exec(manifest)?.[1] ?? "";
    expect(metadataUrl).toContain(
      `<bt:Override Locale="zh-CN" Value="https://localhost:3000/${ZH_LOCALE_FILE}" />`,
    );
  });

  it("names a support page the build ships, as the Marketplace requires", () => {
    const supportUrl = /<SupportUrl DefaultValue="([^"]*)"\s*\/>/.exec(manifest)?.[1];
    expect(supportUrl).toBe("https://localhost:3000/support.html");
    const page = readFileSync(join(root, "src", "support", "support.html"), "utf8");
    expect(page).toContain('<section lang="en">');
    expect(page).toContain('<section lang="zh-CN">');
    expect(page).toMatch(/Content-Security-Policy"\s+content="default-src 'none'/);
  });

  it("names the GUARD namespace for the custom functions", () => {
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="GUARD"\s*\/>/);
  });

  it("carries the same version as package.json", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const version = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(manifest)?.[1];
    expect([pkg.version, `${pkg.version}.0`]).toContain(version);
  });
});
