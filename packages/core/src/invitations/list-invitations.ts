import { db } from "../db";
import { page } from "../kernel/pagination/pagination";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import { toInvitation } from "./invitation-view";
import type { ListInvitationsQuery } from "./schemas";

/** A studio's invitations, newest first; `status` uses the invitationsByStatus index. */
export async function listInvitations(actor: Actor, studioId: string, query: ListInvitationsQuery) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "invitation.manage");
  const { invitation } = db().entities;
  const result = await page(
    { studioId, list: "invitations" },
    (options) =>
      query.status
        ? invitation.query.invitationsByStatus({ studioId, status: query.status }).go({ ...options, order: "desc" })
        : invitation.query.invitation({ studioId }).go({ ...options, order: "desc" }),
    query,
  );
  return { items: result.items.map(toInvitation), nextCursor: result.nextCursor };
}
