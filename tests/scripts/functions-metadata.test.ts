/**
 * The custom functions metadata: generated from the JSDoc of src/functions/functions.ts
 * (as custom-functions-metadata-plugin does in the build), then given
 * allowErrorForDataTypeAny and a Chinese twin from src/functions/help.zh.json.
 */
import { resolve } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  localizeMetadata,
  translationProblems,
  withErrorInputs,
  type HelpTable,
  type Metadata,
} from "../../scripts/functions-metadata.cjs";
import helpZh from "../../src/functions/help.zh.json";

let english: Metadata;
beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(
    resolve(__dirname, "../../src/functions/functions.ts"),
  );
  expect(generated.errors).toEqual([]);
  english = withErrorInputs(JSON.parse(generated.metadataJson) as Metadata);
}, 60_000);

const HAN = /[\u4e00-\u9fff]/;

describe("functions.json", () => {
  it("lets error cells reach the functions (allowErrorForDataTypeAny)", () => {
    expect(english.allowErrorForDataTypeAny).toBe(true);
  });

  it("types every range parameter any[][], so a range with an #N/A reaches the function", () => {
    const ranges = english.functions.flatMap((f) =>
      f.parameters.filter((p) => p.dimensionality === "matrix").map((p) => `${f.id}.${p.name}:${p.type}`),
    );
    expect(ranges.length).toBeGreaterThan(10);
    for (const range of ranges) expect(range).toMatch(/:any$/);
  });
});

describe("Chinese function help (src/functions/help.zh.json)", () => {
  it("has a Chinese description for every function and parameter, and nothing else", () => {
    // A new function or parameter needs its line in help.zh.json: the message says which.
    expect(translationProblems(english, helpZh as HelpTable)).toEqual([]);
  });

  it("writes in Chinese", () => {
    for (const [id, entry] of Object.entries(helpZh as HelpTable)) {
      expect(`${id}: ${entry.description}`).toMatch(HAN);
      for (const [name, text] of Object.entries(entry.parameters ?? {}))
        expect(`${id}.${name}: ${text}`).toMatch(HAN);
    }
  });

  it("keeps ids, names, types and parameter names, and changes only the descriptions", () => {
    const chinese = localizeMetadata(english, helpZh as HelpTable);
    const shape = (m: Metadata) =>
      m.functions.map(({ description: _d, parameters, ...fn }) => ({
        ...fn,
        parameters: parameters.map(({ description: _p, ...p }) => p),
      }));
    expect(shape(chinese)).toEqual(shape(english));
    expect(chinese.allowErrorForDataTypeAny).toBe(true);
    expect(chinese.functions.find((f) => f.id === "RISKSCORE")?.description).toMatch(/风险分/);
  });

  it("names exactly what to add when a function or parameter lacks a text", () => {
    const added: Metadata = {
      functions: [
        ...english.functions,
        {
          id: "SUPPLIERHISTORY",
          name: "SUPPLIERHISTORY",
          description: "Past orders of a supplier.",
          parameters: [{ name: "supplier", description: "Supplier name." }],
          result: { type: "any" },
        },
      ],
    };
    const table = JSON.parse(JSON.stringify(helpZh)) as HelpTable;
    delete table.RISKSCORE?.parameters?.settings;
    expect(translationProblems(added, table)).toEqual([
      'src/functions/help.zh.json: RISKSCORE has no Chinese help for parameter "settings": add "settings": "<中文说明>" under "RISKSCORE".parameters (English: "Two-column key/value range overriding the default thresholds (e.g. GuardSettings).")',
      'src/functions/help.zh.json has no Chinese help for SUPPLIERHISTORY: add "SUPPLIERHISTORY": { "description": "<中文说明>", "parameters": { "supplier": "<中文说明>" } } (English: "Past orders of a supplier.")',
    ]);
  });

  it("reports an entry for a function or parameter that does not exist", () => {
    const table = { ...(helpZh as HelpTable), RISKSCOER: { description: "拼错了" } };
    expect(translationProblems(english, table)).toEqual([
      'src/functions/help.zh.json: "RISKSCOER" is not a function id in functions.json; rename or remove it',
    ]);
  });
});
