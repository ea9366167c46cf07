import { v7 as uuidv7 } from "uuid";
import { db } from "../db";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import { verifyEmailMessage } from "../email";
import { outboxEmail } from "../outbox";
import { slugFromName, toStudio, withSuffix, type StudioRecord } from "../studios";
import { claimEmail } from "./email-claim";
import { LINK_LIFETIME_SECONDS, newEmailLink } from "./email-links";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";

/**
 * Creates the owner's account and the studio in one transaction: login, user, studio, slug claim,
 * owner membership, the verification link and its email (outbox). The email and slug claims make it all-or-nothing. Returns undefined when the email already has an
 * account (the caller decides what to say); a taken explicit slug is a 409.
 */
export async function createAccount(input: SignUpInput, options: { emailVerified?: boolean } = {}) {
  const passwordHash = await hashPassword(input.password);
  const userId = uuidv7();
  const studioId = uuidv7();
  const verifiedAt = options.emailVerified ? new Date().toISOString() : undefined;
  let slug = input.slug ?? slugFromName(input.studioName);

  for (let attempt = 0; ; attempt++) {
    const link = newEmailLink("verify_email", { userId, email: input.email, sessionEpoch: 0 });
    const studio = {
      studioId,
      slug,
      name: input.studioName,
      timeZone: input.timeZone,
      currency: input.currency,
      isActive: true,
      createdBy: userId,
      updatedBy: userId,
    };
    const rejected = await commitWritesOr(db, (tx) => [
      rejectedAs(claimEmail(tx, { email: input.email, userId, passwordHash, emailVerifiedAt: verifiedAt }), "email_taken"),
      rejectedAs(tx.studioSlug.create({ slug, studioId }).commit(), "slug_taken"),
      tx.user.create({ userId, email: input.email, name: input.name, emailVerifiedAt: verifiedAt }).commit(),
      tx.studio.create(studio).commit(),
      tx.membership.create({ studioId, userId, role: "owner", createdBy: userId, updatedBy: userId }).commit(),
      link.write(tx),
      ...(verifiedAt
        ? []
        : [outboxEmail(tx, { scope: studioId, messageId: `verify_email#${link.linkId}`, to: input.email, email: verification(input, link.url) })]),
    ]);
    if (!rejected) {
      const now = new Date().toISOString();
      return {
        user: { id: userId, email: input.email, name: input.name, emailVerified: Boolean(verifiedAt) },
        studio: await toStudio({ ...studio, createdAt: now, updatedAt: now } as StudioRecord),
      };
    }
    if (rejected === "email_taken") return undefined;
    if (!input.slug && attempt < 3) {
      slug = withSuffix(slugFromName(input.studioName));
      continue;
    }
    throw slugTaken();
  }
}

export const slugTaken = () => conflict("studio.slug_taken", "This address is already taken by another studio", "slug");

const verification = (input: SignUpInput, url: string) =>
  verifyEmailMessage({ name: input.name, studioName: input.studioName, url, validHours: LINK_LIFETIME_SECONDS.verify_email / 3600 });
