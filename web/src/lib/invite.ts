import type { AstroGlobal } from "astro";
import { field } from "./form";
import { idempotencyHeader } from "./idempotency";
import { asUser } from "./session";

export type InviteLinks =
  | { role: "student"; studentId: string }
  | { role: "teacher"; teacherId: string }
  | { role: "parent"; guardianId: string; familyId: string };

/** Sends the invitation of a record's person (the form's `inviteEmail`); null when signed out. */
export function inviteFromRecord(astro: AstroGlobal, studioId: string, form: FormData, links: InviteLinks) {
  return asUser(astro, (c) =>
    c.v1.studios[":studioId"].invitations.$post({
      param: { studioId },
      header: idempotencyHeader(form),
      json: { email: field(form, "inviteEmail"), ...links },
    }),
  );
}
