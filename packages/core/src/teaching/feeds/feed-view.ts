import type { EntityItem } from "electrodb";
import type { CalendarFeedEntity } from "./calendar-feed.entity";
import type { CalendarFeed } from "./feed-schema";

export type CalendarFeedRecord = EntityItem<typeof CalendarFeedEntity>;

export type { CalendarFeed };

export const toCalendarFeed = (r: CalendarFeedRecord): CalendarFeed => ({
  id: r.feedId,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  label: r.label ?? null,
  ownerUserId: r.ownerUserId,
  lastFetchedAt: r.lastFetchedAt ?? null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** What the audit log keeps of a feed: never the token's hash. */
export const auditedFeed = ({ tokenHash: _hash, ...rest }: CalendarFeedRecord) => rest;
