/**
 * The built custom functions bundle in conditions like Excel's JavaScript-only runtime:
 * parsed at ECMAScript 2016, run in a vm context holding only ES2016's built-ins and the
 * CustomFunctions shim, called over every case of cases.ts, and compared with the source.
 * The bundle comes from dist/ when fresh, else from a build made here (built-bundle.ts).
 */
import { parse } from "acorn";
import { runInContext } from "node:vm";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { resolve } from "node:path";
import * as guard from "../../src/functions/functions";
import { builtBundle, type BuiltBundle } from "./built-bundle";
import { CASES } from "./cases";
import { es2016Context, globalNames } from "./es2016-context";
import { makeCustomFunctions, type CustomFunctionsShim } from "./runtime-shim";
import {
  localizeMetadata,
  ZH_LOCALE_FILE,
  type HelpTable,
  type Metadata,
} from "../../scripts/functions-metadata.cjs";
import helpZh from "../../src/functions/help.zh.json";

/** Calls each case in whatever realm it runs in; the same text runs in the vm and here. */
const RUN_CASES = `
function runCases(CF, casesJson) {
  function materialize(v) {
    if (Array.isArray(v)) return v.map(materialize);
    if (v !== null && typeof v === "object") return new CF.Error(v.excelError);
    return v;
  }
  function describe(v) {
    if (Array.isArray(v)) return v.map(describe);
    if (v instanceof CF.Error) return { error: v.code, message: v.message };
    if (typeof v === "number" && !isFinite(v)) return { number: String(v) };
    return v;
  }
  return JSON.stringify(JSON.parse(casesJson).map(function (c) {
    var fn = CF.associated[c.id];
    if (!fn) return { missing: c.id };
    try {
      return { value: describe(fn.apply(null, materialize(c.args))) };
    } catch (e) {
      return e instanceof CF.Error ? { threw: describe(e) } : { crashed: String(e && e.stack || e) };
    }
  }));
}
`;

type Outcome = { value: unknown } | { threw: unknown } | { crashed: string } | { missing: string };

/** The cases through the bundle, in the ES2016 context. */
function throughBundle(bundle: BuiltBundle): { outcomes: Outcome[]; ids: string[] } {
  const context = es2016Context();
  runInContext(bundle.source, context, { filename: "functions.js" });
  runInContext(RUN_CASES, context);
  (context as { casesJson?: string }).casesJson = JSON.stringify(CASES);
  const outcomes = JSON.parse(
    runInContext("runCases(CustomFunctions, casesJson)", context) as string,
  ) as Outcome[];
  const ids = JSON.parse(
    runInContext("JSON.stringify(Object.keys(CustomFunctions.associated))", context) as string,
  ) as string[];
  return { outcomes, ids };
}

/** The cases through the source, with the functions associated by the ids the metadata gives them. */
async function throughSource(): Promise<Outcome[]> {
  const source = resolve(__dirname, "../../src/functions/functions.ts");
  const generated = await generateCustomFunctionsMetadata(source);
  const cf: CustomFunctionsShim = makeCustomFunctions();
  for (const { id, functionName } of generated.associate) {
    cf.associate(id, (guard as unknown as Record<string, (...args: unknown[]) => unknown>)[functionName]!);
  }
  const run = new Function("CF", "casesJson", `${RUN_CASES}; return runCases(CF, casesJson);`);
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = cf;
  try {
    return JSON.parse(run(cf, JSON.stringify(CASES)) as string) as Outcome[];
  } finally {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  }
}

let bundle: BuiltBundle;
beforeAll(() => {
  bundle = builtBundle();
}, 300_000);

describe("the built functions bundle (dist/functions.js)", () => {
  it("parses as ECMAScript 2016", () => {
    expect(() => parse(bundle.source, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  it("runs where only ES2016's built-ins exist: no globalThis, URL, TextDecoder, BigInt or Intl", () => {
    const names = globalNames(es2016Context());
    for (const absent of [
      "globalThis",
      "URL",
      "TextDecoder",
      "structuredClone",
      "BigInt",
      "Intl",
      "window",
    ]) {
      expect(names).not.toContain(absent);
    }
    const { outcomes } = throughBundle(bundle);
    expect(outcomes.filter((o) => "crashed" in o || "missing" in o)).toEqual([]);
  });

  it("gives every case the result the source gives", async () => {
    const viaBundle = throughBundle(bundle).outcomes;
    const viaSource = await throughSource();
    expect(viaBundle).toHaveLength(CASES.length);
    const differences = CASES.map((c, i) => ({ case: c, bundle: viaBundle[i], source: viaSource[i] })).filter(
      (d) => JSON.stringify(d.bundle) !== JSON.stringify(d.source),
    );
    expect(differences).toEqual([]);
  });

  it("still flags lookalike 1688 links with no URL global", () => {
    const { outcomes } = throughBundle(bundle);
    const verdict = (url: string) =>
      outcomes[CASES.findIndex((c) => c.id === "STOREURLOK" && c.args[0] === url)];
    expect(verdict("https://detail.1688.com/offer/612345678901.html")).toEqual({ value: true });
    expect(verdict("https://detail.1688.com.offer-cn.top/612345678901.html")).toEqual({ value: false });
    expect(verdict("https://1688.com@evil.top/")).toEqual({ value: false });
    expect(verdict("http://１６８８。com/offer/1.html")).toEqual({ value: true });
  });

  it("associates every function of functions.json, and the cases call each of them", () => {
    const metadata = JSON.parse(bundle.read("functions.json")) as { functions: { id: string }[] };
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(throughBundle(bundle).ids.sort()).toEqual(ids);
    expect([...new Set(CASES.map((c) => c.id))].sort()).toEqual(ids);
  });

  it("ships functions.json letting error cells in, and functions.zh-cn.json with the Chinese help", () => {
    const english = JSON.parse(bundle.read("functions.json")) as Metadata;
    expect(english.allowErrorForDataTypeAny).toBe(true);
    expect(JSON.parse(bundle.read(ZH_LOCALE_FILE))).toEqual(localizeMetadata(english, helpZh as HelpTable));
  });
});
