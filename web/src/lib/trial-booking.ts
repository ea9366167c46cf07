import type { AstroGlobal } from "astro";
import { api, visitorIp } from "./api";
import { call } from "./call";
import { field, optionalField, readForm } from "./form";
import { fieldErrors, problemCode, problemMessage, type FieldErrors } from "./problem";
import { PROSPECT_API_FIELDS, PROSPECT_FIELDS, prospectErrors, prospectFromForm, valuesOf } from "./prospect-form";

export interface TrialFormState {
  values: Record<string, string>;
  errors: FieldErrors;
  formError?: string;
}

/** After booking: the teacher page again, saying what was booked and where the confirmation went. */
export const bookedPath = (path: string, booked: { start: string; end: string; email: string }) =>
  `${path}?${new URLSearchParams({ booked: booked.start, until: booked.end, to: booked.email })}`;

/** What the redirect names, when its instants are real. */
export function bookedTrial(url: URL): { start: string; end: string; email: string } | undefined {
  const start = url.searchParams.get("booked");
  const end = url.searchParams.get("until");
  const email = url.searchParams.get("to") ?? "";
  return start && end && !Number.isNaN(Date.parse(start)) && !Number.isNaN(Date.parse(end)) ? { start, end, email } : undefined;
}

/**
 * A teacher page's POST: books the chosen slot for the student, then redirects to the page saying
 * what was booked (reloading it books nothing). A refused booking keeps what was typed, with the
 * errors under their fields; a slot taken meanwhile says so above the other times.
 */
export async function handleTrialBooking(astro: AstroGlobal, slug: string, teacherId: string): Promise<TrialFormState | Response> {
  if (astro.request.method !== "POST") return { values: {}, errors: {} };
  const form = await readForm(astro.request);
  const values = valuesOf(form, [...PROSPECT_FIELDS, "message", "start", "durationMinutes"]);
  const result = await call(
    api(undefined, visitorIp(astro)).v1.public.studios[":slug"]["trial-bookings"].$post({
      param: { slug },
      json: {
        teacherId,
        durationMinutes: Number(field(form, "durationMinutes")),
        start: field(form, "start"),
        ...prospectFromForm(form),
        ...(optionalField(form, "message") ? { message: optionalField(form, "message") } : {}),
      },
    }),
  );
  if (result.ok) return astro.redirect(bookedPath(astro.url.pathname, result.data), 303);
  if (result.status >= 500) throw new Error(`Trial booking at ${slug}: API answered ${result.status}`);
  astro.response.status = result.status;
  const errors = prospectErrors(fieldErrors(result.problem));
  if (problemCode(result.problem) === "trial.slot_taken") {
    return { values: { ...values, start: "" }, errors: { start: "That time has just been taken: please pick another." } };
  }
  const formError =
    result.status === 429
      ? "Too many bookings from here just now. Please try again later."
      : problemMessage(result.problem, [...PROSPECT_API_FIELDS, "start", "message"]);
  return { values, errors, formError };
}
