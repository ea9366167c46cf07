export { importPeople } from "./import-people";
export { parseCsv, CsvSyntaxError } from "./csv";
export * from "./schemas";
