import { makeStyles, tokens } from "@fluentui/react-components";

/** The bordered card the pane shows a supplier's record and the "Before you pay" verdict in. */
export const useCardStyles = makeStyles({
  card: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  head: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  hint: { color: tokens.colorNeutralForeground3 },
});
