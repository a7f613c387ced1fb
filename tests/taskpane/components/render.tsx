import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Lang } from "../../../src/rules/types";
import { I18nProvider } from "../../../src/taskpane/i18n";

/** The text a component renders in the pane's providers, tags dropped and spaces collapsed. */
export function textOf(element: ReactElement, lang: Lang = "en"): string {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initial={lang}>{element}</I18nProvider>
    </FluentProvider>,
  );
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}
