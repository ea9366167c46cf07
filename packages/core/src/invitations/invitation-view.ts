import type { Invitation } from "./invitation-schema";

import type { InvitationRecord } from "./invitation.entity";
export type { InvitationRecord } from "./invitation.entity";
export type { Invitation };
export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** "expired" is not stored: a pending invitation past its validUntil. */
export const effectiveStatus = (r: InvitationRecord, now = Date.now()): InvitationStatus =>
  r.status === "pending" && Date.parse(r.validUntil) <= now ? "expired" : r.status;

export function toInvitation(r: InvitationRecord): Invitation {
  return {
    id: r.invitationId,
    email: r.email,
    role: r.role,
    teacherId: r.teacherId ?? null,
    studentId: r.studentId ?? null,
    guardianId: r.guardianId ?? null,
    familyId: r.familyId ?? null,
    status: effectiveStatus(r),
    validUntil: r.validUntil,
    sentCount: r.sentCount,
    lastSentAt: r.lastSentAt ?? null,
    acceptedAt: r.acceptedAt ?? null,
    acceptedBy: r.acceptedBy ?? null,
    revokedAt: r.revokedAt ?? null,
    createdBy: r.createdBy ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
