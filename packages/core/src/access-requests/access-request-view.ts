import type { AccessRequest } from "./access-request-schema";

import type { AccessRequestRecord } from "./access-request.entity";
export type { AccessRequestRecord } from "./access-request.entity";
export type { AccessRequest };

export const toAccessRequest = (r: AccessRequestRecord): AccessRequest => ({
  id: r.requestId,
  email: r.email,
  firstName: r.firstName,
  lastName: r.lastName,
  role: r.role,
  message: r.message ?? null,
  status: r.status,
  reviewedBy: r.reviewedBy ?? null,
  reviewedAt: r.reviewedAt ?? null,
  reviewNote: r.reviewNote ?? null,
  invitationId: r.invitationId ?? null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
