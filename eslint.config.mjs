// ESLint flat config: @eslint/js + typescript-eslint recommended (no type-aware rules, so
// linting stays fast), environment globals per folder, and the purity fence around the
// engine (src/rules, src/ledger): no Node, no DOM, no Office, no React.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

const ENGINE = ["src/rules/**", "src/ledger/**"];

const engineOnly = (what) =>
  `${what} is not available in the engine: src/rules and src/ledger are pure TypeScript (see docs/ARCHITECTURE.md). Take the value as an argument instead.`;

export default defineConfig([
  globalIgnores(["dist/", "coverage/", ".cache/", "test-results/", "node_modules/"]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },

  // Browser code: the task pane and the custom functions.
  {
    files: ["src/taskpane/**", "src/functions/**"],
    languageOptions: { globals: { ...globals.browser } },
  },

  // Node code: the command line, scripts, benchmarks, tests and tool configs.
  {
    files: ["src/cli/**", "bin/**", "scripts/**", "bench/**", "tests/**", "*.config.*", "*.cjs", "*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["tests/**"],
    languageOptions: { globals: { ...globals.jest } },
  },

  // CommonJS files (package.json has no "type": "module", so .js is CommonJS).
  {
    files: ["**/*.cjs", "*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },

  // The engine is pure: nothing from Node, the DOM, Office or React.
  {
    files: ENGINE,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...["fs", "fs/promises", "path", "os", "child_process", "crypto", "url", "util", "stream"].map(
              (name) => ({ name, message: engineOnly(`Node's "${name}"`) }),
            ),
            { name: "react", message: engineOnly("React") },
            { name: "react-dom", message: engineOnly("React") },
            { name: "exceljs", message: engineOnly("exceljs (file reading belongs in src/cli/io)") },
          ],
          patterns: [
            { group: ["node:*"], message: engineOnly("Node") },
            { group: ["react/*", "react-dom/*", "@fluentui/*"], message: engineOnly("UI code") },
            { group: ["**/taskpane/**", "**/functions/**", "**/cli/**"], message: engineOnly("A front end") },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Excel", "Office", "OfficeExtension", "CustomFunctions"].map((name) => ({
          name,
          message: engineOnly(`The Office global ${name}`),
        })),
        ...["document", "window", "navigator", "localStorage"].map((name) => ({
          name,
          message: engineOnly(`The DOM global ${name}`),
        })),
        ...["process", "require", "Buffer", "__dirname"].map((name) => ({
          name,
          message: engineOnly(`The Node global ${name}`),
        })),
      ],
      "no-console": "error",
    },
  },

  // Custom functions report through cell values and CustomFunctions.Error, never the console.
  {
    files: ["src/functions/**"],
    rules: { "no-console": "error" },
  },
]);
