import { CellError } from "../../src/functions/cell-error";
import { FUZZED, answerProblem, describeArg, makeRandom, runCase } from "./fuzz-cases";
import * as guard from "../../src/functions/functions";

/**
 * A short, deterministic slice of the fuzzing `npm run fuzz` runs at length
 * (scripts/fuzz-functions.mjs): every GUARD function, fed what Excel can pass, answers a
 * finite value or an Excel error with a message. Timings are the script's business.
 */
const SEED = 20261207;
const CASES = 120;
const makeError = (code: string) => new CellError(code, "");
const now = () => 0;

describe("fuzzing every GUARD function with the values Excel can pass", () => {
  it("covers every function functions.ts exports", () => {
    const exported = Object.values(guard).filter((v) => typeof v === "function");
    expect(FUZZED.map((s) => s.call)).toEqual(expect.arrayContaining(exported));
    expect(FUZZED).toHaveLength(exported.length);
  });

  it("draws the same cases from the same seed", () => {
    const a = makeRandom(7);
    const b = makeRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it.each(FUZZED.map((s) => [s.id, s] as const))(
    "%s answers a finite value or an error with a message",
    (_id, spec) => {
      const problems: string[] = [];
      for (let i = 0; i < CASES; i++) {
        const r = runCase(spec, SEED, i, makeError, now);
        if (r.problem !== undefined)
          problems.push(`case ${i}: ${r.problem}; args ${r.args.map(describeArg).join(" | ")}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it("tells an answer Excel cannot show from one it can", () => {
    expect(answerProblem({ value: Infinity })).toBe("the number Infinity");
    expect(answerProblem({ value: [[1], [NaN]] })).toBe("the number NaN");
    expect(answerProblem({ thrown: new RangeError("Infinity is not a whole number") })).toMatch(
      /^threw RangeError/,
    );
    expect(answerProblem({ thrown: new CellError("#VALUE!", "") })).toBe("#VALUE! without a message");
    expect(answerProblem({ value: "a".repeat(32768) })).toBe("text of 32768 characters");
    expect(answerProblem({ value: [[new CellError("#N/A", "no rate")]] })).toBeUndefined();
    expect(answerProblem({ thrown: new CellError("#DIV/0!", "") })).toBeUndefined();
  });
});
