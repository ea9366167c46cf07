import type { AstroGlobal } from "astro";
import { field, readForm, secret } from "./form";
import { idempotencyHeader } from "./idempotency";
import { fieldErrors, problemMessage, type FieldErrors } from "./problem";
import { asUser, saveSession } from "./session";

/** The forms of the account page; each posts its `intent`. */
export type AccountIntent = "profile" | "email" | "password" | "signout";

export const ACCOUNT_LABELS: Record<AccountIntent, Record<string, string>> = {
  profile: { name: "Name", phone: "Phone" },
  // Two forms on the page ask for the current password: field ids must differ.
  email: { email: "New email address", emailCurrentPassword: "Current password" },
  password: { currentPassword: "Current password", newPassword: "New password" },
  signout: {},
};

/** The one-line confirmations after a saved form (`?saved=`). */
export const SAVED_MESSAGES: Record<string, string> = {
  profile: "Your details are saved.",
  email: "Check the new address's inbox: the change happens when you open the link we sent there.",
  password: "Your password is changed. Every other device has been signed out.",
  signout: "That device has been signed out.",
};

export interface AccountFormResult {
  intent: AccountIntent;
  /** What was typed (never passwords), to show again after an error. */
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
}

/**
 * Handles a POST of the account page: a redirect to `?saved=<intent>` (or to sign in) when it
 * worked, the form's errors otherwise.
 */
export async function handleAccountForm(astro: AstroGlobal): Promise<Response | AccountFormResult> {
  const form = await readForm(astro.request);
  const intent = (["profile", "email", "password", "signout"] as const).find((i) => i === field(form, "intent")) ?? "profile";
  const values: Record<string, string> = {};
  const send = async () => {
    if (intent === "profile") {
      values.name = field(form, "name");
      values.phone = field(form, "phone");
      return asUser(astro, (c) => c.v1.me.$patch({ json: { name: values.name, phone: values.phone || null } }));
    }
    if (intent === "email") {
      values.email = field(form, "email");
      const json = { email: values.email, currentPassword: secret(form, "emailCurrentPassword") };
      return asUser(astro, (c) => c.v1.me.email.$post({ json, header: idempotencyHeader(form) }));
    }
    if (intent === "password") {
      const json = { currentPassword: secret(form, "currentPassword"), newPassword: secret(form, "newPassword") };
      const result = await asUser(astro, (c) => c.v1.me.password.$post({ json }));
      if (result?.ok) saveSession(astro, result.data);
      return result;
    }
    const sessionId = field(form, "sessionId");
    return asUser(astro, (c) => c.v1.me.sessions[":sessionId"].$delete({ param: { sessionId } }));
  };
  const result = await send();
  if (!result) return astro.redirect(`/login?next=${encodeURIComponent("/account")}`, 303);
  if (result.ok) return astro.redirect(`/account?saved=${intent}#${intent}`, 303);
  if (result.status >= 500) throw new Error(`Account ${intent}: the API answered ${result.status}`);
  astro.response.status = result.status;
  const errors = fieldErrors(result.problem);
  if (intent === "email" && errors.currentPassword) {
    errors.emailCurrentPassword = errors.currentPassword;
    delete errors.currentPassword;
  }
  const known = intent === "email" ? ["email", "currentPassword"] : Object.keys(ACCOUNT_LABELS[intent]);
  const message = result.status === 404 && intent === "signout" ? "That device was already signed out." : problemMessage(result.problem, known);
  return { intent, values, errors, message };
}
