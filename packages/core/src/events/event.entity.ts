import type { EntityItem } from "electrodb";
import { AUDIENCE_KINDS } from "../messaging/module";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";

export const EVENT_KINDS = ["recital", "concert", "workshop", "masterclass", "holiday", "other"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** `public`: on the studio's public page, open to RSVP by name and email; `members`: its audience only. */
export const EVENT_VISIBILITIES = ["public", "members"] as const;
export const EVENT_STATUSES = ["scheduled", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * A studio event (seed 002 events: title, kind, dates, location, audience, RSVP). Its time is a
 * local date (and `endDate` for several days) with local start and end times, or all day, in the
 * studio's zone at the time it was written (`timeZone`); `startsAt`/`endsAt` are the instants
 * derived from them (kernel/time/wall-clock.ts), so 19:00 stays 19:00 across a DST change.
 * `remindDay`/`remindAt` key the sparse `eventReminderDue` index (a deliberate cross-tenant work
 * queue, read only by the EventReminders job), removed once the reminders are in the outbox.
 * The RSVP counters are kept by the same transactions that write the RSVPs (rsvp/answer.ts).
 */
export const StudioEventEntity = new Entity({
  model: { entity: "studioEvent", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    kind: { type: EVENT_KINDS, required: true },
    description: { type: "string" },
    location: { type: "string" },
    date: { type: "string", required: true },
    endDate: { type: "string" },
    /** Both absent: all day. */
    startTime: { type: "string" },
    endTime: { type: "string" },
    timeZone: { type: "string", required: true },
    startsAt: { type: "string", required: true },
    endsAt: { type: "string", required: true },
    audienceKind: { type: AUDIENCE_KINDS, required: true },
    audienceId: { type: "string" },
    picked: { type: "list", items: { type: "string" } },
    audienceLabel: { type: "string", required: true },
    visibility: { type: ["public", "members"] as const, required: true },
    rsvp: { type: "boolean", required: true },
    /** Seats, guests included; none: no limit. */
    capacity: { type: "number" },
    maxGuests: { type: "number", required: true, default: 0 },
    rsvpBy: { type: "string" },
    /** Hours before the start the reminder goes (none: no reminder). */
    remindHoursBefore: { type: "number" },
    status: { type: EVENT_STATUSES, required: true },
    yesCount: { type: "number", required: true, default: 0 },
    noCount: { type: "number", required: true, default: 0 },
    maybeCount: { type: "number", required: true, default: 0 },
    guestCount: { type: "number", required: true, default: 0 },
    seatsTaken: { type: "number", required: true, default: 0 },
    invitedCount: { type: "number" },
    /** Files for those invited (a programme, a map): stored under `<studioId>/events/`, read through presigned links. */
    attachments: {
      type: "list",
      items: {
        type: "map",
        properties: {
          key: { type: "string", required: true },
          name: { type: "string", required: true },
          contentType: { type: "string", required: true },
          size: { type: "number", required: true },
        },
      },
    },
    cancelledAt: { type: "string" },
    createdBy: { type: "string", required: true, readOnly: true },
    remindDay: { type: "string" },
    remindAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    studioEvent: {
      pk: { field: "pk", composite: ["studioId"] },
      sk: { field: "sk", composite: ["eventId"] },
    },
    /** The studio's calendar: its events by local start date. */
    eventsByDate: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId"] },
      sk: { field: "gsi1sk", composite: ["date", "eventId"] },
    },
    eventReminderDue: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["remindDay"] },
      sk: { field: "gsi2sk", composite: ["remindAt"] },
    },
  },
});
export type StudioEventRecord = EntityItem<typeof StudioEventEntity>;

export const RSVP_ANSWERS = ["yes", "no", "maybe"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/**
 * One answer to an event: by a person of the studio (`respondent` is their party key, e.g.
 * `student:<id>`) or, on a public event, by an address (`email:<address>`). Yes takes
 * `1 + guests` seats of the event's capacity.
 */
export const EventRsvpEntity = new Entity({
  model: { entity: "eventRsvp", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    respondent: { type: "string", required: true, readOnly: true },
    answer: { type: RSVP_ANSWERS, required: true },
    guests: { type: "number", required: true },
    name: { type: "string", required: true },
    email: { type: "string" },
    note: { type: "string" },
    /** Who answered: a login's user id, `public` or `link` (the emailed link). */
    answeredBy: { type: "string", required: true },
    version: { type: "number", required: true },
    ...timestamps,
  },
  indexes: {
    eventRsvp: {
      pk: { field: "pk", composite: ["studioId", "eventId"] },
      sk: { field: "sk", composite: ["respondent"] },
    },
  },
});
export type EventRsvpRecord = EntityItem<typeof EventRsvpEntity>;

/** Seats an answer takes. */
export const seatsOf = (answer: RsvpAnswer, guests: number) => (answer === "yes" ? 1 + guests : 0);
