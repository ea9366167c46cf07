import { MAX_CSV_BYTES } from "@studiosync/core/imports";
import type { ApiResult } from "./call";
import { field } from "./form";
import { fieldErrors, problemMessage } from "./problem";

/**
 * The CSV of an import form: the uploaded file when one was chosen, else the pasted text.
 * A file over the API's limit is refused here, with the limit in words.
 */
export async function csvFromForm(form: FormData): Promise<{ csv: string } | { error: string }> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_BYTES)
      return { error: `The file is ${Math.ceil(file.size / 1024)} KB; an import takes up to ${MAX_CSV_BYTES / 1024} KB. Split it into smaller files.` };
    return { csv: await file.text() };
  }
  const pasted = field(form, "csv");
  if (!pasted) return { error: "Choose a CSV file, or paste the rows into the box." };
  return { csv: pasted };
}

/** What an import form's POST shows: the report, or why there is none (the page answers `status`). */
export type ImportOutcome<T> = { report: T } | { status: number; error: string };

/**
 * Reads an import form (csvFromForm, "check only") and sends its CSV; null when the session is
 * gone (the page redirects to the login). A refused file is the API's words about its `csv`.
 */
export async function importFromForm<T>(
  form: FormData,
  send: (csv: string, dryRun: boolean) => Promise<ApiResult<T> | null>,
  knownFields: readonly string[] = ["csv"],
): Promise<ImportOutcome<T> | null> {
  const upload = await csvFromForm(form);
  if ("error" in upload) return { status: 422, error: upload.error };
  const result = await send(upload.csv, form.get("dryRun") === "on");
  if (!result) return null;
  if (result.ok) return { report: result.data };
  const csvError = fieldErrors(result.problem).csv;
  return { status: result.status, error: csvError ? `The file can't be imported: ${csvError}.` : problemMessage(result.problem, knownFields) };
}
