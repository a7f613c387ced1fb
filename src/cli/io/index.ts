/** Reading and writing the files the `guard` command line works on. */
// Reading delimited text: whole (decodeText, parseDelimited) or as a stream of rows (readDelimitedRows).
export * from "./csv";
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
