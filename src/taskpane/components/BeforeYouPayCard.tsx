import {
  Badge,
  Caption1,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState, type ReactNode } from "react";
import type { BlacklistIndex } from "../../rules/blacklist";
import type { PayAction } from "../../rules/pay/types";
import type { Settings } from "../../rules/settings";
import type { CellValue } from "../../rules/types";
import { useI18n } from "../i18n";
import { useCardStyles } from "./cardStyles";
import { usePinyin } from "../hooks/usePinyin";
import { payCard, type PayLine } from "../model/pay";

const useStyles = makeStyles({
  // More room between its parts than the supplier card, and below it.
  card: { rowGap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  unknown: { color: tokens.colorNeutralForeground3 },
});

const VERDICT_COLOR: Record<PayAction, "success" | "warning" | "danger"> = {
  PAY: "success",
  HOLD: "warning",
  STOP: "danger",
};

export interface BeforeYouPayCardProps {
  /** The ledger's cells, header row first. */
  cells: readonly (readonly CellValue[])[];
  /** The selected data row (0-based under the header). */
  index: number;
  /** 0-based sheet row of the header (rows are shown as the sheet numbers them). */
  headerRow: number;
  settings: Settings;
  blacklist: BlacklistIndex | undefined;
  asOf: Date;
  /** The GuardAllowList table's cells (header row first): "not the same company" entries. */
  allowCells?: readonly (readonly CellValue[])[] | undefined;
  /** The dossier button, when the pane offers one. */
  children?: ReactNode;
}

function Lines({ lines, className }: { lines: PayLine[]; className: string }) {
  const styles = useStyles();
  return (
    <ul className={className}>
      {lines.map((l, i) => (
        <li key={`${l.rule}:${i}`} className={l.action === "UNKNOWN" ? styles.unknown : undefined}>
          <Text>{l.text}</Text>
        </li>
      ))}
    </ul>
  );
}
Lines.displayName = "PayLines";

/**
 * "Before you pay": the verdict on paying the selected order now (PAY, HOLD
 * or STOP) with its reasons and what was checked; an amount field judges a
 * part payment instead of the rest of the order.
 */
export function BeforeYouPayCard({
  cells,
  index,
  headerRow,
  settings,
  blacklist,
  asOf,
  allowCells,
  children,
}: BeforeYouPayCardProps) {
  const card = useCardStyles();
  const styles = useStyles();
  const { t, lang } = useI18n();
  const [amountText, setAmountText] = useState("");
  // The verdict again once the pinyin dictionary has arrived (a possible match may join).
  const pinyin = usePinyin();
  const model = useMemo(
    () => payCard(cells, index, { settings, blacklist, asOf, amountText, lang, allowCells }),
    // pinyin: the matches change once the dictionary has loaded
    [cells, index, settings, blacklist, asOf, amountText, lang, allowCells, pinyin],
  );
  return (
    <section className={mergeClasses(card.card, styles.card)} data-testid="before-you-pay">
      <Subtitle2>{t("payTitle")}</Subtitle2>
      <Caption1 className={card.hint}>{t("payHint")}</Caption1>
      {model === undefined && <Text>{t("payNoSelection")}</Text>}
      {model?.kind === "error" && (
        <MessageBar intent={model.intent} layout="multiline">
          <MessageBarBody>{model.message}</MessageBarBody>
        </MessageBar>
      )}
      {model?.kind === "verdict" && (
        <>
          <div className={card.head}>
            <Badge
              size="large"
              appearance="filled"
              color={VERDICT_COLOR[model.verdict]}
              data-testid="pay-verdict"
            >
              {t(`payVerdict${model.verdict}`)}
            </Badge>
            <Text>
              {t("payOrder", {
                order: model.orderId,
                row: model.row + headerRow,
                amount: model.amount,
                supplier: model.supplier,
              })}
            </Text>
          </div>
          {model.reasons.length > 0 && <Lines lines={model.reasons} className={styles.list} />}
          <Caption1>{t("payChecked")}</Caption1>
          <Lines lines={model.checked} className={styles.list} />
        </>
      )}
      {model !== undefined && (
        <Field label={t("payAmount")} size="small">
          <Input
            size="small"
            value={amountText}
            placeholder={t("payAmountPlaceholder")}
            onChange={(_, d) => setAmountText(d.value)}
            data-testid="pay-amount"
          />
        </Field>
      )}
      {children}
    </section>
  );
}
BeforeYouPayCard.displayName = "BeforeYouPayCard";
