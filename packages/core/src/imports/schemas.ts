import { z } from "zod";

const utf8 = new TextEncoder();

export { IMPORT_KINDS, type ImportKind } from "./import-kinds";
import type { ImportKind } from "./import-kinds";
export const PEOPLE_IMPORT_KINDS = ["students", "families"] as const;
export type PeopleImportKind = (typeof PEOPLE_IMPORT_KINDS)[number];

/** The API's body limit is 64 KB; the CSV gets 60 KB of it (UTF-8 bytes). Split larger files. */
export const MAX_CSV_BYTES = 60 * 1024;
/** Data rows of one import (each becomes up to one record). */
export const MAX_IMPORT_ROWS = 1000;

/** The columns a CSV of each kind may have (header names, matched ignoring case and spaces); the first ones are required. */
export const IMPORT_COLUMNS = {
  students: {
    required: ["firstName", "lastName"],
    optional: ["email", "phone", "instrument", "skillLevel", "dateOfBirth", "enrollmentDate", "notes", "familyName"],
  },
  families: { required: ["name"], optional: ["billingEmail", "phone", "address", "notes"] },
  leads: {
    required: ["studentFirstName", "studentLastName", "contactName"],
    optional: ["contactEmail", "contactPhone", "instrument", "level", "age", "source", "stage", "tags", "message", "notes", "assignedTeacher"],
  },
} as const satisfies Record<ImportKind, { required: readonly string[]; optional: readonly string[] }>;

/** An import's CSV text: at most MAX_CSV_BYTES UTF-8 bytes (describe its columns where it is used). */
export const csvField = z
  .string({ invalid_type_error: "must be a string" })
  .min(1, "must not be empty")
  .max(MAX_CSV_BYTES, `must be at most ${MAX_CSV_BYTES} bytes (60 KB); split larger files`)
  .refine(
    (csv) => csv.length > MAX_CSV_BYTES || utf8.encode(csv).length <= MAX_CSV_BYTES,
    `must be at most ${MAX_CSV_BYTES} bytes (60 KB); split larger files`,
  );

export const dryRunField = z
  .boolean({ invalid_type_error: "must be true or false" })
  .optional()
  .describe("Validate and report what would happen without writing anything");

export const importRequestSchema = z
  .object({
    kind: z.enum(PEOPLE_IMPORT_KINDS, { errorMap: () => ({ message: `must be one of ${PEOPLE_IMPORT_KINDS.join(", ")}` }) }),
    csv: csvField.describe(
      `RFC 4180 CSV with a header row, at most ${MAX_CSV_BYTES} bytes (60 KB) and ${MAX_IMPORT_ROWS} data rows. ` +
        `students: firstName, lastName (required), email, phone, instrument, skillLevel, dateOfBirth, enrollmentDate, notes, ` +
        `familyName (the exact name of a listed family of the studio). families: name (required), billingEmail, phone, address, notes.`,
    ),
    dryRun: dryRunField,
  })
  .strict();
export type ImportRequest = z.infer<typeof importRequestSchema>;

export interface ImportFieldError {
  field: string;
  message: string;
}

export type ImportRowStatus = "created" | "skipped" | "failed";

/** One data row's outcome; `row` counts data rows from 1 (the header and blank lines are not counted). */
export interface ImportRowResult {
  row: number;
  status: ImportRowStatus;
  /** The created record, or for a skipped row the record an earlier import (or row) created. */
  id?: string;
  errors?: ImportFieldError[];
}

export interface ImportReport<K extends ImportKind = PeopleImportKind, R extends ImportRowResult = ImportRowResult> {
  kind: K;
  dryRun: boolean;
  created: number;
  skipped: number;
  failed: number;
  rows: R[];
}

/** The report of some rows: their outcomes with the count of each. */
export function importReport<K extends ImportKind, R extends ImportRowResult>(kind: K, dryRun: boolean, rows: R[]): ImportReport<K, R> {
  const count = (status: ImportRowStatus) => rows.filter((row) => row.status === status).length;
  return { kind, dryRun, created: count("created"), skipped: count("skipped"), failed: count("failed"), rows };
}
