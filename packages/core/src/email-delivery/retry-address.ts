import { recordAudit } from "../audit";
import { db } from "../db";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict, notFound } from "../kernel/errors";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import type { RetryAddressInput } from "./schemas";

const missing = () => notFound("Undeliverable address");

/**
 * "Try this address again" (admins): forgets a permanent bounce that this studio's mail caused,
 * after staff checked the address (a full mailbox since emptied, a domain fixed). Audited. Not for
 * complaints: someone who reported our mail as spam is not mailed again on the studio's word. A
 * bounce caused by another studio's mail is not this studio's to clear (404, as if absent).
 */
export async function retryAddress(actor: Actor, studioId: string, input: RetryAddressInput) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "email-delivery.manage");
  const { undeliverableAddress } = db().entities;
  const { data: record } = await undeliverableAddress.get({ email: input.email }).go({ consistent: true });
  if (!record || record.scope !== studioId) throw missing();
  if (record.reason !== "bounce")
    throw conflict("delivery.complained", "This person marked our email as spam, so we don't email them again. Ask them for another address.", "email");
  await commitWrites(db, (tx) => [
    failsWith(
      tx.undeliverableAddress
        .delete({ email: record.email })
        .where((a, op) => `${op.eq(a.reason, "bounce")} AND ${op.eq(a.scope, studioId)}`)
        .commit(),
      missing,
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "email_address.retried",
      entityType: "emailAddress",
      entityId: record.email,
      before: { reason: record.reason, diagnostic: record.diagnostic, at: record.at },
    }),
  ]);
  return { email: record.email };
}
