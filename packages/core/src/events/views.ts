import { z } from "../kernel/schema/openapi-zod";
import { AUDIENCE_KINDS } from "../messaging/module";
import { storedAudience } from "../messaging";
import { attachmentViews } from "./event-files";
import { EVENT_KINDS, EVENT_STATUSES, RSVP_ANSWERS, type EventRsvpRecord, type StudioEventRecord } from "./event.entity";

const AudienceViewSchema = z.object({
  kind: z.enum(AUDIENCE_KINDS),
  label: z.string(),
  id: z.string().nullable().openapi({ description: "The teacher, class or band; the instrument's name" }),
  people: z.array(z.object({ kind: z.enum(["family", "student", "teacher"]), id: z.string() })).nullable(),
});

export const EventCountsSchema = z
  .object({ yes: z.number().int(), no: z.number().int(), maybe: z.number().int(), guests: z.number().int(), seatsTaken: z.number().int() })
  .openapi("EventCounts", { description: "Answers so far; `seatsTaken` is yes answers and their guests" });

const rsvpViewFields = {
  respondent: z.string().openapi({ description: "`student:<id>`, `teacher:<id>`, `guardian:<familyId>:<id>` or `email:<address>` (public RSVP)" }),
  name: z.string(),
  answer: z.enum(RSVP_ANSWERS),
  guests: z.number().int(),
  updatedAt: z.string(),
};

export const EventRsvpSchema = z
  .object({ ...rsvpViewFields, email: z.string().nullable(), note: z.string().nullable(), createdAt: z.string() })
  .openapi("EventRsvp");

/** A person the caller may answer for, with their answer so far. */
export const EventRespondentSchema = z
  .object({ respondent: z.string(), name: z.string(), answer: z.enum(RSVP_ANSWERS).nullable(), guests: z.number().int() })
  .openapi("EventRespondent");

export const EventFileSchema = z
  .object({
    index: z.number().int(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    uploadKey: z.string().nullable().openapi({ description: "Owners and admins: the key to name again in `attachments` to keep the file on a change" }),
  })
  .openapi("StudioEventFile", { description: "A file of the event; its download link: …/attachments/{index}" });

export const FileLinkSchema = z.object({ url: z.string(), name: z.string(), expiresAt: z.string() }).openapi("StudioEventFileLink");

export const EventUploadSchema = z
  .object({ uploadKey: z.string(), url: z.string(), headers: z.record(z.string()), expiresAt: z.string() })
  .openapi("StudioEventUpload", { description: "PUT the file's bytes to `url` with `headers`, then name `uploadKey` in the event's `attachments`" });

export const EventSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(EVENT_KINDS),
    description: z.string().nullable(),
    location: z.string().nullable(),
    date: z.string().openapi({ description: "Local date (the studio's zone)" }),
    endDate: z.string().nullable(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    allDay: z.boolean(),
    timeZone: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    visibility: z.enum(["public", "members"]),
    status: z.enum(EVENT_STATUSES),
    rsvp: z.object({
      enabled: z.boolean(),
      open: z.boolean().openapi({ description: "Answers are taken now (RSVP on, scheduled, before the deadline and the start)" }),
      capacity: z.number().int().nullable(),
      seatsLeft: z.number().int().nullable(),
      maxGuests: z.number().int(),
      rsvpBy: z.string().nullable().openapi({ description: "The last local day to answer" }),
    }),
    remindHoursBefore: z.number().int().nullable(),
    attachments: z.array(EventFileSchema),
    createdAt: z.string(),
  })
  .openapi("StudioEvent");

export const ManagedEventSchema = EventSchema.extend({
  audience: AudienceViewSchema,
  counts: EventCountsSchema,
  invitedCount: z.number().int().nullable(),
}).openapi("ManagedStudioEvent");

export const EventListItemSchema = EventSchema.extend({
  counts: EventCountsSchema.nullable().openapi({ description: "Owners and admins only" }),
  audienceLabel: z.string(),
}).openapi("StudioEventListItem");

export const EventPageSchema = z
  .object({ items: z.array(EventListItemSchema), nextCursor: z.string().nullable(), from: z.string(), to: z.string(), canManage: z.boolean() })
  .openapi("StudioEventPage");

export const EventViewSchema = z
  .object({
    event: ManagedEventSchema.omit({ counts: true, audience: true, invitedCount: true }).extend({
      audienceLabel: z.string(),
      counts: EventCountsSchema.nullable(),
      audience: AudienceViewSchema.nullable(),
      invitedCount: z.number().int().nullable(),
    }),
    canManage: z.boolean(),
    respondents: z.array(EventRespondentSchema).openapi({ description: "Whom the caller may answer for (themself, a parent's children), with their answers" }),
  })
  .openapi("StudioEventView");

export const EventRsvpPageSchema = z.object({ items: z.array(EventRsvpSchema), nextCursor: z.string().nullable() }).openapi("EventRsvpPage");

export const PublicEventSchema = EventSchema.omit({ remindHoursBefore: true, createdAt: true }).openapi("PublicStudioEvent");
export const PublicEventListSchema = z.object({ items: z.array(PublicEventSchema) }).openapi("PublicStudioEventList");

export const RsvpOutcomeSchema = z.object({ rsvp: z.object(rsvpViewFields), event: PublicEventSchema }).openapi("EventRsvpOutcome");

export const LinkRsvpViewSchema = z
  .object({
    studioName: z.string(),
    event: PublicEventSchema,
    respondent: z.object({ name: z.string(), answer: z.enum(RSVP_ANSWERS).nullable(), guests: z.number().int() }),
  })
  .openapi("EventLinkRsvp");

export const CancelledEventSchema = z.object({ event: ManagedEventSchema, notified: z.number().int() }).openapi("CancelledStudioEvent");

export type EventView = z.infer<typeof EventSchema>;

/** Whether answers are taken at `now`. */
export function rsvpOpen(e: StudioEventRecord, today: string, now: Date) {
  return e.rsvp && e.status === "scheduled" && now.getTime() < Date.parse(e.startsAt) && (!e.rsvpBy || today <= e.rsvpBy);
}

export function toEventView(e: StudioEventRecord, today: string, now: Date, managed = false): EventView {
  return {
    id: e.eventId,
    title: e.title,
    kind: e.kind,
    description: e.description ?? null,
    location: e.location ?? null,
    date: e.date,
    endDate: e.endDate ?? null,
    startTime: e.startTime ?? null,
    endTime: e.endTime ?? null,
    allDay: !e.startTime,
    timeZone: e.timeZone,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    visibility: e.visibility,
    status: e.status,
    rsvp: {
      enabled: e.rsvp,
      open: rsvpOpen(e, today, now),
      capacity: e.capacity ?? null,
      seatsLeft: e.capacity === undefined ? null : Math.max(0, e.capacity - e.seatsTaken),
      maxGuests: e.maxGuests,
      rsvpBy: e.rsvpBy ?? null,
    },
    remindHoursBefore: e.remindHoursBefore ?? null,
    attachments: attachmentViews(e, managed),
    createdAt: e.createdAt,
  };
}

export const countsOf = (e: StudioEventRecord) => ({ yes: e.yesCount, no: e.noCount, maybe: e.maybeCount, guests: e.guestCount, seatsTaken: e.seatsTaken });

export function audienceView(e: StudioEventRecord) {
  const audience = storedAudience(e);
  return {
    kind: e.audienceKind,
    label: e.audienceLabel,
    id: "id" in audience ? audience.id : "name" in audience ? audience.name : null,
    people: audience.kind === "list" ? audience.people : null,
  };
}

export const toManagedEvent = (e: StudioEventRecord, today: string, now: Date) => ({
  ...toEventView(e, today, now, true),
  audience: audienceView(e),
  counts: countsOf(e),
  invitedCount: e.invitedCount ?? null,
});

export const toPublicEvent = (e: StudioEventRecord, today: string, now: Date) => {
  const { remindHoursBefore: _r, createdAt: _c, ...view } = toEventView(e, today, now);
  return view;
};

export const toRsvpView = (r: EventRsvpRecord) => ({
  respondent: r.respondent,
  name: r.name,
  answer: r.answer,
  guests: r.guests,
  email: r.email ?? null,
  note: r.note ?? null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
