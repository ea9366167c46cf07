import type { AstroGlobal } from "astro";
import { api, visitorIp } from "./api";
import { call } from "./call";
import { field, readForm } from "./form";
import { idempotencyHeader } from "./idempotency";
import { fieldErrors, problemMessage, type FieldErrors } from "./problem";

export interface EmailLinkFormState {
  email: string;
  sent: boolean;
  errors: FieldErrors;
  formError?: string;
}

/**
 * The "email me a link" forms (forgot password, resend verification): on POST, ask the API to
 * send the link; the API answers the same whether or not the email has an account.
 */
export async function handleEmailLinkForm(
  astro: AstroGlobal,
  route: "forgot-password" | "resend-verification",
  initialEmail = "",
): Promise<EmailLinkFormState> {
  if (astro.request.method !== "POST") return { email: initialEmail, sent: false, errors: {} };
  const form = await readForm(astro.request);
  const email = field(form, "email");
  const request = { header: idempotencyHeader(form), json: { email } };
  const auth = api(undefined, visitorIp(astro)).v1.auth;
  const result = await call(route === "forgot-password" ? auth["forgot-password"].$post(request) : auth["resend-verification"].$post(request));
  if (result.ok) return { email, sent: true, errors: {} };
  astro.response.status = result.status;
  return { email, sent: false, errors: fieldErrors(result.problem), formError: problemMessage(result.problem, ["email"]) };
}
