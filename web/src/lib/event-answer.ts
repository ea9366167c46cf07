import type { AstroGlobal } from "astro";
import { asEvents, rsvpOf } from "./events";
import { readForm } from "./form";
import { problemMessage } from "./problem";
import type { SessionContext } from "./session";
import { loginRedirect } from "./workspace";

/** What an answer form's POST did on a workspace or portal event page: answered, or why not (for that person's form). */
async function answerFromPage(ctx: SessionContext, studioId: string, eventId: string, form: FormData) {
  const { person, answer, guests } = rsvpOf(form);
  if (!answer) return { kind: "invalid" as const, status: 422, person, message: "Choose yes, maybe or no." };
  if (guests < 0) return { kind: "invalid" as const, status: 422, person, message: "Give the number of guests (0 or more)." };
  const done = await asEvents(ctx, (c) =>
    c.v1.studios[":studioId"].events[":eventId"].rsvp.$put({ param: { studioId, eventId }, json: { person, answer, guests } }),
  );
  if (!done) return { kind: "signedOut" as const };
  if (done.ok) return { kind: "answered" as const };
  if (done.status >= 500) throw new Error(`PUT rsvp answered ${done.status}`);
  return { kind: "invalid" as const, status: done.status, person, message: problemMessage(done.problem) };
}

/**
 * An event page's POST (workspace or portal): the answer made, then back to `here` (or to sign
 * in); or, refused, the person's form and the reason to show again (the status set). Null for a GET.
 */
export async function answerPost(
  astro: AstroGlobal,
  studioId: string,
  eventId: string,
  here: string,
): Promise<Response | { person: string; message: string } | null> {
  if (astro.request.method !== "POST") return null;
  const done = await answerFromPage(astro, studioId, eventId, await readForm(astro.request));
  if (done.kind === "signedOut") return loginRedirect(astro);
  if (done.kind === "answered") return astro.redirect(`${here}?saved=answered`, 303);
  astro.response.status = done.status;
  return { person: done.person, message: done.message };
}
