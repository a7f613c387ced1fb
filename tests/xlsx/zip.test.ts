import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { ENTRY_PIECE_BYTES, ZipError, ZipReader, type ZipEntry } from "../../src/xlsx/zip-read";
import { crc32, PARALLEL_BYTES, ZipWriter } from "../../src/xlsx/zip-write";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "guard-zip-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("ZipWriter and ZipReader", () => {
  it("write deflated parts, whole and streamed, and read them back with their checksums", async () => {
    const file = path.join(dir, "a.zip");
    const zip = new ZipWriter(file);
    await zip.addBuffer("xl/workbook.xml", "<workbook>采购台账 ¥6,688.00</workbook>");
    const stream = zip.addStream("xl/worksheets/sheet1.xml");
    for (let i = 0; i < 2000; i++) await stream.write(`<row r="${i + 1}"><c><v>${i}</v></c></row>`);
    await stream.end();
    await zip.finish();
    const back = await ZipReader.open(file);
    expect(back.entries.map((e) => e.name)).toEqual(["xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
    expect(await back.readText("/XL/Workbook.xml")).toBe("<workbook>采购台账 ¥6,688.00</workbook>");
    const sheet = await back.readEntry(back.entry("xl/worksheets/sheet1.xml")!);
    expect(sheet.toString().split("<row").length - 1).toBe(2000);
    expect(crc32(sheet)).toBe(back.entry("xl/worksheets/sheet1.xml")!.crc32);
    await back.close();
  });

  it("deflate a part expected to be large on a thread of its own, byte for byte, between other parts", async () => {
    const file = path.join(dir, "threaded.zip");
    const zip = new ZipWriter(file);
    await zip.addBuffer("a.xml", "<a/>");
    const stream = zip.addStream("xl/worksheets/sheet1.xml", { expectedSize: PARALLEL_BYTES });
    const rows: string[] = [];
    for (let i = 0; i < 30_000; i++)
      rows.push(`<row r="${i + 1}"><c t="inlineStr"><is><t>供应商${i} ¥${i}.00</t></is></c></row>`);
    // Pieces of every size, text and bytes, some larger than what may be in flight at once.
    await stream.write(rows.slice(0, 10).join(""));
    await stream.write(Buffer.from(rows.slice(10, 20_000).join(""), "utf8"));
    await stream.write("");
    await stream.write(rows.slice(20_000).join("").repeat(1));
    await stream.end();
    await zip.addBuffer("z.xml", "<z/>");
    await zip.finish();
    const back = await ZipReader.open(file);
    expect(back.entries.map((e) => e.name)).toEqual(["a.xml", "xl/worksheets/sheet1.xml", "z.xml"]);
    const sheet = await back.readEntry(back.entry("xl/worksheets/sheet1.xml")!);
    expect(sheet.toString("utf8")).toBe(rows.join(""));
    expect(crc32(sheet)).toBe(back.entry("xl/worksheets/sheet1.xml")!.crc32);
    expect(await back.readText("z.xml")).toBe("<z/>");
    await back.close();
  });

  it("leave the caller's buffers and node's shared buffer pool usable after short writes to the thread", async () => {
    const file = path.join(dir, "short.zip");
    const zip = new ZipWriter(file);
    const stream = zip.addStream("s.xml", { expectedSize: PARALLEL_BYTES });
    const mine = Buffer.from(`<row r="1"/>${"<!---->".repeat(2000)}`, "utf8");
    await stream.write(mine);
    for (let i = 0; i < 500; i++) await stream.write(`<row r="${i + 2}"><c><v>${i}</v></c></row>`);
    await stream.end();
    await zip.finish();
    // The caller's buffer still holds its bytes, and short buffers (from the shared pool) still work.
    expect(mine.toString("utf8")).toBe(`<row r="1"/>${"<!---->".repeat(2000)}`);
    expect(Buffer.from("供应商", "utf8").toString("utf8")).toBe("供应商");
    const back = await ZipReader.open(file);
    const text = (await back.readEntry(back.entry("s.xml")!)).toString("utf8");
    expect(text.startsWith(`<row r="1"/>${"<!---->".repeat(2000)}<row r="2"><c><v>0</v></c></row>`)).toBe(
      true,
    );
    expect(text.split("<row").length - 1).toBe(501);
    await back.close();
  });

  it("stop a part deflated on its own thread when the archive is abandoned", async () => {
    const file = path.join(dir, "abandoned.zip");
    const zip = new ZipWriter(file);
    const stream = zip.addStream("xl/worksheets/sheet1.xml", { expectedSize: PARALLEL_BYTES });
    await stream.write("<row/>".repeat(1000));
    await zip.abort();
    // Nothing keeps running: the test ends (jest reports open handles otherwise).
  });

  it("copy an entry as stored: its compressed bytes are the same", async () => {
    const first = path.join(dir, "b.zip");
    const w = new ZipWriter(first);
    await w.addBuffer("media/image1.png", Buffer.alloc(5000, 7));
    await w.finish();
    const source = await ZipReader.open(first);
    const second = path.join(dir, "c.zip");
    const copy = new ZipWriter(second);
    await copy.copyEntry(source, source.entries[0]!);
    await copy.finish();
    const back = await ZipReader.open(second);
    const raw = async (z: ZipReader): Promise<Buffer> => {
      const chunks: Buffer[] = [];
      for await (const c of await z.openRaw(z.entries[0]!)) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    };
    expect((await raw(back)).equals(await raw(source))).toBe(true);
    expect(back.entries[0]!.crc32).toBe(source.entries[0]!.crc32);
    await Promise.all([source.close(), back.close()]);
  });

  it("read an entry's content in pieces no larger than ENTRY_PIECE_BYTES, deflated or stored", async () => {
    const text = Buffer.from(
      `<row r="1"><c t="inlineStr"><is><t>供应商 ¥6,688.00</t></is></c></row>`.repeat(8000),
    );
    const file = path.join(dir, "pieces.zip");
    const zip = new ZipWriter(file);
    await zip.addBuffer("deflated.xml", text);
    // A stored entry (method 0), as some writers leave small or incompressible parts.
    const stored: ZipEntry = {
      name: "stored.xml",
      nameBytes: Buffer.from("stored.xml"),
      flags: 0,
      method: 0,
      time: 0,
      date: 0,
      crc32: crc32(text),
      compressedSize: text.length,
      size: text.length,
      localOffset: 0,
    };
    const source = { file, openRaw: async () => Readable.from([text]) } as unknown as ZipReader;
    await zip.copyEntry(source, stored);
    await zip.finish();
    const back = await ZipReader.open(file);
    expect(text.length).toBeGreaterThan(ENTRY_PIECE_BYTES * 4);
    for (const entry of back.entries) {
      const pieces: Buffer[] = [];
      for await (const piece of await back.openEntry(entry)) pieces.push(piece as Buffer);
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(ENTRY_PIECE_BYTES);
      expect(Buffer.concat(pieces).equals(text)).toBe(true);
    }
    expect(back.entries.map((e) => e.method)).toEqual([8, 0]);
    // A reader may ask for other pieces (the shared strings, read as bytes, take larger ones).
    for (const entry of back.entries) {
      const sizes: number[] = [];
      for await (const piece of await back.openEntry(entry, undefined, 4096))
        sizes.push((piece as Buffer).length);
      expect(Math.max(...sizes)).toBe(4096);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(text.length);
    }
    await back.close();
  });

  it("stop inflating when the reader stops early, and read the entry again whole", async () => {
    const file = path.join(dir, "early.zip");
    const zip = new ZipWriter(file);
    const text = Buffer.from("<row>供应商 ¥6,688.00</row>".repeat(40_000));
    await zip.addBuffer("sheet.xml", text);
    await zip.finish();
    const back = await ZipReader.open(file);
    const stream = await back.openEntry(back.entries[0]!);
    for await (const piece of stream) {
      expect((piece as Buffer).length).toBe(ENTRY_PIECE_BYTES);
      break;
    }
    expect(stream.destroyed).toBe(true);
    expect((await back.readEntry(back.entries[0]!)).equals(text)).toBe(true);
    await back.close();
  });

  it("write zip64 records past 65,535 entries, and read them", async () => {
    const file = path.join(dir, "many.zip");
    const zip = new ZipWriter(file);
    for (let i = 0; i < 65_600; i++) await zip.addBuffer(`p/${i}.xml`, "x");
    await zip.finish();
    const back = await ZipReader.open(file);
    expect(back.entries.length).toBe(65_600);
    expect((await back.readEntry(back.entry("p/65599.xml")!)).toString()).toBe("x");
    await back.close();
  }, 60000);

  it("write a part that may pass 4 GB with zip64 sizes in its local header", async () => {
    const file = path.join(dir, "large.zip");
    const zip = new ZipWriter(file);
    const s = zip.addStream("big.xml", { large: true });
    await s.write("<a>大</a>");
    await s.end();
    await zip.finish();
    const back = await ZipReader.open(file);
    expect((await back.readEntry(back.entries[0]!)).toString()).toBe("<a>大</a>");
    expect(await back.dataOffset(back.entries[0]!)).toBe(30 + "big.xml".length + 20);
    await back.close();
  });

  it("refuse a file that is not a zip", async () => {
    const file = path.join(dir, "x.zip");
    await writeFile(file, "订单编号,供应商\n1,a\n");
    await expect(ZipReader.open(file)).rejects.toThrow(ZipError);
  });

  it("stop inflating an entry past the size its directory declares", async () => {
    const file = path.join(dir, "lie.zip");
    const zip = new ZipWriter(file);
    await zip.addBuffer("a.xml", "a".repeat(100000));
    await zip.finish();
    const back = await ZipReader.open(file);
    const lying = { ...back.entries[0]!, size: 10 };
    await expect(back.readEntry(lying)).rejects.toThrow(/past the 10 bytes/);
    await back.close();
  });
});
