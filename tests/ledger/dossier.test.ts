import "../../src/rules/pinyin";
import {
  buildDossier,
  dossierCells,
  dossierHtml,
  dossierOrders,
  escapeHtml,
  ledgerLanguage,
  type Dossier,
} from "../../src/ledger/dossier";
import { DEFAULT_SETTINGS } from "../../src/rules/settings";
import { AS_OF, blacklist, payLedger, payLedgerCells } from "../rules/pay/fixtures";

const settings = DEFAULT_SETTINGS;

function dossier(lang: "zh" | "en", by: { order: string } | { supplier: string }): Dossier {
  const ledger = payLedger(lang);
  return buildDossier(ledger, dossierOrders(ledger, settings, AS_OF, by), {
    settings,
    asOf: AS_OF,
    lang,
    blacklist: blacklist(),
    source: `pay-ledger.${lang}.csv`,
  });
}

const section = (d: Dossier, id: string) => d.sections.find((s) => s.id === id)!;

describe("the dispute dossier of 宁波市海曙明辉工贸 (its payee account changed)", () => {
  const d = dossier("en", { supplier: "宁波市海曙明辉工贸有限公司" });

  it("names the supplier's identity, both payee accounts in date order and its phone", () => {
    expect(d.title).toBe("Dispute dossier: 宁波市海曙明辉工贸有限公司");
    expect(d.subtitle).toContain("Prepared on 2026-12-01");
    expect(section(d, "identity").rows).toEqual(
      expect.arrayContaining([
        ["1688 member id", "b2b-2208812345"],
        ["Payee accounts (in date order)", "6222 0210 0011 2233; 6217 8500 0000 9988"],
        ["Phones", "0574-8765 4321"],
        ["Business licence (USCC)", "(not recorded)"],
      ]),
    );
  });

  it("lays out the timeline in date order: ordered, paid (amount, channel, payee), received or not, promised", () => {
    const rows = section(d, "timeline").rows;
    expect(rows[0]).toEqual(["2026-09-01", "2", "PO-5101", "ordered", "order total ¥7,200"]);
    expect(rows).toContainEqual([
      "2026-11-20",
      "3",
      "PO-5102",
      "paid",
      "¥4,320 by Bank transfer to 宁波市海曙明辉工贸有限公司 6217 8500 0000 9988",
    ]);
    expect(rows).toContainEqual(["2026-12-01", "3", "PO-5102", "not received", "not received by 2026-12-01"]);
    const dated = rows.map((r) => r[0]).filter((x) => x !== "(no date)");
    expect([...dated].sort()).toEqual(dated);
  });

  it("lists the vetting record with its day, every finding, the history notes and the money at risk", () => {
    const findings = section(d, "findings").rows;
    expect(findings[0]?.[4]).toBe(
      "Checked on 2026-12-01 against the ledger's own columns and the team blacklist (entries: 1)",
    );
    expect(
      findings.some(
        (r) => r[1] === "PO-5102" && r[4]?.includes("previous order (row 2) went to 6222 0210 0011 2233"),
      ),
    ).toBe(true);
    expect(section(d, "notes").rows).toContainEqual([
      "Payee account changed",
      "row 3: 6222 0210 0011 2233 → 6217 8500 0000 9988",
    ]);
    expect(section(d, "at_risk").rows).toEqual([
      ["3", "PO-5102", "US$600", "¥4,320", "11", "2026-11-20"],
      ["Total", "", "US$600", "", "", ""],
    ]);
  });

  it("lists the evidence links the ledger holds", () => {
    expect(section(d, "evidence").rows).toEqual([
      [
        "2",
        "PO-5101",
        "https://chat.example.cn/mh-0901.png",
        "https://pay.example.cn/receipt-5101.pdf",
        "https://img.example.cn/5101-goods.jpg",
      ],
      ["3", "PO-5102", "https://chat.example.cn/mh-1120.png", "", ""],
    ]);
  });
});

describe("the dossier in the ledger's language", () => {
  it("is Chinese for a ledger with Chinese headers, English for English ones", () => {
    expect(ledgerLanguage(payLedgerCells("zh")[0]!)).toBe("zh");
    expect(ledgerLanguage(payLedgerCells("en")[0]!)).toBe("en");
    const zh = dossier("zh", { order: "PO-5106" });
    expect(zh.title).toBe("纠纷证据表：浙江义乌宏达贸易");
    expect(section(zh, "notes").rows[0]?.[0]).toBe("疑似黑名单");
    expect(section(zh, "notes").rows[0]?.[1]).toContain("义乌市宏达贸易有限公司");
  });

  it("notes a blacklisted supplier's entry", () => {
    expect(section(dossier("en", { order: "PO-5105" }), "notes").rows[0]).toEqual([
      "Blacklist",
      "on the blacklist (entry row 2: 收定金后失联)",
    ]);
  });

  it("finds nothing for an order or supplier the ledger lacks", () => {
    const ledger = payLedger("en");
    expect(dossierOrders(ledger, settings, AS_OF, { order: "PO-0000" })).toEqual([]);
    expect(dossierOrders(ledger, settings, AS_OF, { supplier: "nobody" })).toEqual([]);
    expect(dossierOrders(ledger, settings, AS_OF, { supplier: "b2b-2204400004" })).toHaveLength(2);
  });
});

describe("dossier output", () => {
  const d = dossier("en", { supplier: "宁波市海曙明辉工贸有限公司" });

  it("lays the sections out as the rows of one sheet", () => {
    const cells = dossierCells(d);
    expect(cells[0]).toEqual([d.title]);
    expect(cells).toContainEqual(["Timeline"]);
    expect(cells).toContainEqual(["Date", "Row", "Order", "Event", "Details"]);
  });

  it("escapes HTML and links only http and https addresses", () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
      "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;",
    );
    const html = dossierHtml({
      ...d,
      title: "<img src=x onerror=alert(1)>",
      sections: [
        {
          id: "evidence",
          title: "E",
          columns: ["a", "b"],
          rows: [["javascript:alert(1)", "https://x.cn/a?b=1&c=<2>"]],
        },
      ],
    });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<a href="https://x.cn/a?b=1&amp;c=&lt;2&gt;">');
    expect(html).not.toMatch(/<script/i);
  });
});
