/**
 * One verdict on a supplier from what the pane knows of it: the vetting
 * answers (scored by the engine), the ledger's record (its grade) and, for a
 * supplier the ledger has no record of, the internal ratings typed in. The
 * verdict is the worst of its parts, and the parts are listed worst first, so
 * a clean form cannot sit above a bad record.
 */
import type { Level, Verdict } from "../../rules/types";
import type { Grade, RatingCause } from "./grading";
import type { LedgerGrade } from "./history";

/** A grade read on the score's scale: A and B low, C medium, D high. */
export const GRADE_LEVEL: Record<Grade, Level> = { A: "LOW", B: "LOW", C: "MEDIUM", D: "HIGH" };

const SEVERITY: Record<Level, number> = { LOW: 0, MEDIUM: 1, HIGH: 2 };

/** One source of the verdict and what it says. */
export type VerdictPart =
  | { source: "answers"; level: Level; verdict: Verdict }
  | { source: "ledger"; level: Level; grade: LedgerGrade }
  | { source: "ratings"; level: Level; grade: Grade; causes: RatingCause[] };

export interface SupplierVerdict {
  /** The worst level among the parts. */
  level: Level;
  /** Worst first; on a tie, answers, then ledger, then ratings. */
  parts: VerdictPart[];
}

export interface SupplierVerdictInput {
  answers: Verdict;
  /** The grade from the ledger's record, when the ledger has one that grades. */
  ledger?: LedgerGrade | undefined;
  /** The typed ratings' grade: counted only when there is no ledger grade. */
  ratings?: { grade: Grade; causes: RatingCause[] } | undefined;
}

/**
 * @example supplierVerdict({ answers: cleanForm, ledger: { grade: "D", causes } }).level // "HIGH"
 */
export function supplierVerdict({ answers, ledger, ratings }: SupplierVerdictInput): SupplierVerdict {
  const parts: VerdictPart[] = [{ source: "answers", level: answers.level, verdict: answers }];
  if (ledger) parts.push({ source: "ledger", level: GRADE_LEVEL[ledger.grade], grade: ledger });
  else if (ratings) parts.push({ source: "ratings", level: GRADE_LEVEL[ratings.grade], ...ratings });
  // Array.prototype.sort is stable: equal levels keep the order above.
  parts.sort((a, b) => SEVERITY[b.level] - SEVERITY[a.level]);
  return { level: parts[0]?.level ?? "LOW", parts };
}
