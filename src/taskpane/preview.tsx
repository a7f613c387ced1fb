/**
 * The preview page (preview.html): the same task pane over the in-browser
 * mock Excel host, beside a view of the mock sheet, so the product can be
 * seen working without Excel. `?lang=zh-CN` starts it in Chinese; the sample
 * ledger has its history columns (dates, payee account) unless `?history=0`.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { languageOf } from "./i18n";
import { installMockHost } from "./mock/install";
import { SheetView } from "./mock/SheetView";

const params = new URLSearchParams(window.location.search);
const handle = installMockHost({
  displayLanguage: params.get("lang") ?? "en-US",
  withGuardTables: params.get("fresh") === null,
  withHistory: params.get("history") !== "0",
});

const root = document.getElementById("root");
if (root) {
  root.style.display = "flex";
  root.style.alignItems = "flex-start";
  const pane = document.createElement("div");
  pane.style.width = "380px";
  pane.style.flex = "none";
  pane.style.borderRight = "1px solid #ddd";
  const sheet = document.createElement("div");
  sheet.style.flex = "1";
  sheet.style.overflow = "auto";
  root.append(pane, sheet);
  void Office.onReady(() => {
    createRoot(pane).render(<App language={languageOf(Office.context.displayLanguage)} />);
    createRoot(sheet).render(<SheetView handle={handle} />);
  });
}
