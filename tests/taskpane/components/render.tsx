import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Lang } from "../../../src/rules/types";
import { I18nProvider } from "../../../src/taskpane/i18n";

/** The HTML a component renders in the pane's providers (Fluent, the language). */
export function htmlOf(element: ReactElement, lang: Lang = "en"): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initial={lang}>{element}</I18nProvider>
    </FluentProvider>,
  );
}

/** The text a component renders in the pane's providers, tags (and the theme's style sheet) dropped and spaces collapsed. */
export function textOf(element: ReactElement, lang: Lang = "en"): string {
  return htmlOf(element, lang)
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}
