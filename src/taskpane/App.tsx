import {
  Button,
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  Title3,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { LedgerTab } from "./components/LedgerTab";
import { StatusBar } from "./components/StatusBar";
import { useLedger } from "./hooks/useLedger";
import { useWorkbook } from "./hooks/useWorkbook";
import { I18nProvider, useI18n } from "./i18n";
import type { Lang } from "../rules/types";

// The Ledger tab opens with the pane; the other tabs are loaded when first opened, each a chunk
// of its own, so that opening the pane downloads only what its first tab shows.
const VetTab = lazy(() => import("./components/VetTab").then((m) => ({ default: m.VetTab })));
const BlacklistTab = lazy(() =>
  import("./components/BlacklistTab").then((m) => ({ default: m.BlacklistTab })),
);
const SettingsTab = lazy(() => import("./components/SettingsTab").then((m) => ({ default: m.SettingsTab })));

export const TABS = ["ledger", "vet", "blacklist", "settings"] as const;
export type TabId = (typeof TABS)[number];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalXS },
  // Four tabs do not fit 320 pixels in every language: the last ones wrap.
  tabs: { flexWrap: "wrap" },
});

const TAB_LABEL = {
  ledger: "tabLedger",
  vet: "tabVet",
  blacklist: "tabBlacklist",
  settings: "tabSettings",
} as const;

function Pane() {
  const styles = useStyles();
  const { t, lang, setLang } = useI18n();
  const [tab, setTab] = useState<TabId>("ledger");
  const shared = useWorkbook();
  // Each tab's actions raise their notices on that tab (one tab shows at a time).
  const workbook: typeof shared = {
    ...shared,
    run: (action, reread) => shared.run(action, reread, tab),
  };
  const view = useLedger(workbook.snapshot);
  const mine = shared.owner === undefined || shared.owner === tab;
  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Title3 as="h1">{t("appTitle")}</Title3>
        <div className={styles.actions}>
          <Button
            size="small"
            onClick={() => void workbook.refresh()}
            disabled={workbook.busy}
            data-testid="refresh"
          >
            {t("refresh")}
          </Button>
          <Button
            size="small"
            appearance="subtle"
            aria-label={t("language")}
            onClick={() => setLang(lang === "zh" ? "en" : "zh")}
            data-testid="lang"
          >
            {t("langSwitch")}
          </Button>
        </div>
      </div>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        size="small"
      >
        {TABS.map((id) => (
          <Tab key={id} value={id} data-testid={`tab-${id}`}>
            {t(TAB_LABEL[id])}
          </Tab>
        ))}
      </TabList>
      <StatusBar
        busy={workbook.busy}
        notice={mine ? workbook.notice : undefined}
        error={mine ? workbook.error : undefined}
        onDismiss={workbook.dismiss}
      />
      {tab === "ledger" && <LedgerTab workbook={workbook} view={view} />}
      <Suspense fallback={null}>
        {tab === "vet" && <VetTab workbook={workbook} view={view} />}
        {tab === "blacklist" && <BlacklistTab workbook={workbook} view={view} />}
        {tab === "settings" && <SettingsTab workbook={workbook} view={view} />}
      </Suspense>
    </main>
  );
}
Pane.displayName = "Pane";

export interface AppProps {
  language: Lang;
}

/** The task pane: one Fluent provider, the language, the four tabs. */
export function App({ language }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initial={language}>
        <Pane />
      </I18nProvider>
    </FluentProvider>
  );
}
App.displayName = "App";
