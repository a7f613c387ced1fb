/**
 * Webpack build of the add-in: task pane, preview page and custom functions into dist/.
 *
 *   dist/taskpane.html + taskpane.js    src/taskpane/index.tsx
 *   dist/preview.html + preview.js      src/taskpane/preview.tsx (falls back to index.tsx)
 *   dist/functions.html + functions.js  src/functions/functions.ts (+ CustomFunctions.associate)
 *   dist/functions.json                 generated from the JSDoc of functions.ts
 *   dist/manifest.xml, dist/assets/
 *
 *   dist/functions.zh-cn.json           the same with the Chinese help of src/functions/help.zh.json
 *
 * Two configurations, built one after the other into dist/:
 *   "app"        the task pane and preview pages: ES2020, our code only through swc;
 *   "functions"  the custom functions: ES2016 syntax throughout, dependencies (zod) included,
 *                because the JavaScript-only custom functions runtime of Office on Windows
 *                before 2403 and Office 2021 runs ECMAScript 2016 (see docs/ARCHITECTURE.md).
 *
 * `webpack --env functionsOnly --output-path DIR` builds the functions alone (the bundle test).
 *
 * One TypeScript loader: swc-loader (type checking is `npm run typecheck`).
 * ADDIN_ORIGIN=https://host.example rewrites https://localhost:3000 in dist/manifest.xml.
 */
const fs = require("node:fs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsMetadataPlugin } = require("./scripts/functions-metadata.cjs");

const DEV_ORIGIN = "https://localhost:3000";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/**
 * The two hosts Microsoft documents for Office.js: the worldwide CDN and the one for
 * Office 365 operated by 21Vianet in China. Office.js loads its other files (host
 * scripts, office_strings.js per locale) from the folder it came from, and may open a
 * hidden frame there (AgaveErrorUX) when Excel on the web cannot vouch for the page.
 */
const OFFICE_CDNS = ["https://appsforoffice.microsoft.com", "https://appsforoffice.cdn.partner.office365.cn"];
/**
 * Content-Security-Policy of the pages: scripts only from the add-in's origin and the
 * Office.js CDNs; no network requests beyond the add-in's origin (so no telemetry
 * leaves the pane); styles inline because Fluent UI (Griffel) inserts <style> elements.
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_CDNS.join(" ")}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  `frame-src ${OFFICE_CDNS.join(" ")}`,
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

const src = (...parts) => path.resolve(__dirname, "src", ...parts);
const functionsSource = src("functions", "functions.ts");

/** The preview page's entry: its own module when the task pane provides one. */
function previewEntry() {
  const preview = src("taskpane", "preview.tsx");
  return fs.existsSync(preview) ? preview : src("taskpane", "index.tsx");
}

/** Production origin for dist/manifest.xml, or the development one. */
function addinOrigin() {
  const origin = (process.env.ADDIN_ORIGIN ?? DEV_ORIGIN).replace(/\/+$/, "");
  if (!/^https:\/\/[^/]+$/.test(origin)) {
    throw new Error(
      `ADDIN_ORIGIN must be an https origin such as https://guard.example.com, got "${origin}"`,
    );
  }
  return origin;
}

/** HTML shell of a React page: CSP, optional Office.js, a #root for React to render into. */
function pageHtml({ title, withOfficeJs }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>${title}</title>
    ${withOfficeJs ? `<script src="${OFFICE_JS}"></script>` : ""}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
}

/**
 * custom-functions-metadata-plugin reports bad JSDoc in every compilation, including
 * html-webpack-plugin's child compilations, where each error comes back again as a
 * "Child compilation failed" stack trace. Keep its errors in the main compilation only
 * (the build still fails on them). Must be applied after the metadata plugin.
 */
class MetadataErrorsInMainCompilationOnly {
  apply(compiler) {
    compiler.hooks.compilation.tap("MetadataErrorsInMainCompilationOnly", (compilation) => {
      if (!compilation.compiler.isChild()) return;
      const kept = compilation.errors.filter((error) => !String(error.message).startsWith(functionsSource));
      compilation.errors.splice(0, compilation.errors.length, ...kept);
    });
  }
}

/** swc-loader for TypeScript (our code) or plain JavaScript (dependencies) at one ECMAScript level. */
function swcRule({ test, exclude, typescript, target, production }) {
  return {
    test,
    ...(exclude ? { exclude } : {}),
    use: {
      loader: "swc-loader",
      options: {
        swcrc: false,
        jsc: {
          parser: typescript ? { syntax: "typescript", tsx: true } : { syntax: "ecmascript" },
          ...(typescript ? { transform: { react: { runtime: "automatic", development: !production } } } : {}),
          target,
        },
      },
    },
  };
}

const resolve = {
  extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
  extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
};

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const origin = addinOrigin();
  const common = {
    mode: production ? "production" : "development",
    // No eval-based source maps: the pages' CSP forbids eval.
    devtool: "source-map",
    resolve,
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
  };

  /** dist/, relative URLs ("auto" would probe document.currentScript, which the JS-only runtime lacks). */
  const outputTo = (clean) => ({
    path: path.resolve(__dirname, "dist"),
    filename: "[name].js",
    publicPath: "",
    clean,
  });
  /** Our TypeScript at one ECMAScript level. */
  const ourCode = (target) =>
    swcRule({ test: /\.[cm]?tsx?$/, exclude: /node_modules/, typescript: true, target, production });

  const app = {
    ...common,
    name: "app",
    target: ["web", "es2020"],
    entry: {
      taskpane: src("taskpane", "index.tsx"),
      preview: previewEntry(),
    },
    output: outputTo(true),
    module: { rules: [ourCode("es2020")] },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        chunks: ["taskpane"],
        templateContent: pageHtml({ title: "Sourcing Guard", withOfficeJs: true }),
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        chunks: ["preview"],
        // The preview runs outside Office (a browser, the e2e test): no Office.js.
        templateContent: pageHtml({ title: "Sourcing Guard preview", withOfficeJs: false }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The manifest's SupportUrl: a static bilingual help page.
          { from: "src/support/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // The shipped manifest: URLs for ADDIN_ORIGIN, no development comments.
            transform: (content) =>
              content
                .toString()
                .replace(/<!--[\s\S]*?-->\s*/g, "")
                .replaceAll(DEV_ORIGIN, origin),
          },
        ],
      }),
    ],
  };

  const functions = {
    ...common,
    name: "functions",
    // Built after "app", whose output.clean empties dist/ first.
    dependencies: ["app"],
    target: ["web", "es2016"],
    entry: { functions: functionsSource },
    output: outputTo(false),
    module: {
      rules: [
        ourCode("es2016"),
        // Dependencies ship modern syntax (zod: optional chaining, class fields): down to ES2016 too.
        swcRule({
          test: /\.[cm]?js$/,
          exclude: /[\\/]node_modules[\\/]@swc[\\/]/,
          typescript: false,
          target: "es2016",
          production,
        }),
      ],
    },
    plugins: [
      // Writes functions.json from the JSDoc, fails the build on bad JSDoc, and adds its
      // loader to functions.ts to append the CustomFunctions.associate(...) calls.
      new CustomFunctionsMetadataPlugin({ input: functionsSource, output: "functions.json" }),
      new MetadataErrorsInMainCompilationOnly(),
      // Then: error values reach the functions (allowErrorForDataTypeAny), and the Chinese
      // help (src/functions/help.zh.json) gives functions.zh-cn.json.
      new FunctionsMetadataPlugin({ metadata: "functions.json", helpZh: src("functions", "help.zh.json") }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        chunks: ["functions"],
        template: src("functions", "functions.html"),
      }),
    ],
  };

  if (env.functionsOnly) {
    // `--env functionsOnly`: the custom functions alone (tests/functions/bundle.test.ts).
    const { dependencies: _app, ...alone } = functions;
    return alone;
  }
  return [app, functions];
};
