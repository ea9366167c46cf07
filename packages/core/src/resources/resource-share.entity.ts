import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

/** Whom a resource can be shared with (audiences.ts). */
export const AUDIENCE_KINDS = ["student", "family", "band", "lesson", "note", "all_students", "public"] as const;

/**
 * "This resource is shared with that audience": one item per resource and audience. The
 * `sharesByAudience` index lists an audience's resources newest share first — a lesson's
 * materials, a note's attachments, the studio's public resources — with one Query.
 * `audienceKey` is `<kind>#<id>` (`note#<lessonId>#<noteId>`; `all_students`, `public`).
 */
export const ResourceShareEntity = new Entity({
  model: { entity: "resourceShare", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    resourceId: { type: "string", required: true, readOnly: true },
    audienceKey: { type: "string", required: true, readOnly: true },
    audienceKind: { type: AUDIENCE_KINDS, required: true, readOnly: true },
    sharedAt: { type: "string", required: true, readOnly: true },
    sharedBy: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    share: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["resourceId", "audienceKey"] } },
    sharesByAudience: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "audienceKey"] },
      sk: { field: "gsi1sk", composite: ["sharedAt", "resourceId"] },
    },
  },
});

/** A stored ResourceShare item, as reads return it. */
export type ResourceShareRecord = EntityItem<typeof ResourceShareEntity>;
