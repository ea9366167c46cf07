import type { RequestContext } from "../accounts";
import { itemOf } from "../kernel/db/read-together";
import { notFound } from "../kernel/errors";
import { localParts } from "../kernel/time/wall-clock";
import { assertMay, isStudioAdmin, loadMemberWith, type Actor } from "../policy";
import { claimWithinLimit, counterKey, type RateLimit } from "../rate-limit";
import { getStudio } from "./studio-of";
import { audienceCheck, householdOf, personOf } from "./access";
import { writeAnswer } from "./answer";
import { confirmationMail } from "./event-mail";
import { readEventToken } from "./event-token";
import { eventsDb } from "./events-db";
import type { LinkRsvpInput, MemberRsvpInput, PublicRsvpInput } from "./schemas";
import { publicEvent } from "./read-events";
import { toPublicEvent } from "./views";

const outcome = (result: Awaited<ReturnType<typeof writeAnswer>>, today: string, now: Date) => ({
  rsvp: {
    respondent: result.rsvp.respondent,
    name: result.rsvp.name,
    answer: result.rsvp.answer,
    guests: result.rsvp.guests,
    updatedAt: result.rsvp.updatedAt,
  },
  event: toPublicEvent(result.event, today, now),
});

/**
 * A member's answer, for themself or (a parent) a child; owners and admins for anyone of the
 * studio. The event must be one they see (404 otherwise); the person one they speak for (403).
 */
export async function answerAsMember(actor: Actor, studioId: string, eventId: string, input: MemberRsvpInput, now = new Date()) {
  const { studioEvent, user } = eventsDb().entities;
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(studioEvent, { studioId, eventId }), itemOf(user, { userId: actor.userId }));
  const [e, login] = records;
  if (!e) throw notFound("Event");
  const household = isStudioAdmin(member) ? [] : await householdOf(studioId, member);
  assertMay(member, "event.view", { inAudience: await audienceCheck(studioId, member, household)(e), isPublic: e.visibility === "public" });
  const mine = household.find((h) => h.respondent === input.person);
  assertMay(member, "event.respond", { speaksFor: Boolean(mine) });
  const person = mine ?? (await personOf(studioId, input.person));
  if (!person) throw notFound("Person");
  const email = person.email ?? (mine ? login?.email?.toLowerCase() : undefined);
  const result = await writeAnswer(
    {
      studioId,
      eventId,
      respondent: person.respondent,
      name: person.name,
      ...(email ? { email } : {}),
      ...(input.note ? { note: input.note } : {}),
      answer: input.answer,
      guests: input.guests,
      answeredBy: actor.userId,
    },
    now,
  );
  return outcome(result, localParts(now, studio.timeZone).date, now);
}

/** Public answers per address a day and per IP an hour (a family answers a few events; a script does not fill a hall). */
export const PUBLIC_RSVP_LIMITS = {
  perEmail: { name: "event-rsvp-email", max: 10, windowSeconds: 24 * 60 * 60 },
  perIp: { name: "event-rsvp-ip", max: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * A visitor's answer to a public event by name and address (rate-limited per address and per IP),
 * with a confirmation carrying the signed link to change it, in the same transaction.
 */
export async function answerPublicly(slug: string, eventId: string, input: PublicRsvpInput, context: RequestContext = {}, now = new Date()) {
  const { studio, event } = await publicEvent(slug, eventId, now);
  await claimWithinLimit(counterKey(PUBLIC_RSVP_LIMITS.perEmail, `${studio.studioId}:${input.email}`, now.getTime()), undefined, now.getTime());
  if (context.ip) await claimWithinLimit(counterKey(PUBLIC_RSVP_LIMITS.perIp, context.ip, now.getTime()), undefined, now.getTime());
  const result = await writeAnswer(
    {
      studioId: studio.studioId,
      eventId: event.eventId,
      respondent: `email:${input.email}`,
      name: input.name,
      email: input.email,
      ...(input.note ? { note: input.note } : {}),
      answer: input.answer,
      guests: input.guests,
      answeredBy: "public",
    },
    now,
    (e, rsvp) => confirmationMail(studio, e, rsvp),
  );
  return outcome(result, localParts(now, studio.timeZone).date, now);
}

/** What an emailed link opens: the event and the respondent's answer so far. Reading never acts (mail scanners open links). */
export async function readLink(token: string, now = new Date()) {
  const claims = readEventToken(token, now.getTime());
  const { studioEvent, eventRsvp } = eventsDb().entities;
  const [studio, { data: e }, { data: answer }] = await Promise.all([
    getStudio(claims.studioId),
    studioEvent.get({ studioId: claims.studioId, eventId: claims.eventId }).go(),
    eventRsvp.get({ studioId: claims.studioId, eventId: claims.eventId, respondent: claims.respondent }).go(),
  ]);
  if (!studio || !e) throw notFound("Event");
  const name = answer?.name ?? (await personOf(claims.studioId, claims.respondent))?.name;
  if (!name) throw notFound("Event");
  return {
    studioName: studio.name,
    event: toPublicEvent(e, localParts(now, studio.timeZone).date, now),
    respondent: { name, answer: answer?.answer ?? null, guests: answer?.guests ?? 0 },
  };
}

/** The answer a link's page posts, for the person the link was signed for (a public answer's change is confirmed again by email). */
export async function answerByLink(token: string, input: LinkRsvpInput, now = new Date()) {
  const claims = readEventToken(token, now.getTime());
  const studio = await getStudio(claims.studioId);
  if (!studio) throw notFound("Event");
  const isPublic = claims.respondent.startsWith("email:");
  const person = isPublic ? null : await personOf(claims.studioId, claims.respondent);
  const { data: previous } = await eventsDb()
    .entities.eventRsvp.get({ studioId: claims.studioId, eventId: claims.eventId, respondent: claims.respondent })
    .go();
  const name = previous?.name ?? person?.name;
  if (!name) throw notFound("Event");
  const email = isPublic ? claims.respondent.slice("email:".length) : (person?.email ?? previous?.email);
  const result = await writeAnswer(
    {
      studioId: claims.studioId,
      eventId: claims.eventId,
      respondent: claims.respondent,
      name,
      ...(email ? { email } : {}),
      answer: input.answer,
      guests: input.guests,
      answeredBy: "link",
    },
    now,
    isPublic ? (e, rsvp) => confirmationMail(studio, e, rsvp) : undefined,
  );
  return outcome(result, localParts(now, studio.timeZone).date, now);
}
