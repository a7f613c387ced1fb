import { Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { explain } from "../../rules/explain";
import type { Verdict } from "../../rules/types";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: "none" },
  item: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  points: {
    flexShrink: 0,
    minWidth: "3.5em",
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  text: { minWidth: 0, overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface ReasonListProps {
  verdict: Verdict;
}

/**
 * Every reason of a verdict, weightiest first, each with its points; and,
 * when the points add up to more than the score, that the score stops at 100.
 */
export function ReasonList({ verdict }: ReasonListProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const reasons = [...verdict.reasons].sort((a, b) => b.points - a.points);
  const sum = reasons.reduce((total, r) => total + r.points, 0);
  return (
    <>
      <ul className={styles.list} data-testid="reason-list">
        {reasons.map((r) => (
          <li key={`${r.rule}:${r.code}`} className={styles.item} data-testid="reason">
            <Text className={styles.points}>{t("reasonPoints", { points: r.points })}</Text>
            <Text className={styles.text}>{explain(r, lang)}</Text>
          </li>
        ))}
      </ul>
      {Math.round(sum) > verdict.score && (
        <Caption1 className={styles.hint}>{t("reasonsCapped", { sum: Math.round(sum) })}</Caption1>
      )}
    </>
  );
}
ReasonList.displayName = "ReasonList";
