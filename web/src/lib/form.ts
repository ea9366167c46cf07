/** Reading plain HTML form posts (urlencoded or multipart) in page frontmatter. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}

/** A text field, trimmed; "" when absent. */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** A text field that is left out when blank (so the API applies its default). */
export function optionalField(form: FormData, name: string): string | undefined {
  return field(form, name) || undefined;
}

/** A password: never trimmed, spaces are allowed. */
export function secret(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
