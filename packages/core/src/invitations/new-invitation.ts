import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../audit";
import type { WriteTx } from "../db";
import { emailBrand, invitationMessage, type BrandedStudio } from "../email";
import { outboxEmail, type OutboxTx } from "../outbox";
import type { InvitationRecord } from "./invitation-view";
import { INVITATION_SECONDS, invitationUrl } from "./invitation-link";
import type { InvitableRole, ProfileLinks } from "./schemas";

export interface InvitationTarget extends ProfileLinks {
  email: string;
  role: InvitableRole;
}

/**
 * A new pending invitation: its record, the transaction items that create it with its audit event,
 * (the email goes with them: invitationEmail). Shared by "invite" and "approve an access request".
 */
export function newInvitation(studioId: string, actorId: string, target: InvitationTarget, now = Date.now()) {
  const at = new Date(now).toISOString();
  const record = {
    studioId,
    invitationId: uuidv7(),
    email: target.email,
    role: target.role,
    teacherId: target.teacherId,
    studentId: target.studentId,
    guardianId: target.guardianId,
    familyId: target.familyId,
    status: "pending" as const,
    validUntil: new Date(now + INVITATION_SECONDS * 1000).toISOString(),
    sentCount: 1,
    lastSentAt: at,
    createdBy: actorId,
    updatedBy: actorId,
    createdAt: at,
    updatedAt: at,
  } satisfies InvitationRecord;
  const writes = (tx: WriteTx) => [
    tx.invitation.create(record).commit(),
    recordAudit(tx, {
      studioId,
      actorId,
      action: "invitation.created",
      entityType: "invitation",
      entityId: record.invitationId,
      after: { ...target, validUntil: record.validUntil },
    }),
  ];
  return { record, writes };
}

/** The transaction item that enqueues the email with the invitation link of the record's current sending. */
export function invitationEmail(tx: OutboxTx, record: InvitationRecord, studio: BrandedStudio) {
  const email = invitationMessage({ studioName: studio.name, role: record.role, url: invitationUrl(record), validDays: INVITATION_SECONDS / 86400 });
  return outboxEmail(tx, {
    scope: record.studioId,
    messageId: `invitation#${record.invitationId}#${record.sentCount}`,
    to: record.email,
    email,
    brand: emailBrand(studio),
  });
}
