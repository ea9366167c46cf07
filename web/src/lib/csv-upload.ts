import { MAX_CSV_BYTES } from "@studiosync/core/imports";
import { field } from "./form";

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
