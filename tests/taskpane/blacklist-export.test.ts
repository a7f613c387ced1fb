import {
  blacklistCsvFile,
  blacklistToClipboard,
  blacklistToSheet,
  downloadNotice,
} from "../../src/taskpane/blacklist-export";
import { EXPORT_SHEET } from "../../src/taskpane/excel/export";
import { format, STRINGS, type Translate } from "../../src/taskpane/i18n";
import { createExcelApi } from "../../src/taskpane/mock/excel-api";
import { createSampleWorkbook } from "../../src/taskpane/mock/sample";

const t: Translate = (key, values) => format(STRINGS.en[key], values);
const zh: Translate = (key, values) => format(STRINGS.zh[key], values);
const g = globalThis as unknown as { Excel: unknown };

const ROWS = [
  [
    "义乌市佳美饰品商行",
    "https://shop1234.1688.com",
    "b2b-22012345678",
    "",
    "要求微信转账全款",
    "2025-03-05",
    "王丽",
  ],
  ["恶意公司", "", "", "", "=cmd|' /C calc'!A0", "2025-03-06", "李强"],
];

describe("handing the blacklist out", () => {
  it("reports the new sheet only after it was written, naming it and the count", async () => {
    const book = createSampleWorkbook();
    g.Excel = createExcelApi(book, () => "=", []);
    const notice = await blacklistToSheet(ROWS);
    expect(notice.intent).toBe("success");
    expect(notice.text(t, "en")).toBe(`Wrote 2 entries as text to the new sheet "${EXPORT_SHEET}".`);
    expect(book.sheet(EXPORT_SHEET)).toBeDefined();
  });

  it("reports no success when the sheet could not be written: the failure reaches the pane as an error", async () => {
    const book = createSampleWorkbook();
    g.Excel = createExcelApi(book, () => "=", ["", "the workbook is read-only"]);
    await expect(blacklistToSheet(ROWS)).rejects.toThrow("read-only");
    expect(book.sheet(EXPORT_SHEET)).toBeUndefined();
  });

  it("copies the CSV without its byte-order mark, formula-like cells made safe, and says so", async () => {
    const copied: string[] = [];
    const notice = await blacklistToClipboard(ROWS, async (text) => (copied.push(text), true));
    expect(notice.intent).toBe("success");
    expect(notice.text(t, "en")).toBe(
      "Copied 2 entries as CSV: paste them into a text file and save it as .csv.",
    );
    expect(copied[0]?.startsWith("Supplier,Shop link")).toBe(true);
    expect(copied[0]).toContain(",'=cmd|' /C calc'!A0,");
  });

  it("never says copied when the clipboard took nothing: a warning with what to do instead", async () => {
    const notice = await blacklistToClipboard(ROWS, async () => false);
    expect(notice.intent).toBe("warning");
    expect(notice.text(zh, "zh")).toContain("没有复制任何内容");
    expect(notice.text(zh, "zh")).toContain("导出到新工作表");
  });

  it("says a download was asked for, not that a file was saved, since no page can see it arrive", () => {
    const file = blacklistCsvFile(ROWS, "2025-03-08");
    expect(file.name).toBe("blacklist-2025-03-08.csv");
    expect(file.csv.startsWith("\uFEFFSupplier,")).toBe(true);
    const notice = downloadNotice(file.name, 2);
    expect(notice.intent).toBe("info");
    expect(notice.text(t, "en")).toContain("If no file appears, use Export to a new sheet or Copy CSV");
  });
});
