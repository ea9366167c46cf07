import { db } from "../db";
import { openInvitation } from "./open-invitation";

/** What the accept page shows for a link: studio, role, email, and whether it expired. */
export async function previewInvitation(token: string) {
  const { record, studio, expired } = await openInvitation(token);
  const { data: credential } = await db().entities.credential.get({ email: record.email }).go();
  return {
    studio: { name: studio.name, slug: studio.slug },
    role: record.role,
    email: record.email,
    expired,
    validUntil: record.validUntil,
    /**
     * When true, accepting adds the studio to the existing (verified) login: no name or password.
     * An unconfirmed sign-up for the email does not count: the person accepting sets a password.
     */
    accountExists: Boolean(credential?.emailVerifiedAt),
  };
}
