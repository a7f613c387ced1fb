/**
 * Post-processing of the custom functions metadata that custom-functions-metadata-plugin
 * writes from the JSDoc of src/functions/functions.ts (dist/functions.json):
 *
 *  - `allowErrorForDataTypeAny: true`, which the JSDoc cannot carry: an error cell (#N/A,
 *    #VALUE!...) inside a range reaches the function as a CustomFunctions.Error instead of
 *    Excel answering the whole formula with that error. Excel applies it to every `any`
 *    and `any[][]` parameter of every function (it is a top-level property).
 *  - dist/functions.zh-cn.json: the same metadata with the function and parameter
 *    descriptions of src/functions/help.zh.json (keyed by function id and parameter name),
 *    for zh-CN Excel through the manifest's <bt:Override Locale="zh-CN">. Ids and names stay
 *    as they are, so formulas read the same in every language.
 *
 * Used by webpack.config.js (FunctionsMetadataPlugin) and by the tests.
 */
const fs = require("node:fs");

const ZH_LOCALE_FILE = "functions.zh-cn.json";

/** The metadata with error values allowed as inputs of `any` parameters. */
function withErrorInputs(metadata) {
  return { allowErrorForDataTypeAny: true, ...metadata };
}

/**
 * What the Chinese help table lacks or has in excess, as sentences that say exactly
 * what to add or remove in src/functions/help.zh.json.
 */
function translationProblems(metadata, table) {
  const problems = [];
  const ids = new Set();
  for (const fn of metadata.functions) {
    ids.add(fn.id);
    const entry = table[fn.id];
    const params = fn.parameters.map((p) => p.name);
    if (!entry || typeof entry.description !== "string" || entry.description.trim() === "") {
      problems.push(
        `src/functions/help.zh.json has no Chinese help for ${fn.id}: add "${fn.id}": { "description": "<中文说明>", "parameters": { ${params
          .map((n) => `"${n}": "<中文说明>"`)
          .join(", ")} } } (English: "${fn.description ?? ""}")`,
      );
      continue;
    }
    const given = entry.parameters ?? {};
    for (const p of fn.parameters) {
      const text = given[p.name];
      if (typeof text !== "string" || text.trim() === "") {
        problems.push(
          `src/functions/help.zh.json: ${fn.id} has no Chinese help for parameter "${p.name}": add "${p.name}": "<中文说明>" under "${fn.id}".parameters (English: "${p.description ?? ""}")`,
        );
      }
    }
    for (const name of Object.keys(given)) {
      if (!params.includes(name)) {
        problems.push(
          `src/functions/help.zh.json: ${fn.id} has no parameter "${name}" (its parameters: ${params.join(", ")}); rename or remove it`,
        );
      }
    }
  }
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) {
      problems.push(
        `src/functions/help.zh.json: "${id}" is not a function id in functions.json; rename or remove it`,
      );
    }
  }
  return problems;
}

/** The metadata with Chinese descriptions; an entry the table lacks keeps its English text. */
function localizeMetadata(metadata, table) {
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => {
      const entry = table[fn.id] ?? {};
      const params = entry.parameters ?? {};
      return {
        ...fn,
        ...(entry.description ? { description: entry.description } : {}),
        parameters: fn.parameters.map((p) => (params[p.name] ? { ...p, description: params[p.name] } : p)),
      };
    }),
  };
}

/**
 * Webpack plugin: rewrites the metadata asset with withErrorInputs and emits its Chinese
 * twin. Must come after CustomFunctionsMetadataPlugin. A missing translation is a build
 * warning (the test suite fails on it).
 */
class FunctionsMetadataPlugin {
  constructor({ metadata, helpZh }) {
    this.metadata = metadata;
    this.helpZh = helpZh;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(this.helpZh);
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.metadata);
          if (!asset) return; // bad JSDoc: the metadata plugin has reported it
          const metadata = withErrorInputs(JSON.parse(asset.source.source().toString()));
          const table = JSON.parse(fs.readFileSync(this.helpZh, "utf8"));
          for (const problem of translationProblems(metadata, table)) {
            compilation.warnings.push(new WebpackError(problem));
          }
          const json = (value) => new sources.RawSource(`${JSON.stringify(value, null, 4)}\n`);
          compilation.updateAsset(this.metadata, json(metadata));
          compilation.emitAsset(ZH_LOCALE_FILE, json(localizeMetadata(metadata, table)));
        },
      );
    });
  }
}

module.exports = {
  FunctionsMetadataPlugin,
  ZH_LOCALE_FILE,
  localizeMetadata,
  translationProblems,
  withErrorInputs,
};
