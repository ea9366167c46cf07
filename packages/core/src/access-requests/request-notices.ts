import { config } from "../kernel/config";
import { db } from "../db";
import { accessRequestForAdminsMessage, accessRequestReceivedMessage, emailBrand } from "../email";
import type { OutboxEmail } from "../outbox";
import type { StudioRecord } from "../studios/module";

interface NewRequest {
  studioId: string;
  requestId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
}

/** More would not fit the request's transaction (100 items); no studio has nearly as many. */
const MAX_ADMINS_MAILED = 50;

/** The studio's active owners and admins with their login addresses (one Query, one BatchGetItem). */
export async function adminAddresses(studioId: string) {
  const { data } = await db().entities.membership.query.member({ studioId }).go({ pages: "all" });
  const admins = data.filter((m) => (m.role === "owner" || m.role === "admin") && !m.deletedAt && !m.deactivatedAt).slice(0, MAX_ADMINS_MAILED);
  if (!admins.length) return [];
  const { data: users } = await db()
    .entities.user.get(admins.map((m) => ({ userId: m.userId })))
    .go();
  return users.map((u) => ({ userId: u.userId, email: u.email }));
}

/**
 * The emails a new access request causes: a confirmation to the requester and a notice to each
 * owner and admin with a link to the request in the workspace. Message ids follow the request id,
 * so the same request can never be mailed twice.
 */
export async function accessRequestNotices(studio: StudioRecord, request: NewRequest): Promise<OutboxEmail[]> {
  const { webUrl } = config();
  const url = `${webUrl}/dashboard/studios/${encodeURIComponent(request.studioId)}/requests/access/${encodeURIComponent(request.requestId)}`;
  const forAdmins = accessRequestForAdminsMessage({
    studioName: studio.name,
    name: `${request.firstName} ${request.lastName}`,
    email: request.email,
    role: request.role,
    url,
  });
  const admins = await adminAddresses(request.studioId);
  return [
    {
      scope: request.studioId,
      messageId: `access-request#${request.requestId}#received`,
      to: request.email,
      email: accessRequestReceivedMessage({ studioName: studio.name, studioUrl: `${webUrl}/${encodeURIComponent(studio.slug)}` }),
      brand: emailBrand(studio),
    },
    ...admins.map((admin) => ({
      scope: request.studioId,
      messageId: `access-request#${request.requestId}#admin#${admin.userId}`,
      to: admin.email,
      email: forAdmins,
    })),
  ];
}
