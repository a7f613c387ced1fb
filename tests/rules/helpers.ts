import { InputError } from "../../src/rules/input-error";

/** The InputError `fn` throws; fails the test when it throws nothing or something else. */
export function caught(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}
