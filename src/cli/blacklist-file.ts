import type { CellValue, Lang } from "../rules/types";
import { buildBlacklist, type BlacklistIndex } from "../rules/blacklist";
import { CliError, formatLocation } from "./errors";
import { decodeText, parseDelimited, readFileBytes, readTable, sniffDelimiter, tableFormat } from "./io";

/**
 * The --blacklist file, refused unless it holds entries. An empty file, binary data (random
 * bytes, UTF-16 without a byte-order mark, an xlsx workbook renamed .csv), text in an
 * encoding the reader does not take (Big5), a cell longer than Excel holds, or a table
 * where no row names a supplier, shop link, member id or USCC would otherwise be read as a
 * blacklist that matches nothing: exit 2, "no blacklist entries in FILE", and why.
 */

/** The most characters an Excel cell holds, and the most columns a sheet has. */
const MAX_CELL = 32767;
const MAX_COLUMNS = 16384;
/** Bytes 32,767 characters take at most (four a character in UTF-8 and GB18030). */
const MAX_CELL_BYTES = MAX_CELL * 4;

function refuse(file: string, lang: Lang, en: string, zh: string): CliError {
  return new CliError(
    lang === "zh" ? `${file} 中没有黑名单记录：${zh}` : `no blacklist entries in ${file}: ${en}`,
  );
}

/** Whether the bytes are binary data: a NUL or other control characters, which text has none of. */
function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1 << 16);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) controls++;
  }
  return controls > 0;
}

/** A zip archive (an xlsx workbook) starts "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Whether bytes that are not UTF-8 look like Big5 rather than GBK: simplified Chinese in
 * GBK keeps both bytes of a character at 0xA1 or above (GB 2312); Big5 puts the second
 * byte of about half its characters in 0x40-0x7E, where GBK has only rare characters.
 */
function looksLikeBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let low = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // a four-byte GB18030 sequence
      continue;
    }
    pairs++;
    if (trail < 0xa1) low++;
    i++;
  }
  return pairs >= 4 && low / pairs > 0.25;
}

/**
 * Finds a cell longer than Excel holds, or a row wider than a sheet, before the file is
 * parsed, in one pass over its bytes: a run of MAX_CELL_BYTES without a separator or line
 * break, or more than MAX_COLUMNS separators on a line. Gives the 1-based row and column
 * (quotes ignored).
 */
function overlong(
  bytes: Uint8Array,
  delimiter: number,
): { row: number; column: number; wide: boolean } | undefined {
  let row = 1;
  let column = 1;
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || b === 0x0d) {
      if (!(b === 0x0a && bytes[i - 1] === 0x0d)) row++;
      column = 1;
      run = 0;
    } else if (b === delimiter) {
      if (++column > MAX_COLUMNS) return { row, column, wide: true };
      run = 0;
    } else if (++run > MAX_CELL_BYTES) return { row, column, wide: false };
  }
  return undefined;
}

function tooLong(file: string, lang: Lang, row: number, column: number): CliError {
  const at = formatLocation({ file, row, column });
  return lang === "zh"
    ? new CliError(`${at}：单元格超过 Excel 单元格的上限（${MAX_CELL} 个字符）；黑名单未读取`)
    : new CliError(
        `${at}: a cell longer than an Excel cell holds (${MAX_CELL} characters); blacklist not read`,
      );
}

function tooWide(file: string, lang: Lang, row: number): CliError {
  const at = formatLocation({ file, row });
  return lang === "zh"
    ? new CliError(`${at}：超过 Excel 工作表的 ${MAX_COLUMNS} 列；黑名单未读取`)
    : new CliError(`${at}: more than the ${MAX_COLUMNS} columns an Excel sheet has; blacklist not read`);
}

/** Cells of a csv/tsv blacklist, after the checks on its bytes. */
async function delimitedCells(file: string, lang: Lang, tsv: boolean): Promise<CellValue[][]> {
  const bytes = await readFileBytes(file);
  if (bytes.length === 0) throw refuse(file, lang, "the file is empty", "文件为空");
  if (isZip(bytes)) {
    throw refuse(
      file,
      lang,
      "it is an xlsx workbook (a zip archive) under a text file's name; rename it .xlsx",
      "这是改了扩展名的 xlsx 工作簿（zip 压缩包）；请改回 .xlsx",
    );
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && isBinary(bytes)) {
    throw refuse(
      file,
      lang,
      'binary data, not text (UTF-16 without a byte-order mark?); save it from Excel as "CSV UTF-8"',
      "是二进制数据而不是文本（可能是没有字节顺序标记的 UTF-16）；请在 Excel 中另存为“CSV UTF-8”",
    );
  }
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1 << 16));
  const delimiter = tsv ? 0x09 : sniffDelimiter(head).charCodeAt(0);
  if (!utf16) {
    const long = overlong(bytes, delimiter);
    if (long) throw long.wide ? tooWide(file, lang, long.row) : tooLong(file, lang, long.row, long.column);
  }
  const text = decodeText(bytes);
  let utf8 = true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    utf8 = false;
  }
  if (text.includes("\ufffd") || (!utf8 && !utf16 && looksLikeBig5(bytes))) {
    throw refuse(
      file,
      lang,
      'the text is not UTF-8, UTF-16 or GBK (Big5?); save it from Excel as "CSV UTF-8"',
      "文本不是 UTF-8、UTF-16 或 GBK 编码（可能是 Big5）；请在 Excel 中另存为“CSV UTF-8”",
    );
  }
  return parseDelimited(text, tsv ? { delimiter: "\t" } : {});
}

/** Reads --blacklist into a matching index; refuses a file with no entries (exit 2). */
export async function loadBlacklist(file: string, lang: Lang = "en"): Promise<BlacklistIndex> {
  const format = tableFormat(file);
  const cells =
    format === "xlsx" ? (await readTable(file)).cells : await delimitedCells(file, lang, format === "tsv");
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r] ?? [];
    if (row.length > MAX_COLUMNS) throw tooWide(file, lang, r + 1);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.length > MAX_CELL) throw tooLong(file, lang, r + 1, c + 1);
    }
  }
  const index = buildBlacklist(cells);
  if (index.size === 0) {
    throw refuse(
      file,
      lang,
      "no row names a supplier, shop link, member id or USCC",
      "没有一行写有供应商、店铺链接、会员名或统一社会信用代码",
    );
  }
  return index;
}
