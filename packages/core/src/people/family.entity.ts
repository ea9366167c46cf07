import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { auditedFields, peopleModel } from "./person-fields";

/** A family (seeds: Family): students billed together, with several guardians. */
export const FamilyEntity = new Entity({
  model: peopleModel("family"),
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    familyId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    /** The guardian to contact first. */
    primaryContactId: { type: "string" },
    /** The family's students, kept in step by the student writes that set `familyId`. */
    studentIds: { type: "set", items: "string" },
    billingEmail: { type: "string" },
    phone: { type: "string" },
    address: { type: "string" },
    notes: { type: "string" },
    ...auditedFields,
  },
  indexes: {
    family: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["familyId"] } },
    familiesByName: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi1sk", composite: ["nameKey", "familyId"] },
    },
    familiesByEmail: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi3sk", composite: ["emailKey", "familyId"] },
    },
  },
});

/** A stored Family item, as reads return it. */
export type FamilyRecord = EntityItem<typeof FamilyEntity>;
