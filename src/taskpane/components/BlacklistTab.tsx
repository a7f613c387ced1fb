import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  SearchBox,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import {
  blacklistCsvFile,
  blacklistToClipboard,
  blacklistToSheet,
  downloadNotice,
} from "../blacklist-export";
import { addBlacklistEntries, type BlacklistRow, removeBlacklistEntries } from "../excel/gateway";
import { canDownloadFiles, currentPlatform } from "../host";
import { type BlacklistItem, useBlacklist } from "../hooks/useBlacklist";
import type { LedgerView } from "../hooks/useLedger";
import type { WorkbookState } from "../hooks/useWorkbook";
import { type Phrase, phrase, useI18n } from "../i18n";
import { importBlacklistCsv } from "../model/blacklist-csv";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  entry: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  entryText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground3 },
  hidden: { display: "none" },
});

const today = (): string => new Date().toISOString().slice(0, 10);
const ADDED_BY_KEY = "sourcing-guard.addedBy";

function rememberedName(): string {
  try {
    return globalThis.localStorage?.getItem(ADDED_BY_KEY) ?? "";
  } catch {
    return "";
  }
}

export interface BlacklistEntryProps {
  item: BlacklistItem;
  disabled: boolean;
  onRemove: (item: BlacklistItem) => void;
}

export function BlacklistEntryRow({ item, disabled, onRemove }: BlacklistEntryProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.entry} data-testid="blacklist-entry">
      <div className={styles.entryText}>
        <Text weight="semibold">{item.supplier || item.shopLink || item.memberId || item.uscc}</Text>
        <Caption1>{[item.shopLink, item.memberId, item.uscc].filter(Boolean).join(" · ")}</Caption1>
        <Caption1>{[item.reason, item.dateAdded, item.addedBy].filter(Boolean).join(" · ")}</Caption1>
      </div>
      <Button size="small" disabled={disabled} onClick={() => onRemove(item)}>
        {t("remove")}
      </Button>
    </div>
  );
}
BlacklistEntryRow.displayName = "BlacklistEntryRow";

export interface BlacklistTabProps {
  workbook: WorkbookState;
  view: LedgerView;
}

export function BlacklistTab({ workbook, view }: BlacklistTabProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [draft, setDraft] = useState({ supplier: "", shopLink: "", memberId: "", uscc: "", reason: "" });
  const [addedBy, setAddedBy] = useState(rememberedName);
  const [confirm, setConfirm] = useState<BlacklistItem>();
  const [downloadUrl, setDownloadUrl] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [downloads] = useState(() => canDownloadFiles(currentPlatform()));
  const { all, shown } = useBlacklist(workbook.snapshot, query);

  const fromRow = () => {
    const s = view.selected?.order?.supplier;
    if (!s) {
      void workbook.run(async () => ({ intent: "info", text: phrase("noSelectedRow") }));
      return;
    }
    setDraft({
      supplier: s.name ?? "",
      shopLink: s.shopUrl ?? "",
      memberId: s.memberId ?? "",
      uscc: s.uscc ?? "",
      reason: "",
    });
  };

  const add = () =>
    workbook.run(async () => {
      try {
        globalThis.localStorage?.setItem(ADDED_BY_KEY, addedBy);
      } catch {
        // Storage may be off; the name is only a convenience.
      }
      const row: BlacklistRow = [
        draft.supplier,
        draft.shopLink,
        draft.memberId,
        draft.uscc,
        draft.reason,
        today(),
        addedBy,
      ];
      await addBlacklistEntries([row]);
      setDraft({ supplier: "", shopLink: "", memberId: "", uscc: "", reason: "" });
      return {
        intent: "success",
        text: phrase("entryAdded", {
          name: draft.supplier || draft.shopLink || draft.memberId || draft.uscc,
        }),
      };
    });

  const remove = (item: BlacklistItem) =>
    workbook.run(async () => {
      await removeBlacklistEntries([{ index: item.index, row: item.row }], today(), addedBy);
      return { intent: "success", text: phrase("entryRemoved", { name: item.supplier || item.shopLink }) };
    });

  const importFile = (file: File) =>
    workbook.run(async () => {
      const result = importBlacklistCsv(await file.text(), { today: today(), addedBy });
      if (result.rows.length === 0)
        return { intent: "warning", text: phrase("importEmpty", { file: file.name }) };
      await addBlacklistEntries(result.rows);
      const details: Phrase[] = [];
      if (result.neutralised.length > 0) {
        details.push(
          phrase("importNeutralised", {
            count: result.neutralised.length,
            list: result.neutralised
              .map((n) => `${n.column} (${n.line}): ${n.original.replace(/[\t\r]/g, " ")}`)
              .join("; "),
          }),
        );
      }
      if (result.skipped > 0) details.push(phrase("importSkipped", { count: result.skipped }));
      return {
        intent: result.neutralised.length > 0 ? "warning" : "success",
        text: phrase("imported", { count: result.rows.length }),
        details,
      };
    });

  const rows = () =>
    all.map((e) => [e.supplier, e.shopLink, e.memberId, e.uscc, e.reason, e.dateAdded, e.addedBy]);

  const exportSheet = () => workbook.run(() => blacklistToSheet(rows()));
  const copyCsv = () => workbook.run(() => blacklistToClipboard(rows()));

  const downloadFile = () => {
    const file = blacklistCsvFile(rows(), today());
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    const url = URL.createObjectURL(new Blob([file.csv], { type: "text/csv;charset=utf-8" }));
    setDownloadUrl(url);
    const a = document.createElement("a");
    a.href = url;
    a.download = file.name;
    a.click();
    void workbook.run(async () => downloadNotice(file.name, all.length));
  };

  const input = (key: keyof typeof draft, label: Parameters<typeof t>[0]) => (
    <Field label={t(label)}>
      <Input
        value={draft[key]}
        onChange={(_, d) => setDraft((x) => ({ ...x, [key]: d.value }))}
        data-testid={`bl-${key}`}
      />
    </Field>
  );

  return (
    <div className={styles.root}>
      <Caption1 className={styles.hint}>{t("blacklistIntro")}</Caption1>
      <div className={styles.row}>
        <Button onClick={() => fileInput.current?.click()} disabled={workbook.busy} data-testid="bl-import">
          {t("importCsv")}
        </Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".csv,text/csv"
          data-testid="bl-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void importFile(file);
          }}
        />
        <Button onClick={() => void exportSheet()} disabled={workbook.busy} data-testid="bl-export-sheet">
          {t("exportSheet")}
        </Button>
        <Button onClick={() => void copyCsv()} disabled={workbook.busy} data-testid="bl-copy">
          {t("copyCsv")}
        </Button>
        {downloads && (
          <Button onClick={downloadFile} disabled={workbook.busy} data-testid="bl-export">
            {t("exportCsv")}
          </Button>
        )}
      </div>
      {!downloads && (
        <Caption1 className={styles.hint} data-testid="bl-download-unavailable">
          {t("downloadUnavailable")}
        </Caption1>
      )}
      <SearchBox
        placeholder={t("search")}
        value={query}
        onChange={(_, d) => setQuery(d.value)}
        aria-label={t("search")}
        dismiss={{ "aria-label": t("clearSearch") }}
      />
      <Caption1>{t("entries", { count: shown.length })}</Caption1>
      {all.length === 0 && <Text>{t("noEntries")}</Text>}
      <div>
        {shown.map((item) => (
          <BlacklistEntryRow
            key={`${item.index}:${item.supplier}`}
            item={item}
            disabled={workbook.busy}
            onRemove={setConfirm}
          />
        ))}
      </div>
      <Subtitle2>{t("addEntry")}</Subtitle2>
      <Button size="small" onClick={fromRow} disabled={workbook.busy} data-testid="bl-from-row">
        {t("addFromRow")}
      </Button>
      {input("supplier", "supplierName")}
      {input("shopLink", "shopLink")}
      {input("memberId", "memberId")}
      {input("uscc", "uscc")}
      {input("reason", "reason")}
      <Field label={t("addedBy")}>
        <Input value={addedBy} onChange={(_, d) => setAddedBy(d.value)} data-testid="bl-addedBy" />
      </Field>
      <Button appearance="primary" onClick={() => void add()} disabled={workbook.busy} data-testid="bl-add">
        {t("addEntry")}
      </Button>
      <Dialog open={confirm !== undefined} onOpenChange={(_, d) => !d.open && setConfirm(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("confirmRemoveTitle")}</DialogTitle>
            <DialogContent>
              {confirm && t("confirmRemove", { name: confirm.supplier || confirm.shopLink })}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirm(undefined)}>
                {t("cancel")}
              </Button>
              <Button
                appearance="primary"
                data-testid="bl-confirm-remove"
                onClick={() => {
                  const item = confirm;
                  setConfirm(undefined);
                  if (item) void remove(item);
                }}
              >
                {t("remove")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
BlacklistTab.displayName = "BlacklistTab";
