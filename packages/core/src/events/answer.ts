import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { AppError, conflict, invalidField, notFound } from "../kernel/errors";
import { localParts } from "../kernel/time/wall-clock";
import { outboxEmail, type OutboxEmail } from "../outbox";
import { seatsOf, type EventRsvpRecord, type RsvpAnswer, type StudioEventRecord } from "./event.entity";
import { eventsDb } from "./events-db";

/** One answer to write: whom it is for, what, and who gave it. */
export interface RsvpWrite {
  studioId: string;
  eventId: string;
  respondent: string;
  name: string;
  email?: string;
  note?: string;
  answer: RsvpAnswer;
  guests: number;
  /** A login's user id, `public` or `link`. */
  answeredBy: string;
}

/** Another answer moved the event's counters or this RSVP first: read again. */
class RsvpRace extends Error {}

const closed = (message: string) => conflict("event.closed", message, "answer");

/** Why an event takes no answer now, if it does not. */
export function refusal(e: StudioEventRecord, now: Date): AppError | null {
  if (e.status === "cancelled") return closed("This event has been cancelled");
  if (!e.rsvp) return closed("This event does not take RSVPs");
  if (now.getTime() >= Date.parse(e.startsAt)) return closed("This event has started or is over: answers are closed");
  if (e.rsvpBy && localParts(now, e.timeZone).date > e.rsvpBy) return closed(`Answers closed on ${e.rsvpBy}: contact the studio`);
  return null;
}

const seatsLeftOf = (e: StudioEventRecord) => (e.capacity === undefined ? null : Math.max(0, e.capacity - e.seatsTaken));

function full(e: StudioEventRecord) {
  const left = seatsLeftOf(e) ?? 0;
  const words = left === 0 ? "The event is full" : `Only ${left} ${left === 1 ? "seat is" : "seats are"} left`;
  return new AppError("event.full", `${words}: answer maybe, or with fewer guests`, {
    errors: [{ path: "guests", message: `${left} ${left === 1 ? "seat" : "seats"} left` }],
  });
}

const delta = (answer: RsvpAnswer, guests: number, sign: 1 | -1) => ({
  yesCount: answer === "yes" ? sign : 0,
  noCount: answer === "no" ? sign : 0,
  maybeCount: answer === "maybe" ? sign : 0,
  guestCount: answer === "yes" ? sign * guests : 0,
  seatsTaken: sign * seatsOf(answer, guests),
});

/**
 * Writes an answer in ONE transaction: the event's counters move by the difference from the answer
 * as read (yes takes 1 + guests seats; changing it frees or takes seats), conditional on the event
 * still being scheduled and on `seatsTaken + delta <= capacity`; the RSVP is written conditional on
 * its version as read; the mail it causes (`mail`) goes to the outbox in the same transaction. So
 * concurrent answers never overfill: a loser reads again and is refused with 409 `event.full` and
 * the seats left, or goes through if seats remain.
 */
export async function writeAnswer(
  input: RsvpWrite,
  now: Date,
  mail?: (event: StudioEventRecord, rsvp: EventRsvpRecord) => OutboxEmail | null,
): Promise<{ event: StudioEventRecord; rsvp: EventRsvpRecord }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await answerOnce(input, now, mail);
    } catch (error) {
      if (!(error instanceof RsvpRace)) throw error;
      if (attempt >= 30) throw conflict("event.changed", "Many people are answering at once: try again");
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * Math.min(attempt, 8)));
    }
  }
}

async function answerOnce(input: RsvpWrite, now: Date, mail?: (event: StudioEventRecord, rsvp: EventRsvpRecord) => OutboxEmail | null) {
  const { studioEvent, eventRsvp } = eventsDb().entities;
  const key = { studioId: input.studioId, eventId: input.eventId };
  const [{ data: event }, { data: previous }] = await Promise.all([
    studioEvent.get(key).go({ consistent: true }),
    eventRsvp.get({ ...key, respondent: input.respondent }).go({ consistent: true }),
  ]);
  if (!event) throw notFound("Event");
  const refused = refusal(event, now);
  if (refused) throw refused;
  if (input.guests > event.maxGuests)
    throw invalidField("guests", event.maxGuests === 0 ? "must be 0: this event takes no guests" : `must be at most ${event.maxGuests}`);
  const guests = input.answer === "yes" ? input.guests : 0;
  const take = delta(input.answer, guests, 1);
  const give = previous ? delta(previous.answer, previous.guests, -1) : null;
  const change = Object.fromEntries(Object.entries(take).map(([k, v]) => [k, v + (give?.[k as keyof typeof take] ?? 0)])) as typeof take;
  const seats = change.seatsTaken;
  if (event.capacity !== undefined && seats > 0 && event.seatsTaken + seats > event.capacity) throw full(event);

  const at = now.toISOString();
  const rsvp: EventRsvpRecord = {
    ...key,
    respondent: input.respondent,
    answer: input.answer,
    guests,
    name: input.name,
    ...(input.email ? { email: input.email } : previous?.email ? { email: previous.email } : {}),
    ...(input.note ? { note: input.note } : {}),
    answeredBy: input.answeredBy,
    version: (previous?.version ?? 0) + 1,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
  };
  const message = mail?.(event, rsvp) ?? null;
  await commitWrites(
    eventsDb,
    (tx) => [
      failsWith(
        tx.studioEvent
          .update(key)
          .add(change)
          .where((e, op) =>
            [
              op.eq(e.status, "scheduled"),
              ...(event.capacity !== undefined && seats > 0 ? [op.lte(e.seatsTaken, event.capacity - seats), op.eq(e.capacity, event.capacity)] : []),
            ].join(" AND "),
          )
          .commit(),
        () => new RsvpRace(),
      ),
      failsWith(
        tx.eventRsvp
          .put(rsvp)
          .where((r, op) => (previous ? op.eq(r.version, previous.version) : op.notExists(r.version)))
          .commit(),
        () => new RsvpRace(),
      ),
      ...(message ? [outboxEmail(tx, message, now)] : []),
    ],
    { raced: () => new RsvpRace() },
  );
  return {
    event: {
      ...event,
      yesCount: event.yesCount + change.yesCount,
      noCount: event.noCount + change.noCount,
      maybeCount: event.maybeCount + change.maybeCount,
      guestCount: event.guestCount + change.guestCount,
      seatsTaken: event.seatsTaken + seats,
    },
    rsvp,
  };
}
