import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { logFailure } from "../kernel/log/log-failure";
import { emailBrand, eventCancelledMessage, eventInvitationMessage, eventReminderMessage, eventRsvpConfirmationMessage, type EventEmailFacts } from "../email";
import { notice, optedOutAmong, portalPath, unsubscribable, workspacePath } from "../notifications";
import { outboxEmail, type OutboxEmail } from "../outbox";
import type { StudioRecord } from "../studios/module";
import { studioPublicUrl } from "../studios";
import { resolveAudience, storedAudience } from "../messaging";
import type { EventRsvpRecord, RsvpAnswer, StudioEventRecord } from "./event.entity";
import { eventActionUrl, linkExpiry, signEventToken } from "./event-token";
import { eventsDb } from "./events-db";

/** Invitations handed to the outbox per transaction (at most 100 items). */
const BATCH = 99;
/**
 * At most this many invitations an event (its audience's addresses): they go to the outbox in the
 * request, 99 a transaction; a larger audience is better told by an announcement.
 */
export const MAX_INVITATIONS = 2_000;

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });
const dayWords = (date: string) => DAY.format(new Date(`${date}T00:00:00Z`));

/** "Sat 20 Mar 2027, 19:00–20:30 (Europe/London)", from the event's local values (never drifts at a DST change). */
export function whenWords(e: Pick<StudioEventRecord, "date" | "endDate" | "startTime" | "endTime" | "timeZone">) {
  const days = e.endDate && e.endDate !== e.date ? `${dayWords(e.date)} to ${dayWords(e.endDate)}` : dayWords(e.date);
  if (!e.startTime) return `${days}, all day`;
  return `${days}, ${e.startTime}–${e.endTime} (${e.timeZone})`;
}

export const ANSWER_WORDS: Record<RsvpAnswer, string> = { yes: "yes, coming", no: "no, can't come", maybe: "maybe" };
export const answerWords = (r: Pick<EventRsvpRecord, "answer" | "guests">) =>
  `${ANSWER_WORDS[r.answer]}${r.answer === "yes" && r.guests ? ` with ${r.guests} ${r.guests === 1 ? "guest" : "guests"}` : ""}`;

const factsOf = (studio: StudioRecord, e: StudioEventRecord, greetingName: string): EventEmailFacts => ({
  studioName: studio.name,
  greetingName,
  title: e.title,
  when: whenWords(e),
  ...(e.location ? { location: e.location } : {}),
  ...(e.description ? { description: e.description } : {}),
});

const firstName = (name: string) => name.split(" ")[0] || name;
const linkFor = (studio: StudioRecord, e: StudioEventRecord, respondent: string, answer?: RsvpAnswer) =>
  eventActionUrl(studio.slug, signEventToken({ studioId: studio.studioId, eventId: e.eventId, respondent, expiresAt: linkExpiry(e.endsAt) }), answer);

/** Where an event opens for someone without a link of their own: its public page, or the studio's. */
const openUrl = (studio: StudioRecord, e: StudioEventRecord) =>
  e.visibility === "public" ? `${studioPublicUrl(studio.slug)}/events/${encodeURIComponent(e.eventId)}` : studioPublicUrl(studio.slug);

/**
 * The event's entry in a recipient's notification centre (one per event and day): it opens the
 * event in the workspace for a teacher, in the portal for anyone else.
 */
const eventNotice = (studio: StudioRecord, e: StudioEventRecord, respondent: string, text: string) =>
  notice(studio, "events", `event:${e.eventId}`, {
    text,
    link: (respondent.startsWith("teacher:") ? workspacePath : portalPath)(studio.studioId, "events", e.eventId),
  });

/**
 * Commits messages in transactions of 99; a batch refused because one is already in the outbox (a
 * rerun) goes one by one. Returns how many will be emailed (held copies only file their notice).
 */
export async function enqueueAll(messages: OutboxEmail[], now: Date): Promise<number> {
  class Duplicate extends Error {}
  let queued = 0;
  for (let i = 0; i < messages.length; i += BATCH) {
    const batch = messages.slice(i, i + BATCH);
    try {
      await commitWrites(eventsDb, (tx) => batch.map((m) => failsWith(outboxEmail(tx, m, now), () => new Duplicate())));
      queued += batch.filter((m) => !m.hold).length;
    } catch (error) {
      if (!(error instanceof Duplicate)) throw error;
      for (const m of batch) {
        try {
          await commitWrites(eventsDb, (tx) => [failsWith(outboxEmail(tx, m, now), () => new Duplicate())]);
          if (!m.hold) queued += 1;
        } catch (single) {
          if (!(single instanceof Duplicate)) throw single;
        }
      }
    }
  }
  return queued;
}

/**
 * The invitations of a newly published event: one per address of its audience as it is now
 * (announcements' audience.ts), with one-click Yes / Maybe / No links signed for that person,
 * an address that stopped event invitations getting only the notice (the outbox holds its copy).
 * Returns how many were emailed.
 */
export async function sendInvitations(studio: StudioRecord, e: StudioEventRecord, now: Date): Promise<number> {
  const { recipients } = await resolveAudience(studio.studioId, storedAudience(e));
  const withEmail = recipients.filter((r) => r.email);
  const optedOut = await optedOutAmong(
    studio.studioId,
    withEmail.map((r) => r.email!),
    "events",
  );
  const mailed = new Set<string>();
  const messages: OutboxEmail[] = [];
  for (const r of withEmail) {
    const to = r.email!;
    if (mailed.has(to) || messages.length >= MAX_INVITATIONS) continue;
    mailed.add(to);
    const answers = e.rsvp
      ? {
          yes: { label: "Yes, I'll come", url: linkFor(studio, e, r.party, "yes") },
          maybe: { label: "Maybe", url: linkFor(studio, e, r.party, "maybe") },
          no: { label: "Can't come", url: linkFor(studio, e, r.party, "no") },
        }
      : undefined;
    messages.push({
      scope: studio.studioId,
      messageId: `event-invitation#${e.eventId}#${r.party}`,
      to,
      brand: emailBrand(studio),
      email: eventInvitationMessage({
        ...factsOf(studio, e, r.firstName),
        ...(answers ? { answers } : {}),
        open: { label: "See the event", url: linkFor(studio, e, r.party) },
        ...(e.rsvpBy ? { rsvpBy: dayWords(e.rsvpBy) } : {}),
        unsubscribe: unsubscribable(studio, to, "events"),
      }),
      notice: eventNotice(studio, e, r.party, `Invited: ${whenWords(e)}`),
      hold: optedOut.has(to),
    });
  }
  return enqueueAll(messages, now);
}

/** The confirmation of a public answer (to the address given), with the signed link to change it. */
export function confirmationMail(studio: StudioRecord, e: StudioEventRecord, rsvp: EventRsvpRecord): OutboxEmail | null {
  if (!rsvp.email) return null;
  return {
    scope: studio.studioId,
    messageId: `event-rsvp#${e.eventId}#${rsvp.respondent}#${rsvp.version}`,
    to: rsvp.email,
    brand: emailBrand(studio),
    email: eventRsvpConfirmationMessage({
      ...factsOf(studio, e, firstName(rsvp.name)),
      answerWords: answerWords(rsvp),
      change: { label: "Change my answer", url: linkFor(studio, e, rsvp.respondent) },
    }),
  };
}

/** Everyone who said yes or maybe and has an address, read from the event's RSVPs (one paged Query). */
export async function comingOf(e: StudioEventRecord) {
  const { data } = await eventsDb().entities.eventRsvp.query.eventRsvp({ studioId: e.studioId, eventId: e.eventId }).go({ pages: "all" });
  return data.filter((r) => (r.answer === "yes" || r.answer === "maybe") && r.email);
}

/** The reminders before an event: one per yes/maybe answer with an address, with the link to change it. */
export async function reminderMails(studio: StudioRecord, e: StudioEventRecord): Promise<OutboxEmail[]> {
  const coming = await comingOf(e);
  const optedOut = await optedOutAmong(
    studio.studioId,
    coming.map((r) => r.email!),
    "events",
  );
  return coming.map((r) => ({
    scope: studio.studioId,
    messageId: `event-reminder#${e.eventId}#${r.respondent}`,
    to: r.email!,
    brand: emailBrand(studio),
    email: eventReminderMessage({
      ...factsOf(studio, e, firstName(r.name)),
      answerWords: answerWords(r),
      change: { label: "Change my answer", url: linkFor(studio, e, r.respondent) },
      unsubscribe: unsubscribable(studio, r.email!, "events"),
    }),
    notice: eventNotice(studio, e, r.respondent, `Reminder: ${whenWords(e)}`),
    hold: optedOut.has(r.email!),
  }));
}

/** The cancellation to everyone who said yes or maybe (essential mail: sent to all of them). */
export async function cancellationMails(studio: StudioRecord, e: StudioEventRecord): Promise<OutboxEmail[]> {
  const coming = await comingOf(e);
  return coming.map((r) => ({
    scope: studio.studioId,
    messageId: `event-cancelled#${e.eventId}#${r.respondent}`,
    to: r.email!,
    brand: emailBrand(studio),
    email: eventCancelledMessage({ ...factsOf(studio, e, firstName(r.name)), open: { label: `Visit ${studio.name}`, url: openUrl(studio, e) } }),
    notice: eventNotice(studio, e, r.respondent, `Cancelled: ${whenWords(e)}`),
  }));
}

/** Mail that may fail after its change committed (the change stands; the log says what was not sent). */
export async function afterCommit(what: string, send: () => Promise<number>): Promise<number> {
  try {
    return await send();
  } catch (error) {
    logFailure(what, error);
    return 0;
  }
}
