import type { AstroGlobal } from "astro";
import { api, visitorIp } from "./api";
import { call } from "./call";
import { optionalField, readForm } from "./form";
import { idempotencyHeader } from "./idempotency";
import { fieldErrors, problemMessage, type FieldErrors } from "./problem";
import { PROSPECT_API_FIELDS, PROSPECT_FIELDS, prospectErrors, prospectFromForm, valuesOf } from "./prospect-form";

export interface EnquiryFormState {
  values: Record<string, string>;
  sent: boolean;
  errors: FieldErrors;
  formError?: string;
}

/** The enquiry form of a studio's (or a teacher's) public page: on POST, send it; the studio gets a lead. */
export async function handleEnquiry(astro: AstroGlobal, slug: string): Promise<EnquiryFormState> {
  if (astro.request.method !== "POST") return { values: {}, sent: false, errors: {} };
  const form = await readForm(astro.request);
  const values = valuesOf(form, [...PROSPECT_FIELDS, "availability", "message", "teacherId"]);
  const teacherId = optionalField(form, "teacherId");
  const result = await call(
    api(undefined, visitorIp(astro)).v1.public.studios[":slug"].enquiries.$post({
      param: { slug },
      // The form's own key: a double-clicked or re-sent submission makes one lead and one set of emails.
      header: idempotencyHeader(form),
      json: {
        ...prospectFromForm(form),
        ...(optionalField(form, "availability") ? { availability: optionalField(form, "availability") } : {}),
        ...(optionalField(form, "message") ? { message: optionalField(form, "message") } : {}),
        ...(teacherId ? { teacherId } : {}),
      },
    }),
  );
  if (result.ok) return { values, sent: true, errors: {} };
  if (result.status >= 500) throw new Error(`Enquiry at ${slug}: API answered ${result.status}`);
  astro.response.status = result.status;
  const formError =
    result.status === 429
      ? "Too many enquiries from here just now. Please try again later."
      : problemMessage(result.problem, [...PROSPECT_API_FIELDS, "availability", "message"]);
  return { values, sent: false, errors: prospectErrors(fieldErrors(result.problem)), formError };
}
