import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { SERVICE, timestamps } from "../kernel/db/attributes";

export const INVITABLE_ROLES = ["admin", "teacher", "student", "parent"] as const;
export const INVITATION_STATUSES = ["pending", "accepted", "revoked"] as const;

/**
 * An emailed invitation to join a studio with a role, attached to a profile (teacher, student or
 * guardian record). Expired is derived from `validUntil`, not stored.
 */
export const InvitationEntity = new Entity({
  model: { entity: "invitation", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    invitationId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    role: { type: INVITABLE_ROLES, required: true, readOnly: true },
    teacherId: { type: "string", readOnly: true },
    studentId: { type: "string", readOnly: true },
    guardianId: { type: "string", readOnly: true },
    familyId: { type: "string", readOnly: true },
    status: { type: INVITATION_STATUSES, required: true, default: "pending" },
    /** ISO time after which the link no longer works (resending extends it). */
    validUntil: { type: "string", required: true },
    sentCount: { type: "number", required: true, default: 1 },
    lastSentAt: { type: "string" },
    acceptedAt: { type: "string" },
    acceptedBy: { type: "string" },
    revokedAt: { type: "string" },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    ...timestamps,
  },
  indexes: {
    invitation: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["invitationId"] } },
    invitationsByStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "status"] },
      sk: { field: "gsi1sk", composite: ["invitationId"] },
    },
  },
});

/** A stored Invitation item, as reads return it. */
export type InvitationRecord = EntityItem<typeof InvitationEntity>;
