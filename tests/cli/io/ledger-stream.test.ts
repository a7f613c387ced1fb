import { streamLedger, type LedgerChunk } from "../../../src/cli/io/ledger-stream";
import type { DelimitedRow } from "../../../src/cli/io/csv";

/** Rows as a csv reader gives them, `per` rows to a chunk. */
async function* chunksOf(cells: (string | null)[][], per: number): AsyncGenerator<DelimitedRow[]> {
  for (let i = 0; i < cells.length; i += per)
    yield cells.slice(i, i + per).map((values, k) => ({ rowNumber: i + k + 1, values }));
}

const HEADER = ["订单编号", "卖家公司名", "实付款(元)"];

async function collect(chunks: AsyncGenerator<LedgerChunk>): Promise<LedgerChunk[]> {
  const out: LedgerChunk[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

describe("streamLedger", () => {
  it("finds the header under a title row and cuts chunks only where an order starts", async () => {
    const cells: (string | null)[][] = [["采购台账"], [null], HEADER];
    for (let i = 0; i < 10; i++) {
      cells.push([`37${i}`, "义乌市佳禾玩具有限公司", "100"]);
      cells.push([null, null, "50"]);
    }
    const ledger = await streamLedger(chunksOf(cells, 3), { chunkRows: 3 });
    expect(ledger?.headerRowIndex).toBe(2);
    expect(ledger?.header.byField.orderId).toBe(0);
    const chunks = await collect(ledger!.chunks);
    expect(chunks.map((c) => c.firstRow)).toEqual([4, 8, 12, 16, 20]);
    expect(chunks.every((c) => c.rows[0]?.[0] !== null)).toBe(true);
    expect(chunks.flatMap((c) => c.rows)).toEqual(cells.slice(3));
  });

  it("gives undefined when no header is in the first 30 rows", async () => {
    const cells = Array.from({ length: 40 }, (_, i) => [String(i), "x"]);
    expect(await streamLedger(chunksOf(cells, 7), { chunkRows: 5 })).toBeUndefined();
  });

  it("reads a header-only file as no rows", async () => {
    const ledger = await streamLedger(chunksOf([HEADER], 1), { chunkRows: 5 });
    expect(await collect(ledger!.chunks)).toEqual([]);
  });
});
