import { Entity } from "../db/entity";
import { SERVICE, timestamps } from "../db/attributes";

/** Claims a slug platform-wide; written in the same transaction as the studio so slugs stay unique. */
export const StudioSlugEntity = new Entity({
  model: { entity: "studioSlug", version: "1", service: SERVICE },
  attributes: {
    slug: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true },
    ...timestamps,
  },
  indexes: {
    slug: {
      pk: { field: "pk", composite: ["slug"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
