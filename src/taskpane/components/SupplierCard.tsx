import {
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { isoDay, type SupplierHistory } from "../../rules/history";
import { formatMoney, formatShare } from "../../rules/money";
import type { Settings } from "../../rules/settings";
import { useI18n } from "../i18n";
import { useCardStyles } from "./cardStyles";
import { formatUsd as usd, LEDGER_GRADE_RULE } from "../model/history";

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export interface SupplierCardProps {
  record: SupplierHistory;
  asOf: Date;
  /** 0-based sheet row of the header (rows are shown as the sheet numbers them). */
  headerRow: number;
  settings: Settings;
}

/**
 * A supplier's record in the ledger: orders, spend, on-time rate, money at
 * risk now, payee accounts (a change is shown first, as an error: payment
 * redirection), reused tracking numbers, price drops, and the rule that grades
 * them (the grade itself is part of the supplier's verdict).
 */
export function SupplierCard({ record, asOf, headerRow, settings }: SupplierCardProps) {
  const card = useCardStyles();
  const styles = useStyles();
  const { t } = useI18n();
  const sheetRow = (row: number) => headerRow + row;
  const judged = record.onTime + record.late + record.overdue;
  const spend = usd(record.spendUsd);
  return (
    <div className={card.card} data-testid="supplier-card">
      <div className={card.head}>
        <Subtitle2>{t("cardTitle", { supplier: record.label })}</Subtitle2>
      </div>
      <Caption1 className={card.hint}>{t("cardHint", { date: isoDay(asOf) })}</Caption1>
      {record.payeeChanges.map((change) => (
        <MessageBar key={change.row} intent="error" data-testid="payee-change">
          <MessageBarBody>
            <MessageBarTitle>{t("cardPayeeChangeTitle")}</MessageBarTitle>
            {t("cardPayeeChange", { row: sheetRow(change.row), from: change.from, to: change.to })}
          </MessageBarBody>
        </MessageBar>
      ))}
      <Text>
        {record.firstDate && record.lastDate
          ? t("cardOrders", {
              orders: record.orders,
              spend,
              first: isoDay(record.firstDate),
              last: isoDay(record.lastDate),
            })
          : t("cardOrdersNoDates", { orders: record.orders, spend })}
      </Text>
      <Text data-testid="card-on-time">
        {record.onTimeRate === undefined
          ? t("cardOnTimeUnknown")
          : t("cardOnTime", {
              onTime: record.onTime,
              judged,
              rate: formatShare(record.onTimeRate),
              late: record.late,
              overdue: record.overdue,
            })}
      </Text>
      <Text data-testid="card-at-risk">
        {record.atRiskUsd <= 0
          ? t("cardNoRisk")
          : record.oldestAtRiskDays === undefined
            ? t("cardAtRiskNoDays", { usd: usd(record.atRiskUsd), count: record.atRiskOrders })
            : t("cardAtRisk", {
                usd: usd(record.atRiskUsd),
                count: record.atRiskOrders,
                days: record.oldestAtRiskDays,
              })}
      </Text>
      {record.payeeAccounts.length > 0 && (
        <Text>
          {t("cardPayees")}
          <span className={styles.mono}>{record.payeeAccounts.join(" · ")}</span>
        </Text>
      )}
      {record.reusedTracking.length > 0 && (
        <Text data-testid="card-reused">{t("cardReused", { list: record.reusedTracking.join(", ") })}</Text>
      )}
      {record.priceDrops.map((drop) => (
        <Text key={`${drop.row}:${drop.item}`}>
          {t("cardPriceDrop", {
            row: sheetRow(drop.row),
            item: drop.item,
            unit: formatMoney(drop.unit),
            below: formatShare(drop.below),
            earlier: formatMoney(drop.earlier),
            earlierRow: sheetRow(drop.earlierRow),
          })}
        </Text>
      ))}
      <Caption1 className={card.hint} data-testid="ledger-grade-rule">
        {t("ledgerGradeRule", {
          minJudged: LEDGER_GRADE_RULE.minJudgedForA,
          silentDays: settings.history.silentDays,
          dDays: LEDGER_GRADE_RULE.atRiskDaysD,
        })}
      </Caption1>
    </div>
  );
}
SupplierCard.displayName = "SupplierCard";
