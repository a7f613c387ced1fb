#!/usr/bin/env node
/* global window, document, NodeFilter -- page.evaluate callbacks run in the browser */
/**
 * Browser tests of the task pane (npm run test:e2e).
 *
 * Serves dist/ on localhost, answers the page's request for Office.js with the
 * project's mock Excel host (bundled here with esbuild from
 * src/taskpane/mock/office-shim.ts), drives Debian's chromium through
 * playwright-core, and walks every flow of the pane; then opens every tab at 320
 * and 380 pixels in English and Chinese and fails on anything past the pane's
 * right edge or any English word left in the Chinese pane. Screenshots go to a
 * temporary folder; with --screenshots (npm run screenshots) they replace the
 * README's pictures in docs/screenshots/. Ends with "N passed, N failed"; exits
 * 1 on any failure.
 *
 * Also loads the built task pane with the real Office.js (the @microsoft/office-js
 * package answering both CDN hosts) to count Content-Security-Policy violations and
 * to see the pane's "open this in Excel" page outside Office.
 *
 * Needs /usr/bin/chromium (apt-get install -y chromium; another binary through
 * CHROMIUM=/path) and a build (npm run build, run here when dist/ is missing).
 */
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const dist = join(root, "dist");
/** The README's pictures are rewritten only when asked (npm run screenshots). */
const WRITE_DOCS = process.argv.includes("--screenshots");
const shots = WRITE_DOCS
  ? join(root, "docs", "screenshots")
  : mkdtempSync(join(tmpdir(), "sourcing-guard-screenshots-"));
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Office.js's two documented CDN folders (worldwide; Office 365 operated by 21Vianet). */
const OFFICE_CDN_FOLDERS = [
  "https://appsforoffice.microsoft.com/lib/1/hosted/",
  "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/",
];
/** The real Office.js, from the @microsoft/office-js package, served in place of the CDN. */
const OFFICE_JS_DIST = join(root, "node_modules", "@microsoft", "office-js", "dist");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  console.error(
    `${CHROMIUM} is missing: install it with "apt-get install -y chromium" (never "npx playwright install").`,
  );
  process.exit(1);
}
if (!existsSync(join(dist, "taskpane.html"))) {
  console.log("dist/ is missing: running npm run build");
  execSync("npm run build", { cwd: root, stdio: "inherit" });
}
mkdirSync(shots, { recursive: true });

const shim = (
  await build({
    entryPoints: [join(root, "src/taskpane/mock/office-shim.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    logLevel: "silent",
  })
).outputFiles[0].text;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
    /^(\.\.[/\\])+/,
    "",
  );
  const file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file)) {
    res.writeHead(404).end("not found");
    return;
  }
  res
    .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
    .end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

let passed = 0;
let failed = 0;
const foreignRequests = [];
const pageErrors = [];

async function test(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed++;
    console.log(
      `  ✗ ${name}\n      ${String(error?.stack ?? error)
        .split("\n")
        .slice(0, 4)
        .join("\n      ")}`,
    );
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** A fresh task pane over a fresh mock workbook. */
async function openPane(query = "", viewport = { width: 420, height: 1100 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: shim });
    if (url.startsWith(origin)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
  await page.goto(`${origin}/taskpane.html${query}`);
  await page.getByTestId("ledger-found").waitFor({ timeout: 15000 });
  return { page, context };
}

const mock = (page, fn, arg) => page.evaluate(fn, arg);
const notice = (page) => page.getByTestId("notice").textContent({ timeout: 10000 });
const errorText = (page) => page.getByTestId("error").textContent({ timeout: 10000 });
async function idle(page) {
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'), null, { timeout: 15000 });
}
async function shoot(page, name) {
  await idle(page);
  // The whole pane in one viewport, so what sticks to the viewport's bottom is drawn at the bottom.
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  await page.setViewportSize(size);
}

console.log("Sourcing Guard task pane, in chromium over the mock Excel host");

const { page, context } = await openPane();

await test("finds the sample ledger table and summarises its risk", async () => {
  const found = await page.getByTestId("ledger-found").textContent();
  assert(found.includes("21 rows") && found.includes("Orders"), `ledger line: ${found}`);
  const high = await page.getByTestId("count-HIGH").textContent();
  assert(/High: [1-9]/.test(high), `HIGH count: ${high}`);
  assert((await page.getByTestId("risky-order").count()) > 0, "no riskiest orders listed");
});

await test("shows what only the whole ledger reveals, and selects a finding's row on click", async () => {
  const shared = await page.getByTestId("finding-shared-tracking").textContent();
  assert(
    shared.includes("773052198412") &&
      shared.includes("深圳市恒锐电子科技有限公司") &&
      shared.includes("广州市白云区潮品服饰店"),
    `shared tracking finding: ${shared}`,
  );
  const lines = await page.getByTestId("finding-continuation").textContent();
  assert(lines.includes(": 1.") && lines.includes("Row 24"), `continuation finding: ${lines}`);
  await page.getByTestId("finding-shared-tracking").getByRole("button", { name: "Row 13" }).click();
  await idle(page);
  const selection = await mock(page, () => window.__mockExcel.book.selection);
  assert(selection.row === 12 && selection.columnCount === 17, `selection: ${JSON.stringify(selection)}`);
});

await test("corrects a column mapping and stores it in the settings table", async () => {
  assert(
    (await page.getByTestId("unmapped").textContent()).includes("掌柜ID"),
    "掌柜ID should start unmapped",
  );
  await page.getByLabel("掌柜ID", { exact: true }).selectOption("memberId");
  assert((await notice(page)).includes("掌柜ID"), "no confirmation notice");
  const table = await mock(page, () => window.__mockExcel.table("GuardSettings"));
  assert(
    table.some((r) => r[0] === "columns.掌柜ID" && r[1] === "memberId"),
    "columns.掌柜ID not in GuardSettings",
  );
  await idle(page);
  assert(
    (await page.getByLabel("掌柜ID", { exact: true }).inputValue()) === "memberId",
    "the select does not show the correction",
  );
});

await test("adds the risk columns as GUARD formulas that compute real scores", async () => {
  await page.getByRole("button", { name: "Add risk columns" }).click();
  assert((await notice(page)).includes("Added the risk columns"), "no success notice");
  const formulas = await mock(page, () => window.__mockExcel.formulas("采购台账"));
  const header = formulas[2];
  assert(
    header.slice(17, 20).join("|") === "Risk score|Risk level|Reasons",
    `headers: ${header.slice(17, 20)}`,
  );
  assert(
    formulas[3][17] ===
      "=GUARD.RISKSCORE(Orders[[#Headers],[订单编号]:[合同]],Orders[@[订单编号]:[合同]],GuardBlacklist,GuardSettings)",
    `formula: ${formulas[3][17]}`,
  );
  const values = await mock(page, () => window.__mockExcel.values("采购台账"));
  assert(
    typeof values[3][17] === "number" && ["LOW", "MEDIUM", "HIGH"].includes(values[3][18]),
    `values: ${values[3].slice(17, 20)}`,
  );
  assert(
    values.slice(3).some((r) => r[18] === "HIGH"),
    "no HIGH row computed",
  );
  await idle(page);
  const sheetCounts = { HIGH: 0, MEDIUM: 0, LOW: 0 };
  for (const r of values.slice(3)) if (r[18] in sheetCounts) sheetCounts[r[18]]++;
  const paneCounts = {};
  for (const level of ["HIGH", "MEDIUM", "LOW"])
    paneCounts[level] = Number((await page.getByTestId(`count-${level}`).textContent()).replace(/\D/g, ""));
  assert(
    JSON.stringify(sheetCounts) === JSON.stringify(paneCounts),
    `sheet ${JSON.stringify(sheetCounts)} vs pane ${JSON.stringify(paneCounts)}`,
  );
});

await test("refuses to add the risk columns a second time", async () => {
  await page.getByRole("button", { name: "Add risk columns" }).click();
  assert((await errorText(page)).includes("already there"), "no 'already there' error");
});

await test("flags risky rows twice without duplicate rules, and removes only its own", async () => {
  await mock(page, () =>
    window.__mockExcel.book.activeSheet.formats.push({
      id: "users-own",
      type: "Custom",
      region: { sheet: "采购台账", row: 3, column: 8, rowCount: 20, columnCount: 1 },
      formula: "=$I4>10000",
      fill: "#CCE5FF",
      priority: 9,
      stopIfTrue: false,
    }),
  );
  await page.getByRole("button", { name: "Flag risky rows" }).click();
  await notice(page);
  await idle(page);
  await page.getByRole("button", { name: "Flag risky rows" }).click();
  assert((await notice(page)).includes("3 old flag rules replaced"), "second run did not replace the first");
  const formats = await mock(page, () => window.__mockExcel.formats("采购台账"));
  assert(formats.length === 4, `expected 3 flag rules + the user's, got ${formats.length}`);
  const highRow = await mock(page, () =>
    window.__mockExcel.values("采购台账").findIndex((r, i) => i > 2 && r[18] === "HIGH"),
  );
  const fill = await mock(page, (r) => window.__mockExcel.fillAt("采购台账", r, 0), highRow);
  assert(fill === "#F8CBAD" || fill === "#1F1F1F", `HIGH row fill: ${fill}`);
  await idle(page);
  await page.getByRole("button", { name: "Remove flags" }).click();
  assert((await notice(page)).includes("Removed 3"), "remove notice");
  const left = await mock(page, () => window.__mockExcel.formats("采购台账").map((f) => f.id));
  assert(left.length === 1 && left[0] === "users-own", `left: ${left}`);
});

await test("clicking a risky order selects its row in the sheet", async () => {
  await page.getByTestId("risky-order").first().click();
  await idle(page);
  const selection = await mock(page, () => window.__mockExcel.book.selection);
  assert(selection.row > 2 && selection.columnCount === 17, `selection: ${JSON.stringify(selection)}`);
});

await test("the vet form follows the row selected in Excel, without Refresh or a re-read", async () => {
  await page.getByTestId("tab-vet").click();
  const syncs = await mock(page, () => window.__mockExcel.syncCount);
  await mock(page, () => window.__mockExcel.select("采购台账", 10, 1)); // 佛山市顺德区美厨电器厂
  await page.waitForFunction(
    () => document.querySelector('[data-testid="vet-name"]')?.value === "佛山市顺德区美厨电器厂",
    null,
    { timeout: 5000 },
  );
  assert((await page.getByTestId("vet-filled-from").textContent()).includes("row 11"), "filled-from line");
  for (const row of [13, 14, 15]) await mock(page, (r) => window.__mockExcel.select("采购台账", r, 2), row);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="vet-name"]')?.value === "汕头市澄海区乐童玩具厂",
    null,
    { timeout: 5000 },
  );
  assert((await mock(page, () => window.__mockExcel.syncCount)) === syncs, "selection changes cost syncs");
  await page.getByTestId("vet-years").fill("9");
  await mock(page, () => window.__mockExcel.select("采购台账", 4, 1));
  await page.waitForTimeout(400);
  assert(
    (await page.getByTestId("vet-name").inputValue()) === "汕头市澄海区乐童玩具厂",
    "an edited form was overwritten by a selection change",
  );
  await page.getByTestId("vet-from-row").click();
  assert(
    (await page.getByTestId("vet-name").inputValue()) === "深圳市恒锐电子科技有限公司",
    "the button did not fill from the selected row",
  );
  await page.getByTestId("tab-ledger").click();
});

await test("vets the selected supplier, scores it live, and saves it once per supplier", async () => {
  await mock(page, () => window.__mockExcel.select("采购台账", 5, 1)); // 义乌市佳美饰品商行: WeChat, 100% upfront
  await page.getByTestId("refresh").click();
  await idle(page);
  await page.getByTestId("tab-vet").click();
  await page.getByTestId("vet-from-row").click();
  assert(
    (await page.getByTestId("vet-name").inputValue()) === "义乌市佳美饰品商行",
    "not prefilled from the row",
  );
  const before = await page.getByTestId("vet-risk").textContent();
  await page.getByTestId("vet-payment").selectOption("escrow");
  await page.getByTestId("vet-years").fill("6");
  const after = await page.getByTestId("vet-risk").textContent();
  assert(before !== after, "the risk did not follow the form");
  await page.getByTestId("vet-uscc").fill("92330782L6TJ8P3N4X");
  assert((await page.getByText(/check|校验/i).count()) > 0, "no USCC message");
  await page.getByTestId("vet-uscc").fill("92330782L6TJ8P3N45");
  assert(
    (await page.getByText("Licence number passes its check.").count()) === 1,
    "valid USCC not confirmed",
  );
  assert((await page.locator('a[href^="https://www.gsxt.gov.cn"]').count()) === 1, "no gsxt link");
  await page.getByTestId("vet-onTime").fill("92");
  await page.getByTestId("vet-defects").fill("0.5");
  await page.getByTestId("vet-disputes").fill("0");
  assert((await page.getByTestId("vet-grade").textContent()) === "Grade: B", "grade");
  await idle(page);
  await page.getByTestId("vet-save").click();
  assert((await notice(page)).includes("Saved"), "first save");
  await idle(page);
  await page.getByTestId("vet-save").click();
  assert((await notice(page)).includes("Updated"), "second save updates");
  const table = await mock(page, () => window.__mockExcel.table("GuardSuppliers"));
  assert(
    table.length === 2 && table[1][1] === "义乌市佳美饰品商行" && table[1][21] === "B",
    `GuardSuppliers: ${JSON.stringify(table)}`,
  );
});

await test("adds to the blacklist from the selected row and by hand", async () => {
  await page.getByTestId("tab-blacklist").click();
  await page.getByTestId("bl-from-row").click();
  assert((await page.getByTestId("bl-supplier").inputValue()) === "义乌市佳美饰品商行", "not prefilled");
  await page.getByTestId("bl-reason").fill("要求微信转账全款");
  await page.getByTestId("bl-addedBy").fill("王丽");
  await page.getByTestId("bl-add").click();
  await notice(page);
  await idle(page);
  await page.getByTestId("bl-supplier").fill("临沂市兰山区顺达商贸");
  await page.getByTestId("bl-reason").fill("发空包");
  await page.getByTestId("bl-add").click();
  await notice(page);
  await idle(page);
  assert((await page.getByTestId("blacklist-entry").count()) === 2, "two entries expected");
  const values = await mock(page, () => window.__mockExcel.values("采购台账"));
  assert(values[5][17] === 100, `the blacklisted supplier's row scores ${values[5][17]}`);
});

await test("removes an entry after confirmation and keeps it in the log table", async () => {
  await page
    .getByTestId("blacklist-entry")
    .filter({ hasText: "顺达商贸" })
    .getByRole("button", { name: "Remove" })
    .click();
  await page.getByTestId("bl-confirm-remove").click();
  assert((await notice(page)).includes("GuardBlacklistLog"), "removal notice");
  await idle(page);
  const log = await mock(page, () => window.__mockExcel.table("GuardBlacklistLog"));
  assert(
    log.some((r) => r[0] === "临沂市兰山区顺达商贸" && r[8] === "王丽"),
    `log: ${JSON.stringify(log)}`,
  );
  assert((await page.getByTestId("blacklist-entry").count()) === 1, "one entry left");
});

await test("imports a CSV, neutralising an injected formula, and searches", async () => {
  const csv =
    '\uFEFFSupplier,Shop link,Reason\r\n恶意公司,https://shop777.1688.com,"=cmd|\' /C calc\'!A0"\r\n温州某某鞋业,,"质量差, 拖延发货"\r\n';
  await page
    .getByTestId("bl-file")
    .setInputFiles({ name: "blacklist.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const text = await notice(page);
  assert(text.includes("Imported 2") && text.includes("formula injection"), `notice: ${text}`);
  await idle(page);
  const cell = await mock(page, () => {
    const t = window.__mockExcel.book.tables.find((x) => x.name === "GuardBlacklist");
    for (let r = t.region.row + 1; r < t.region.row + t.region.rowCount; r++) {
      const c = t.sheet.cell(r, t.region.column + 4);
      if (c && String(c.value).includes("cmd")) return c;
    }
    return null;
  });
  assert(
    cell && cell.formula === undefined && cell.value === "=cmd|' /C calc'!A0",
    `stored: ${JSON.stringify(cell)}`,
  );
  await page.getByRole("searchbox").fill("温州");
  assert((await page.getByTestId("blacklist-entry").count()) === 1, "search");
  await page.getByRole("searchbox").fill("");
  await idle(page);
});

await test("exports the blacklist as CSV with formula-like cells made safe", async () => {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("bl-export").click(),
  ]);
  const text = readFileSync(await download.path(), "utf8");
  assert(text.startsWith("\uFEFFSupplier,Shop link"), "header");
  assert(text.includes(",'=cmd|' /C calc'!A0,"), `export: ${text}`);
  assert(text.includes('"质量差, 拖延发货"'), "quoted comma");
});

await test("exports the blacklist to a new sheet as text, and names the sheet", async () => {
  await page.getByTestId("bl-export-sheet").click();
  const text = await notice(page);
  assert(text.includes("GuardBlacklistExport"), `notice: ${text}`);
  await idle(page);
  const rows = await mock(page, () => window.__mockExcel.values("GuardBlacklistExport"));
  assert(rows[0]?.[0] === "Supplier" && rows.length === 4, `sheet: ${JSON.stringify(rows)}`);
  assert(
    rows.some((r) => r[4] === "=cmd|' /C calc'!A0"),
    "the injected formula is not kept as text",
  );
  const formulas = await mock(page, () => window.__mockExcel.formulas("GuardBlacklistExport"));
  assert(JSON.stringify(formulas) === JSON.stringify(rows), "a cell became a formula");
});

await test("copies the blacklist as CSV, and says so only when the clipboard has it", async () => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  await page.getByTestId("bl-copy").click();
  const text = await notice(page);
  assert(text.includes("Copied 3 entries"), `notice: ${text}`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert(copied.startsWith("Supplier,Shop link") && copied.includes("温州某某鞋业"), `clipboard: ${copied}`);
  await idle(page);
});

await test("settings: a bad value is refused inline and not saved; a good one is saved to GuardSettings", async () => {
  await page.getByTestId("tab-settings").click();
  await page.getByTestId("setting-deposit.maxShare").fill("lots");
  assert((await page.getByText("Type a number, such as 30.").count()) === 1, "no inline refusal");
  assert(await page.getByTestId("settings-save").isDisabled(), "a bad value can be saved");
  const unchanged = await mock(page, () =>
    window.__mockExcel.table("GuardSettings").find((r) => r[0] === "deposit.maxShare"),
  );
  assert(unchanged[1] === 0.3, `stored value changed: ${unchanged}`);
  await page.getByTestId("setting-deposit.maxShare").fill("25");
  await page.getByTestId("settings-save").click();
  assert((await notice(page)).includes("Saved 1"), "saved notice");
  const saved = await mock(page, () =>
    window.__mockExcel.table("GuardSettings").find((r) => r[0] === "deposit.maxShare"),
  );
  assert(saved[1] === 0.25, `saved: ${saved}`);
  await idle(page);
});

await test("switches to Chinese", async () => {
  await page.getByTestId("lang").click();
  // A Fluent Tab renders its label twice (one copy reserves the bold width).
  assert((await page.getByTestId("tab-ledger").textContent()).startsWith("台账"), "tab label");
  await page.getByTestId("tab-ledger").click();
  await idle(page);
  await page.getByTestId("lang").click();
});

await context.close();

await test("refuses to add risk columns over a non-empty cell and writes nothing", async () => {
  const { page: p, context: c } = await openPane();
  await mock(p, () => window.__mockExcel.setCell("采购台账", 9, 18, "my note"));
  const before = await mock(p, () => JSON.stringify(window.__mockExcel.formulas("采购台账")));
  await p.getByRole("button", { name: "Add risk columns" }).click();
  const error = await errorText(p);
  assert(error.includes("S10") && error.includes("not empty"), `error: ${error}`);
  const after = await mock(p, () => JSON.stringify(window.__mockExcel.formulas("采购台账")));
  assert(before === after, "the sheet changed");
  assert(
    (await mock(p, () => window.__mockExcel.tableNames())).length === 1,
    "Guard tables were created anyway",
  );
  await c.close();
});

await test("on Mac the blacklist offers the new sheet and the clipboard, and no download", async () => {
  const { page: p, context: c } = await openPane("?platform=Mac&guard=1");
  await p.getByTestId("tab-blacklist").click();
  assert((await p.getByTestId("bl-export").count()) === 0, "a download button on Mac");
  assert(
    (await p.getByTestId("bl-download-unavailable").textContent()).includes("Export to a new sheet"),
    "no hint on Mac",
  );
  assert((await p.getByTestId("bl-export-sheet").count()) === 1, "no export to a sheet");
  await c.close();
});

await test("opens in Chinese when Office's display language is Chinese", async () => {
  const { page: p, context: c } = await openPane("?lang=zh-CN");
  assert((await p.getByTestId("tab-blacklist").textContent()).startsWith("黑名单"), "not Chinese");
  await c.close();
});

await test("the preview page shows the pane beside the mock sheet", async () => {
  const c = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await c.route("**/*", (route) =>
    route.request().url().startsWith(origin)
      ? route.continue()
      : (foreignRequests.push(route.request().url()), route.abort()),
  );
  const p = await c.newPage();
  p.on("pageerror", (e) => pageErrors.push(String(e)));
  await p.goto(`${origin}/preview.html`);
  await p.getByTestId("ledger-found").waitFor({ timeout: 15000 });
  await p.getByRole("button", { name: "Add risk columns" }).click();
  await p.getByTestId("notice").waitFor();
  await idle(p);
  await p.getByRole("button", { name: "Flag risky rows" }).click();
  await p.getByTestId("notice").waitFor();
  await idle(p);
  assert(
    (await p.getByTestId("sheet-view").textContent()).includes("HIGH"),
    "sheet view shows no computed level",
  );
  const atRisk = await p.getByTestId("money-at-risk").textContent();
  assert(
    atRisk.includes("义乌市佳美饰品商行") &&
      atRisk.includes("days at risk") &&
      atRisk.includes("silent store"),
    `money-at-risk list: ${atRisk}`,
  );
  await p.screenshot({ path: join(shots, "preview.png") });
  await p.getByTestId("as-of").fill("2025-03-31"); // the sample ledger's month end
  await p.getByText("29 days at risk").first().waitFor({ timeout: 5000 });
  await p.getByTestId("money-at-risk").screenshot({ path: join(shots, "preview-money-at-risk.png") });
  await mock(p, () => window.__mockExcel.select("采购台账", 4, 1)); // 深圳市恒锐电子科技有限公司
  await p.getByTestId("tab-vet").click();
  await p.getByTestId("payee-change").waitFor({ timeout: 5000 });
  assert(
    (await p.getByTestId("ledger-grade").textContent()).includes("grade D"),
    "ledger grade of a payee change",
  );
  await p.screenshot({ path: join(shots, "preview-vet.png") });
  await c.close();
});

await test("freezes the risk columns into values with a note on the header, and unfreezes them back", async () => {
  const { page: p, context: c } = await openPane("?guard=1", { width: 320, height: 900 });
  await p.getByRole("button", { name: "Add risk columns" }).click();
  await notice(p);
  await idle(p);
  const formulas = await mock(p, () => window.__mockExcel.formulas("采购台账"));
  const values = await mock(p, () => window.__mockExcel.values("采购台账"));
  await p.getByTestId("freeze").click();
  const said = await notice(p);
  assert(said.includes("Froze 21 rows") && said.includes("R3"), `notice: ${said}`);
  await idle(p);
  const frozen = await mock(p, () => window.__mockExcel.formulas("采购台账"));
  assert(
    frozen.slice(3).every((r) => !String(r[17]).startsWith("=") && !String(r[19]).startsWith("=")),
    "a formula is left in the risk columns",
  );
  assert(
    JSON.stringify(frozen) === JSON.stringify(values),
    "the frozen values differ from what the formulas showed",
  );
  const comments = await mock(p, () =>
    window.__mockExcel.book.comments.map((x) => [x.row, x.column, x.content]),
  );
  assert(
    comments.length === 1 &&
      comments[0][0] === 2 &&
      comments[0][1] === 17 &&
      comments[0][2].includes("froze these risk columns on"),
    `comments: ${JSON.stringify(comments)}`,
  );
  await p.getByTestId("freeze").click();
  assert((await errorText(p)).includes("already frozen"), "a second freeze was not refused");
  await p.getByTestId("unfreeze").click();
  assert((await notice(p)).includes("Put the GUARD formulas back in 21 rows"), "unfreeze notice");
  await idle(p);
  assert(
    JSON.stringify(await mock(p, () => window.__mockExcel.formulas("采购台账"))) === JSON.stringify(formulas),
    "the formulas did not come back as they were",
  );
  assert((await mock(p, () => window.__mockExcel.book.comments.length)) === 0, "the note was left");
  await c.close();
});

await test("where Excel has no comments (ExcelApi 1.7) freezing says it left no note", async () => {
  const { page: p, context: c } = await openPane("?guard=1&excelApi=1.7", { width: 320, height: 900 });
  await p.getByRole("button", { name: "Add risk columns" }).click();
  await notice(p);
  await idle(p);
  await p.getByTestId("freeze").click();
  assert((await notice(p)).includes("cannot add comments"), "no word about the missing note");
  await c.close();
});

/** Phrases a Chinese pane may show in Latin letters: names and codes, never sentences. */
const ZH_ALLOWED_PHRASES = [
  "Sourcing Guard",
  "GUARD.RISKSCORE",
  "GUARD.RISKLEVEL",
  "GUARD.RISKREASONS",
  "Risk score", // the risk columns' headers, as the sheet shows them
  "Risk level",
  "Reasons",
  "ExcelApi",
  "#NAME?",
  "gsxt.gov.cn",
  "1688.com",
  "UTF-8",
];
/** Single words allowed in the Chinese pane: products, file formats, table names, currency codes, units. */
const ZH_ALLOWED_WORDS = new Set([
  "Excel",
  "GUARD",
  "CSV",
  "GuardSettings",
  "GuardSuppliers",
  "GuardBlacklist",
  "GuardBlacklistLog",
  "GuardBlacklistExport",
  "English", // the language switch names the other language in its own words
  // The pay verdict's codes (GUARD.PAYCHECK and guard pay answer them), shown beside their Chinese.
  "PAY",
  "HOLD",
  "STOP",
  "US",
  "USD",
  "CNY",
  "EUR",
  "GBP",
  "HKD",
  "JPY",
  "CE",
  "FCC",
  "GB",
  "SKU",
  "sku",
  "ID",
  "id",
]);

/**
 * Every element of the pane past its right edge (and whether the page scrolls
 * sideways), as "tag[testid] "text" right R > W" lines.
 */
async function pastRightEdge(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll("main *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 0.5) continue;
      const id = el.getAttribute("data-testid");
      const text = (el.textContent ?? "").trim().slice(0, 40);
      out.push(
        `${el.tagName.toLowerCase()}${id ? `[${id}]` : ""} "${text}" right ${Math.round(r.right)} > ${width}`,
      );
    }
    return out;
  });
}

/**
 * The English words the pane shows in Chinese: its text, option labels,
 * placeholders and accessible names, less the workbook's own text (constant
 * cells, sheet and table names: the user's data) and the allowed names.
 */
async function untranslated(page) {
  const { texts, data } = await page.evaluate(() => {
    const m = window.__mockExcel;
    const data = [...m.tableNames(), ...m.book.sheets.map((s) => s.name)];
    for (const sheet of m.book.sheets) {
      const values = m.values(sheet.name);
      const formulas = m.formulas(sheet.name);
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v === "string" && formulas[r]?.[c] === v) data.push(v);
        }),
      );
    }
    const texts = [];
    const main = document.querySelector("main");
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el && el.closest("style, script")) continue;
      texts.push(n.textContent ?? "");
    }
    for (const el of main.querySelectorAll("[placeholder], [aria-label], [title]"))
      for (const a of ["placeholder", "aria-label", "title"])
        if (el.getAttribute(a)) texts.push(el.getAttribute(a));
    return { texts, data };
  });
  // Host names and dotted identifiers (shop links, file names) are data, never words.
  const dotted = /[\w-]+(\.[\w-]+)+/g;
  const known = [...new Set(data)].filter((d) => /[A-Za-z]/.test(d)).sort((a, b) => b.length - a.length);
  const found = new Set();
  for (let text of texts) {
    for (const d of known) text = text.split(d).join(" ");
    for (const p of ZH_ALLOWED_PHRASES) text = text.split(p).join(" ");
    text = text.replace(dotted, " ");
    for (const word of text.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g) ?? [])
      if (!ZH_ALLOWED_WORDS.has(word)) found.add(word);
  }
  return [...found];
}

/**
 * A pane at `width` pixels over the sample ledger with its history: risk
 * columns added, rows flagged, one supplier blacklisted, and the vetting form
 * filled cleanly for 深圳市恒锐电子科技有限公司, whose ledger record is bad
 * (its payee account changed).
 */
async function preparedPane(width) {
  const opened = await openPane("?history=1&guard=1", { width, height: 900 });
  const { page } = opened;
  await page.getByRole("button", { name: "Add risk columns" }).click();
  await notice(page);
  await idle(page);
  await page.getByRole("button", { name: "Flag risky rows" }).click();
  await notice(page);
  await idle(page);
  await mock(page, () => window.__mockExcel.select("采购台账", 4, 1)); // 深圳市恒锐电子科技有限公司
  await page.getByTestId("tab-vet").click();
  // The form follows the selection after a short quiet time: wait for it before typing.
  await page.waitForFunction(
    () => document.querySelector('[data-testid="vet-name"]')?.value === "深圳市恒锐电子科技有限公司",
    null,
    { timeout: 5000 },
  );
  await page.getByTestId("supplier-card").waitFor({ timeout: 5000 });
  await page.getByTestId("vet-payment").selectOption("escrow");
  await page.getByTestId("vet-years").fill("8");
  await page.getByTestId("vet-visit").selectOption("done");
  await page.getByTestId("vet-reviewScore").fill("4.7");
  await page.getByTestId("vet-reviewCount").fill("320");
  await page.getByLabel("Powerful Merchant 实力商家").check();
  await page.getByLabel("Samples received and checked").check();
  return opened;
}

const TAB_IDS = ["ledger", "vet", "blacklist", "settings"];

for (const width of [320, 380]) {
  const { page: p, context: c } = await preparedPane(width);
  for (const lang of ["en", "zh"]) {
    if (lang === "zh") await p.getByTestId("lang").click();
    for (const tab of TAB_IDS) {
      await test(`${tab} tab at ${width} px in ${lang === "en" ? "English" : "Chinese"}: nothing past the pane's right edge${lang === "zh" ? ", no English left" : ""}`, async () => {
        await p.getByTestId(`tab-${tab}`).click();
        await idle(p);
        if (tab === "ledger") await p.getByTestId("all-reasons").first().click(); // open one row's reasons
        const past = await pastRightEdge(p);
        assert(past.length === 0, `past the right edge:\n        ${past.slice(0, 8).join("\n        ")}`);
        if (lang === "zh") {
          const english = await untranslated(p);
          assert(english.length === 0, `English in the Chinese pane: ${english.join(", ")}`);
        }
        if (width === 380) await shoot(p, lang === "en" ? tab : `${tab}-zh`);
      });
    }
  }
  await c.close();
}

await test("the supplier verdict puts the ledger's D above a clean vetting form, and says where each part comes from", async () => {
  const { page: p, context: c } = await preparedPane(380);
  const verdict = p.getByTestId("vet-verdict");
  assert((await p.getByTestId("verdict-level").textContent()) === "High risk", "verdict level");
  const answers = await p.getByTestId("vet-risk").textContent();
  assert(
    answers.startsWith("From the vetting answers in this form: score") && answers.includes("Low"),
    `answers: ${answers}`,
  );
  const ledger = await p.getByTestId("verdict-ledger").textContent();
  assert(
    ledger.startsWith("From the ledger's record on this sheet: grade D · High"),
    `ledger part: ${ledger}`,
  );
  assert(ledger.includes("payee account changed 1 time: D"), `ledger part says why: ${ledger}`);
  const order = await verdict.evaluate((el) =>
    [...el.querySelectorAll('[data-testid="verdict-ledger"], [data-testid="vet-risk"]')].map(
      (e) => e.dataset.testid,
    ),
  );
  assert(order.join() === "verdict-ledger,vet-risk", `order: ${order}`);
  assert((await p.getByTestId("ledger-grade").count()) === 1, "a second grade shown outside the verdict");
  await c.close();
});

await test("every reason of a risky row, with its points, is one click away", async () => {
  const { page: p, context: c } = await openPane("", { width: 320, height: 900 });
  const row = p.getByTestId("risky-row").first();
  const title = await row.getByTestId("risky-order").textContent();
  await row.getByTestId("all-reasons").click();
  const reasons = await row.getByTestId("reason").allTextContents();
  assert(reasons.length >= 2, `reasons: ${reasons}`);
  assert(
    reasons.every((r) => /^\+\d+/.test(r)),
    `each reason with its points: ${reasons}`,
  );
  const score = Number(/· (\d+) /.exec(title)?.[1]);
  const sum = reasons.reduce((total, r) => total + Number(/^\+(\d+)/.exec(r)[1]), 0);
  assert(sum >= score, `points ${sum} do not explain the score ${score}`);
  await c.close();
});

await test("Settings show labels and percentages, refuse a bad value inline, and go back to defaults", async () => {
  const { page: p, context: c } = await openPane("?guard=1", { width: 320, height: 900 });
  await p.getByTestId("tab-settings").click();
  const share = p.getByTestId("setting-deposit.maxShare");
  assert((await share.inputValue()) === "30", `deposit share shown as ${await share.inputValue()}`);
  const group = await p.getByTestId("settings-group-deposit").textContent();
  assert(
    group.includes("Most paid before receipt") && group.includes("%") && group.includes("Default: 30%"),
    `group: ${group}`,
  );
  assert((await p.getByTestId("settings-group-history").textContent()).includes("days"), "days as days");
  assert(
    (await p.getByTestId("settings-group-contract").textContent()).includes("US$"),
    "money with its currency",
  );
  await share.fill("150");
  assert((await p.getByText("Type a number from 0 to 100.").count()) === 1, "no inline refusal");
  assert(await p.getByTestId("settings-save").isDisabled(), "save allowed with a bad value");
  await share.fill("25");
  await p.getByTestId("settings-save").click();
  assert((await notice(p)).includes("Saved 1 setting to GuardSettings"), "saved notice");
  await idle(p);
  const saved = await mock(p, () =>
    window.__mockExcel.table("GuardSettings").find((r) => r[0] === "deposit.maxShare"),
  );
  assert(saved[1] === 0.25, `stored ${saved}`);
  await p.getByTestId("settings-defaults").click();
  assert((await notice(p)).includes("Back to defaults: 1 setting reset"), "defaults notice");
  await idle(p);
  const back = await mock(p, () =>
    window.__mockExcel.table("GuardSettings").find((r) => r[0] === "deposit.maxShare"),
  );
  assert(back[1] === 0.3, `after defaults ${back}`);
  await p.getByTestId("lang").click();
  assert(
    (await p.getByTestId("notice").textContent()).includes("已恢复默认值"),
    "the notice did not follow the language",
  );
  await p.getByTestId("tab-ledger").click();
  assert((await p.getByTestId("notice").count()) === 0, "the Settings tab's notice shows on the Ledger tab");
  await c.close();
});

/** The file of the @microsoft/office-js package a CDN URL names; null when missing, undefined for other URLs. */
function officeJsFile(url) {
  const folder = OFFICE_CDN_FOLDERS.find((f) => url.toLowerCase().startsWith(f));
  if (!folder) return undefined;
  const path = decodeURIComponent(new URL(url).pathname.slice(new URL(folder).pathname.length)).toLowerCase();
  const file = normalize(join(OFFICE_JS_DIST, path));
  return file.startsWith(OFFICE_JS_DIST) && existsSync(file) ? file : null;
}

/**
 * Opens the built task pane with the real Office.js from `officeJsUrl` (rewritten into
 * the page when it is not the one the build references), outside Office. Collects CSP
 * violations (securitypolicyviolation events and console CSP errors), script errors,
 * the Office.js files served and any other request (aborted).
 */
async function openWithRealOfficeJs(officeJsUrl, { query = "", outside = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const seen = { served: [], missing: [], foreign: [], errors: [], consoleCsp: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === `${origin}/taskpane.html${query}` && officeJsUrl !== OFFICE_JS) {
      const html = readFileSync(join(dist, "taskpane.html"), "utf8");
      assert(html.includes(OFFICE_JS), "taskpane.html does not reference the Office.js CDN");
      return route.fulfill({
        status: 200,
        contentType: "text/html",
        body: html.replace(OFFICE_JS, officeJsUrl),
      });
    }
    if (url.startsWith(origin)) return route.continue();
    const file = officeJsFile(url);
    if (file) {
      seen.served.push(url);
      return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
    }
    if (file === null) {
      seen.missing.push(url);
      return route.fulfill({ status: 404, contentType: "text/plain", body: "not in @microsoft/office-js" });
    }
    seen.foreign.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
      }),
    );
  });
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) seen.consoleCsp.push(m.text());
    else if (m.type() === "error") seen.errors.push(m.text());
  });
  await page.goto(`${origin}/taskpane.html${query}`);
  if (outside) await page.getByTestId("outside-excel").waitFor({ timeout: 15000 });
  // Office.js's outside-Office logger opens its frame three seconds after loading: wait past it.
  await page.waitForTimeout(4000);
  const violations = await page.evaluate(() => window.__cspViolations);
  return { page, context, seen, violations };
}

/**
 * Fails on any CSP violation, console CSP error, script error, request beyond Office.js and
 * the add-in, or Office.js file the package lacks; returns a one-line count. Outside Office,
 * Office.js's own logger would open a telemetry frame after three seconds: the pane stops it
 * (host.ts stopOfficeLoggerFrame), so none is blocked either.
 */
function checkCsp({ seen, violations }, { scriptErrors = true } = {}) {
  assert(violations.length === 0, `CSP violations: ${JSON.stringify(violations)}`);
  assert(seen.consoleCsp.length === 0, `console CSP errors: ${seen.consoleCsp.join(" | ")}`);
  if (scriptErrors) assert(seen.errors.length === 0, `script errors: ${seen.errors.join(" | ")}`);
  assert(seen.foreign.length === 0, `requests beyond Office.js and the add-in: ${seen.foreign.join(", ")}`);
  assert(seen.missing.length === 0, `Office.js files the package lacks: ${seen.missing.join(", ")}`);
  assert(seen.served.length >= 1, "Office.js was not requested");
  return `0 CSP violations; Office.js files served: ${seen.served.length}`;
}

await test("with the real Office.js outside Office, the pane loads with zero CSP violations", async () => {
  const opened = await openWithRealOfficeJs(OFFICE_JS);
  console.log(`      ${checkCsp(opened)}`);
  await opened.context.close();
});

await test("outside Office the pane says, in Chinese and English, to open it in Excel", async () => {
  const { page, context: c } = await openWithRealOfficeJs(OFFICE_JS);
  const text = await page.getByTestId("outside-excel").textContent();
  assert(
    text.includes("请在 Excel 中打开") && text.includes("Open Sourcing Guard in Excel"),
    `page: ${text}`,
  );
  assert((await page.getByTestId("ledger-found").count()) === 0, "the ledger pane rendered outside Excel");
  await page.screenshot({ path: join(shots, "outside-excel.png") });
  await c.close();
});

await test("the CSP also admits Office.js from the 21Vianet CDN (Office 365 in China)", async () => {
  const opened = await openWithRealOfficeJs(`${OFFICE_CDN_FOLDERS[1]}office.js`);
  assert(
    opened.seen.served.every((u) => u.startsWith(OFFICE_CDN_FOLDERS[1])),
    `served: ${opened.seen.served.join(", ")}`,
  );
  console.log(`      ${checkCsp(opened)}`);
  await opened.context.close();
});

await test("started as Excel on the web starts it, Office.js loads its Excel and locale scripts within the CSP", async () => {
  // Excel on the web names itself in the page's query (_host_Info). With no Excel behind
  // the page Office.js then fails to connect (a script error, expected); what counts here
  // is what it loads and whether the CSP lets it.
  const hostInfo = "?_host_Info=Excel$Web$16.01$en-US$$$$0";
  const opened = await openWithRealOfficeJs(OFFICE_JS, { query: hostInfo, outside: false });
  const files = opened.seen.served.map((u) => u.slice(OFFICE_CDN_FOLDERS[0].length));
  assert(
    files.includes("excel-web-16.00.js") && files.includes("en-us/office_strings.js"),
    `Office.js loaded: ${files.join(", ")}`,
  );
  assert(opened.violations.length === 0, `CSP violations: ${JSON.stringify(opened.violations)}`);
  console.log(`      ${checkCsp(opened, { scriptErrors: false })}; loaded ${files.join(", ")}`);
  await opened.context.close();
});

await test("the pages load only Office.js and the add-in's own files, with no script errors", async () => {
  assert(foreignRequests.length === 0, `foreign requests: ${foreignRequests.join(", ")}`);
  assert(pageErrors.length === 0, `page errors: ${pageErrors.join(" | ")}`);
});

await browser.close();
server.close();
console.log(
  `Screenshots in ${shots}${WRITE_DOCS ? "" : " (npm run screenshots writes them to docs/screenshots)"}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
