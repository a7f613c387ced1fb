import { PartSink } from "../../src/xlsx/part-sink";
import type { EntryStream } from "../../src/xlsx/zip-write";

/** An entry that keeps what it is given, and whether each buffer was handed over. */
function entry(): EntryStream & { got: Buffer[]; owned: boolean[] } {
  const got: Buffer[] = [];
  const owned: boolean[] = [];
  return {
    got,
    owned,
    write(chunk: string | Buffer, own?: boolean) {
      got.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      owned.push(own === true);
      return undefined;
    },
    end: () => Promise.resolve(),
  };
}

describe("PartSink", () => {
  it("gathers texts (as UTF-8) and bytes in order, in full buffers handed over whole", async () => {
    const e = entry();
    const sink = new PartSink(e, 16);
    const parts: Array<string | Uint8Array> = [
      "<row>",
      Buffer.from('<c r="A1"/>'),
      "供应商¥",
      "",
      Buffer.alloc(0),
    ];
    for (let i = 0; i < 20; i++) parts.push(i % 2 ? `<v>${i}</v>` : Buffer.from(`<c r="B${i}"/>`));
    parts.push("x".repeat(40), Buffer.from("y".repeat(40)), "</row>");
    const ranged = Buffer.from('<row r="9" spans="1:3"><c r="A9"/></row>');
    let expected = "";
    for (const p of parts) {
      if (typeof p === "string") sink.text(p);
      else sink.bytes(p);
      expected += typeof p === "string" ? p : Buffer.from(p).toString("utf8");
      if (sink.ready) await sink.flush();
    }
    // Runs of bytes, short (copied by hand) and long (as a view).
    sink.range(ranged, 0, 5);
    sink.range(ranged, 5, 5);
    sink.range(ranged, 5, ranged.length);
    expected += ranged.toString("latin1");
    await sink.end();
    expect(Buffer.concat(e.got).toString("utf8")).toBe(expected);
    expect(e.owned.every(Boolean)).toBe(true);
    // No buffer is written to after it is handed over: each holds at most its size, or one piece.
    expect(e.got.every((b) => b.length <= 16 || b.length === 40 || b.length === ranged.length - 5)).toBe(
      true,
    );
  });

  it("hands over nothing for nothing", async () => {
    const e = entry();
    const sink = new PartSink(e, 16);
    expect(sink.ready).toBe(false);
    await sink.end();
    expect(e.got).toHaveLength(0);
  });
});
