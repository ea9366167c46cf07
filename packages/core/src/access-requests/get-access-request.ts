import { itemOf } from "../kernel/db/read-together";
import { db } from "../db";
import { notFound } from "../kernel/errors";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import { toAccessRequest } from "./access-request-view";

/** One request to join the studio, whatever its status (admins), read with the membership in one call. */
export async function getAccessRequest(actor: Actor, studioId: string, requestId: string) {
  const {
    member,
    records: [request],
  } = await loadMemberWith(actor, studioId, itemOf(db().entities.accessRequest, { studioId, requestId }));
  assertMay(member, "access-request.manage");
  if (!request) throw notFound("Access request");
  return toAccessRequest(request);
}
