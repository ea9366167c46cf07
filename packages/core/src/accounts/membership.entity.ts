import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { SERVICE, timestamps } from "../kernel/db/attributes";

export const ROLES = ["owner", "admin", "teacher", "student", "parent"] as const;
export type Role = (typeof ROLES)[number];

/** A user's role in a studio. Studio-first; `membershipsByUser` serves "my studios". */
export const MembershipEntity = new Entity({
  model: { entity: "membership", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    role: { type: ROLES, required: true },
    /** The profile this member is in the studio: their teacher, student or guardian record. */
    teacherId: { type: "string" },
    studentId: { type: "string" },
    guardianId: { type: "string" },
    /** A guardian's family: whose children a parent may see. */
    familyId: { type: "string" },
    /** A deactivated member keeps their records but cannot act in the studio. */
    deactivatedAt: { type: "string" },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    deletedAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    member: {
      pk: { field: "pk", composite: ["studioId"] },
      sk: { field: "sk", composite: ["userId"] },
    },
    membershipsByUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["studioId"] },
    },
  },
});

/** A stored Membership item, as reads return it. */
export type MembershipRecord = EntityItem<typeof MembershipEntity>;
