/**
 * The mock host against what Excel does: its payload and cell-count limits,
 * the coercion of written text, number formats, a table's totals row, and the
 * operations the gateway undoes a failed write with.
 */
import { createExcelApi, type MockRequestContext } from "../../../src/taskpane/mock/excel-api";
import { MockWorkbook } from "../../../src/taskpane/mock/workbook";

type Api = ReturnType<typeof createExcelApi>;

function host(): { book: MockWorkbook; api: Api } {
  const book = new MockWorkbook();
  book.addSheet("Ledger");
  return { book, api: createExcelApi(book, () => "=", []) };
}

/** A batch on the mock host, typed loosely (the mock implements a slice of Excel.RequestContext). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const run = <T>(api: Api, batch: (ctx: any) => Promise<T>): Promise<T> =>
  api.run((ctx: MockRequestContext) => batch(ctx));

/** 50,000 rows of 40 columns of ledger-like text. */
const bigGrid = (rows = 50_000, columns = 40): string[][] =>
  Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => `义乌市鑫达日用品有限公司 ${i}-${j}`),
  );

describe("the mock host's limits (Excel on the web: 5 MB a request or response; 5,000,000 cells a read)", () => {
  it("refuses a request over 5 MB with RequestPayloadSizeLimitExceeded and writes nothing", async () => {
    const { book, api } = host();
    const grid = bigGrid(20_000, 10);
    const error = await run(api, async (ctx) => {
      ctx.workbook.worksheets.getItem("Ledger").getRange("A1:J20000").values = grid;
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(book.sheet("Ledger")?.usedRegion()).toBeUndefined();
  });

  it("accepts the same rows written in chunks under the limit", async () => {
    const { book, api } = host();
    const grid = bigGrid(20_000, 10);
    await run(api, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Ledger");
      for (let r = 0; r < grid.length; r += 5_000) {
        sheet.getRange(`A${r + 1}:J${r + 5_000}`).values = grid.slice(r, r + 5_000);
        await ctx.sync();
      }
    });
    expect(book.sheet("Ledger")?.usedRegion()).toMatchObject({ rowCount: 20_000, columnCount: 10 });
  });

  it("refuses a response over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
    const { book, api } = host();
    const sheet = book.sheet("Ledger");
    bigGrid(20_000, 10).forEach((row, r) => row.forEach((v, c) => sheet?.setCell(r, c, { value: v })));
    const error = await run(api, async (ctx) => {
      ctx.workbook.worksheets.getItem("Ledger").getRange("A1:J20000").load("values");
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("counts each queued action toward the request, as Excel counts objects and calls", async () => {
    const { api } = host();
    const error = await run(api, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Ledger");
      for (let r = 1; r <= 60_000; r++) sheet.getRange(`A${r}`).values = [[1]];
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("refuses to read a range of more than 5,000,000 cells with RangeExceedsLimit", async () => {
    const { api } = host();
    const error = await run(api, async (ctx) => {
      ctx.workbook.worksheets.getItem("Ledger").getRange("A1:CV50001").load("formulas");
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RangeExceedsLimit" });
  });
});

describe("the mock host's typed input", () => {
  const write = async (format: string | undefined, input: unknown[][]) => {
    const { book, api } = host();
    await run(api, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Ledger").getRange("A1:F1");
      if (format !== undefined) range.numberFormat = [Array(6).fill(format)];
      range.values = input;
      await ctx.sync();
    });
    return Array.from({ length: 6 }, (_, c) => book.sheet("Ledger")?.cell(0, c)?.value);
  };
  const typed = [["00123", "2025-03-10", "TRUE", "123456789012345678", "91330782MA2E4K7L6U", 7]];

  it("coerces strings in General cells as Excel does: numbers, date serials, booleans", async () => {
    expect(await write(undefined, typed)).toEqual([
      123,
      45726,
      true,
      123456789012345000,
      "91330782MA2E4K7L6U",
      7,
    ]);
  });

  it("keeps strings as written in cells formatted as text (@), numbers staying numbers", async () => {
    expect(await write("@", typed)).toEqual([...(typed[0] ?? [])]);
  });

  it("reads a leading apostrophe as Excel's text mark, and keeps a formula typed into a text cell as text", async () => {
    const { book, api } = host();
    await run(api, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Ledger");
      sheet.getRange("A1").values = [["'00123"]];
      sheet.getRange("B1").numberFormat = [["@"]];
      sheet.getRange("B1").formulas = [["=1+1"]];
      const read = sheet.getRange("A1:B1");
      read.load("values,numberFormat");
      await ctx.sync();
      expect(read.values).toEqual([["00123", "=1+1"]]);
      expect(read.numberFormat).toEqual([["General", "@"]]);
    });
    expect(book.sheet("Ledger")?.cell(0, 1)?.formula).toBeUndefined();
  });

  it('clears contents but keeps the number format with clear("Contents"), and everything with clear()', async () => {
    const { book, api } = host();
    await run(api, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Ledger");
      sheet.getRange("A1:B1").numberFormat = [["@", "@"]];
      sheet.getRange("A1:B1").values = [["x", "y"]];
      sheet.getRange("A1").clear("Contents");
      sheet.getRange("B1").clear();
      await ctx.sync();
    });
    expect(book.sheet("Ledger")?.cell(0, 0)).toEqual({ value: "", format: "@" });
    expect(book.sheet("Ledger")?.cell(0, 1)).toBeUndefined();
  });
});

describe("the mock host's table totals row", () => {
  /** Orders at A1:B4: header, two data rows, a totals row. */
  function withTotals(): { book: MockWorkbook; api: Api } {
    const h = host();
    const sheet = h.book.sheet("Ledger");
    if (!sheet) throw new Error("no sheet");
    [
      ["订单编号", "数量"],
      ["2403011001", 200],
      ["2403011002", 500],
      ["Total", "=SUBTOTAL(109,[数量])"],
    ].forEach((row, r) =>
      row.forEach((v, c) =>
        sheet.setCell(r, c, String(v).startsWith("=") ? { value: null, formula: String(v) } : { value: v }),
      ),
    );
    h.book.tables.push({
      name: "Orders",
      sheet,
      region: { sheet: "Ledger", row: 0, column: 0, rowCount: 4, columnCount: 2 },
      showTotals: true,
    });
    return h;
  }

  it("leaves the totals row out of the data body and reads showTotals", async () => {
    const { api } = withTotals();
    await run(api, async (ctx) => {
      const table = ctx.workbook.tables.getItem("Orders");
      table.load("showTotals");
      const body = table.getDataBodyRange();
      body.load("address");
      const totals = table.getTotalRowRange();
      totals.load("address");
      await ctx.sync();
      expect(table.showTotals).toBe(true);
      expect(body.address).toBe("Ledger!A2:B3");
      expect(totals.address).toBe("Ledger!A4:B4");
    });
  });

  it("adds rows above the totals row and a new column with an empty totals cell", async () => {
    const { book, api } = withTotals();
    await run(api, async (ctx) => {
      const table = ctx.workbook.tables.getItem("Orders");
      table.rows.add(undefined, [["2403011003", 80]]);
      table.columns.add(undefined, undefined, "Risk score");
      await ctx.sync();
    });
    const sheet = book.sheet("Ledger");
    expect(sheet?.cell(3, 0)?.value).toBe(2403011003); // rows.add coerces text as Range.values does
    expect(sheet?.cell(4, 0)?.value).toBe("Total");
    expect(sheet?.cell(0, 2)?.value).toBe("Risk score");
    expect(sheet?.cell(4, 2)).toBeUndefined();
    expect(book.table("Orders")?.region).toMatchObject({ rowCount: 5, columnCount: 3 });
  });
});

describe("the mock host's undo tools and planned failures", () => {
  it("fails the nth sync that writes, writing nothing in it, and lets reads pass", async () => {
    const { book, api } = host();
    book.failWriteSync(2, "the workbook is locked");
    const error = await run(api, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Ledger");
      sheet.getRange("A1").values = [["first"]];
      await ctx.sync();
      sheet.load("name");
      await ctx.sync();
      sheet.getRange("A2").values = [["second"]];
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "GeneralException", message: "the workbook is locked" });
    expect(book.sheet("Ledger")?.cell(0, 0)?.value).toBe("first");
    expect(book.sheet("Ledger")?.cell(1, 0)).toBeUndefined();
  });

  it("deletes whole table rows with Range.delete(Up), shifting cells below up, and refuses a cut through a table", async () => {
    const { book, api } = host();
    await run(api, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Ledger");
      sheet.getRange("A1:B4").values = [
        ["k", "v"],
        ["a", "1"],
        ["b", "2"],
        ["c", "3"],
      ];
      sheet.getRange("A6").values = [["below"]];
      sheet.tables.add("Ledger!A1:B4", true).name = "T";
      await ctx.sync();
      sheet.getRange("A3:B3").delete("Up");
      await ctx.sync();
    });
    const sheet = book.sheet("Ledger");
    expect([1, 2].map((r) => sheet?.cell(r, 0)?.value)).toEqual(["a", "c"]);
    expect(sheet?.cell(4, 0)?.value).toBe("below");
    expect(book.table("T")?.region.rowCount).toBe(3);
    const error = await run(api, async (ctx) => {
      ctx.workbook.worksheets.getItem("Ledger").getRange("A2").delete("Up");
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidOperation" });
  });

  it("deletes a table column (cells to its right shift left), a table with its cells, and a sheet", async () => {
    const { book, api } = host();
    await run(api, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Ledger");
      sheet.getRange("A1:C2").values = [
        ["a", "b", "c"],
        ["1", "2", "3"],
      ];
      sheet.tables.add("Ledger!A1:B2", true).name = "T";
      ctx.workbook.worksheets.add("Other");
      await ctx.sync();
      const missing = ctx.workbook.tables.getItem("T").columns.getItemOrNullObject("zzz");
      missing.load("name");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      ctx.workbook.tables.getItem("T").columns.getItem("a").delete();
      ctx.workbook.worksheets.getItem("Other").delete();
      await ctx.sync();
    });
    const sheet = book.sheet("Ledger");
    expect([sheet?.cell(0, 0)?.value, sheet?.cell(0, 1)?.value]).toEqual(["b", "c"]);
    expect(book.table("T")?.region.columnCount).toBe(1);
    expect(book.sheet("Other")).toBeUndefined();
    await run(api, async (ctx) => {
      ctx.workbook.tables.getItem("T").delete();
      await ctx.sync();
    });
    expect(book.tables).toEqual([]);
    expect(sheet?.cell(0, 0)).toBeUndefined();
  });
});

describe("the mock host's comments (ExcelApi 1.10), refused as Excel refuses them", () => {
  const add = (api: Api, address: string, text = "note") =>
    run(api, async (ctx) => {
      ctx.workbook.comments.add(address, text);
      await ctx.sync();
    }).catch((e: unknown) => e);

  it("adds a comment to one cell and reads it back by that cell", async () => {
    const { book, api } = host();
    expect(await add(api, "Ledger!R3", "frozen on 2026-12-07")).toBeUndefined();
    const content = await run(api, async (ctx) => {
      const c = ctx.workbook.comments.getItemByCell("Ledger!R3");
      c.load("content");
      await ctx.sync();
      return c.content;
    });
    expect(content).toBe("frozen on 2026-12-07");
    expect(book.comments).toHaveLength(1);
  });

  it("refuses a second comment on a cell, a range of several cells, and an address without its sheet", async () => {
    const { book, api } = host();
    await add(api, "Ledger!R3");
    expect(await add(api, "Ledger!R3")).toMatchObject({ code: "InvalidArgument" });
    expect(await add(api, "Ledger!R3:T3")).toMatchObject({ code: "InvalidArgument" });
    expect(await add(api, "R3")).toMatchObject({ code: "InvalidArgument" });
    expect(book.comments).toHaveLength(1);
  });

  it("answers ItemNotFound for the comment of a cell that has none", async () => {
    const { api } = host();
    const error = await run(api, async (ctx) => {
      ctx.workbook.comments.getItemByCell("Ledger!A1").load("content");
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ItemNotFound" });
  });

  it("refuses comments with ApiNotFound on a host below ExcelApi 1.10", async () => {
    const { book, api } = host();
    book.excelApi = "1.7";
    expect(await add(api, "Ledger!R3")).toMatchObject({ code: "ApiNotFound" });
    expect(book.comments).toEqual([]);
  });
});
