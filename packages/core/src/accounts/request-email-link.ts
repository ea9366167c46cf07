import { db } from "../db";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { recordIdempotentOutcome } from "../idempotency";
import { resetPasswordMessage, verifyEmailMessage } from "../email";
import { ACCOUNTS_SCOPE, outboxEmail } from "../outbox";
import { assertWithinLimits, countAttempt, counterKey, isExhausted, LIMITS } from "../rate-limit";
import type { LinkPurpose } from "./email-link.entity";
import { LINK_LIFETIME_SECONDS, newEmailLink } from "./email-links";
import { readCredentialWithCounters } from "./read-credential";
import type { RequestContext } from "./schemas";

/**
 * "Forgot password" and "resend verification": the answer is the same whether or not the email
 * has an account. An IP past its limit gets 429. An address past its limit gets the same 202 but
 * no further email: the links already sent to it in this window still work (reset links live an
 * hour, verification links two days, the window is an hour), so a stranger's requests only ever fill
 * the owner's inbox up to the cap and never keep the owner from resetting. A retry with the same
 * Idempotency-Key sends nothing again.
 */
export async function requestEmailLink(purpose: LinkPurpose, email: string, context: RequestContext = {}) {
  const { idempotency } = context;
  const perEmailKey = counterKey(LIMITS.emailLinksPerEmail, email);
  const perIpKey = context.ip ? counterKey(LIMITS.emailLinksPerIp, context.ip) : undefined;
  const keys = [perEmailKey, ...(perIpKey ? [perIpKey] : [])];
  const { credential, counters, replay } = await readCredentialWithCounters(email, keys, idempotency);
  if (replay) return;
  const [perEmail, perIp] = counters;
  if (perIp) assertWithinLimits([perIp]);
  const capped = isExhausted(perEmail!);

  const wanted = !capped && credential && (purpose === "reset_password" || !credential.emailVerifiedAt);
  const link = wanted ? newEmailLink(purpose, credential) : undefined;
  // A concurrent duplicate under the same key recorded first: it enqueued the email.
  await commitWritesOr(db, (tx) => [
    ...(idempotency ? [rejectedAs(recordIdempotentOutcome(tx, idempotency, 202), "duplicate")] : []),
    ...keys.map((key) => countAttempt(tx, key)),
    ...(link
      ? [link.write(tx), outboxEmail(tx, { scope: ACCOUNTS_SCOPE, messageId: `${purpose}#${link.linkId}`, to: email, email: message(purpose, link.url) })]
      : []),
  ]);
}

function message(purpose: LinkPurpose, url: string) {
  return purpose === "reset_password"
    ? resetPasswordMessage({ name: "there", url, validMinutes: LINK_LIFETIME_SECONDS.reset_password / 60 })
    : verifyEmailMessage({ name: "there", url, validHours: LINK_LIFETIME_SECONDS.verify_email / 3600 });
}
