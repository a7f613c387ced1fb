/**
 * Task pane entry: waits for Office, then mounts the pane in Office's display
 * language, or, outside Excel (Office.onReady gives host null in a plain
 * browser), a page that says to open it in Excel.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { OutsideExcel } from "./components/OutsideExcel";
import { isExcelHost, stopOfficeLoggerFrame } from "./host";
import { languageOf } from "./i18n";

const root = document.getElementById("root");
if (root) {
  if (typeof Office === "undefined") {
    // Office.js did not load (blocked, or the page was opened from disk).
    createRoot(root).render(<OutsideExcel />);
  } else {
    void Office.onReady((info) => {
      const inExcel = isExcelHost(info);
      if (!inExcel) stopOfficeLoggerFrame();
      createRoot(root).render(
        inExcel ? <App language={languageOf(Office.context.displayLanguage)} /> : <OutsideExcel />,
      );
    });
  }
}
