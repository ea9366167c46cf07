import { db } from "../db";
import { page } from "../kernel/pagination/pagination";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import { toAccessRequest } from "./access-request-view";
import type { ListAccessRequestsQuery } from "./schemas";

/** The studio's access requests, newest first (admins); `status` uses accessRequestsByStatus. */
export async function listAccessRequests(actor: Actor, studioId: string, query: ListAccessRequestsQuery) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "access-request.manage");
  const { accessRequest } = db().entities;
  const result = await page(
    { studioId, list: "access-requests" },
    (options) =>
      query.status
        ? accessRequest.query.accessRequestsByStatus({ studioId, status: query.status }).go({ ...options, order: "desc" })
        : accessRequest.query.accessRequest({ studioId }).go({ ...options, order: "desc" }),
    query,
  );
  return { items: result.items.map(toAccessRequest), nextCursor: result.nextCursor };
}
