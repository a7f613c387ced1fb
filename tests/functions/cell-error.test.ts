import { cellError, CellError, isCellError, passOnError } from "../../src/functions/cell-error";

describe("Excel errors with a message", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it("uses a stand-in outside Excel", () => {
    const e = cellError("value", "total: not a number");
    expect(e).toBeInstanceOf(CellError);
    expect(e).toMatchObject({ code: "#VALUE!", message: "total: not a number" });
    expect(cellError("na", "none")).toMatchObject({ code: "#N/A" });
  });

  it("uses the runtime's CustomFunctions.Error inside Excel", () => {
    class RuntimeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
      Error: RuntimeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
    const e = cellError("na", "no carrier");
    expect(e).toBeInstanceOf(RuntimeError);
    expect(e).toMatchObject({ code: "#N/A", message: "no carrier" });
  });

  it("shortens a long message to what Excel shows", () => {
    expect(cellError("value", "x".repeat(400)).message).toHaveLength(250);
  });

  it("recognises error objects and nothing else", () => {
    expect(isCellError(new CellError("#N/A", ""))).toBe(true);
    expect(isCellError({ code: "#DIV/0!" })).toBe(true);
    expect(isCellError({ code: "abc" })).toBe(false);
    expect(isCellError("#N/A")).toBe(false);
  });
});

describe("passOnError", () => {
  it.each([
    ["#N/A", "#N/A", "total: the cell holds the Excel error #N/A"],
    ["#VALUE!", "#VALUE!", "total: the cell holds the Excel error #VALUE!"],
    ["#DIV/0!", "#DIV/0!", ""],
    ["#NUM!", "#NUM!", ""],
    ["#NULL!", "#NULL!", ""],
    ["#REF!", "#VALUE!", "total: the cell holds the Excel error #REF!"],
    ["#SPILL!", "#VALUE!", "total: the cell holds the Excel error #SPILL!"],
  ])("answers an argument holding %s with %s", (code, answer, message) => {
    const text = `total: the cell holds the Excel error ${code}`;
    expect(passOnError(code, text)).toMatchObject({ code: answer, message });
  });
});
