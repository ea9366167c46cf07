import { createHash } from "node:crypto";
import type { ZodError } from "zod";
import { IMPORT_COLUMNS, type ImportFieldError, type ImportKind } from "./schemas";

/** A row's cells as a create body: empty cells are left out (the field is not set). */
export const nonEmptyCells = (cells: Record<string, string>) => Object.fromEntries(Object.entries(cells).filter(([, value]) => value.trim() !== ""));

/** zod issues → the row's field errors, named like the columns (the same wording as the API's 422s). */
export const fieldErrors = (error: ZodError): ImportFieldError[] =>
  error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "row",
    message: issue.code === "invalid_type" && issue.received === "undefined" ? "is required" : issue.message,
  }));

/**
 * The import hash of a valid row: sha256 over the studio, the kind and the row's normalised values
 * (after the create schema trimmed them and lower-cased emails) in the kind's column order, so the
 * same row is recognised whatever the column order, spacing or email case of the file.
 */
export function importHash(studioId: string, kind: ImportKind, values: Record<string, unknown>): string {
  const { required, optional } = IMPORT_COLUMNS[kind];
  const normalised = [...required, ...optional].map((column) => values[column] ?? null);
  return createHash("sha256")
    .update(JSON.stringify([studioId, kind, normalised]))
    .digest("base64url");
}
