import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { runInContext } from "node:vm";
import { transformSync } from "esbuild";
import { es2016Context } from "./es2016-context";

/** The polyfill module as plain ES2016 script, run in a context that lacks what it installs. */
function contextWithPolyfills() {
  const source = readFileSync(resolve(__dirname, "../../src/functions/runtime-polyfills.ts"), "utf8");
  const { code } = transformSync(source, { loader: "ts", target: "es2016", format: "iife" });
  const context = es2016Context();
  runInContext(code, context);
  return (expression: string): unknown =>
    JSON.parse(runInContext(`JSON.stringify(${expression})`, context) as string);
}

describe("runtime polyfills", () => {
  const run = contextWithPolyfills();

  it("installs globalThis as the global object, found without eval", () => {
    expect(run("globalThis === this && typeof globalThis.Object")).toBe("function");
  });

  it.each([
    ["Object.entries({ a: 1, b: [2] })", Object.entries({ a: 1, b: [2] })],
    ["Object.values({ a: 1, b: 'x' })", Object.values({ a: 1, b: "x" })],
    [
      "Object.fromEntries([['a', 1], ['b', 2]])",
      Object.fromEntries([
        ["a", 1],
        ["b", 2],
      ]),
    ],
    ["Object.keys(Object.getOwnPropertyDescriptors({ a: 1 }))", ["a"]],
    ["'7'.padStart(3, '0') + '|' + '5'.padEnd(4, 'ab') + '|' + 'x'.padStart(0)", "007|5aba|x"],
    ["'  ¥12  '.trimStart() + '|' + '  ¥12  '.trimEnd()", "¥12  |  ¥12"],
    ["[[1, [2]], 3].flat()", [1, [2], 3]],
    ["[[1, [2]], 3].flat(2)", [1, 2, 3]],
    ["[1, 2].flatMap(function (x) { return [x, x * 10]; })", [1, 10, 2, 20]],
    ["String(BigInt('9223372036854775807') > 9e18)", "true"],
  ])("gives %s as the built-in does", (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it("keeps its methods out of for-in loops, like the built-ins", () => {
    expect(
      run(
        "(function () { var seen = []; for (var k in [1]) seen.push(k); for (var s in 'a') seen.push(s); return seen; })()",
      ),
    ).toEqual(["0", "0"]);
  });
});
