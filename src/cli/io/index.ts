/** Reading and writing the files the `guard` command line works on. */
export { decodeText, parseDelimited, sniffDelimiter } from "./csv";
export type { Delimiter, ParseDelimitedOptions } from "./csv";
export { readTable, tableFormat, assertReadableFile, readFileBytes } from "./table";
export type { Table, ReadTableOptions, TableFormat } from "./table";
export { readXlsx, openWorkbook } from "./xlsx";
export type { XlsxTable } from "./xlsx";
