import type { EntityItem } from "electrodb";
import type { CalendarFeedEntity } from "./calendar-feed.entity";

export type CalendarFeedRecord = EntityItem<typeof CalendarFeedEntity>;

/** A feed as its owner and the studio's admins see it; the URL is shown once, at creation. */
export interface CalendarFeed {
  id: string;
  subjectType: CalendarFeedRecord["subjectType"];
  subjectId: string;
  label: string | null;
  ownerUserId: string;
  lastFetchedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

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
