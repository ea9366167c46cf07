import type { EntityItem } from "electrodb";
import { Entity } from "../kernel/db/entity";
import { SERVICE, timestamps } from "../kernel/db/attributes";

/** A studio (tenant). `studioBySlug` is the one deliberate cross-tenant lookup: slug → studio. */
export const StudioEntity = new Entity({
  model: { entity: "studio", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    slug: { type: "string", required: true },
    timeZone: { type: "string", required: true },
    currency: { type: "string", required: true },
    description: { type: "string" },
    website: { type: "string" },
    email: { type: "string" },
    phone: { type: "string" },
    address: { type: "string" },
    city: { type: "string" },
    state: { type: "string" },
    country: { type: "string" },
    postalCode: { type: "string" },
    logoKey: { type: "string" },
    /** Bytes of the studio's resource files stored now (every version, the trash until purged), moved in the same transaction as the files' records. */
    storageBytes: { type: "number" },
    themeColor: { type: "string" },
    isActive: { type: "boolean", required: true, default: true },
    createdBy: { type: "string", readOnly: true },
    updatedBy: { type: "string" },
    deletedAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    studio: {
      pk: { field: "pk", composite: ["studioId"] },
      sk: { field: "sk", composite: [] },
    },
    studioBySlug: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["slug"] },
      sk: { field: "gsi1sk", composite: [] },
    },
  },
});

/** A stored Studio item, as reads return it. */
export type StudioRecord = EntityItem<typeof StudioEntity>;
