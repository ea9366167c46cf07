import type { AstroGlobal } from "astro";
import { api, visitorIp } from "./api";
import { call } from "./call";
import { field, optionalField, readForm } from "./form";
import { idempotencyHeader } from "./idempotency";
import { fieldErrors, problemMessage, type FieldErrors } from "./problem";

export const JOIN_ROLES = [
  { value: "student", label: "Student" },
  { value: "parent", label: "Parent of a student" },
  { value: "teacher", label: "Teacher" },
] as const;
type JoinRole = (typeof JOIN_ROLES)[number]["value"];

export const JOIN_FIELDS = ["firstName", "lastName", "email", "role", "message"] as const;

export interface JoinFormState {
  values: Record<string, string>;
  sent: boolean;
  errors: FieldErrors;
  formError?: string;
}

/**
 * The "ask to join" form of a studio's public page: on POST, send the request to the studio.
 * The API answers 202 whatever happens next, so "sent" says no more than "received".
 */
export async function handleJoinForm(astro: AstroGlobal, slug: string): Promise<JoinFormState> {
  const values: Record<string, string> = { role: "student" };
  if (astro.request.method !== "POST") return { values, sent: false, errors: {} };
  const form = await readForm(astro.request);
  for (const name of JOIN_FIELDS) values[name] = field(form, name);
  const result = await call(
    api(undefined, visitorIp(astro)).v1.public.studios[":slug"]["access-requests"].$post({
      param: { slug },
      // The form's own key: a double-clicked or re-sent submission makes one request and one set of emails.
      header: idempotencyHeader(form),
      json: {
        firstName: values.firstName!,
        lastName: values.lastName!,
        email: values.email!,
        role: values.role as JoinRole,
        message: optionalField(form, "message"),
      },
    }),
  );
  if (result.ok) return { values, sent: true, errors: {} };
  if (result.status >= 500) throw new Error(`Access request for ${slug}: API answered ${result.status}`);
  astro.response.status = result.status;
  const formError = result.status === 429 ? "Too many requests from here just now. Please try again later." : problemMessage(result.problem, JOIN_FIELDS);
  return { values, sent: false, errors: fieldErrors(result.problem), formError };
}
