/**
 * Finds every Office / Excel / custom functions API a program uses and the
 * requirement set each needs, read from the "[Api set: ExcelApi 1.x]" lines
 * of the @types packages' JSDoc, and reports the uses above what the manifest
 * declares that no `isSetSupported` guard covers.
 *
 * An API use is a property access, a method call or a destructured property
 * whose declaration lives in @types/office-js, @types/office-runtime or
 * @types/custom-functions-runtime (types in type positions cost nothing at
 * run time and are not counted). A use is guarded by
 * `Office.context.requirements.isSetSupported("Set", "x.y")` (same set,
 * version at least the API's) when it sits
 *   - in the `then` branch of an `if`, or the true branch of `?:`, whose
 *     condition is the call or an `&&` chain holding it,
 *   - right of such a call in an `&&` chain,
 *   - in the `else` branch (false branch) of a condition `!isSetSupported(...)`,
 *   - after a statement `if (!isSetSupported(...)) return ...;` (or `throw`)
 *     in an enclosing block, callbacks written after it included.
 * A guard held in a variable or another function is not recognised: write the
 * call where the guarded code is.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { compareApiVersions } from "../src/taskpane/mock/workbook";

/** A requirement set and version, such as ExcelApi 1.7. */
export interface SetVersion {
  name: string;
  version: string;
}

/** One API use above the declared sets with no guard. */
export interface ApiSetViolation {
  file: string;
  line: number;
  api: string;
  needs: SetVersion;
  declared: string | undefined;
}

/** `<Requirements><Sets>` of an add-in only manifest: set name → minimum version. */
export function declaredSets(manifestXml: string): Map<string, string> {
  const sets = new Map<string, string>();
  const block = /<Requirements>\s*<Sets([^>]*)>([\s\S]*?)<\/Sets>/.exec(manifestXml);
  if (!block) return sets;
  const fallback = /DefaultMinVersion="([^"]+)"/.exec(block[1] ?? "")?.[1] ?? "1.1";
  for (const m of (block[2] ?? "").matchAll(/<Set\s+([^>]*?)\/?>/g)) {
    const name = /Name="([^"]+)"/.exec(m[1] ?? "")?.[1];
    const version = /MinVersion="([^"]+)"/.exec(m[1] ?? "")?.[1] ?? fallback;
    if (name) sets.set(name, version);
  }
  return sets;
}

/** Compares "1.10" and "1.9" as versions: negative, zero or positive (the mock host answers isSetSupported with it). */
export const compareVersions = compareApiVersions;

const VERSION = /\d+\.\d+/g;

/** How an API is used: written to, and for a call which parameters it passes. */
export interface ApiUse {
  isWrite: boolean;
  /** Parameter names of the called overload, and those the call passes. */
  parameters?: { all: readonly string[]; passed: ReadonlySet<string> };
}

/**
 * The set an "[Api set: ...]" annotation asks for. The first set name counts;
 * "1.1 for get, 1.8 for set" picks by the kind of access; in any other
 * qualified form each further version counts (the cautious reading) unless
 * its clause names a parameter the call does not pass ("1.15 for adding
 * `alwaysInsert` parameter").
 */
export function requiredSet(annotation: string, use: ApiUse): SetVersion | undefined {
  const m = /^\s*([A-Za-z]+)\s+(\d+\.\d+)(.*)$/s.exec(annotation);
  if (!m) return undefined;
  const [, name = "", base = "", rest = ""] = m;
  const getter = /(\d+\.\d+) for (?:get|getting|reading)\b/.exec(annotation)?.[1];
  const setter = /(\d+\.\d+) for (?:set|setting)\b/.exec(annotation)?.[1];
  if (getter !== undefined || setter !== undefined) {
    return { name, version: use.isWrite ? (setter ?? base) : (getter ?? base) };
  }
  const unused = (use.parameters?.all ?? []).filter((p) => !use.parameters?.passed.has(p));
  const versions = [base];
  for (const clause of rest.split(/[;,]/)) {
    if (unused.some((p) => new RegExp(`\\b${p}\\b`).test(clause))) continue;
    versions.push(...(clause.match(VERSION) ?? []));
  }
  return { name, version: versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b)) };
}

const TYPES_PACKAGES =
  /[\\/]node_modules[\\/]@types[\\/](office-js|office-runtime|custom-functions-runtime)[\\/]/;

/** The "[Api set: ...]" text of a declaration's JSDoc, if it has one. */
function annotationOf(declaration: ts.Declaration): string | undefined {
  const file = declaration.getSourceFile();
  if (!TYPES_PACKAGES.test(file.fileName)) return undefined;
  const text = file.text;
  for (const range of ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? []) {
    const m = /\[Api set: ([^\]]*)\]/.exec(text.slice(range.pos, range.end));
    if (m) return m[1]?.replace(/\s*\n\s*\*\s*/g, " ");
  }
  return undefined;
}

/** "Excel.Range.values", from a declaration in the typings. */
function apiName(declaration: ts.Declaration): string {
  const parts: string[] = [];
  let node: ts.Node | undefined = declaration;
  while (node && !ts.isSourceFile(node)) {
    const name = (node as ts.NamedDeclaration).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) parts.unshift(name.text);
    node = node.parent;
  }
  return parts.join(".");
}

function useOf(node: ts.Node, declaration: ts.Declaration): ApiUse {
  const parent = node.parent;
  const isWrite =
    parent !== undefined &&
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  if (
    !parent ||
    !ts.isCallExpression(parent) ||
    parent.expression !== node ||
    !ts.isFunctionLike(declaration)
  )
    return { isWrite };
  const all = declaration.parameters.map((p) => p.name.getText());
  const passed = new Set(
    all.filter((_, i) => {
      const arg = parent.arguments[i];
      return arg !== undefined && !(ts.isIdentifier(arg) && arg.text === "undefined");
    }),
  );
  return { isWrite, parameters: { all, passed } };
}

/** `isSetSupported("Set", "x.y")` calls that make `condition` true when it is true. */
function positiveGuards(condition: ts.Expression, checker: ts.TypeChecker): SetVersion[] {
  const e = skipParens(condition);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [...positiveGuards(e.left, checker), ...positiveGuards(e.right, checker)];
  }
  const guard = guardCall(e, checker);
  return guard ? [guard] : [];
}

/** Guards that hold when `condition` is false (`!isSetSupported(...)`). */
function negativeGuards(condition: ts.Expression, checker: ts.TypeChecker): SetVersion[] {
  const e = skipParens(condition);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    return positiveGuards(e.operand, checker);
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    return [...negativeGuards(e.left, checker), ...negativeGuards(e.right, checker)];
  }
  return [];
}

function skipParens(e: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(e) ? skipParens(e.expression) : e;
}

/** The set a call `….isSetSupported("Set", "x.y")` on Office's RequirementSetSupport checks. */
function guardCall(e: ts.Expression, checker: ts.TypeChecker): SetVersion | undefined {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return undefined;
  if (e.expression.name.text !== "isSetSupported") return undefined;
  const symbol = checker.getSymbolAtLocation(e.expression.name);
  const fromOffice = symbol?.declarations?.some((d) => TYPES_PACKAGES.test(d.getSourceFile().fileName));
  if (!fromOffice) return undefined;
  const [name, version] = e.arguments;
  if (!name || !ts.isStringLiteralLike(name)) return undefined;
  if (version === undefined) return { name: name.text, version: "1.1" };
  if (ts.isStringLiteralLike(version) || ts.isNumericLiteral(version))
    return { name: name.text, version: version.text };
  return undefined;
}

/** Whether a statement always leaves its block (return or throw, or a block ending so). */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/** Every guard that holds where `node` runs. */
function guardsAt(node: ts.Node, checker: ts.TypeChecker): SetVersion[] {
  const guards: SetVersion[] = [];
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement) guards.push(...positiveGuards(parent.expression, checker));
      if (child === parent.elseStatement) guards.push(...negativeGuards(parent.expression, checker));
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) guards.push(...positiveGuards(parent.condition, checker));
      if (child === parent.whenFalse) guards.push(...negativeGuards(parent.condition, checker));
    } else if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      child === parent.right
    ) {
      guards.push(...positiveGuards(parent.left, checker));
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement)) {
          guards.push(...negativeGuards(statement.expression, checker));
        }
      }
    }
  }
  return guards;
}

function isCovered(needs: SetVersion, declared: Map<string, string>, guards: SetVersion[]): boolean {
  const min = declared.get(needs.name);
  if (min !== undefined && compareVersions(needs.version, min) <= 0) return true;
  return guards.some((g) => g.name === needs.name && compareVersions(needs.version, g.version) <= 0);
}

/** The declaration a use resolves to: the called overload for a call, else the symbol's. */
function declarationsOf(name: ts.Node, checker: ts.TypeChecker): readonly ts.Declaration[] {
  const access = name.parent;
  const call = access?.parent;
  if (access && call && ts.isCallExpression(call) && call.expression === access) {
    const declaration = checker.getResolvedSignature(call)?.getDeclaration();
    if (declaration) return [declaration];
  }
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations ?? [];
}

/** The API uses in `files` of `program` that need more than `declared` and no guard covers. */
export function findApiSetViolations(
  program: ts.Program,
  files: readonly string[],
  declared: Map<string, string>,
  displayName: (fileName: string) => string = (f) => f,
): ApiSetViolation[] {
  const checker = program.getTypeChecker();
  const violations: ApiSetViolation[] = [];
  for (const fileName of files) {
    const source = program.getSourceFile(fileName);
    if (!source) throw new Error(`${fileName} is not part of the program`);
    const check = (nameNode: ts.Node, useNode: ts.Node, declarations: readonly ts.Declaration[]): void => {
      for (const declaration of declarations) {
        const annotation = annotationOf(declaration);
        if (annotation === undefined) continue;
        const needs = requiredSet(annotation, useOf(useNode, declaration));
        if (!needs || isCovered(needs, declared, guardsAt(useNode, checker))) continue;
        violations.push({
          file: displayName(fileName),
          line: source.getLineAndCharacterOfPosition(nameNode.getStart(source)).line + 1,
          api: apiName(declaration),
          needs,
          declared: declared.get(needs.name),
        });
        return;
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) check(node.name, node, declarationsOf(node.name, checker));
      else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        // const { workbook } = context: the property read from the object destructured.
        const key = node.propertyName ?? node.name;
        if (ts.isIdentifier(key)) {
          const property = checker.getTypeAtLocation(node.parent).getProperty(key.text);
          check(key, node, property?.declarations ?? []);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
}

/** One line per violation: file:line, the API, the set it needs, what the manifest declares. */
export function describeViolation(v: ApiSetViolation): string {
  const declared =
    v.declared === undefined ? "not declared in the manifest" : `manifest declares ${v.declared}`;
  return `${v.file}:${v.line} ${v.api} needs ${v.needs.name} ${v.needs.version} (${declared}) and no isSetSupported("${v.needs.name}", "${v.needs.version}") guard covers it`;
}

/** The manifest's declared sets, read from a file. */
export function declaredSetsOf(manifestPath: string): Map<string, string> {
  return declaredSets(readFileSync(manifestPath, "utf8"));
}
