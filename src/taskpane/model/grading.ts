/**
 * Internal supplier grades (the guide's "internal supplier ratings"): each
 * measure earns a grade from A to D against the thresholds below, and the
 * supplier's grade is the worst of them, so one bad measure cannot hide
 * behind two good ones. Measures not recorded do not count; with none, the
 * supplier is not graded.
 */

export type Grade = "A" | "B" | "C" | "D";

export interface SupplierRatings {
  /** Share (0..1) of orders delivered on time. */
  onTimeRate?: number;
  /** Share (0..1) of units found defective. */
  defectRate?: number;
  /** Disputes opened (refund, quality, non-delivery). */
  disputes?: number;
}

/** Lower bound of on-time delivery for A, B and C. */
export const ON_TIME_BOUNDS = { A: 0.95, B: 0.9, C: 0.8 } as const;
/** Upper bound of the defect rate for A, B and C. */
export const DEFECT_BOUNDS = { A: 0.01, B: 0.03, C: 0.05 } as const;
/** Upper bound of disputes for A, B and C. */
export const DISPUTE_BOUNDS = { A: 0, B: 1, C: 3 } as const;

const ORDER: readonly Grade[] = ["A", "B", "C", "D"];

function gradeAtLeast(value: number, bounds: { A: number; B: number; C: number }): Grade {
  if (value >= bounds.A) return "A";
  if (value >= bounds.B) return "B";
  return value >= bounds.C ? "C" : "D";
}

function gradeAtMost(value: number, bounds: { A: number; B: number; C: number }): Grade {
  if (value <= bounds.A) return "A";
  if (value <= bounds.B) return "B";
  return value <= bounds.C ? "C" : "D";
}

/** The grade an on-time delivery share (0..1) earns on its own. */
export function gradeOnTime(rate: number): Grade {
  return gradeAtLeast(rate, ON_TIME_BOUNDS);
}

/** The worse of two grades. */
export function worseGrade(a: Grade, b: Grade): Grade {
  return ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a;
}

/** One recorded measure and the grade it earns on its own. */
export type RatingCause =
  | { code: "on_time"; grade: Grade; rate: number }
  | { code: "defects"; grade: Grade; rate: number }
  | { code: "disputes"; grade: Grade; count: number };

/** Each recorded measure with the grade it earns, in the order on time, defects, disputes. */
export function ratingCauses(ratings: SupplierRatings): RatingCause[] {
  const causes: RatingCause[] = [];
  if (ratings.onTimeRate !== undefined)
    causes.push({ code: "on_time", grade: gradeOnTime(ratings.onTimeRate), rate: ratings.onTimeRate });
  if (ratings.defectRate !== undefined)
    causes.push({
      code: "defects",
      grade: gradeAtMost(ratings.defectRate, DEFECT_BOUNDS),
      rate: ratings.defectRate,
    });
  if (ratings.disputes !== undefined)
    causes.push({
      code: "disputes",
      grade: gradeAtMost(ratings.disputes, DISPUTE_BOUNDS),
      count: ratings.disputes,
    });
  return causes;
}

/** The worst grade earned by the recorded measures, or undefined when none is recorded. */
export function gradeSupplier(ratings: SupplierRatings): Grade | undefined {
  const causes = ratingCauses(ratings);
  if (causes.length === 0) return undefined;
  return causes.reduce<Grade>((worst, c) => worseGrade(worst, c.grade), "A");
}
