import { asUser, type SessionContext } from "./session";

export interface UndeliverableAddress {
  email: string;
  reason: "bounce" | "complaint";
  /** An admin may try it again (a bounce of this studio's own mail). */
  retryable: boolean;
}

/**
 * Which of a person's addresses no longer get mail (one API call; none without addresses). Null
 * when the session is gone; an answer other than 200 shows no warning rather than breaking the page.
 */
export async function undeliverableAmong(ctx: SessionContext, studioId: string, emails: (string | null | undefined)[]): Promise<UndeliverableAddress[] | null> {
  const wanted = [...new Set(emails.filter((e): e is string => Boolean(e?.trim())).map((e) => e.trim().toLowerCase()))].slice(0, 20);
  if (wanted.length === 0) return [];
  const result = await asUser(ctx, (c) =>
    c.v1.studios[":studioId"]["email-delivery"].undeliverable.$get({ param: { studioId }, query: { emails: wanted.join(",") } }),
  );
  if (!result) return null;
  return result.ok ? result.data.items : [];
}

/** "Try this address again" (admins): the form's `email`, a bounce of this studio's own mail. */
export function retryAddress(ctx: SessionContext, studioId: string, form: FormData) {
  const email = String(form.get("email") ?? "").trim();
  return asUser(ctx, (c) => c.v1.studios[":studioId"]["email-delivery"].undeliverable[":email"].retry.$post({ param: { studioId, email } }));
}
