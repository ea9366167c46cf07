import { db } from "../db/service";
import { firstRejected } from "../db/transactions";
import { recordIdempotentOutcome } from "../idempotency";
import { resetPasswordMessage, verifyEmailMessage } from "../email";
import { ACCOUNTS_SCOPE, outboxEmail } from "../outbox/outbox-email";
import { countAttempt, LIMITS } from "../rate-limit";
import type { LinkPurpose } from "./email-link.entity";
import { LINK_LIFETIME_SECONDS, newEmailLink } from "./email-links";
import { readCredentialWithinLimits } from "./read-credential";
import type { RequestContext } from "./schemas";

/**
 * "Forgot password" and "resend verification": the answer is the same whether or not the email
 * has an account, and every request counts against per-email and per-IP limits. A retry with the
 * same Idempotency-Key sends nothing again.
 */
export async function requestEmailLink(purpose: LinkPurpose, email: string, context: RequestContext = {}) {
  const { idempotency } = context;
  const { credential, counters, replay } = await readCredentialWithinLimits(
    email,
    { perEmail: LIMITS.emailLinksPerEmail, perIp: LIMITS.emailLinksPerIp },
    context.ip,
    idempotency,
  );
  if (replay) return;
  const wanted = credential && (purpose === "reset_password" || !credential.emailVerifiedAt);
  const link = wanted ? newEmailLink(purpose, credential.userId, email) : undefined;
  const outcome = await db()
    .transaction.write((tx) => [
      ...(idempotency ? [recordIdempotentOutcome(tx, idempotency, 202)] : []),
      ...counters.map((key) => countAttempt(tx, key)),
      ...(link ? [link.write(tx), outboxEmail(tx, { scope: ACCOUNTS_SCOPE, messageId: `${purpose}#${link.linkId}`, to: email, email: message(purpose, link.url) })] : []),
    ])
    .go();
  if (outcome.canceled) {
    // A concurrent duplicate under the same key recorded first: it enqueued the email.
    if (idempotency && firstRejected(outcome) === 0) return;
    throw new Error(`Email link transaction cancelled: ${outcome.data.map((d: { code: string }) => d.code).join(",")}`);
  }
}

function message(purpose: LinkPurpose, url: string) {
  return purpose === "reset_password"
    ? resetPasswordMessage({ name: "there", url, validMinutes: LINK_LIFETIME_SECONDS.reset_password / 60 })
    : verifyEmailMessage({ name: "there", url, validHours: LINK_LIFETIME_SECONDS.verify_email / 3600 });
}
