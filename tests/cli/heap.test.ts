import v8 from "node:v8";
import { boundHeapGrowth, HEAP_GROWING_PERCENT } from "../../src/cli/heap";

describe("boundHeapGrowth", () => {
  it("tells V8 to grow the old generation by at most HEAP_GROWING_PERCENT past what it found alive", () => {
    const set = jest.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
    try {
      boundHeapGrowth();
      expect(set).toHaveBeenCalledWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
      expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
    } finally {
      set.mockRestore();
    }
  });
});
