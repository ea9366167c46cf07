import { itemOf } from "../kernel/db/read-together";
import { recordAudit } from "../audit";
import { db, type WriteTx } from "../db";
import { conflict, notFound } from "../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import type { AccessRequestRecord } from "./access-request-view";
import { failsWith } from "../kernel/db/commit-writes";

/** A pending access request of the studio, for an admin to review (404 / 409 otherwise). */
export async function loadPendingRequest(actor: Actor, studioId: string, requestId: string) {
  const {
    member,
    studio,
    records: [request],
  } = await loadMemberWith(actor, studioId, itemOf(db().entities.accessRequest, { studioId, requestId }));
  assertMay(member, "access-request.manage");
  if (!request) throw notFound("Access request");
  if (request.status !== "pending") throw conflict("access_request.already_reviewed", `This request was already ${request.status}.`);
  return { request: request as AccessRequestRecord, studio };
}

export const reviewedMeanwhile = () => conflict("access_request.reviewed_meanwhile", "This request was reviewed meanwhile.");

/**
 * The two writes of reviewing a pending request, for the reviewer's transaction: the status change
 * (which fails with reviewedMeanwhile if someone reviewed it meanwhile) and its audit event.
 */
export function reviewWrites(
  tx: WriteTx,
  request: { studioId: string; requestId: string; actorId: string },
  review: { status: "approved" | "rejected"; reviewedBy: string; reviewedAt: string } & Record<string, string>,
) {
  const { studioId, requestId, actorId } = request;
  return [
    failsWith(
      tx.accessRequest
        .patch({ studioId, requestId })
        .set(review)
        .where((a, op) => op.eq(a.status, "pending"))
        .commit(),
      reviewedMeanwhile,
    ),
    recordAudit(tx, {
      studioId,
      actorId,
      action: `access_request.${review.status}`,
      entityType: "access_request",
      entityId: requestId,
      before: { status: "pending" },
      after: review,
    }),
  ];
}
