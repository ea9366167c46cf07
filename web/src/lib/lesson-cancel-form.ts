import type { AstroGlobal } from "astro";
import { field, readForm } from "./form";
import { idempotencyHeader } from "./idempotency";
import { fieldErrors, problemMessage } from "./problem";
import { asUser } from "./session";
import { loginRedirect } from "./workspace";

/** A cancel page's form as it stands: the reason typed, and why it was refused. */
export interface CancelForm {
  reason: string;
  reasonError?: string;
  failure?: string;
}

/**
 * A cancel page's POST (a GET has nothing to do), for staff and families alike: a reason is
 * required (`reasonHint` says who reads it); the cancellation is sent once (idempotency key) and
 * the page goes back to the lesson, or stays with the refusal shown under the reason or on top.
 */
export async function submitCancellation(
  astro: AstroGlobal,
  target: { studioId: string; lessonId: string; by?: "studio" | "student" },
  back: string,
  reasonHint: string,
): Promise<CancelForm | Response> {
  if (astro.request.method !== "POST") return { reason: "" };
  const form = await readForm(astro.request);
  const reason = field(form, "reason");
  if (!reason) {
    astro.response.status = 422;
    return { reason, reasonError: `Say why, in a few words: ${reasonHint}` };
  }
  const { by, ...param } = target;
  const result = await asUser(astro, (c) =>
    c.v1.studios[":studioId"].lessons[":lessonId"].cancel.$post({ param, header: idempotencyHeader(form), json: { reason, ...(by ? { by } : {}) } }),
  );
  if (!result) return loginRedirect(astro);
  if (result.ok) return astro.redirect(`${back}?saved=cancelled`, 303);
  if (result.status >= 500) throw new Error(`Cancelling answered ${result.status}`);
  if (result.status === 404) return astro.rewrite("/404");
  astro.response.status = result.status;
  const reasonError = fieldErrors(result.problem).reason;
  return { reason, reasonError, failure: reasonError ? undefined : problemMessage(result.problem, ["reason"]) };
}
