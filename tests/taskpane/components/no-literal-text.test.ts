/**
 * Every word the pane shows goes through its string tables: a component that
 * writes a word straight into JSX (a text child, a label, a placeholder, an
 * accessible name) fails here, in either language.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

const root = resolve(__dirname, "../../..");
const pane = join(root, "src/taskpane");
const WORD = /[A-Za-z]{2,}|[\u4e00-\u9fff]/;
/** Attributes people read. */
const READ = new Set(["label", "placeholder", "title", "aria-label", "alt", "hint", "validationMessage"]);

/** The literal text a TSX file puts before people: [line, text]. */
export function literalText(file: string, text: string): Array<[number, string]> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Array<[number, string]> = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORD.test(node.text)) found.push([at(node), node.text.trim()]);
    if (ts.isJsxAttribute(node) && READ.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init) && WORD.test(init.text)) found.push([at(node), init.text]);
    }
    // What a JSX child or a read attribute shows: a string, or either branch of a choice.
    const shown =
      ts.isJsxExpression(node) &&
      (ts.isJsxElement(node.parent) ||
        ts.isJsxFragment(node.parent) ||
        (ts.isJsxAttribute(node.parent) && READ.has(node.parent.name.getText(source))));
    if (shown && node.expression) {
      const results = (e: ts.Expression): ts.Expression[] =>
        ts.isConditionalExpression(e)
          ? [...results(e.whenTrue), ...results(e.whenFalse)]
          : ts.isBinaryExpression(e)
            ? results(e.right)
            : ts.isParenthesizedExpression(e)
              ? results(e.expression)
              : [e];
      for (const e of results(node.expression))
        if ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && WORD.test(e.text))
          found.push([at(e), e.text]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = [
  join(pane, "App.tsx"),
  ...readdirSync(join(pane, "components"))
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => join(pane, "components", f)),
];

describe("the pane's components", () => {
  it.each(files.map((f) => [relative(root, f), f]))(
    "%s writes no word outside the string tables",
    (_, file) => {
      expect(literalText(file, readFileSync(file, "utf8"))).toEqual([]);
    },
  );

  it("would catch a word written into JSX, a label or an accessible name", () => {
    const tsx = `const a = <Field label="Supplier"><Text>Search</Text><Button aria-label="关闭" appearance={on ? "primary" : "subtle"}>{"Save"}{zh ? "English" : t("zh")}</Button></Field>;`;
    expect(literalText("x.tsx", tsx).map(([, t]) => t)).toEqual([
      "Supplier",
      "Search",
      "关闭",
      "Save",
      "English",
    ]);
  });
});
