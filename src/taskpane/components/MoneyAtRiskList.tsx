import { Badge, Button, Caption1, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { isoDay } from "../../rules/history";
import { formatMoney } from "../../rules/money";
import { useI18n } from "../i18n";
import { OrderButton } from "./OrderButton";
import { type AtRiskOrder, formatUsd as usd, type MoneyAtRiskList as AtRiskList } from "../model/history";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  causes: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  suppliers: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  asOf: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end" },
});

/** An order's amount in its own currency, with dollars beside when it is another ("¥14,400 ≈ US$2,000"). */
function amountOf(order: AtRiskOrder): string {
  const own = order.amount;
  if (own === undefined || own.currency === "USD") return usd(order.usd);
  return `${formatMoney(own)} ≈ ${usd(order.usd)}`;
}

export interface MoneyAtRiskListProps {
  list: AtRiskList;
  /** The day judged on. */
  asOf: Date;
  /** 0-based sheet row of the header (rows are shown as the sheet numbers them). */
  headerRow: number;
  /** The settings' `history.silentDays`, named in the reasons' help. */
  silentDays: number;
  onSelect: (index: number) => void;
  /** The "as of" field ("YYYY-MM-DD", "" for today) and its change; without them no field shows. */
  asOfInput?: string | undefined;
  onAsOfChange?: ((text: string) => void) | undefined;
}

/**
 * The orders whose money has reached the seller and whose goods have not
 * arrived, most money first; clicking one selects its row. Then each
 * supplier's total.
 */
export function MoneyAtRiskList({
  list,
  asOf,
  headerRow,
  silentDays,
  onSelect,
  asOfInput,
  onAsOfChange,
}: MoneyAtRiskListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const date = isoDay(asOf);
  return (
    <div className={styles.list} data-testid="money-at-risk">
      {onAsOfChange && (
        <div className={styles.asOf}>
          <Field label={t("asOfLabel")}>
            <Input
              type="date"
              size="small"
              value={asOfInput || date}
              onChange={(_, d) => onAsOfChange(d.value)}
              data-testid="as-of"
            />
          </Field>
          {asOfInput ? (
            <Button size="small" onClick={() => onAsOfChange("")}>
              {t("asOfToday")}
            </Button>
          ) : null}
        </div>
      )}
      <Caption1 className={styles.hint}>{t("atRiskHint", { date })}</Caption1>
      {list.orders.length === 0 ? (
        <Text>{t("atRiskNone", { date })}</Text>
      ) : (
        <Text weight="semibold" data-testid="at-risk-total">
          {t("atRiskTotal", { usd: usd(list.totalUsd), count: list.orders.length })}
        </Text>
      )}
      {list.orders.map((order) => (
        <OrderButton
          key={order.index}
          title={t("atRiskLine", {
            row: headerRow + 2 + order.index,
            supplier: order.supplier,
            amount: amountOf(order),
          })}
          onClick={() => onSelect(order.index)}
          data-testid="at-risk-order"
          detail={
            <span className={styles.causes}>
              <Caption1>
                {order.days === undefined ? t("atRiskNoDate") : t("atRiskDays", { days: order.days })}
              </Caption1>
              {order.causes.map((cause) => (
                <Badge
                  key={cause}
                  size="small"
                  appearance="tint"
                  color={cause === "paid_before_receipt" ? "informative" : "danger"}
                >
                  {t(`cause_${cause}`)}
                </Badge>
              ))}
            </span>
          }
        />
      ))}
      {list.orders.length > 0 && (
        <Caption1 className={styles.hint}>{t("atRiskCauses", { silentDays })}</Caption1>
      )}
      {list.suppliers.length > 0 && (
        <>
          <Caption1>{t("atRiskBySupplier")}</Caption1>
          <ul className={styles.suppliers} data-testid="at-risk-suppliers">
            {list.suppliers.map((s) => (
              <li key={s.supplierIndex}>
                <Text>
                  {s.oldestDays === undefined
                    ? t("atRiskSupplierNoDays", { supplier: s.label, usd: usd(s.usd), count: s.orders })
                    : t("atRiskSupplierLine", {
                        supplier: s.label,
                        usd: usd(s.usd),
                        count: s.orders,
                        days: s.oldestDays,
                      })}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
MoneyAtRiskList.displayName = "MoneyAtRiskList";
