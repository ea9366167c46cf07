import type { CalendarFeed } from "./feed-schema";

import type { CalendarFeedRecord } from "./calendar-feed.entity";
export type { CalendarFeedRecord } from "./calendar-feed.entity";

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
