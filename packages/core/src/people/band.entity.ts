import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { auditedFields, peopleModel } from "./person-fields";

/** A band or ensemble (seeds: Band): students playing and billed together. */
export const BandEntity = new Entity({
  model: peopleModel("band"),
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    bandId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    memberStudentIds: { type: "set", items: "string" },
    /** The member (student) to contact first. */
    primaryContactId: { type: "string" },
    email: { type: "string" },
    phone: { type: "string" },
    address: { type: "string" },
    city: { type: "string" },
    state: { type: "string" },
    postalCode: { type: "string" },
    country: { type: "string" },
    notes: { type: "string" },
    ...auditedFields,
  },
  indexes: {
    band: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["bandId"] } },
    bandsByName: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "listing"] },
      sk: { field: "gsi1sk", composite: ["nameKey", "bandId"] },
    },
  },
});

/** A stored Band item, as reads return it. */
export type BandRecord = EntityItem<typeof BandEntity>;
