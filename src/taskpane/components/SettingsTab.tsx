import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { DEFAULT_SETTINGS, flattenSettings } from "../../rules/settings";
import { writeSettings } from "../excel/gateway";
import type { LedgerView } from "../hooks/useLedger";
import type { WorkbookState } from "../hooks/useWorkbook";
import { phrase, type Translate, useI18n } from "../i18n";
import {
  checkForm,
  checkText,
  formText,
  type SettingField,
  settingFields,
  type SettingProblem,
  tableValue,
} from "../model/settings-form";
import { settingLabel } from "./settingLabel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  field: { minWidth: 0 },
  input: { minWidth: 0, width: "100%", maxWidth: "14em" },
  // The buttons stay in view while the form scrolls.
  actions: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

const DEFAULTS = flattenSettings(DEFAULT_SETTINGS).filter(([k]) => !k.startsWith("columns."));
const DEFAULT_OF = new Map(DEFAULTS);

function settingHelp(field: SettingField, t: Translate): string {
  if (field.kind === "rate") return t("settingRateHelp", { code: field.key.slice("rates.".length) });
  return t(`settingHelp_${field.key}` as Parameters<Translate>[0]);
}

/** A value with its unit, as the default line shows it ("30%", "US$500", "7 days"). */
function withUnit(field: SettingField, text: string, t: Translate): string {
  switch (field.kind) {
    case "share":
      return `${text}%`;
    case "usd":
      return `US$${text}`;
    case "cny":
      return `¥${text}`;
    case "language":
      return t(text === "zh" ? "langZh" : "langEn");
    case "rate":
    case "currency":
      return text;
    default:
      return `${text} ${unitAfter(field, t)}`;
  }
}

/** The unit written after the box. */
function unitAfter(field: SettingField, t: Translate): string {
  switch (field.kind) {
    case "points":
      return t("unitPoints");
    case "share":
      return "%";
    case "days":
      return t("unitDays");
    case "years":
      return t("unitYears");
    case "count":
      return t("unitReviews");
    case "units":
      return t("unitUnits");
    case "score5":
      return t("unitOutOf5");
    case "multiple":
      return t("unitTimes");
    default:
      return "";
  }
}

/** The currency sign written before the box. */
const unitBefore = (field: SettingField): string =>
  field.kind === "usd" ? "US$" : field.kind === "cny" ? "¥" : "";

export interface SettingsTabProps {
  workbook: WorkbookState;
  view: LedgerView;
}

/**
 * The engine's settings as a form, grouped by check (the column corrections
 * are the Ledger tab's): a label and a sentence per setting, shares as
 * percentages, money with its currency, days as days; a value the engine
 * would refuse is refused inline, before anything is written.
 */
export function SettingsTab({ workbook, view }: SettingsTabProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const fields = useMemo(() => settingFields(view.settings), [view.settings]);
  const current = useMemo(() => new Map(flattenSettings(view.settings)), [view.settings]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const texts = useMemo(() => {
    const out: Record<string, string> = {};
    for (const f of fields) out[f.key] = edits[f.key] ?? formText(f, current.get(f.key) ?? "");
    return out;
  }, [fields, current, edits]);
  const problems = useMemo(() => checkForm(fields, texts), [fields, texts]);
  const changed = fields.filter((f) => texts[f.key] !== formText(f, current.get(f.key) ?? ""));
  const say = (p: SettingProblem) => t(p.message, p.values);

  const save = () =>
    workbook.run(async () => {
      if (changed.length === 0) return { intent: "info", text: phrase("noChanges") };
      await writeSettings(
        changed.map((f) => [f.key, tableValue(f, texts[f.key] ?? "")]),
        DEFAULTS,
      );
      setEdits({});
      return { intent: "success", text: phrase("settingsSaved", { count: changed.length }) };
    });

  const backToDefaults = () =>
    workbook.run(async () => {
      const reset = fields
        .filter((f) => current.get(f.key) !== DEFAULT_OF.get(f.key))
        .map((f): [string, string | number] => [f.key, DEFAULT_OF.get(f.key) ?? ""]);
      setEdits({});
      if (reset.length === 0) return { intent: "info", text: phrase("noChanges") };
      await writeSettings(reset, DEFAULTS);
      return { intent: "success", text: phrase("settingsDefaultsDone", { count: reset.length }) };
    });

  // Problems in the table as stored (typed in Excel): said in the pane's words.
  const stored = view.settingsIssues.map((issue) => {
    const field = fields.find((f) => f.key === issue.key);
    const raw = workbook.snapshot?.tables.GuardSettings?.values.find(
      (r) =>
        String(r[0] ?? "")
          .trim()
          .toLowerCase() === issue.key.toLowerCase(),
    )?.[1];
    const problem = field ? checkText(field, String(raw ?? "")) : undefined;
    return t("settingsTableIssue", {
      label: field ? settingLabel(field, t) : issue.key,
      message: problem ? say(problem) : t("settingsUnknownKey"),
    });
  });

  const groups = [...new Set(fields.map((f) => f.group))];
  const control = (field: SettingField) => {
    const value = texts[field.key] ?? "";
    const onChange = (text: string) => setEdits((e) => ({ ...e, [field.key]: text }));
    if (field.kind === "language") {
      return (
        <Select
          className={styles.input}
          value={value}
          onChange={(_, d) => onChange(d.value)}
          data-testid={`setting-${field.key}`}
        >
          <option value="en">{t("langEn")}</option>
          <option value="zh">{t("langZh")}</option>
        </Select>
      );
    }
    const before = unitBefore(field);
    const after = unitAfter(field, t);
    return (
      <Input
        className={styles.input}
        value={value}
        inputMode={field.kind === "currency" ? "text" : "decimal"}
        contentBefore={before ? <Text>{before}</Text> : null}
        contentAfter={after ? <Text>{after}</Text> : null}
        onChange={(_, d) => onChange(d.value)}
        data-testid={`setting-${field.key}`}
      />
    );
  };

  return (
    <div className={styles.root}>
      <Caption1 className={styles.hint}>{t("settingsIntro")}</Caption1>
      {stored.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="settings-table-issues">
          <MessageBarBody>
            {stored.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {groups.map((group) => (
        <section key={group} className={styles.group} data-testid={`settings-group-${group}`}>
          <Subtitle2 as="h2">{t(`settingsGroup_${group}` as Parameters<Translate>[0])}</Subtitle2>
          {fields
            .filter((f) => f.group === group)
            .map((field) => {
              const problem = problems.get(field.key);
              const fallback = DEFAULT_OF.get(field.key);
              const hint =
                fallback === undefined
                  ? settingHelp(field, t)
                  : `${settingHelp(field, t)} ${t("settingsDefault", {
                      value: withUnit(field, formText(field, fallback), t),
                    })}`;
              return (
                <Field
                  key={field.key}
                  className={styles.field}
                  label={settingLabel(field, t)}
                  hint={hint}
                  validationState={problem ? "error" : "none"}
                  validationMessage={problem ? say(problem) : null}
                >
                  {control(field)}
                </Field>
              );
            })}
        </section>
      ))}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => void save()}
          disabled={workbook.busy || problems.size > 0}
          data-testid="settings-save"
        >
          {t("saveSettings")}
        </Button>
        <Button
          onClick={() => void backToDefaults()}
          disabled={workbook.busy}
          data-testid="settings-defaults"
        >
          {t("settingsBackToDefaults")}
        </Button>
        {changed.length > 0 && (
          <Caption1 className={styles.hint} data-testid="settings-unsaved">
            {t("settingsUnsaved", { count: changed.length })}
          </Caption1>
        )}
      </div>
    </div>
  );
}
SettingsTab.displayName = "SettingsTab";
