import { itemOf, readTogether } from "../kernel/db/read-together";
import { assertMay, isStudioAdmin, loadStudioMember, type Actor } from "../policy";
import { emailDeliveryDb } from "./email-delivery-db";
import type { UndeliverableQuery } from "./schemas";

/**
 * Which of the addresses a staff page shows no longer get mail (a permanent bounce or a
 * complaint), for a warning next to the person: one BatchGetItem. Admins and teachers. The
 * address is a fact across studios (as SES's suppression list is); the server's diagnostic is
 * shown only to the studio whose message caused it.
 */
export async function undeliverableAmong(actor: Actor, studioId: string, query: UndeliverableQuery) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "email-delivery.check");
  const { undeliverableAddress } = emailDeliveryDb().entities;
  const found = await readTogether(...query.emails.map((email) => itemOf(undeliverableAddress, { email })));
  return {
    items: found.flatMap((record) =>
      record
        ? [
            {
              email: record.email,
              reason: record.reason,
              at: record.at,
              detail: record.scope === studioId ? (record.diagnostic ?? null) : null,
              /** An admin may try a bounce of this studio's own mail again (retry-address.ts). */
              retryable: isStudioAdmin(member) && record.reason === "bounce" && record.scope === studioId,
            },
          ]
        : [],
    ),
  };
}
