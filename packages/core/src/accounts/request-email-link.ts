import { db } from "../db/service";
import { resetPasswordMessage, sendEmail, verifyEmailMessage } from "../email";
import { countAttempt, LIMITS } from "../rate-limit";
import type { LinkPurpose } from "./email-link.entity";
import { LINK_LIFETIME_SECONDS, newEmailLink } from "./email-links";
import { logFailure } from "./log-failure";
import { readCredentialWithinLimits } from "./read-credential";
import type { RequestContext } from "./schemas";

/**
 * "Forgot password" and "resend verification": the answer is the same whether or not the email
 * has an account, and every request counts against per-email and per-IP limits.
 */
export async function requestEmailLink(purpose: LinkPurpose, email: string, context: RequestContext = {}) {
  const { credential, counters } = await readCredentialWithinLimits(
    email,
    { perEmail: LIMITS.emailLinksPerEmail, perIp: LIMITS.emailLinksPerIp },
    context.ip,
  );
  const wanted = credential && (purpose === "reset_password" || !credential.emailVerifiedAt);
  const link = wanted ? newEmailLink(purpose, credential.userId, email) : undefined;
  await db()
    .transaction.write((tx) => [...counters.map((key) => countAttempt(tx, key)), ...(link ? [link.write(tx)] : [])])
    .go();
  if (link) await sendEmail(email, message(purpose, link.url)).catch((error) => logFailure(`${purpose} email`, error));
}

function message(purpose: LinkPurpose, url: string) {
  return purpose === "reset_password"
    ? resetPasswordMessage({ name: "there", url, validMinutes: LINK_LIFETIME_SECONDS.reset_password / 60 })
    : verifyEmailMessage({ name: "there", url, validHours: LINK_LIFETIME_SECONDS.verify_email / 3600 });
}
