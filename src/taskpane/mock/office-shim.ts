/**
 * Stands in for Office.js in browser tests: served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js, it installs the
 * mock Excel host before the task pane's own script runs. The page's query
 * string picks the display language (`?lang=zh-CN`), whether the Guard
 * tables exist from the start (`?guard=1`), the platform (`?platform=Mac`)
 * whether the ledger has its history columns (`?history=1`) and the highest
 * ExcelApi set the host supports (`?excelApi=1.7`: no comments).
 */
import { installMockHost } from "./install";

const params = new URLSearchParams(globalThis.location?.search ?? "");
installMockHost({
  displayLanguage: params.get("lang") ?? "en-US",
  withGuardTables: params.get("guard") === "1",
  withHistory: params.get("history") === "1",
  ...(params.get("excelApi") ? { excelApi: params.get("excelApi") as string } : {}),
});
// `?platform=Mac` reports that platform in Office.context, as Excel on Mac does.
const platform = params.get("platform");
if (platform) Object.assign(Office.context, { platform });
