import { config } from "../kernel/config";
import { itemOf } from "../kernel/db/read-together";
import { db } from "../db";
import { AppError } from "../kernel/errors";
import { confirmNewEmailMessage, emailChangeRequestedMessage, emailChangeTakenMessage } from "../email";
import { ACCOUNTS_SCOPE, outboxEmail } from "../outbox";
import type { Actor } from "../policy";
import { countAttempt, counterKey, counterRead, isExhausted, LIMITS } from "../rate-limit";
import type { ChangeEmailInput } from "./account-schemas";
import { liveLogin } from "./email-claim";
import { LINK_LIFETIME_SECONDS, newEmailLink } from "./email-links";
import { assertCurrentPassword, readLoginForChange } from "./password-check";

/**
 * Asks to move the login to another address (current password required). The new address gets a
 * single-use link (the change happens only when it is opened, confirm-email-change.ts), the old
 * one a notice. An address that already has an account is refused without telling the requester:
 * the answer is the same 202, and that address gets a notice instead of a link. Mail to the new
 * address counts against its per-recipient limit; past it nothing more is sent.
 */
export async function requestEmailChange(actor: Actor, input: ChangeEmailInput, now = Date.now()) {
  const perRecipient = counterKey(LIMITS.emailLinksPerEmail, input.email, now);
  const { user, login, failures, extra } = await readLoginForChange(actor, (loginEmail) =>
    loginEmail === input.email ? [] : [itemOf(db().entities.credential, { email: input.email }), counterRead(perRecipient)],
  );
  await assertCurrentPassword(input.currentPassword, login.passwordHash, failures);
  if (input.email === login.email) {
    throw new AppError("validation_failed", "That is already the account's email", {
      errors: [{ path: "email", message: "is already your email address" }],
    });
  }
  const [existing, sent] = extra as [Parameters<typeof liveLogin>[0], { count?: number } | null];
  if (isExhausted({ key: perRecipient, count: sent?.count })) return;

  const taken = Boolean(liveLogin(existing, now));
  const link = taken
    ? undefined
    : newEmailLink("change_email", { userId: actor.userId, email: login.email, sessionEpoch: login.sessionEpoch }, now, input.email);
  const { webUrl } = config();
  const outcome = await db()
    .transaction.write((tx) => [
      countAttempt(tx, perRecipient),
      ...(link
        ? [
            link.write(tx),
            outboxEmail(tx, {
              scope: ACCOUNTS_SCOPE,
              messageId: `change_email#${link.linkId}`,
              to: input.email,
              email: confirmNewEmailMessage({ name: user.name, url: link.url, validHours: LINK_LIFETIME_SECONDS.change_email / 3600 }),
            }),
            outboxEmail(tx, {
              scope: ACCOUNTS_SCOPE,
              messageId: `change_email_notice#${link.linkId}`,
              to: login.email,
              email: emailChangeRequestedMessage({ name: user.name, newEmail: input.email, resetUrl: `${webUrl}/forgot-password` }),
            }),
          ]
        : [
            outboxEmail(tx, {
              scope: ACCOUNTS_SCOPE,
              messageId: `change_email_taken#${perRecipient.bucket}#${perRecipient.window}#${(sent?.count ?? 0) + 1}`,
              to: input.email,
              email: emailChangeTakenMessage({ loginUrl: `${webUrl}/login` }),
            }),
          ]),
    ])
    .go();
  // A concurrent request for the same address took the same counter value: one notice is enough.
  if (outcome.canceled && !taken) throw new Error(`Email change transaction cancelled: ${outcome.data.map((d: { code: string }) => d.code).join(",")}`);
}
