/** Reading and writing the files the `guard` command line works on. */
export {
  decodeText,
  parseDelimited,
  readDelimitedChunks,
  readDelimitedRows,
  sniffDelimiter,
  textEncodingOf,
} from "./csv";
export type {
  Delimiter,
  DelimitedRow,
  ParseDelimitedOptions,
  ReadDelimitedOptions,
  TextEncoding,
} from "./csv";
export { readTable, tableFormat, assertReadableFile, readFileBytes } from "./table";
export type { Table, ReadTableOptions, TableFormat } from "./table";
export {
  loadWorkbook,
  pickWorksheet,
  worksheetCells,
  rowValues,
  readXlsx,
  streamWorkbook,
  toCellValue,
} from "./xlsx";
export type { StreamedRow, StreamedSheet, StreamWorkbookOptions, XlsxTable } from "./xlsx";
