import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { auditedFields, peopleModel } from "./person-fields";

export const RELATIONSHIPS = ["mother", "father", "parent", "grandparent", "guardian", "other"] as const;

/**
 * A parent or guardian (seeds: guardians), a member of one family; their children are the
 * family's students. Optionally linked to a user account with the parent role.
 */
export const GuardianEntity = new Entity({
  model: peopleModel("guardian"),
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    familyId: { type: "string", required: true, readOnly: true },
    guardianId: { type: "string", required: true, readOnly: true },
    userId: { type: "string" },
    firstName: { type: "string", required: true },
    lastName: { type: "string", required: true },
    email: { type: "string" },
    phone: { type: "string" },
    address: { type: "string" },
    relationship: { type: RELATIONSHIPS, required: true, default: "parent" },
    ...auditedFields,
  },
  indexes: {
    guardian: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["familyId", "guardianId"] } },
    guardiansByEmail: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi3sk", composite: ["emailKey", "guardianId"] },
    },
  },
});

/** A stored Guardian item, as reads return it. */
export type GuardianRecord = EntityItem<typeof GuardianEntity>;
