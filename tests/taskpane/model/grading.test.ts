import { gradeSupplier } from "../../../src/taskpane/model/grading";

describe("gradeSupplier", () => {
  it.each([
    [{ onTimeRate: 0.98, defectRate: 0.005, disputes: 0 }, "A"],
    [{ onTimeRate: 0.95, defectRate: 0.01, disputes: 0 }, "A"],
    [{ onTimeRate: 0.92, defectRate: 0.005, disputes: 0 }, "B"],
    [{ onTimeRate: 0.98, defectRate: 0.04, disputes: 0 }, "C"],
    [{ onTimeRate: 0.98, defectRate: 0.005, disputes: 2 }, "C"],
    [{ onTimeRate: 0.7, defectRate: 0, disputes: 0 }, "D"],
    [{ onTimeRate: 0.99, defectRate: 0.08, disputes: 0 }, "D"],
    [{ disputes: 4 }, "D"],
    [{ onTimeRate: 0.91 }, "B"],
  ] as const)("grades %j as %s (the worst measure wins)", (ratings, grade) => {
    expect(gradeSupplier(ratings)).toBe(grade);
  });

  it("does not grade a supplier with nothing recorded", () => {
    expect(gradeSupplier({})).toBeUndefined();
  });
});
