import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { DEFAULT_SETTINGS, SettingsError } from "../../rules/settings";
import { ExportError } from "../excel/export";
import { GatewayError } from "../excel/gateway";
import type { Notice } from "../hooks/useWorkbook";
import { type StringKey, type Translate, useI18n } from "../i18n";
import { CsvError } from "../../ledger/csv";
import { settingFields } from "../model/settings-form";
import { settingLabel } from "./settingLabel";

const SETTING_FIELDS = settingFields(DEFAULT_SETTINGS);

const GATEWAY_MESSAGES: Record<GatewayError["code"], StringKey> = {
  no_ledger: "errorNoLedger",
  already_added: "errorAlreadyAdded",
  not_empty: "errorNotEmpty",
  no_risk_columns: "errorNoRiskColumns",
  stale: "errorStale",
  empty_entry: "errorEmptyEntry",
  write_failed: "errorWriteFailed",
  partial_write: "errorPartialWrite",
  already_frozen: "errorAlreadyFrozen",
  not_frozen: "errorNotFrozen",
  not_computed: "errorNotComputed",
  comment_exists: "errorNoCommentCell",
};

/** What to tell the user about an error: what happened and what to do next. */
export function describeError(error: unknown, t: Translate): { text: string; details: string[] } {
  if (error instanceof GatewayError)
    return { text: t(GATEWAY_MESSAGES[error.code], { detail: error.detail }), details: [] };
  if (error instanceof SettingsError) {
    return {
      text: t("errorSettings"),
      // The engine's message is English: in Chinese, the setting's name and where to fix it.
      details: error.issues.map((i) => {
        const field = SETTING_FIELDS.find((f) => f.key === i.key);
        return field
          ? t("settingsIssueLine", { label: settingLabel(field, t) })
          : t("issueLine", { key: i.key, message: i.message });
      }),
    };
  }
  if (error instanceof CsvError) return { text: t("errorCsv", { detail: error.message }), details: [] };
  if (error instanceof ExportError) {
    const key = error.code === "no_sheet_name" ? "errorExportNoName" : "errorExportNotWritten";
    return { text: t(key, { detail: error.detail }), details: [] };
  }
  return {
    text: t("errorExcel", { detail: error instanceof Error ? error.message : String(error) }),
    details: [],
  };
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface StatusBarProps {
  busy: boolean;
  notice: Notice | undefined;
  error: unknown;
  onDismiss: () => void;
}

/** Progress while the pane works, then the outcome: a notice or an error with what to do next. */
export function StatusBar({ busy, notice, error, onDismiss }: StatusBarProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const described = error !== undefined ? describeError(error, t) : undefined;
  return (
    <div className={styles.root} aria-live="polite">
      {busy && <ProgressBar aria-label={t("working")} />}
      {described && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {described.text}
            {described.details.length > 0 && (
              <ul className={styles.details}>
                {described.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={onDismiss}>
              {t("dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && !described && (
        <MessageBar intent={notice.intent} data-testid="notice">
          <MessageBarBody>
            {notice.text(t, lang)}
            {notice.details && notice.details.length > 0 && (
              <ul className={styles.details}>
                {notice.details.map((d, i) => (
                  <li key={i}>{d(t, lang)}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
StatusBar.displayName = "StatusBar";
