import { CellError } from "../../src/functions/cell-error";

/** The Excel error a scalar function throws (as Excel's runtime expects); fails when it throws none. */
export function errorOf(call: () => unknown): CellError {
  try {
    call();
  } catch (e) {
    if (e instanceof CellError) return e;
    throw e;
  }
  throw new Error("expected an Excel error");
}
