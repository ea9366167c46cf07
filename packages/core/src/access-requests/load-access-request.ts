import { itemOf } from "../db/read-together";
import { db } from "../db/service";
import { conflict, notFound } from "../errors";
import { loadMemberWith, requireStudioAdmin, type Actor } from "../policy";
import type { AccessRequestRecord } from "./access-request-view";

/** A pending access request of the studio, for an admin to review (404 / 409 otherwise). */
export async function loadPendingRequest(actor: Actor, studioId: string, requestId: string) {
  const {
    member,
    studio,
    records: [request],
  } = await loadMemberWith(actor, studioId, itemOf(db().entities.accessRequest, { studioId, requestId }));
  requireStudioAdmin(member);
  if (!request) throw notFound("Access request");
  if (request.status !== "pending") throw conflict(`This request was already ${request.status}.`);
  return { request: request as AccessRequestRecord, studio };
}

export const reviewedMeanwhile = () => conflict("This request was reviewed meanwhile.");
