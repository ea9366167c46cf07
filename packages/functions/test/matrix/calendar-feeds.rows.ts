import { api } from "../support/api";
import { ADMINS, MEMBERS, s, type RowModule, type World } from "./rows";

/** A feed of family F made by its parent (only they and the admins see it). */
async function parentFeed(w: World): Promise<{ id: string }> {
  const res = await api("POST", s(w, "/calendar-feeds"), { token: w.tokens.parentOwn, body: { subjectType: "family", subjectId: w.familyF } });
  if (res.status !== 201) throw new Error(`calendar feed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Calendar feeds: a member subscribes to their own calendar (teacher: themself; student: self;
 * parent: their family or a child; admins anyone). Teacher A sees S1 but may not subscribe to
 * S1's lessons (403); members who cannot see S1 get 404. Each member lists their own feeds;
 * a feed is revoked by its owner or an admin, and is invisible (404) to everyone else.
 * The public `GET /v1/calendar/{token}.ics` is exempt (calendar-feeds.test.ts).
 */
export const calendarFeedRows: RowModule = {
  prepare: async (w) => ({ feedF: (await parentFeed(w)).id }),
  rows: {
    "POST /v1/studios/{studioId}/calendar-feeds": {
      action: "calendar-feed.subscribe",
      allow: [...ADMINS, "studentSelf", "parentOwn"],
      forbid: ["teacherOwn"],
      path: (w) => s(w, "/calendar-feeds"),
      body: (w) => ({ subjectType: "student", subjectId: w.studentS1 }),
    },
    "GET /v1/studios/{studioId}/calendar-feeds": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/calendar-feeds") },
    "DELETE /v1/studios/{studioId}/calendar-feeds/{feedId}": {
      action: "calendar-feed.revoke",
      allow: [...ADMINS, "parentOwn"],
      path: (w, feedId) => s(w, `/calendar-feeds/${feedId}`),
      target: (w) => w.extra.feedF!,
      fresh: parentFeed,
    },
  },
};
