import { AppError, type FieldError } from "../kernel/errors";
import { CsvSyntaxError, parseCsv } from "./csv";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ImportKind } from "./schemas";

/** One data row: its number (from 1) and its cells by column name, or why it cannot be read. */
export interface TableRow {
  row: number;
  cells: Record<string, string>;
  error?: string;
}

/** A header name as matched: without spaces, lower case. */
const columnKey = (name: string) => name.replace(/\s+/g, "").toLowerCase();

const invalidCsv = (errors: FieldError[]) => new AppError("validation_failed", "The CSV cannot be imported", { errors });

/**
 * Parses the CSV and checks its header against the kind's columns (names matched ignoring case and
 * spaces: "Student first name" is studentFirstName): an unknown, repeated or missing required column is a 422 naming it. Blank
 * rows are skipped and not counted; a row with more or fewer fields than the header is reported as
 * failed (row-level), not rejected as a whole.
 */
export function readTable(kind: ImportKind, csv: string): TableRow[] {
  let records: string[][];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw invalidCsv([{ path: "csv", message: error.message }]);
    throw error;
  }
  const [header, ...data] = records;
  if (!header || header.every((cell) => cell.trim() === "")) throw invalidCsv([{ path: "csv", message: "must start with a header row" }]);

  const { required, optional } = IMPORT_COLUMNS[kind];
  const known = new Map<string, string>([...required, ...optional].map((name) => [columnKey(name), name]));
  const columns: string[] = [];
  const errors: FieldError[] = [];
  for (const cell of header) {
    const name = known.get(columnKey(cell));
    if (!name) errors.push({ path: "csv", message: `unknown column "${cell.trim()}"; ${kind} columns are ${[...required, ...optional].join(", ")}` });
    else if (columns.includes(name)) errors.push({ path: "csv", message: `column "${name}" appears twice` });
    columns.push(name ?? "");
  }
  for (const name of required) {
    if (!columns.includes(name)) errors.push({ path: "csv", message: `missing required column "${name}"` });
  }
  if (errors.length > 0) throw invalidCsv(errors);

  const rows = data.filter((record) => record.some((cell) => cell.trim() !== ""));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw invalidCsv([{ path: "csv", message: `has ${rows.length} data rows; at most ${MAX_IMPORT_ROWS} per import` }]);
  }
  return rows.map((record, index) => {
    const row = index + 1;
    if (record.length !== columns.length) {
      return { row, cells: {}, error: `has ${record.length} fields; the header has ${columns.length}` };
    }
    return { row, cells: Object.fromEntries(columns.map((name, i) => [name, record[i]!])) };
  });
}
