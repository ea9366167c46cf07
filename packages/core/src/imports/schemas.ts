import { z } from "zod";

const utf8 = new TextEncoder();

export const IMPORT_KINDS = ["students", "families"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The API's body limit is 64 KB; the CSV gets 60 KB of it (UTF-8 bytes). Split larger files. */
export const MAX_CSV_BYTES = 60 * 1024;
/** Data rows of one import (each becomes up to one record). */
export const MAX_IMPORT_ROWS = 1000;

/** The columns a CSV of each kind may have (header names, matched ignoring case); the first ones are required. */
export const IMPORT_COLUMNS = {
  students: {
    required: ["firstName", "lastName"],
    optional: ["email", "phone", "instrument", "skillLevel", "dateOfBirth", "enrollmentDate", "notes", "familyName"],
  },
  families: { required: ["name"], optional: ["billingEmail", "phone", "address", "notes"] },
} as const satisfies Record<ImportKind, { required: readonly string[]; optional: readonly string[] }>;

export const importRequestSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS, { errorMap: () => ({ message: `must be one of ${IMPORT_KINDS.join(", ")}` }) }),
    csv: z
      .string({ invalid_type_error: "must be a string" })
      .min(1, "must not be empty")
      .max(MAX_CSV_BYTES, `must be at most ${MAX_CSV_BYTES} bytes (60 KB); split larger files`)
      .refine(
        (csv) => csv.length > MAX_CSV_BYTES || utf8.encode(csv).length <= MAX_CSV_BYTES,
        `must be at most ${MAX_CSV_BYTES} bytes (60 KB); split larger files`,
      )
      .describe(
        `RFC 4180 CSV with a header row, at most ${MAX_CSV_BYTES} bytes (60 KB) and ${MAX_IMPORT_ROWS} data rows. ` +
          `students: firstName, lastName (required), email, phone, instrument, skillLevel, dateOfBirth, enrollmentDate, notes, ` +
          `familyName (the exact name of a listed family of the studio). families: name (required), billingEmail, phone, address, notes.`,
      ),
    dryRun: z.boolean({ invalid_type_error: "must be true or false" }).optional().describe("Validate and report what would happen without writing anything"),
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

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  created: number;
  skipped: number;
  failed: number;
  rows: ImportRowResult[];
}
