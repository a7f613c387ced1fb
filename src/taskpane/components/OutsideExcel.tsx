import {
  Body1,
  FluentProvider,
  Link,
  makeStyles,
  Title3,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { STRINGS } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "480px",
  },
  block: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/**
 * What the pane shows when it is opened outside Excel (Office.onReady gives
 * host null): what it is and where to open it, in Chinese and in English at
 * once, since there is no Office display language to follow.
 */
export function OutsideExcel() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} data-testid="outside-excel">
        {(["zh", "en"] as const).map((lang) => (
          <section key={lang} lang={lang === "zh" ? "zh-CN" : "en"} className={styles.block}>
            <Title3 as="h1">{STRINGS[lang].outsideTitle}</Title3>
            <Body1>{STRINGS[lang].outsideBody}</Body1>
            <Link href="preview.html">{STRINGS[lang].outsidePreview}</Link>
          </section>
        ))}
      </main>
    </FluentProvider>
  );
}
OutsideExcel.displayName = "OutsideExcel";
