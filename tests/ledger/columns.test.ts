import { columnLetters } from "../../src/ledger/columns";

describe("columnLetters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("names column index %i %s", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });
});
