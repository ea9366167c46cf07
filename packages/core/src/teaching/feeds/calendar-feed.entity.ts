import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../../kernel/db/attributes";
import { Entity } from "../../kernel/db/entity";

export const FEED_SUBJECTS = ["teacher", "student", "family"] as const;

/**
 * A secret iCal feed URL for a teacher, a student or a family. Only the token's SHA-256 is
 * stored; `feedByToken` is the deliberate cross-tenant lookup token hash → feed. Revoking sets
 * `revokedAt` and the URL stops working.
 */
export const CalendarFeedEntity = new Entity({
  model: { entity: "calendarFeed", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    feedId: { type: "string", required: true, readOnly: true },
    tokenHash: { type: "string", required: true, readOnly: true },
    subjectType: { type: ["teacher", "student", "family"] as const, required: true, readOnly: true },
    subjectId: { type: "string", required: true, readOnly: true },
    /** The member who made it; the feed shows what they may see. */
    ownerUserId: { type: "string", required: true, readOnly: true },
    label: { type: "string" },
    revokedAt: { type: "string" },
    lastFetchedAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    feed: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["feedId"] } },
    feedByToken: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tokenHash"] },
      sk: { field: "gsi1sk", composite: [] },
    },
    feedsByOwner: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "ownerUserId"] },
      sk: { field: "gsi2sk", composite: ["createdAt", "feedId"] },
    },
  },
});

/** A stored CalendarFeed item, as reads return it. */
export type CalendarFeedRecord = EntityItem<typeof CalendarFeedEntity>;
