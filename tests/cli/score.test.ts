import path from "node:path";
import { runScore } from "../../src/cli/score";
import type { RowJson } from "../../src/cli/format";

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", name);

async function score(
  file: string,
  extra: { json?: boolean; lang?: "en" | "zh" } = {},
): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runScore({ file, json: extra.json ?? true, lang: extra.lang }, (l) => lines.push(l));
  return { code, lines };
}

async function verdicts(file: string): Promise<RowJson[]> {
  const { lines } = await score(file);
  return lines.map((l) => JSON.parse(l) as RowJson);
}

describe("guard score on the guide's own examples", () => {
  let rows: RowJson[];
  beforeAll(async () => {
    rows = await verdicts(fixture("guide-examples.csv"));
  });

  it("prints one JSON object per data row, in order, with sheet row numbers", () => {
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it("rates 10,000 USD paid 100% upfront by WeChat to a one-year store without badges HIGH", () => {
    expect(rows[0]).toMatchObject({ level: "HIGH" });
    expect(rows[0]?.reasons?.map((r) => r.rule)).toEqual(
      expect.arrayContaining(["store-age", "exposure", "payment-channel", "deposit", "badges"]),
    );
  });

  it("rates 300 USD through 1688 escrow to a five-year Powerful Merchant LOW", () => {
    expect(rows[1]).toMatchObject({ level: "LOW" });
  });

  it("does not flag an ordinary 1688 order paid in full into escrow as prepaid", () => {
    expect(rows[2]?.reasons?.map((r) => r.rule)).not.toContain("deposit");
    expect(rows[2]?.reasons?.map((r) => r.rule)).not.toContain("exposure");
    expect(rows[2]).toMatchObject({ level: "LOW" });
  });

  it("rates 30% through 1688's staged payment to a four-year audited factory LOW", () => {
    expect(rows[3]).toMatchObject({ level: "LOW" });
  });

  it("rates the same order paid 100% upfront, or by transfer to a personal account, at least MEDIUM", () => {
    expect(["MEDIUM", "HIGH"]).toContain(rows[4]?.level);
    expect(["MEDIUM", "HIGH"]).toContain(rows[5]?.level);
    expect(rows[4]?.reasons?.find((r) => r.rule === "deposit")?.code).toBe("prepaid_full");
    expect(rows[5]?.reasons?.find((r) => r.rule === "payment-channel")?.code).toBe("personal_account");
  });

  it("explains each reason in a short sentence", () => {
    const deposit = rows[0]?.reasons?.find((r) => r.rule === "deposit");
    expect(deposit?.text).toBe(
      "paid 100% (US$10,000) upfront on a US$10,000 order; guide: at most 30% before receipt",
    );
  });
});

describe("guard score on a Chinese-headed ledger", () => {
  it("scores exactly as its English twin", async () => {
    const en = await verdicts(fixture("guide-examples.csv"));
    const zh = await verdicts(fixture("guide-examples.zh.csv"));
    const shape = (rows: RowJson[]) =>
      rows.map((r) => ({
        row: r.row,
        score: r.score,
        level: r.level,
        codes: r.reasons?.map((x) => `${x.rule}/${x.code}/${x.points}`),
      }));
    expect(shape(zh)).toEqual(shape(en));
  });

  it("explains in Chinese with --lang zh", async () => {
    const { lines } = await score(fixture("guide-examples.zh.csv"), { lang: "zh" });
    const first = JSON.parse(lines[0]!) as RowJson;
    expect(first.reasons?.find((r) => r.rule === "payment-channel")?.text).toContain("微信转账");
  });
});

describe("guard score as a table", () => {
  it("prints a readable table with a header and one line per row", async () => {
    const { code, lines } = await score(fixture("guide-examples.csv"), { json: false });
    expect(code).toBe(0);
    const text = lines.join("\n").split("\n");
    expect(text[0]).toMatch(/^Row\s+Score\s+Level\s+Reasons$/);
    expect(text).toHaveLength(2 + 6);
    expect(text[2]).toMatch(/^2\s+100\s+HIGH\s+/);
  });
});

describe("guard score with a blacklist", () => {
  it("scores a supplier 100 when the blacklist matches its shop link alone", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const os = await import("node:os");
    const dir = mkdtempSync(path.join(os.tmpdir(), "guard-bl-"));
    const ledger = path.join(dir, "ledger.csv");
    writeFileSync(
      ledger,
      [
        "供应商名称,商品链接,诚信通年限,认证,付款方式,订单金额,预付款",
        "义乌市新名字贸易有限公司,https://detail.1688.com/offer/612345678901.html,6年,实力商家,担保交易,¥3000,¥3000",
        "义乌市新名字贸易有限公司,https://sufa888.1688.com/page/offerlist.htm,6年,实力商家,担保交易,¥3000,¥3000",
      ].join("\n"),
    );
    const blacklist = path.join(dir, "blacklist.csv");
    writeFileSync(blacklist, "Shop link,Reason\nhttps://sufa888.1688.com,took the deposit and vanished\n");
    const lines: string[] = [];
    await runScore({ file: ledger, blacklist, json: true }, (l) => lines.push(l));
    const rows = lines.map((l) => JSON.parse(l) as RowJson);
    expect(rows[0]?.score).toBeLessThan(30);
    expect(rows[1]).toMatchObject({ score: 100, level: "HIGH" });
    expect(rows[1]?.reasons?.[0]).toMatchObject({ rule: "blacklisted", code: "on_blacklist" });
    expect(rows[1]?.reasons?.[0]?.text).toContain("took the deposit and vanished");
  });
});

describe("guard score and how the columns were read", () => {
  const hand = fixture("hand-ledger.zh.csv");

  async function run(file: string, options: { json: boolean; columns?: boolean; lang?: "en" | "zh" }) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runScore(
      { file, json: options.json, columns: options.columns, lang: options.lang },
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, out, err };
  }

  it("reads a hand-written sample header, so a 2,000-unit order with samples 否 is flagged", async () => {
    const { out } = await run(hand, { json: true });
    const row = JSON.parse(out[0]!) as RowJson;
    expect(row.reasons?.map((r) => `${r.rule}/${r.code}`)).toContain("samples/no_sample");
  });

  it("prints each column's letter, header and field, or ignored, with --columns", async () => {
    const { out } = await run(hand, { json: false, columns: true });
    const text = out.join("\n").split("\n");
    expect(text[0]).toBe("Columns:");
    expect(text[1]).toMatch(/^Column\s+Header\s+Read as$/);
    expect(text).toEqual(
      expect.arrayContaining(["F       是否寄样      sample", "I       颜色          ignored"]),
    );
    expect(text.some((l) => /^Row\s+Score\s+Level\s+Reasons$/.test(l))).toBe(true);
  });

  it("prints the columns as one JSON object before the rows with --columns --json", async () => {
    const { out } = await run(hand, { json: true, columns: true });
    const first = JSON.parse(out[0]!) as {
      columns: Array<{ column: string; header: string; field: string | null }>;
    };
    expect(first.columns[5]).toEqual({ column: "F", header: "是否寄样", field: "sample" });
    expect(first.columns[8]).toEqual({ column: "I", header: "颜色", field: null });
    expect((JSON.parse(out[1]!) as RowJson).row).toBe(2);
  });

  it("prints no column table without --columns", async () => {
    const { out } = await run(hand, { json: false });
    expect(out.join("\n")).not.toContain("Read as");
  });

  it("names a relevant-looking column that is not read in a warning on stderr, in the --lang", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const os = await import("node:os");
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "guard-cols-")), "ledger.csv");
    writeFileSync(file, "供应商,采购数量,样品费,订单金额\n义乌市好日子日用品有限公司,2000,0,¥6688\n");
    const en = await run(file, { json: true });
    expect(en.code).toBe(0);
    expect(en.err).toEqual([
      'column C "样品费" looks like sample but is not read; to read it, set columns.样品费 = sample in the settings',
    ]);
    const zh = await run(file, { json: true, lang: "zh" });
    expect(zh.err[0]).toContain("C 列“样品费”看起来是字段 sample，但未被读取");
  });

  it("keeps quiet on stderr when every relevant column is read", async () => {
    const { err } = await run(fixture("guide-examples.zh.csv"), { json: true });
    expect(err).toEqual([]);
  });
});

describe("guard score on a hand-written ledger", () => {
  it("reads values as clerks type them, scores every row, and names the one cell it cannot read", async () => {
    const lines: string[] = [];
    const warnings: string[] = [];
    const file = fixture("hand-written.csv");
    const code = await runScore(
      { file, json: true },
      (l) => lines.push(l),
      (w) => warnings.push(w),
    );
    const rows = lines.map((l) => JSON.parse(l) as RowJson);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(rows.every((r) => typeof r.score === "number")).toBe(true);
    // 30%定金 on a 12,000 yuan order paid by WeChat: the deposit rule reads the share.
    expect(rows[1]?.reasons?.map((r) => r.code)).toEqual(
      expect.arrayContaining(["wechat_transfer", "young_store"]),
    );
    // Only 全款了吧 cannot be read: that row is scored, the cell named in its reasons and warnings.
    expect(rows.slice(0, 4).every((r) => r.warnings === undefined)).toBe(true);
    const where = `${file}, sheet "hand-written", row 6, column F (已付金额): "全款了吧" is not an amount of money`;
    expect(rows[4]?.warnings).toEqual([where]);
    expect(rows[4]?.reasons).toContainEqual(
      expect.objectContaining({ rule: "input", code: "unreadable_cell", points: 0 }),
    );
    expect(warnings).toEqual([where]);
    expect(code).toBe(3);
  });

  it("exits 0 and prints no warnings key for a ledger it reads in full", async () => {
    const { code, lines } = await score(fixture("guide-examples.csv"));
    expect(code).toBe(0);
    expect(lines.some((l) => l.includes('"warnings"'))).toBe(false);
  });
});

describe("guard score --as-of", () => {
  async function asOf(file: string, json: boolean, lang: "en" | "zh" = "en"): Promise<string[]> {
    const lines: string[] = [];
    await runScore({ file, json, lang, asOf: new Date("2026-06-30T00:00:00Z") }, (l) => lines.push(l));
    return lines;
  }

  it.each(["history-ledger.csv", "history-ledger.en.csv"])(
    "adds money and days at risk to each JSON line of %s",
    async (name) => {
      const rows = (await asOf(fixture(name), true)).map((l) => JSON.parse(l) as RowJson);
      expect(rows[1]).toMatchObject({ row: 3, moneyAtRiskUsd: 2500, daysAtRisk: 41 });
      expect(rows[0]).toMatchObject({ row: 2, moneyAtRiskUsd: 0, daysAtRisk: null });
      expect(rows[5]?.reasons?.map((r) => r.code)).toEqual(
        expect.arrayContaining(["payee_account_changed", "price_below_history"]),
      );
    },
  );

  it("prints the columns and the suppliers with money at risk in the table", async () => {
    const text = (await asOf(fixture("history-ledger.csv"), false)).join("\n");
    expect(text).toMatch(/Row\s+Score\s+Level\s+At risk \(USD\)\s+Days\s+Reasons/);
    expect(text).toMatch(/义乌市宏达贸易有限公司\s+3\s+6667\s+41/);
    expect(text).toContain("payee account changed x1, price drop x1");
  });

  it("leaves the JSON of a run without --as-of as it was", async () => {
    const lines: string[] = [];
    await runScore({ file: fixture("history-ledger.csv"), json: true }, (l) => lines.push(l));
    expect(lines[1]).not.toContain("moneyAtRiskUsd");
    expect(lines.join("\n")).not.toContain("deposit_no_tracking");
  });
});

describe("guard score on hand-typed ledgers whose dates are written every which way (issue 17)", () => {
  const asOf = new Date(Date.UTC(2025, 5, 30));

  async function run(file: string, options: { json?: boolean; columns?: boolean; lang?: "en" | "zh" } = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runScore(
      { file, json: options.json ?? true, columns: options.columns, lang: options.lang, asOf },
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, out, err };
  }

  const codesOf = (row: RowJson | undefined): string[] => row?.reasons?.map((r) => r.code) ?? [];

  it.each([
    ["hand-dates.en.csv", 11, "2025-02-10"],
    ["hand-dates.zh.csv", 12, "2025-02-10"],
  ])(
    "gives %s's US$4,800 bank transfer paid 140 days before --as-of, with no tracking number, its silent-store finding",
    async (name, sheetRow, since) => {
      const { code, out, err } = await run(fixture(name));
      const rows = out.map((l) => JSON.parse(l) as RowJson);
      const row = rows.find((r) => r.row === sheetRow);
      expect(codesOf(row)).toContain("deposit_no_tracking");
      const silent = row?.reasons?.find((r) => r.code === "deposit_no_tracking");
      expect(silent?.text).toContain(`140 days ago (${since})`);
      expect(row).toMatchObject({ moneyAtRiskUsd: 4800, daysAtRisk: 140 });
      expect(rows.flatMap(codesOf)).not.toContain("unreadable_cell");
      expect(err).toEqual([]);
      expect(code).toBe(0);
    },
  );

  it("reads every one of the English ledger's 40 order dates, month first as its 01/14/2025 shows", async () => {
    const { out } = await run(fixture("hand-dates.en.csv"), { json: false, columns: true });
    const text = out.join("\n");
    expect(text).toMatch(/G\s+Order date\s+orderDate\s+40 of 40 read, month first \(row 4 `01\/14\/2025`\)/);
  });

  it("reads every one of the Chinese ledger's 40 order dates and says so in Chinese", async () => {
    const { out } = await run(fixture("hand-dates.zh.csv"), { json: false, columns: true, lang: "zh" });
    expect(out.join("\n")).toMatch(/G\s+下单日期\s+orderDate\s+40 个日期读取 40 个/);
  });

  describe("the same English ledger with no date that shows which comes first", () => {
    let file: string;
    beforeAll(async () => {
      const { mkdtemp, readFile, writeFile } = await import("node:fs/promises");
      const os = await import("node:os");
      const dir = await mkdtemp(path.join(os.tmpdir(), "guard-dates-"));
      file = path.join(dir, "no-evidence.csv");
      // Every date a day above 12 showed month first is written ISO instead.
      const csv = (await readFile(fixture("hand-dates.en.csv"), "utf8")).replace(
        /(^|,)"?(\d{1,2})\/(1[3-9]|2\d|3[01])\/(\d{2}|\d{4})( 2:30 PM)?"?(?=,)/gm,
        (_m, lead: string, mo: string, d: string, y: string) =>
          `${lead}${y.length === 2 ? `20${y}` : y}-${mo.padStart(2, "0")}-${d}`,
      );
      await writeFile(file, csv);
    });

    it("names each date it cannot read on its row and exits 3", async () => {
      const { code, out } = await run(file);
      const rows = out.map((l) => JSON.parse(l) as RowJson);
      const unread = rows.filter((r) => codesOf(r).includes("unreadable_cell")).map((r) => r.row);
      expect(unread).toEqual([2, 11, 12, 19, 20, 26, 28, 29, 34, 36, 40, 41]);
      expect(code).toBe(3);
    });

    it("counts them in the column report, in English and Chinese, on stderr even without --columns", async () => {
      const en = await run(file, { json: false });
      expect(en.err).toContain("Order date: 12 of 40 dates not read (e.g. row 2 `1/9/25`)");
      const zh = await run(file, { json: false, lang: "zh" });
      expect(zh.err).toContain("Order date：40 个日期中 12 个未读取（例：第 2 行 `1/9/25`）");
      const cols = await run(file, { json: false, columns: true });
      expect(cols.out.join("\n")).toMatch(/G\s+Order date\s+orderDate\s+28 of 40 read\n/);
      expect(cols.out.join("\n")).toContain("\n\nOrder date: 12 of 40 dates not read (e.g. row 2 `1/9/25`)");
    });

    it("gives the count in the --columns JSON", async () => {
      const { out } = await run(file, { columns: true });
      const first = JSON.parse(out[0]!) as { columns: Array<{ field: string | null; dates?: unknown }> };
      expect(first.columns.find((c) => c.field === "orderDate")?.dates).toEqual({
        count: 40,
        unread: 12,
        example: { row: 2, text: "1/9/25" },
      });
    });
  });
});

describe("guard score with money beyond any real order", () => {
  async function scoreHuge(lang: "en" | "zh") {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const os = await import("node:os");
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "guard-huge-")), "ledger.csv");
    const huge = `1${"0".repeat(307)}`; // 1e307 written out, as a csv export of an Excel number holds it
    writeFileSync(
      file,
      [
        "供应商名称,付款方式,订单金额,预付款",
        `义乌市宏达贸易有限公司,微信转账,${huge},${huge}`,
        "宁波明达电器有限公司,担保交易,¥6688,0",
      ].join("\n"),
    );
    const lines: string[] = [];
    const err: string[] = [];
    const code = await runScore(
      { file, json: true, lang, asOf: new Date(Date.UTC(2026, 5, 30)) },
      (l) => lines.push(l),
      (l) => err.push(l),
    );
    return { code, rows: lines.map((l) => JSON.parse(l) as RowJson), err };
  }

  it("scores every row and names the two cells it could not read (exit 3)", async () => {
    const { code, rows, err } = await scoreHuge("en");
    expect(code).toBe(3);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ row: 2, level: "MEDIUM" });
    expect(rows[0]?.warnings).toHaveLength(2);
    expect(rows[0]?.warnings?.[0]).toMatch(
      /row 2, column C \(订单金额\): "1000.*" is too large to be read \(more than 10\^15\)/,
    );
    expect(rows[0]?.reasons?.map((r) => r.code)).toContain("unreadable_cell");
    expect(err.join("\n")).toContain("column D (预付款)");
  });

  it("says the same in Chinese", async () => {
    const { rows } = await scoreHuge("zh");
    const texts = rows[0]?.reasons?.map((r) => r.text).join("；") ?? "";
    expect(texts).toContain("数值过大，无法读取（超过 10^15）");
  });
});
