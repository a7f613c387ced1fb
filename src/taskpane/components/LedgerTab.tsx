import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { FIELD_IDS, type FieldId, isFieldId } from "../../ledger/fields";
import type { HeaderMap } from "../../ledger/header";
import type { DateColumnReport } from "../../ledger/dates";
import { summarizeReasons } from "../../rules/explain";
import { flattenSettings } from "../../rules/settings";
import type { Lang, Level } from "../../rules/types";
import {
  addRiskColumns,
  flagRiskyRows,
  freezeRiskColumns,
  removeFlags,
  selectRow,
  unfreezeRiskColumns,
  writeSettings,
} from "../excel/gateway";
import type { FlagScope, Ledger } from "../excel/plan";
import type { LedgerSummary, LedgerView } from "../hooks/useLedger";
import { dateNotes, mappingWarnings, type LedgerFindings } from "../model/assess";
import type { WorkbookState } from "../hooks/useWorkbook";
import { phrase, useI18n } from "../i18n";
import { fieldLabel } from "./fieldLabels";
import { MoneyAtRiskList } from "./MoneyAtRiskList";
import { OrderButton } from "./OrderButton";
import { ReasonList } from "./ReasonList";
import { lazy, Suspense, useState } from "react";

// The Before you pay card (the pay verdict, the dossier) is loaded when a row is first selected:
// a chunk of its own, outside what opening the pane downloads.
const BeforeYouPayCard = lazy(() =>
  import("./BeforeYouPayCard").then((m) => ({ default: m.BeforeYouPayCard })),
);

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  mapping: {
    display: "grid",
    gridTemplateColumns: "minmax(6em, 1fr) minmax(9em, 1.4fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  unmappedHeader: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  finding: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  order: { display: "flex", flexDirection: "column", minWidth: 0 },
  reasons: { paddingLeft: tokens.spacingHorizontalM, paddingBottom: tokens.spacingVerticalXS },
  summary: {
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
    fontSize: tokens.fontSizeBase200,
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
});

/** How many row buttons a finding shows before "…". */
const MAX_ROW_LINKS = 12;

const LEVEL_COLOR: Record<Level, "danger" | "warning" | "success"> = {
  HIGH: "danger",
  MEDIUM: "warning",
  LOW: "success",
};

export interface DateNotesProps {
  dates: readonly DateColumnReport[];
  lang: Lang;
}

/** The date columns with dates not read, one sentence each; nothing when every date was read. */
export function DateNotes({ dates, lang }: DateNotesProps) {
  const notes = dateNotes(dates, lang);
  if (notes.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="mapping-dates">
      <MessageBarBody>
        {notes.map((n) => (
          <div key={n.index}>{n.text}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
DateNotes.displayName = "DateNotes";

export interface MappingEditorProps {
  header: HeaderMap;
  headers: string[];
  lang: Lang;
  disabled: boolean;
  onChange: (header: string, field: FieldId | null) => void;
}

/** Each ledger column and the field it is read as; a change is a correction. */
export function MappingEditor({ header, headers, lang, disabled, onChange }: MappingEditorProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const fieldOf = new Map(header.columns.map((c) => [c.index, c]));
  const warned = new Set(header.warnings.map((w) => w.index));
  return (
    <div className={styles.mapping} data-testid="mapping">
      <Caption1>{t("mappingColumn")}</Caption1>
      <Caption1>{t("mappingField")}</Caption1>
      {headers.map((h, index) => {
        const column = fieldOf.get(index);
        const value = column?.field ?? (column?.how === "override" ? "__ignore" : "");
        return (
          <div key={`${index}:${h}`} style={{ display: "contents" }}>
            <Text
              className={value === "" ? styles.unmappedHeader : undefined}
              data-warned={warned.has(index) ? "true" : undefined}
            >
              {warned.has(index) ? `⚠ ${h}` : h}
            </Text>
            <Select
              size="small"
              aria-label={h}
              value={value}
              disabled={disabled}
              onChange={(_, data) =>
                onChange(
                  h,
                  data.value === "__ignore" || data.value === ""
                    ? null
                    : isFieldId(data.value)
                      ? data.value
                      : null,
                )
              }
            >
              <option value="">{t("mappingNone")}</option>
              <option value="__ignore">{t("mappingIgnore")}</option>
              {FIELD_IDS.map((id) => (
                <option key={id} value={id}>
                  {fieldLabel(id, lang)}
                </option>
              ))}
            </Select>
          </div>
        );
      })}
    </div>
  );
}
MappingEditor.displayName = "MappingEditor";

export interface SummaryProps {
  summary: LedgerSummary;
  lang: Lang;
  ledger: Ledger;
  onSelect: (index: number) => void;
}

/** Counts per level and the riskiest orders; clicking one selects its row. */
export function Summary({ summary, lang, ledger, onSelect }: SummaryProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const supplierColumn = ledger.headers.findIndex((h) => /公司|供应商|supplier|seller|卖家/i.test(h));
  return (
    <div className={styles.section} data-testid="summary">
      <div className={styles.row}>
        {(["HIGH", "MEDIUM", "LOW"] as const).map((level) => (
          <Badge key={level} color={LEVEL_COLOR[level]} appearance="filled" data-testid={`count-${level}`}>
            {t(`level${level}`)}: {summary.counts[level]}
          </Badge>
        ))}
        {summary.unreadable > 0 && (
          <Badge color="informative">{t("unreadable", { count: summary.unreadable })}</Badge>
        )}
      </div>
      <Caption1>{t("riskiest")}</Caption1>
      {summary.riskiest.length === 0 && <Text>{t("noRisky")}</Text>}
      {summary.riskiest.map((row) => {
        const verdict = row.verdict;
        if (!verdict) return null;
        const main = [...verdict.reasons].sort((a, b) => b.points - a.points)[0];
        const supplier = String(
          ledger.cells[row.index + 1]?.[supplierColumn] ?? row.order?.supplier.name ?? "",
        );
        return (
          <div key={row.index} className={styles.order} data-testid="risky-row">
            <OrderButton
              title={t("orderLine", {
                row: ledger.headerRow + 2 + row.index,
                supplier,
                score: `${verdict.score} ${t(`level${verdict.level}`)}`,
              })}
              detail={
                <Caption1>{main ? summarizeReasons({ ...verdict, reasons: [main] }, lang) : ""}</Caption1>
              }
              onClick={() => onSelect(row.index)}
              data-testid="risky-order"
            />
            {verdict.reasons.length > 0 && (
              <details className={styles.reasons}>
                <summary className={styles.summary} data-testid="all-reasons">
                  {t("reasonsAll", { count: verdict.reasons.length })}
                </summary>
                <ReasonList verdict={verdict} />
              </details>
            )}
          </div>
        );
      })}
    </div>
  );
}
Summary.displayName = "Summary";

export interface FindingsProps {
  findings: LedgerFindings;
  ledger: Ledger;
  onSelect: (index: number) => void;
}

/** What only the whole ledger shows: shared tracking numbers, continuation lines; each row selectable. */
export function Findings({ findings, ledger, onSelect }: FindingsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const rowLinks = (rows: number[]) => (
    <div className={styles.row}>
      {rows.slice(0, MAX_ROW_LINKS).map((index) => (
        <Button
          key={index}
          size="small"
          appearance="outline"
          onClick={() => onSelect(index)}
          data-testid="finding-row"
        >
          {t("rowLink", { row: ledger.headerRow + 2 + index })}
        </Button>
      ))}
      {rows.length > MAX_ROW_LINKS && <Text>…</Text>}
    </div>
  );
  const empty = findings.sharedTracking.length === 0 && findings.continuationRows.length === 0;
  return (
    <div className={styles.section} data-testid="findings">
      <Caption1 className={styles.hint}>{t("acrossHint")}</Caption1>
      {empty && <Text>{t("noFindings")}</Text>}
      {findings.sharedTracking.map((f) => (
        <div key={f.number} className={styles.finding} data-testid="finding-shared-tracking">
          <Text>
            {t("sharedTracking", {
              number: f.number,
              count: f.suppliers.length,
              suppliers: f.suppliers.join(", "),
            })}
          </Text>
          {rowLinks(f.rows)}
        </div>
      ))}
      {findings.continuationRows.length > 0 && (
        <div className={styles.finding} data-testid="finding-continuation">
          <Text>{t("continuationLines", { count: findings.continuationRows.length })}</Text>
          {rowLinks(findings.continuationRows)}
        </div>
      )}
    </div>
  );
}
Findings.displayName = "Findings";

export interface LedgerTabProps {
  workbook: WorkbookState;
  view: LedgerView;
}

export function LedgerTab({ workbook, view }: LedgerTabProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const [scope, setScope] = useState<FlagScope>("row");
  const { ledger, assessment, summary } = view;
  const defaults = flattenSettings(view.settings).filter(([k]) => !k.startsWith("columns."));

  if (!ledger || !assessment) {
    return (
      <div className={styles.section}>
        <Text>
          {workbook.snapshot ? t("errorNoLedger", { detail: workbook.snapshot.sheet }) : t("working")}
        </Text>
        <Button onClick={() => void workbook.refresh()} disabled={workbook.busy}>
          {t("refresh")}
        </Button>
      </div>
    );
  }

  const select = (index: number) =>
    void workbook.run(async () => {
      await selectRow(ledger.sheet, ledger.headerRow + 1 + index, ledger.firstColumn, ledger.columnCount);
      return undefined;
    }, "none");

  const correct = (header: string, field: FieldId | null) =>
    workbook.run(async () => {
      await writeSettings([[`columns.${header}`, field ?? ""]], defaults);
      return {
        intent: "success",
        text: (tr, lng) =>
          tr("mappingSaved", { header, field: field ? fieldLabel(field, lng) : tr("mappingIgnore") }),
      };
    }, "tables");

  return (
    <div>
      <div className={styles.section}>
        <Text data-testid="ledger-found">
          {t("ledgerFound", { sheet: ledger.sheet, rows: ledger.rowCount, headerRow: ledger.headerRow + 1 })}
          {ledger.table !== undefined && ` ${t("ledgerTable", { table: ledger.table })}`}
        </Text>
      </div>
      {ledger.selectedIndex !== undefined && view.history && (
        <Suspense fallback={null}>
          <BeforeYouPayCard
            cells={ledger.cells}
            index={ledger.selectedIndex}
            headerRow={ledger.headerRow}
            settings={view.settings}
            blacklist={view.blacklist}
            asOf={view.history.asOf}
            allowCells={workbook.snapshot?.tables.GuardAllowList?.values}
          >
            <Caption1 className={styles.hint}>{t("dossierHint")}</Caption1>
            <div className={styles.row}>
              <Button
                disabled={workbook.busy}
                data-testid="write-dossier"
                onClick={() => {
                  const selected = ledger.selectedIndex;
                  const asOf = view.history?.asOf;
                  if (selected === undefined || asOf === undefined) return;
                  void workbook.run(async () => {
                    // The dossier's code is loaded with the Before you pay card (a chunk of its own).
                    const [{ dossierRows }, { writeDossierSheet }] = await Promise.all([
                      import("../model/pay"),
                      import("../excel/dossier-sheet"),
                    ]);
                    const rows = dossierRows(ledger.cells, selected, {
                      settings: view.settings,
                      blacklist: view.blacklist,
                      asOf,
                      sheet: ledger.sheet,
                    });
                    if (rows === undefined) return { intent: "warning", text: phrase("payNoSelection") };
                    const written = await writeDossierSheet(rows);
                    return { intent: "success", text: phrase("dossierWritten", { sheet: written.sheet }) };
                  }, "none");
                }}
              >
                {t("dossierButton")}
              </Button>
            </div>
          </BeforeYouPayCard>
        </Suspense>
      )}
      <div className={styles.section}>
        <Subtitle2>{t("riskColumnsTitle")}</Subtitle2>
        <Caption1 className={styles.hint}>{t("addRiskColumnsHint")}</Caption1>
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={workbook.busy}
            onClick={() =>
              void workbook.run(async () => {
                const r = await addRiskColumns(defaults);
                return {
                  intent: "success",
                  text: phrase("riskColumnsAdded", { address: r.address, rows: r.rows }),
                };
              })
            }
          >
            {t("addRiskColumns")}
          </Button>
        </div>
      </div>
      <div className={styles.section}>
        <Subtitle2>{t("flagsTitle")}</Subtitle2>
        <Select
          size="small"
          aria-label={t("flagsTitle")}
          value={scope}
          onChange={(_, d) => setScope(d.value === "score" ? "score" : "row")}
        >
          <option value="row">{t("flagScopeRow")}</option>
          <option value="score">{t("flagScopeScore")}</option>
        </Select>
        <div className={styles.row}>
          <Button
            disabled={workbook.busy}
            onClick={() =>
              void workbook.run(async () => {
                const r = await flagRiskyRows(scope);
                return { intent: "success", text: phrase("flagsAdded", { removed: r.removed }) };
              }, "none")
            }
          >
            {t("flagRows")}
          </Button>
          <Button
            disabled={workbook.busy}
            onClick={() =>
              void workbook.run(async () => {
                const count = await removeFlags();
                return { intent: "success", text: phrase("flagsRemoved", { count }) };
              }, "none")
            }
          >
            {t("removeFlags")}
          </Button>
        </div>
      </div>
      <div className={styles.section} data-testid="sharing">
        <Subtitle2>{t("freezeTitle")}</Subtitle2>
        <Caption1 className={styles.hint}>{t("freezeHint")}</Caption1>
        <div className={styles.row}>
          <Button
            disabled={workbook.busy}
            data-testid="freeze"
            onClick={() =>
              void workbook.run(async () => {
                const when = new Date().toISOString().slice(0, 16).replace("T", " ");
                const r = await freezeRiskColumns(t("frozenNote", { when }));
                return {
                  intent: "success",
                  text:
                    r.note === undefined
                      ? phrase("frozenNoNote", { rows: r.rows, address: r.address })
                      : phrase("frozen", { rows: r.rows, address: r.address, note: r.note }),
                };
              })
            }
          >
            {t("freeze")}
          </Button>
          <Button
            disabled={workbook.busy}
            data-testid="unfreeze"
            onClick={() =>
              void workbook.run(async () => {
                const r = await unfreezeRiskColumns();
                return { intent: "success", text: phrase("unfrozen", { rows: r.rows, address: r.address }) };
              })
            }
          >
            {t("unfreeze")}
          </Button>
        </div>
      </div>
      {summary && (
        <>
          <Subtitle2>{t("summaryTitle")}</Subtitle2>
          <Summary summary={summary} lang={lang} ledger={ledger} onSelect={select} />
          <Subtitle2>{t("acrossTitle")}</Subtitle2>
          <Findings findings={summary.findings} ledger={ledger} onSelect={select} />
        </>
      )}
      {view.atRisk && view.history && (
        <div className={styles.section}>
          <Subtitle2>{t("atRiskTitle")}</Subtitle2>
          <MoneyAtRiskList
            list={view.atRisk}
            asOf={view.history.asOf}
            headerRow={ledger.headerRow}
            silentDays={view.settings.history.silentDays}
            onSelect={select}
            asOfInput={view.asOfInput}
            onAsOfChange={view.setAsOfInput}
          />
        </div>
      )}
      <div className={styles.section}>
        <Subtitle2>{t("mappingTitle")}</Subtitle2>
        <Caption1 className={styles.hint}>{t("mappingHint")}</Caption1>
        {assessment.header.warnings.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="mapping-warnings">
            <MessageBarBody>
              {mappingWarnings(assessment.header, lang, (f) => fieldLabel(f, lang)).map((w) => (
                <div key={w.index}>{w.text}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        <DateNotes dates={view.dates ?? []} lang={lang} />
        {assessment.header.unmapped.length > 0 && (
          <Text data-testid="unmapped">
            {t("mappingUnmapped", { list: assessment.header.unmapped.join(", ") })}
          </Text>
        )}
        <MappingEditor
          header={assessment.header}
          headers={ledger.headers}
          lang={lang}
          disabled={workbook.busy}
          onChange={(h, f) => void correct(h, f)}
        />
      </div>
    </div>
  );
}
LedgerTab.displayName = "LedgerTab";
