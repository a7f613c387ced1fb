import { describeError } from "../../../src/taskpane/components/StatusBar";
import { ExportError } from "../../../src/taskpane/excel/export";
import { format, STRINGS, type Translate } from "../../../src/taskpane/i18n";

const en: Translate = (key, values) => format(STRINGS.en[key], values);
const zh: Translate = (key, values) => format(STRINGS.zh[key], values);

describe("what the pane says about a failed blacklist export", () => {
  it("says the new sheet was removed when Excel kept fewer rows than sent, in English and Chinese", () => {
    const error = new ExportError("not_written", "A1:G2, expected 4 rows");
    expect(describeError(error, en).text).toBe(
      "Excel did not keep every row of the export (A1:G2, expected 4 rows), so the new sheet was removed. Try again.",
    );
    expect(describeError(error, zh).text).toContain("新工作表已删除");
  });

  it("says which names are taken when no export sheet name is free", () => {
    const error = new ExportError("no_sheet_name", "GuardBlacklistExport (50)");
    expect(describeError(error, en).text).toContain(
      "GuardBlacklistExport to GuardBlacklistExport (50) all exist",
    );
  });
});
