import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { SERVICE, timestamps } from "../kernel/db/attributes";

export const REQUESTABLE_ROLES = ["teacher", "student", "parent"] as const;
export const ACCESS_REQUEST_STATUSES = ["pending", "approved", "rejected"] as const;

/**
 * Someone asking to join a studio from its public page (seeds 004: access_requests): identity
 * fields, status, and who reviewed it when. `userId` is set only on approval.
 */
export const AccessRequestEntity = new Entity({
  model: { entity: "accessRequest", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    requestId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    firstName: { type: "string", required: true, readOnly: true },
    lastName: { type: "string", required: true, readOnly: true },
    role: { type: REQUESTABLE_ROLES, required: true, readOnly: true },
    message: { type: "string", readOnly: true },
    status: { type: ACCESS_REQUEST_STATUSES, required: true, default: "pending" },
    reviewedBy: { type: "string" },
    reviewedAt: { type: "string" },
    reviewNote: { type: "string" },
    userId: { type: "string" },
    /** The invitation an approval sent: accepting it creates the membership. */
    invitationId: { type: "string" },
    ...timestamps,
  },
  indexes: {
    accessRequest: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["requestId"] } },
    accessRequestsByStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "status"] },
      sk: { field: "gsi1sk", composite: ["requestId"] },
    },
  },
});

/** A stored AccessRequest item, as reads return it. */
export type AccessRequestRecord = EntityItem<typeof AccessRequestEntity>;
