import { db } from "../db";
import { commitWrites } from "../kernel/db/commit-writes";
import { accessRequestRejectedMessage, emailBrand } from "../email";
import { outboxEmail } from "../outbox";
import type { Actor } from "../policy";
import { toAccessRequest } from "./access-request-view";
import { loadPendingRequest, reviewWrites } from "./load-access-request";
import type { RejectAccessRequestInput } from "./schemas";

/** Rejects a request, recording who and when (and an optional note, which the requester is emailed). */
export async function rejectAccessRequest(actor: Actor, studioId: string, requestId: string, input: RejectAccessRequestInput) {
  const { request, studio } = await loadPendingRequest(actor, studioId, requestId);
  const reviewedAt = new Date().toISOString();
  const review = { status: "rejected" as const, reviewedBy: actor.userId, reviewedAt, ...(input.note ? { reviewNote: input.note } : {}) };
  await commitWrites(db, (tx) => [
    ...reviewWrites(tx, { studioId, requestId, actorId: actor.userId }, review),
    outboxEmail(tx, {
      scope: studioId,
      messageId: `access-request#${requestId}#rejected`,
      to: request.email,
      email: accessRequestRejectedMessage({ firstName: request.firstName, studioName: studio.name, note: input.note }),
      brand: emailBrand(studio),
    }),
  ]);
  return toAccessRequest({ ...request, ...review, updatedAt: reviewedAt });
}
