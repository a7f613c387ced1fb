import { Button, Caption1, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { DEFAULT_SETTINGS, flattenSettings, SettingsError, settingsFromPairs } from "../../rules/settings";
import { writeSettings } from "../excel/gateway";
import type { LedgerView } from "../hooks/useLedger";
import type { WorkbookState } from "../hooks/useWorkbook";
import { phrase, useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(9em, 1.3fr) 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "start",
  },
  key: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    paddingTop: tokens.spacingVerticalXS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface SettingsTabProps {
  workbook: WorkbookState;
  view: LedgerView;
}

/** The engine's settings (not the column corrections, which the Ledger tab edits) with validation per key. */
export function SettingsTab({ workbook, view }: SettingsTabProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const current = useMemo(
    () => flattenSettings(view.settings).filter(([k]) => !k.startsWith("columns.")),
    [view.settings],
  );
  const [edits, setEdits] = useState<Record<string, string>>({});
  const pairs = useMemo(
    () => current.map(([k, v]) => [k, edits[k] ?? String(v)] as [string, string]),
    [current, edits],
  );
  const issues = useMemo(() => {
    try {
      settingsFromPairs(pairs);
      return new Map<string, string>();
    } catch (e) {
      if (e instanceof SettingsError) return new Map(e.issues.map((i) => [i.key, i.message]));
      throw e;
    }
  }, [pairs]);

  const changed = pairs.filter(([k, v]) => String(current.find(([key]) => key === k)?.[1]) !== v);
  const save = () =>
    workbook.run(async () => {
      if (changed.length === 0) return { intent: "info", text: phrase("noChanges") };
      // Invalid values reach the gateway too: it validates the merged table and throws
      // SettingsError naming each key, so the message comes from one place.
      await writeSettings(
        changed,
        flattenSettings(DEFAULT_SETTINGS).filter(([k]) => !k.startsWith("columns.")),
      );
      setEdits({});
      return { intent: "success", text: phrase("settingsSaved", { count: changed.length }) };
    });

  return (
    <div className={styles.root}>
      <Caption1 className={styles.hint}>{t("settingsIntro")}</Caption1>
      {view.settingsIssues.length > 0 && (
        <Text data-testid="settings-table-issues">
          {t("errorSettings")}{" "}
          {view.settingsIssues.map((i) => t("issueLine", { key: i.key, message: i.message })).join("; ")}
        </Text>
      )}
      <div className={styles.grid}>
        <Caption1>{t("settingKey")}</Caption1>
        <Caption1>{t("settingValue")}</Caption1>
        {pairs.map(([key, value]) => (
          <div key={key} style={{ display: "contents" }}>
            <span className={styles.key}>{key}</span>
            <Field
              validationState={issues.has(key) ? "error" : "none"}
              validationMessage={issues.get(key) ?? ""}
            >
              <Input
                size="small"
                value={value}
                aria-label={key}
                data-testid={`setting-${key}`}
                onChange={(_, d) => setEdits((e) => ({ ...e, [key]: d.value }))}
              />
            </Field>
          </div>
        ))}
      </div>
      <Button
        appearance="primary"
        onClick={() => void save()}
        disabled={workbook.busy}
        data-testid="settings-save"
      >
        {t("saveSettings")}
      </Button>
    </div>
  );
}
SettingsTab.displayName = "SettingsTab";
