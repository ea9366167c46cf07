import { itemOf } from "../kernel/db/read-together";
import { notFound } from "../kernel/errors";
import { page } from "../kernel/pagination/pagination";
import { addDays, localParts } from "../kernel/time/wall-clock";
import { assertMay, isStudioAdmin, loadMemberWith, type Actor } from "../policy";
import { liveStudioBySlug } from "../studios";
import { audienceCheck, householdOf } from "./access";
import { MAX_EVENT_DAYS, type ListEventsQuery } from "./schemas";
import type { StudioEventRecord } from "./event.entity";
import { fileLink } from "./event-files";
import { eventsDb } from "./events-db";
import { audienceView, countsOf, toEventView, toPublicEvent, toRsvpView } from "./views";
import type { PageQuery } from "../kernel/pagination/pagination";

/** Events by local start date from `from` to `to` (inclusive), multi-day events that began before `from` too. */
const byDate = (studioId: string, from: string, to: string) =>
  eventsDb()
    .entities.studioEvent.query.eventsByDate({ studioId })
    .between({ date: addDays(from, -MAX_EVENT_DAYS) }, { date: addDays(to, 1) })
    .where((e, op) => `(${op.gte(e.date, from)} OR ${op.gte(e.endDate, from)})`);

/**
 * The studio's calendar between two local dates (default: from today for a year): every event for
 * owners and admins (with their counts), the events whose audience includes them (or public) for
 * everyone else. Cursor-paged.
 */
export async function listEvents(actor: Actor, studioId: string, query: ListEventsQuery, now = new Date()) {
  const { member, studio } = await loadMemberWith(actor, studioId);
  const today = localParts(now, studio.timeZone).date;
  const from = query.from ?? today;
  const to = query.to ?? addDays(from, 366);
  const admin = isStudioAdmin(member);
  const household = admin ? [] : await householdOf(studioId, member);
  const sees = audienceCheck(studioId, member, household);
  const result = await page(
    { studioId, list: "events", params: { from, to } },
    (options) => byDate(studioId, from, to).go(options),
    query,
    async (items) => {
      const kept: StudioEventRecord[] = [];
      for (const e of items) if (await sees(e)) kept.push(e);
      return kept;
    },
  );
  return {
    items: result.items.map((e) => ({ ...toEventView(e, today, now), audienceLabel: e.audienceLabel, counts: admin ? countsOf(e) : null })),
    nextCursor: result.nextCursor,
    from,
    to,
    canManage: admin,
  };
}

/** An event someone of the studio may see, with whom they may answer for and their answers; the whole of it for owners and admins. */
export async function getEvent(actor: Actor, studioId: string, eventId: string, now = new Date()) {
  const { studioEvent, eventRsvp } = eventsDb().entities;
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(studioEvent, { studioId, eventId }));
  const e = records[0];
  if (!e) throw notFound("Event");
  const admin = isStudioAdmin(member);
  const household = admin ? [] : await householdOf(studioId, member);
  assertMay(member, "event.view", { inAudience: await audienceCheck(studioId, member, household)(e), isPublic: e.visibility === "public" });
  const answers = household.length
    ? await eventRsvp.get(household.map((h) => ({ studioId, eventId, respondent: h.respondent }))).go()
    : { data: [] as { respondent: string; answer: "yes" | "no" | "maybe"; guests: number }[] };
  const byRespondent = new Map(answers.data.map((r) => [r.respondent, r]));
  const today = localParts(now, studio.timeZone).date;
  return {
    event: {
      ...toEventView(e, today, now, admin),
      audienceLabel: e.audienceLabel,
      counts: admin ? countsOf(e) : null,
      audience: admin ? audienceView(e) : null,
      invitedCount: admin ? (e.invitedCount ?? null) : null,
    },
    canManage: admin,
    respondents: household.map((h) => ({
      respondent: h.respondent,
      name: h.name,
      answer: byRespondent.get(h.respondent)?.answer ?? null,
      guests: byRespondent.get(h.respondent)?.guests ?? 0,
    })),
  };
}

/** Every answer to an event (owners and admins), by respondent, cursor-paged. */
export async function listRsvps(actor: Actor, studioId: string, eventId: string, query: PageQuery) {
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(eventsDb().entities.studioEvent, { studioId, eventId }));
  assertMay(member, "event.manage");
  if (!records[0]) throw notFound("Event");
  const result = await page(
    { studioId, list: "event-rsvps", params: { eventId } },
    (options) => eventsDb().entities.eventRsvp.query.eventRsvp({ studioId, eventId }).go(options),
    query,
  );
  return { items: result.items.map(toRsvpView), nextCursor: result.nextCursor };
}

/** A studio's upcoming public events (not cancelled, not over), soonest first: at most 50, for its public page. */
export async function publicEvents(slug: string, now = new Date()) {
  const studio = await liveStudioBySlug(slug);
  const today = localParts(now, studio.timeZone).date;
  const { data } = await byDate(studio.studioId, today, addDays(today, 366))
    .where((e, op) => `${op.eq(e.visibility, "public")} AND ${op.eq(e.status, "scheduled")}`)
    .go({ pages: "all" });
  const items = data.filter((e) => Date.parse(e.endsAt) > now.getTime()).slice(0, 50);
  return { items: items.map((e) => toPublicEvent(e, today, now)) };
}

/** One public event of a studio (a members-only or unknown one is 404). */
export async function publicEvent(slug: string, eventId: string, now = new Date()) {
  const studio = await liveStudioBySlug(slug);
  const { data } = await eventsDb().entities.studioEvent.get({ studioId: studio.studioId, eventId }).go();
  if (!data || data.visibility !== "public") throw notFound("Event");
  return { studio, event: data, view: toPublicEvent(data, localParts(now, studio.timeZone).date, now) };
}

/** One public event as its page shows it. */
export const getPublicEvent = async (slug: string, eventId: string, now = new Date()) => (await publicEvent(slug, eventId, now)).view;

/** A short-lived link to one of an event's files, for whoever may see the event. */
export async function eventFileLink(actor: Actor, studioId: string, eventId: string, index: number, now = new Date()) {
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(eventsDb().entities.studioEvent, { studioId, eventId }));
  const e = records[0];
  if (!e) throw notFound("Event");
  const household = isStudioAdmin(member) ? [] : await householdOf(studioId, member);
  assertMay(member, "event.view", { inAudience: await audienceCheck(studioId, member, household)(e), isPublic: e.visibility === "public" });
  return fileLink(e, index, now);
}

/** A short-lived link to one of a public event's files. */
export async function publicEventFileLink(slug: string, eventId: string, index: number, now = new Date()) {
  const { event } = await publicEvent(slug, eventId, now);
  return fileLink(event, index, now);
}
