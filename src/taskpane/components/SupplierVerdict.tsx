import { Badge, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { formatShare } from "../../rules/money";
import type { Level } from "../../rules/types";
import { useI18n } from "../i18n";
import type { RatingCause } from "../model/grading";
import { LEDGER_GRADE_RULE, type LedgerGradeCause } from "../model/history";
import type { SupplierVerdict as Verdict, VerdictPart } from "../model/verdict";
import { ReasonList } from "./ReasonList";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  head: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  part: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  causes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground3 },
});

export const LEVEL_COLOR: Record<Level, "danger" | "warning" | "success"> = {
  HIGH: "danger",
  MEDIUM: "warning",
  LOW: "success",
};

/** The values a ledger grade cause's sentence fills in. */
export function causeValues(cause: LedgerGradeCause): Record<string, string | number> {
  switch (cause.code) {
    case "on_time":
      return { grade: cause.grade, rate: formatShare(cause.rate), judged: cause.judged };
    case "few_orders":
      return { grade: cause.grade, judged: cause.judged };
    case "few_orders_late":
      return {
        grade: cause.grade,
        rate: formatShare(cause.rate),
        judged: cause.judged,
        minJudged: LEDGER_GRADE_RULE.minJudgedForA,
      };
    case "money_at_risk":
      return { grade: cause.grade, days: cause.days };
    case "payee_changed":
      return { grade: cause.grade, changes: cause.changes };
    case "reused_tracking":
      return { grade: cause.grade, numbers: cause.numbers };
  }
}

function ratingValues(cause: RatingCause): Record<string, string | number> {
  return cause.code === "disputes"
    ? { grade: cause.grade, count: cause.count }
    : { grade: cause.grade, rate: formatShare(cause.rate) };
}

export interface SupplierVerdictProps {
  verdict: Verdict;
  /** The ledger has a record of the supplier (graded or not). */
  inLedger: boolean;
}

/**
 * The one verdict on a supplier: its level, then each part it comes from
 * (the vetting answers, the ledger's record, the typed ratings), worst first,
 * each with why.
 */
export function SupplierVerdict({ verdict, inLedger }: SupplierVerdictProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const level = (l: Level) => t(`level${l}`);
  const part = (p: VerdictPart) => {
    switch (p.source) {
      case "answers":
        return (
          <div key="answers" className={styles.part} data-testid="vet-risk">
            <Text weight="semibold">
              {t("verdictAnswers", { score: p.verdict.score, level: level(p.level) })}
            </Text>
            {p.verdict.reasons.length === 0 ? (
              <Text>{t("noReasons")}</Text>
            ) : (
              <ReasonList verdict={p.verdict} />
            )}
          </div>
        );
      case "ledger":
        return (
          <div key="ledger" className={styles.part} data-testid="verdict-ledger">
            <Text weight="semibold" data-testid="ledger-grade">
              {t("verdictLedger", { grade: p.grade.grade, level: level(p.level) })}
            </Text>
            <ul className={styles.causes}>
              {p.grade.causes.map((cause) => (
                <li key={cause.code}>
                  <Caption1>{t(`gradeCause_${cause.code}`, causeValues(cause))}</Caption1>
                </li>
              ))}
            </ul>
          </div>
        );
      case "ratings":
        return (
          <div key="ratings" className={styles.part} data-testid="verdict-ratings">
            <Text weight="semibold">{t("verdictRatings", { grade: p.grade, level: level(p.level) })}</Text>
            <ul className={styles.causes}>
              {p.causes.map((cause) => (
                <li key={cause.code}>
                  <Caption1>{t(`ratingCause_${cause.code}`, ratingValues(cause))}</Caption1>
                </li>
              ))}
            </ul>
          </div>
        );
    }
  };
  const hasLedger = verdict.parts.some((p) => p.source === "ledger");
  return (
    <div className={styles.root} data-testid="vet-verdict">
      <div className={styles.head}>
        <Subtitle2>{t("verdictTitle")}</Subtitle2>
        <Badge color={LEVEL_COLOR[verdict.level]} appearance="filled" data-testid="verdict-level">
          {t("verdictLevel", { level: level(verdict.level) })}
        </Badge>
      </div>
      <Caption1 className={styles.hint}>{t("verdictHint")}</Caption1>
      {verdict.parts.map(part)}
      {!hasLedger && (
        <Caption1 className={styles.hint} data-testid="verdict-no-ledger">
          {t(inLedger ? "verdictLedgerUngraded" : "verdictNoLedger")}
        </Caption1>
      )}
    </div>
  );
}
SupplierVerdict.displayName = "SupplierVerdict";
