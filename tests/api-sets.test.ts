import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import {
  compareVersions,
  declaredSets,
  declaredSetsOf,
  describeViolation,
  findApiSetViolations,
  requiredSet,
} from "./api-sets";

const root = resolve(__dirname, "..");
const MANIFEST_SETS = declaredSetsOf(join(root, "manifest.xml"));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name));
}

/** A program over in-memory files, with the Office typings and the DOM. */
function syntheticProgram(files: Record<string, string>): { program: ts.Program; names: string[] } {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["office-js"],
    typeRoots: [join(root, "node_modules", "@types")],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  const dir = join(root, "__synthetic__");
  const virtual = new Map(Object.entries(files).map(([name, text]) => [join(dir, name), text]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(name);
    return text === undefined
      ? getSourceFile(name, language, ...rest)
      : ts.createSourceFile(name, text, language);
  };
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  const names = [...virtual.keys()];
  return { program: ts.createProgram(names, options, host), names };
}

describe("the manifest's requirement sets", () => {
  it("reads each <Set> with its MinVersion, and DefaultMinVersion for a set without one", () => {
    const xml = `<Requirements><Sets DefaultMinVersion="1.2"><Set Name="ExcelApi" MinVersion="1.7" />
      <Set Name="CustomFunctionsRuntime"/></Sets></Requirements>`;
    expect([...declaredSets(xml)]).toEqual([
      ["ExcelApi", "1.7"],
      ["CustomFunctionsRuntime", "1.2"],
    ]);
  });

  it("declares ExcelApi and CustomFunctionsRuntime in this repository's manifest", () => {
    expect(MANIFEST_SETS.get("ExcelApi")).toBe("1.7");
    expect(MANIFEST_SETS.get("CustomFunctionsRuntime")).toBe("1.3");
  });
});

describe("reading an [Api set: ...] annotation", () => {
  it.each([
    ["ExcelApi 1.7", false, "ExcelApi 1.7"],
    ["ExcelApi 1.1 for get, 1.8 for set", false, "ExcelApi 1.1"],
    ["ExcelApi 1.1 for get, 1.8 for set", true, "ExcelApi 1.8"],
    ["ExcelApi 1.1 for getting the name; 1.4 for setting it.", true, "ExcelApi 1.4"],
    ["ExcelApi 1.1 for string, 1.11 for CommentRichContent object", false, "ExcelApi 1.11"],
    ["ExcelApi 1.9, ExcelApi Preview for null `destinationRange`", false, "ExcelApi 1.9"],
  ])("reads %j (write: %s) as %s", (annotation, isWrite, expected) => {
    const set = requiredSet(annotation, { isWrite });
    expect(`${set?.name} ${set?.version}`).toBe(expected);
  });

  it("counts a version tied to a parameter only when the call passes that parameter", () => {
    const annotation =
      "ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; 1.15 for adding `alwaysInsert` parameter.";
    const all = ["index", "values", "alwaysInsert"];
    const twoArgs = requiredSet(annotation, {
      isWrite: false,
      parameters: { all, passed: new Set(["values"]) },
    });
    const three = requiredSet(annotation, { isWrite: false, parameters: { all, passed: new Set(all) } });
    expect(twoArgs?.version).toBe("1.4");
    expect(three?.version).toBe("1.15");
  });

  it("compares versions by number, so 1.10 is above 1.9", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.7", "1.7")).toBe(0);
  });
});

describe("finding API uses above the manifest's sets", () => {
  // One program for all the synthetic cases: building it parses the Office typings once.
  const cases = {
    "unguarded.ts": `export async function mergedAreas(): Promise<void> {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
    range.getMergedAreasOrNullObject();
    await context.sync();
  });
}
`,
    "guarded.ts": `export async function guardedIf(): Promise<void> {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").getMergedAreasOrNullObject();
      await context.sync();
    });
  }
}
export async function guardedEarlyReturn(): Promise<void> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.13")) return;
  await Excel.run(async (context) => {
    context.workbook.worksheets.getActiveWorksheet().getRange("A1").getMergedAreasOrNullObject();
    await context.sync();
  });
}
export function guardedAnd(range: Excel.Range): void {
  void (Office.context.requirements.isSetSupported("ExcelApi", "1.13") && range.getMergedAreasOrNullObject());
}
`,
    "weak-guard.ts": `export function weakGuard(range: Excel.Range): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    range.getMergedAreasOrNullObject();
  }
  if (Office.context.requirements.isSetSupported("WordApi", "1.13")) {
    range.getMergedAreasOrNullObject();
  }
}
`,
    "within-manifest.ts": `export function setTabColor(sheet: Excel.Worksheet): void {
  sheet.tabColor = "#FF0000";
  const { worksheets } = sheet.context.workbook;
  worksheets.getActiveWorksheet();
}
`,
    "destructured.ts": `export function spills(range: Excel.Range): void {
  const { getSpillingToRangeOrNullObject } = range;
  void getSpillingToRangeOrNullObject;
}
`,
  };
  const { program, names } = syntheticProgram(cases);
  const violationsIn = (file: string) =>
    findApiSetViolations(
      program,
      names.filter((n) => n.endsWith(`/${file}`)),
      MANIFEST_SETS,
      (f) => relative(root, f),
    );

  it("flags a too-new API used without a guard, naming the file, line, API and set", () => {
    const found = violationsIn("unguarded.ts");
    expect(found).toEqual([
      {
        file: "__synthetic__/unguarded.ts",
        line: 4,
        api: "Excel.Range.getMergedAreasOrNullObject",
        needs: { name: "ExcelApi", version: "1.13" },
        declared: "1.7",
      },
    ]);
    expect(found.map(describeViolation)).toEqual([
      '__synthetic__/unguarded.ts:4 Excel.Range.getMergedAreasOrNullObject needs ExcelApi 1.13 (manifest declares 1.7) and no isSetSupported("ExcelApi", "1.13") guard covers it',
    ]);
  });

  it("accepts the API inside an if, after an early return, and right of && on isSetSupported", () => {
    expect(violationsIn("guarded.ts")).toEqual([]);
  });

  it("does not accept a guard on a lower version or on another set", () => {
    expect(violationsIn("weak-guard.ts").map((v) => v.line)).toEqual([3, 6]);
  });

  it("accepts APIs the manifest's sets already cover, read or written", () => {
    expect(violationsIn("within-manifest.ts")).toEqual([]);
  });

  it("sees an API taken out of an object by destructuring", () => {
    expect(violationsIn("destructured.ts").map((v) => v.api)).toEqual([
      "Excel.Range.getSpillingToRangeOrNullObject",
    ]);
  });
});

describe("the add-in's own sources", () => {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), (p) => ts.sys.readFile(p));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = [
    ...sourcesUnder(join(root, "src", "taskpane")),
    ...sourcesUnder(join(root, "src", "functions")),
  ];
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const check = (declared: Map<string, string>) =>
    findApiSetViolations(program, files, declared, (f) => relative(root, f)).map(describeViolation);

  it("use no Office API above the manifest's requirement sets without an isSetSupported guard", () => {
    expect(check(MANIFEST_SETS)).toEqual([]);
  });

  it("are seen in full: with no set declared, the gateway's uses of ExcelApi 1.6 and 1.7 show up", () => {
    const all = check(new Map());
    expect(all).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^src\/taskpane\/excel\/gateway\.ts:\d+ Excel\.Workbook\.getActiveCell needs ExcelApi 1\.7 /,
        ),
        expect.stringMatching(
          /^src\/taskpane\/excel\/gateway\.ts:\d+ Excel\.Range\.conditionalFormats needs ExcelApi 1\.6 /,
        ),
      ]),
    );
  });
});
