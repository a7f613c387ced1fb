import v8 from "node:v8";
import {
  BOUND_HEAP_FROM_BYTES,
  boundHeapGrowthFor,
  HEAP_GROWING_PERCENT,
  streamWithoutPretenuring,
} from "../../src/cli/heap";

describe("boundHeapGrowthFor", () => {
  it("bounds the old generation's growth for a long sheet, and leaves V8 alone for a short one", () => {
    const set = jest.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
    try {
      expect(boundHeapGrowthFor(64 * 1024 * 1024)).toBe(false);
      expect(set).not.toHaveBeenCalled();
      expect(boundHeapGrowthFor(BOUND_HEAP_FROM_BYTES)).toBe(true);
      expect(set).toHaveBeenCalledWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
      expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
    } finally {
      set.mockRestore();
    }
  });
});

describe("streamWithoutPretenuring", () => {
  it("turns allocation-site pretenuring off", () => {
    const set = jest.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
    try {
      streamWithoutPretenuring();
      expect(set).toHaveBeenCalledWith("--no-allocation-site-pretenuring");
    } finally {
      set.mockRestore();
    }
  });
});
