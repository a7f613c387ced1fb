import type { CellValue } from "../../src/rules/types";
import { DEFAULT_SETTINGS } from "../../src/rules/settings";
import { buildBlacklist } from "../../src/rules/blacklist";
import { scoreOrders } from "../../src/rules/score";
import { EXPORT_1688_HEADERS } from "../../src/ledger/fields";
import { readLedger } from "../../src/ledger/read";
import { scoreLedger } from "../../src/ledger/score-rows";
import { exportRow } from "./helpers";

const settings = DEFAULT_SETTINGS;

function order(id: string, seller: string, extra: Record<string, CellValue> = {}): CellValue[] {
  return exportRow({
    订单编号: id,
    卖家公司名: seller,
    "货品总价(元)": 1200,
    "实付款(元)": 1200,
    订单状态: "等待买家收货",
    "单价(元)": 12,
    数量: 100,
    ...extra,
  });
}

const line = (title: string): CellValue[] => exportRow({ 货品标题: title, "单价(元)": 3, 数量: 10 });

/** A 1688 export: continuation lines, a blank row, an unreadable row, one number used by two sellers far apart. */
const cells: CellValue[][] = [
  ["1688 订单导出 2024-03"],
  [...EXPORT_1688_HEADERS],
  order("3700000000000000001", "义乌市好日子日用品有限公司", {
    物流公司: "圆通速递",
    运单号: "YT1000000000001",
  }),
  line("保温杯 750ml"),
  line("保温杯 1L"),
  order("3700000000000000002", "汕头市澄海区玩具厂", { 物流公司: "义乌专线", 运单号: "ZX000000001" }),
  [],
  order("3700000000000000003", "深圳市测试电子有限公司", { "货品总价(元)": "#N/A" }),
  line("赠品"),
  order("3700000000000000004", "汕头市澄海区玩具厂", { 物流公司: "中通快递", 运单号: "75189407933503" }),
  order("3700000000000000005", "金华市某某贸易有限公司", { 物流公司: "圆通速递", 运单号: "YT1000000000001" }),
  line("配件"),
  ["合计", null, null, null, null, 6000],
];

describe("scoreLedger", () => {
  const whole = readLedger(cells, { settings });
  const expected = scoreOrders(
    whole.results.flatMap((r) => (r.ok ? [r.order] : [])),
    { settings, fields: new Set(Object.keys(whole.header.byField)) },
  );

  it.each([1, 2, 3, 5, undefined])(
    "gives readLedger's rows and scoreOrders' verdicts in chunks of %s",
    (chunkRows) => {
      const scored = scoreLedger(cells, { settings, chunkRows });
      expect(scored.headerRowIndex).toBe(1);
      expect(scored.results).toEqual(whole.results);
      expect(scored.verdicts.filter((v) => v !== undefined)).toEqual(expected);
      expect(scored.verdicts.map((v, i) => (v === undefined) === !scored.results[i]?.ok)).not.toContain(
        false,
      );
    },
  );

  it("flags a tracking number on the first order that used it when the second seller comes chunks later", () => {
    const scored = scoreLedger(cells, { settings, chunkRows: 1 });
    const reusedRows = scored.results.flatMap((r, i) =>
      r.ok && scored.verdicts[i]?.reasons.some((x) => x.code === "tracking_reused") ? [r.order.row] : [],
    );
    // Rows 3-5 are the first order and its two lines; rows 11-12 the later order and its line.
    expect(reusedRows).toEqual([3, 4, 5, 11, 12]);
  });

  it("keeps an order's continuation lines with it even in chunks of one row", () => {
    const scored = scoreLedger(cells, { settings, chunkRows: 1 });
    const fourth = scored.results.find((r) => r.ok && r.order.row === 4);
    expect(fourth).toMatchObject({
      ok: true,
      order: { orderId: "3700000000000000001", trackingNumber: "YT1000000000001" },
    });
    // The order with an unreadable cell is scored all the same, the cell named among its reasons,
    // and the line under it is read with it.
    const withIssues = scored.results.filter((r) => r.order.issues !== undefined).map((r) => r.order.row);
    expect(withIssues).toEqual([8]);
    const eighth = scored.results.findIndex((r) => r.order.row === 8);
    expect(scored.verdicts[eighth]?.reasons).toContainEqual(
      expect.objectContaining({ rule: "input", code: "unreadable_cell", points: 0 }),
    );
    expect(scored.results.find((r) => r.order.row === 9)?.order.orderId).toBe("3700000000000000003");
  });

  it("scores against the blacklist it is given", () => {
    const blacklist = buildBlacklist([["供应商名称"], ["金华市某某贸易有限公司"]]);
    const scored = scoreLedger(cells, { settings, blacklist, chunkRows: 2 });
    const listed = scored.results.flatMap((r, i) =>
      r.ok && scored.verdicts[i]?.score === 100 ? [r.order.row] : [],
    );
    expect(listed).toEqual([11, 12]);
  });

  it("finds nothing to score without a header row", () => {
    expect(scoreLedger([["hello"], [1, 2]], { settings })).toMatchObject({
      headerRowIndex: -1,
      results: [],
      verdicts: [],
    });
  });
});

describe("scoreLedger on a ledger whose price column carries its unit", () => {
  it.each<[string, CellValue[]]>([
    ["English", ["Order No", "Supplier", "Qty (pcs)", "Unit (USD)", "Market price/pc (USD)"]],
    ["Chinese", ["订单号", "供应商", "采购数量/个", "成本/个", "参考价(元/个)"]],
  ])("runs the price check on the %s headers", (_lang, headers) => {
    const cells: CellValue[][] = [headers, ["A1", "Yiwu Hongda Trading Co.", 200, "2.10", "4.00"]];
    const { verdicts } = scoreLedger(cells, { settings });
    expect(verdicts[0]?.reasons.map((r) => r.rule)).toContain("price");
  });
});
