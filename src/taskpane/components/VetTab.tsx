import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  makeStyles,
  Select,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { validateUscc } from "../../rules/identifiers/uscc";
import { scoreOrder } from "../../rules/score";
import { saveSupplier } from "../excel/gateway";
import type { LedgerView } from "../hooks/useLedger";
import type { WorkbookState } from "../hooks/useWorkbook";
import { phrase, useI18n } from "../i18n";
import { findSupplier, gradeFromHistory } from "../model/history";
import {
  EMPTY_FORM,
  formFromOrder,
  formGrade,
  formRatings,
  orderFromForm,
  supplierRow,
  TEST_REPORTS,
  VET_BADGES,
  VET_MODELS,
  VET_PAYMENTS,
  VET_VISITS,
  type VetForm,
} from "../model/vet";
import { ratingCauses } from "../model/grading";
import { supplierVerdict } from "../model/verdict";
import { SupplierCard } from "./SupplierCard";
import { SupplierVerdict } from "./SupplierVerdict";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  group: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  // Two fields side by side where they fit, one above the other in a narrow pane.
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 9.5em), 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    "& > *": { minWidth: 0 },
  },
  hint: { color: tokens.colorNeutralForeground3 },
  // Fluent's Input asks for 250px at least: let it shrink to its column.
  input: { minWidth: 0, width: "100%" },
});

export interface VetTabProps {
  workbook: WorkbookState;
  view: LedgerView;
}

export function VetTab({ workbook, view }: VetTabProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const selectedOrder = view.selected?.order;
  const [form, setForm] = useState<VetForm>(() =>
    selectedOrder ? formFromOrder(selectedOrder) : EMPTY_FORM,
  );
  // The ledger row the form was last filled from, while the user has not edited it since.
  const [filledFrom, setFilledFrom] = useState<number | undefined>(view.selected?.index);
  const edited = useRef(false);
  const fill = (index: number, order: NonNullable<typeof selectedOrder>) => {
    setForm(formFromOrder(order));
    setFilledFrom(index);
    edited.current = false;
  };
  // Follow the row selected in Excel, unless the user has typed into the form since the last fill.
  const selectedIndex = view.selected?.index;
  useEffect(() => {
    if (selectedIndex === undefined || !selectedOrder || edited.current) return;
    setForm(formFromOrder(selectedOrder));
    setFilledFrom(selectedIndex);
  }, [selectedIndex, selectedOrder]);
  const set = <K extends keyof VetForm>(key: K, value: VetForm[K]) => {
    edited.current = true;
    setFilledFrom(undefined);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const verdict = useMemo(
    () => scoreOrder(orderFromForm(form), { settings: view.settings, blacklist: view.blacklist }),
    [form, view.settings, view.blacklist],
  );
  const uscc = form.uscc.trim() ? validateUscc(form.uscc) : undefined;
  // The supplier's record in the ledger, matched as the blacklist matches; its grade wins over the typed one.
  const history = view.history;
  const record = useMemo(
    () => (history ? findSupplier(history.history, orderFromForm(form).supplier) : undefined),
    [history, form],
  );
  const ledgerGrade = record ? gradeFromHistory(record, view.settings) : undefined;
  const typed = formGrade(form);
  const overall = supplierVerdict({
    answers: verdict,
    ledger: ledgerGrade,
    ratings: typed ? { grade: typed, causes: ratingCauses(formRatings(form)) } : undefined,
  });
  const text = (
    key: keyof VetForm & string,
    label: Parameters<typeof t>[0],
    inputMode?: "decimal" | "numeric",
  ) => (
    <Field label={t(label)}>
      <Input
        className={styles.input}
        value={String(form[key])}
        inputMode={inputMode}
        onChange={(_, d) => set(key, d.value as never)}
        data-testid={`vet-${key}`}
      />
    </Field>
  );

  const save = () =>
    workbook.run(async () => {
      if (!form.name.trim() && !form.shopUrl.trim()) return { intent: "warning", text: phrase("needName") };
      const today = new Date().toISOString().slice(0, 10);
      const outcome = await saveSupplier(supplierRow(form, verdict, today, ledgerGrade?.grade));
      return {
        intent: "success",
        text: phrase(outcome === "added" ? "supplierAdded" : "supplierUpdated", {
          name: form.name || form.shopUrl,
        }),
      };
    });

  return (
    <div className={styles.form}>
      <Caption1 className={styles.hint}>{t("vetIntro")}</Caption1>
      <div className={styles.group}>
        <Button
          size="small"
          disabled={workbook.busy}
          onClick={() => {
            if (view.selected?.order) fill(view.selected.index, view.selected.order);
            else void workbook.run(async () => ({ intent: "info", text: phrase("noSelectedRow") }));
          }}
          data-testid="vet-from-row"
        >
          {t("useSelectedRow")}
        </Button>
      </div>
      {filledFrom !== undefined && view.ledger && (
        <Caption1 className={styles.hint} data-testid="vet-filled-from">
          {t("selectionFollowed", { row: view.ledger.headerRow + 2 + filledFrom })}
        </Caption1>
      )}
      <SupplierVerdict verdict={overall} inLedger={record !== undefined} />
      {record && history && (
        <SupplierCard
          record={record}
          asOf={history.asOf}
          headerRow={view.ledger?.headerRow ?? 0}
          settings={view.settings}
        />
      )}
      {text("name", "supplierName")}
      {text("shopUrl", "shopLink")}
      <div className={styles.pair}>
        {text("memberId", "memberId")}
        {text("years", "storeYears", "decimal")}
      </div>
      <Field
        label={t("uscc")}
        validationState={uscc ? (uscc.valid && !uscc.warning ? "success" : "warning") : "none"}
        validationMessage={
          uscc
            ? uscc.valid && !uscc.warning
              ? t("usccValid")
              : lang === "zh"
                ? uscc.messageZh
                : uscc.message
            : ""
        }
      >
        <Input
          className={styles.input}
          value={form.uscc}
          onChange={(_, d) => set("uscc", d.value)}
          data-testid="vet-uscc"
        />
      </Field>
      <Link href={uscc?.gsxtUrl ?? "https://www.gsxt.gov.cn/"} target="_blank" rel="noopener noreferrer">
        {t("gsxtLink")}
      </Link>
      <Field label={t("badgesLabel")}>
        <div className={styles.group}>
          {VET_BADGES.map((b) => (
            <Checkbox
              key={b}
              label={t(`badge_${b}`)}
              checked={form.badges.includes(b)}
              onChange={(_, d) =>
                set("badges", d.checked ? [...form.badges, b] : form.badges.filter((x) => x !== b))
              }
            />
          ))}
        </div>
      </Field>
      <div className={styles.pair}>
        <Field label={t("businessModel")}>
          <Select
            className={styles.input}
            value={form.businessModel}
            onChange={(_, d) => set("businessModel", d.value as VetForm["businessModel"])}
          >
            {VET_MODELS.map((m) => (
              <option key={m} value={m}>
                {t(`model_${m}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("factoryVisit")}>
          <Select
            className={styles.input}
            value={form.factoryVisit}
            onChange={(_, d) => set("factoryVisit", d.value as VetForm["factoryVisit"])}
            data-testid="vet-visit"
          >
            {VET_VISITS.map((v) => (
              <option key={v} value={v}>
                {t(`visit_${v}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Checkbox
        label={t("samples")}
        checked={form.samples}
        onChange={(_, d) => set("samples", d.checked === true)}
      />
      <Field label={t("testReports")}>
        <div className={styles.group}>
          {TEST_REPORTS.map((r) => (
            <Checkbox
              key={r}
              label={r}
              checked={form.testReports.includes(r)}
              onChange={(_, d) =>
                set(
                  "testReports",
                  d.checked ? [...form.testReports, r] : form.testReports.filter((x) => x !== r),
                )
              }
            />
          ))}
        </div>
      </Field>
      <Checkbox
        label={t("trialOrder")}
        checked={form.trialOrder}
        onChange={(_, d) => set("trialOrder", d.checked === true)}
      />
      <div className={styles.pair}>
        {text("reviewScore", "reviewScore", "decimal")}
        {text("reviewCount", "reviewCount", "numeric")}
      </div>
      {text("repeatRate", "repeatRate", "decimal")}
      <Field label={t("paymentChannel")}>
        <Select
          className={styles.input}
          value={form.payment}
          onChange={(_, d) => set("payment", d.value as VetForm["payment"])}
          data-testid="vet-payment"
        >
          {VET_PAYMENTS.map((p) => (
            <option key={p} value={p}>
              {t(`pay_${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Subtitle2>{t("ratingsTitle")}</Subtitle2>
      <div className={styles.pair}>
        {text("onTime", "onTime", "decimal")}
        {text("defects", "defects", "decimal")}
      </div>
      {text("disputes", "disputes", "numeric")}
      <Text weight="semibold" data-testid="vet-grade">
        {typed ? t("grade", { grade: typed }) : t("notGraded")}
      </Text>
      <Caption1 className={styles.hint}>{t(ledgerGrade ? "gradeFromLedgerUsed" : "gradeHint")}</Caption1>
      <Button
        appearance="primary"
        disabled={workbook.busy}
        onClick={() => void save()}
        data-testid="vet-save"
      >
        {t("saveSupplier")}
      </Button>
    </div>
  );
}
VetTab.displayName = "VetTab";
