export { importPeople } from "./import-people";
export { parseCsv, CsvSyntaxError } from "./csv";
export * from "./schemas";
/** The pieces another module's import is built from (leads): the table, row rules, hashes, claims and writes. */
export { readTable, type TableRow } from "./read-table";
export { fieldErrors, importHash, nonEmptyCells } from "./row-fields";
export { claimsOf, settleRows, type HashedRow } from "./settle-rows";
export type { ClaimTx, NewRecord, PendingRow, RowWrites } from "./write-rows";
