/** Task pane entry: waits for Office, then mounts the pane in Office's display language. */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { languageOf } from "./i18n";

void Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(<App language={languageOf(Office.context.displayLanguage)} />);
});
