#!/usr/bin/env node
/**
 * Offline check of the add-in manifest (`npm run validate`).
 *
 * `office-addin-manifest validate` posts the manifest to a Microsoft web service, so it
 * cannot run offline or in CI. This script checks instead:
 *   1. the XML against the OfficeApp 1.1 schemas with xmllint;
 *   2. that every resid="X" names an id="X" under <Resources>, ids are unique and at most
 *      32 characters (the schemas do not check this);
 *   3. that every URL the manifest gives is https, locale overrides included;
 *   4. that <Version> equals package.json's version ("0.1.0" → "0.1.0" or "0.1.0.0").
 *
 * Usage: node scripts/validate-manifest.mjs [manifest.xml]
 * Schemas: $OFFICE_SCHEMAS, else ../shared/office-schemas next to the repository.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const manifestPath = resolve(process.argv[2] ?? join(root, "manifest.xml"));
const schemaDir = resolve(process.env.OFFICE_SCHEMAS ?? join(root, "..", "shared", "office-schemas"));
const schemaPath = join(schemaDir, "OfficeAppManifestV1_1.xsd");
const MAX_RESID_LENGTH = 32;

const problems = [];
const warnings = [];

if (!existsSync(manifestPath)) {
  fail([`manifest not found: ${manifestPath}`]);
}
const xml = readFileSync(manifestPath, "utf8");
const body = xml.replace(/<!--[\s\S]*?-->/g, "");

checkSchema();
checkResids();
checkUrls();
checkSupportUrl();
checkVersion();

for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
if (problems.length > 0) fail(problems);
process.stdout.write(
  `${relative(manifestPath)} is valid (schema, resids, https URLs, support page, version)\n`,
);

function checkSchema() {
  if (!existsSync(schemaPath)) {
    problems.push(
      `Office manifest schemas not found at ${schemaDir}. Set OFFICE_SCHEMAS to the folder holding OfficeAppManifestV1_1.xsd.`,
    );
    return;
  }
  const run = spawnSync("xmllint", ["--noout", "--schema", schemaPath, manifestPath], { encoding: "utf8" });
  if (run.error) {
    problems.push(
      `xmllint could not run (${run.error.message}). Install it: apt-get install libxml2-utils (Debian/Ubuntu), brew install libxml2 (macOS).`,
    );
    return;
  }
  if (run.status !== 0) {
    problems.push(`schema validation failed:\n${(run.stderr || run.stdout).trim()}`);
  }
}

function checkResids() {
  const resources = body.match(/<Resources>([\s\S]*?)<\/Resources>/);
  if (!resources) {
    problems.push("no <Resources> element under <VersionOverrides>");
    return;
  }
  const resourceText = resources[1] ?? "";
  const ids = [...resourceText.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? "");
  const defined = new Set();
  for (const id of ids) {
    if (defined.has(id)) problems.push(`resource id "${id}" is defined twice under <Resources>`);
    defined.add(id);
    if (id.length > MAX_RESID_LENGTH) {
      problems.push(`resource id "${id}" is ${id.length} characters; the limit is ${MAX_RESID_LENGTH}`);
    }
  }
  const used = new Set();
  for (const match of body.matchAll(/\sresid="([^"]*)"/g)) {
    const resid = match[1] ?? "";
    used.add(resid);
    if (resid.length > MAX_RESID_LENGTH) {
      problems.push(`resid "${resid}" is ${resid.length} characters; the limit is ${MAX_RESID_LENGTH}`);
    }
    if (!defined.has(resid)) problems.push(`resid "${resid}" has no matching id under <Resources>`);
  }
  for (const id of defined) {
    if (!used.has(id)) warnings.push(`resource "${id}" is defined but never used`);
  }
}

function checkUrls() {
  const urlAttributes = [
    ...body.matchAll(
      /<(?:IconUrl|HighResolutionIconUrl|SupportUrl|SourceLocation|bt:Url|bt:Image)\b[^>]*\sDefaultValue="([^"]*)"/g,
    ),
  ];
  const urlOverrides = [
    ...(body.match(/<bt:Urls>[\s\S]*?<\/bt:Urls>/)?.[0] ?? "").matchAll(
      /<bt:Override\b[^>]*\sValue="([^"]*)"/g,
    ),
  ];
  for (const match of [...urlAttributes, ...urlOverrides]) {
    const url = match[1] ?? "";
    if (!url.startsWith("https://"))
      problems.push(`URL "${url}" is not https (Office loads add-ins over https only)`);
  }
}

/** Microsoft's Marketplace (AppSource) refuses an add-in without a SupportUrl. */
function checkSupportUrl() {
  if (!/<SupportUrl\b[^>]*\sDefaultValue="https:\/\/[^"]+"/.test(body)) {
    problems.push('no <SupportUrl DefaultValue="https://..."> (the Marketplace requires a support page)');
  }
}

function checkVersion() {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const manifestVersion = body.match(/<Version>\s*([^<\s]*)\s*<\/Version>/)?.[1];
  if (!manifestVersion) {
    problems.push("no <Version> element");
    return;
  }
  const expected = String(pkg.version);
  if (manifestVersion !== expected && manifestVersion !== `${expected}.0`) {
    problems.push(
      `manifest <Version> is ${manifestVersion} but package.json's version is ${expected}: set <Version>${expected}.0</Version> (bump both together, with the CHANGELOG)`,
    );
  }
}

function relative(path) {
  return path.startsWith(root + "/") ? path.slice(root.length + 1) : path;
}

function fail(messages) {
  process.stderr.write(`manifest check failed for ${relative(manifestPath)}:\n`);
  for (const message of messages) process.stderr.write(`  - ${message.replace(/\n/g, "\n    ")}\n`);
  process.exit(1);
}
