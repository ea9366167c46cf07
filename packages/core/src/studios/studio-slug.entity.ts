import { Entity } from "../kernel/db/entity";
import { SERVICE, timestamps } from "../kernel/db/attributes";

/**
 * Claims a slug platform-wide; written in the same transaction as the studio so slugs stay unique.
 * A studio that changes its address keeps its old slugs (`retiredAt` set): their links redirect to
 * the new address, and no other studio can take them (see update-studio.ts).
 */
export const StudioSlugEntity = new Entity({
  model: { entity: "studioSlug", version: "1", service: SERVICE },
  attributes: {
    slug: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true },
    /** When the studio moved to another address; the slug then only redirects there. */
    retiredAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    slug: {
      pk: { field: "pk", composite: ["slug"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
