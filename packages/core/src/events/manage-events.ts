import { v7 as uuidv7 } from "uuid";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict, notFound } from "../kernel/errors";
import { localParts } from "../kernel/time/wall-clock";
import { audienceAttributes, resolveAudience } from "../messaging";
import { outboxEmail } from "../outbox";
import { assertMay, loadStudioMember, type Actor } from "../policy";
import type { StudioRecord } from "../studios/module";
import type { StudioEventRecord } from "./event.entity";
import { eventInstants, reminderKeys } from "./event-time";
import { afterCommit, cancellationMails, enqueueAll, sendInvitations } from "./event-mail";
import { checkedAttachments } from "./event-files";
import { eventsDb } from "./events-db";
import type { EventInput } from "./schemas";
import { toManagedEvent } from "./views";

async function manager(actor: Actor, studioId: string) {
  const { member, studio } = await loadStudioMember(actor, studioId);
  assertMay(member, "event.manage");
  return studio;
}

/** The record's fields from what was written: local values, the instants in the studio's zone, the audience (checked: unknown ids are 422). */
async function written(studio: StudioRecord, input: EventInput, now: Date, current?: StudioEventRecord) {
  const [{ label }, attachments] = await Promise.all([
    resolveAudience(studio.studioId, input.audience),
    checkedAttachments(studio.studioId, input.attachments, current?.attachments),
  ]);
  const timeZone = studio.timeZone;
  const instants = eventInstants(input, timeZone);
  const reminder = reminderKeys(instants.startsAt, input.remindHoursBefore, now);
  return {
    fields: {
      title: input.title,
      kind: input.kind,
      ...(input.description ? { description: input.description } : {}),
      ...(input.location ? { location: input.location } : {}),
      date: input.date,
      ...(input.endDate && input.endDate !== input.date ? { endDate: input.endDate } : {}),
      ...(input.startTime && input.endTime ? { startTime: input.startTime, endTime: input.endTime } : {}),
      timeZone,
      ...instants,
      ...audienceAttributes(input.audience),
      audienceLabel: label,
      visibility: input.visibility,
      rsvp: input.rsvp,
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      maxGuests: input.maxGuests,
      ...(input.rsvpBy ? { rsvpBy: input.rsvpBy } : {}),
      ...(input.remindHoursBefore ? { remindHoursBefore: input.remindHoursBefore } : {}),
      ...(reminder ?? {}),
      ...(attachments?.length ? { attachments } : {}),
    },
  };
}

const OPTIONAL = [
  "description",
  "location",
  "endDate",
  "startTime",
  "endTime",
  "audienceId",
  "picked",
  "capacity",
  "rsvpBy",
  "remindHoursBefore",
  "remindDay",
  "remindAt",
] as const;

/**
 * Publishes an event (owners and admins): its time in the studio's zone, its audience (checked),
 * RSVP and capacity, its reminder on the job's index; with `notify`, the invitations go to its
 * audience's addresses through the outbox after it is written (at most MAX_INVITATIONS).
 */
export async function createEvent(actor: Actor, studioId: string, input: EventInput, now = new Date()) {
  const studio = await manager(actor, studioId);
  const { fields } = await written(studio, input, now);
  const at = now.toISOString();
  const record: StudioEventRecord = {
    studioId,
    eventId: uuidv7(),
    ...fields,
    status: "scheduled",
    yesCount: 0,
    noCount: 0,
    maybeCount: 0,
    guestCount: 0,
    seatsTaken: 0,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  };
  await eventsDb().entities.studioEvent.create(record).go();
  if (input.notify) {
    record.invitedCount = await afterCommit(`event ${studioId}/${record.eventId} invitations`, () => sendInvitations(studio, record, now));
    await eventsDb().entities.studioEvent.patch({ studioId, eventId: record.eventId }).set({ invitedCount: record.invitedCount }).go();
  }
  return toManagedEvent(record, localParts(now, studio.timeZone).date, now);
}

/**
 * Changes a scheduled event. Its answers stand; a capacity below the seats already taken is 409
 * `event.full` (the answers are not undone); a cancelled one is 409 `event.closed`. No mail.
 */
export async function updateEvent(actor: Actor, studioId: string, eventId: string, input: EventInput, now = new Date()) {
  const studio = await manager(actor, studioId);
  const { studioEvent } = eventsDb().entities;
  const { data: current } = await studioEvent.get({ studioId, eventId }).go({ consistent: true });
  if (!current) throw notFound("Event");
  if (current.status === "cancelled") throw conflict("event.closed", "This event has been cancelled: it can no longer be changed");
  const { fields } = await written(studio, input, now, current);
  if (fields.capacity !== undefined && fields.capacity < current.seatsTaken)
    throw conflict("event.full", `${current.seatsTaken} seats are taken already: the capacity must be at least that`, "capacity");
  const cleared = OPTIONAL.filter((name) => (fields as Record<string, unknown>)[name] === undefined && current[name] !== undefined);
  const patch = studioEvent.patch({ studioId, eventId }).set(fields);
  try {
    await (cleared.length ? patch.remove([...cleared]) : patch)
      .where((e, op) => [op.eq(e.status, "scheduled"), ...(fields.capacity !== undefined ? [op.lte(e.seatsTaken, fields.capacity)] : [])].join(" AND "))
      .go();
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name === "ConditionalCheckFailedException")
      throw conflict("event.changed", "The event changed meanwhile (cancelled, or answers came in): reload and try again");
    throw error;
  }
  const updated = { ...current, ...fields } as StudioEventRecord;
  for (const name of cleared) delete updated[name];
  return toManagedEvent(updated, localParts(now, studio.timeZone).date, now);
}

/**
 * Cancels an event (kept, `cancelled`, off the reminders' index) and tells everyone who said yes or
 * maybe: the first 98 emails in the same transaction as the change, any more right after.
 * Cancelling one already cancelled is 409 `event.closed`.
 */
export async function cancelEvent(actor: Actor, studioId: string, eventId: string, now = new Date()) {
  const studio = await manager(actor, studioId);
  const { studioEvent } = eventsDb().entities;
  const { data: current } = await studioEvent.get({ studioId, eventId }).go({ consistent: true });
  if (!current) throw notFound("Event");
  const alreadyCancelled = () => conflict("event.closed", "This event is already cancelled");
  if (current.status === "cancelled") throw alreadyCancelled();
  const mails = await cancellationMails(studio, current);
  const first = mails.slice(0, 98);
  const at = now.toISOString();
  await commitWrites(eventsDb, (tx) => [
    failsWith(
      tx.studioEvent
        .patch({ studioId, eventId })
        .set({ status: "cancelled", cancelledAt: at })
        .remove(["remindDay", "remindAt"])
        .where((e, op) => op.eq(e.status, "scheduled"))
        .commit(),
      alreadyCancelled,
    ),
    ...first.map((m) => outboxEmail(tx, m, now)),
  ]);
  const rest = mails.length > first.length ? await afterCommit(`event ${studioId}/${eventId} cancellations`, () => enqueueAll(mails.slice(98), now)) : 0;
  const cancelled: StudioEventRecord = { ...current, status: "cancelled", cancelledAt: at };
  delete cancelled.remindDay;
  delete cancelled.remindAt;
  return { event: toManagedEvent(cancelled, localParts(now, studio.timeZone).date, now), notified: first.length + rest };
}
