/** Reading and writing the files the `guard` command line works on. */
// Reading delimited text: whole (decodeText, parseDelimited) or as a stream of rows (readDelimitedRows).
export * from "./csv";
export { readTable, tableFormat, assertReadableFile, readFileBytes } from "./table";
export type { Table, ReadTableOptions, TableFormat } from "./table";
export { readXlsx, openWorkbook } from "./xlsx";
export type { XlsxTable } from "./xlsx";
