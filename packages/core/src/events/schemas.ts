import { z } from "zod";
import { localDateField, localEndTimeField, localTimeField } from "../kernel/fields/calendar-fields";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { daysBetween, minutesOf } from "../kernel/time/wall-clock";
import { audienceSchema } from "../messaging";
import { emailField, requiredText, text } from "../people";
import { EVENT_KINDS, EVENT_VISIBILITIES, RSVP_ANSWERS } from "./event.entity";

/** An event lasts at most this many days (a holiday, a summer camp). */
export const MAX_EVENT_DAYS = 31;
export const MAX_GUESTS = 20;
export const MAX_CAPACITY = 100_000;
export const MAX_EVENT_FILES = 10;
export const MAX_EVENT_FILE_BYTES = 10 * 1024 * 1024;
/** What an event's file may be: documents, images, audio. */
export const EVENT_FILE_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  "audio/mpeg",
  "audio/mp4",
  "text/plain",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
] as const;

/** A file uploaded for an event (by its upload key), with the name it shows. */
export const eventAttachmentSchema = z.object({ uploadKey: z.string().trim().min(1).max(512), name: requiredText(200) }).strict();

/** The file a manager is about to upload (its presigned PUT is bound to this type and size). */
export const eventUploadSchema = z
  .object({
    name: requiredText(200),
    contentType: z.enum(EVENT_FILE_TYPES, {
      errorMap: () => ({ message: "must be a PDF, an image (PNG, JPEG, WebP, GIF), audio (MP3, M4A), text or a Word document" }),
    }),
    size: z.number().int("must be a whole number").min(1, "must be at least 1 byte").max(MAX_EVENT_FILE_BYTES, "must be at most 10 MB"),
  })
  .strict();
export type EventUploadInput = z.infer<typeof eventUploadSchema>;

/**
 * An event as written by its managers. Its time: a local `date` (and `endDate` for several days),
 * `startTime` and `endTime` in the studio's zone, or neither for all day. `notify` sends the
 * invitation to its audience when it is created (not again when changed).
 */
export const eventInputSchema = z
  .object({
    title: requiredText(150),
    kind: z.enum(EVENT_KINDS, { errorMap: () => ({ message: `must be one of ${EVENT_KINDS.join(", ")}` }) }),
    description: text(5000).optional(),
    location: text(200).optional(),
    date: localDateField,
    endDate: localDateField.optional(),
    startTime: localTimeField.optional(),
    endTime: localEndTimeField.optional(),
    audience: audienceSchema,
    visibility: z.enum(EVENT_VISIBILITIES, { errorMap: () => ({ message: "must be public or members" }) }).default("members"),
    rsvp: z.boolean().default(true),
    capacity: z.number().int("must be a whole number").min(1, "must be at least 1").max(MAX_CAPACITY, `must be at most ${MAX_CAPACITY}`).optional(),
    maxGuests: z.number().int("must be a whole number").min(0, "must be 0 or more").max(MAX_GUESTS, `must be at most ${MAX_GUESTS}`).default(0),
    rsvpBy: localDateField.optional(),
    remindHoursBefore: z.number().int("must be a whole number").min(1, "must be at least 1").max(336, "must be at most 336 (two weeks)").optional(),
    notify: z.boolean().default(true),
    /** Files uploaded for it (POST …/events/uploads, then a PUT); on a change, the whole list (leave it out to keep the files). */
    attachments: z.array(eventAttachmentSchema).max(MAX_EVENT_FILES, `must have at most ${MAX_EVENT_FILES} entries`).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (Boolean(v.startTime) !== Boolean(v.endTime))
      issue(v.startTime ? "endTime" : "startTime", "must be given with the other time (or neither, for all day)");
    if (v.endDate && v.endDate < v.date) issue("endDate", "must be on or after date");
    if (v.endDate && daysBetween(v.date, v.endDate) >= MAX_EVENT_DAYS) issue("endDate", `must be within ${MAX_EVENT_DAYS} days of date`);
    if (v.startTime && v.endTime && (!v.endDate || v.endDate === v.date) && minutesOf(v.endTime) <= minutesOf(v.startTime))
      issue("endTime", "must be after startTime");
    if (v.rsvpBy && v.rsvpBy > (v.endDate ?? v.date)) issue("rsvpBy", "must be on or before the event's last day");
    if (!v.rsvp && v.capacity !== undefined) issue("capacity", "needs RSVP on (rsvp: true)");
  });
export type EventInput = z.infer<typeof eventInputSchema>;

export const listEventsQuerySchema = pageQuerySchema.extend({
  /** Local dates, inclusive; default: today for a year. */
  from: localDateField.optional(),
  to: localDateField.optional(),
});
export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>;

/** `?limit=&cursor=` of an event's answers. */
export const rsvpsQuerySchema = pageQuerySchema;

export const rsvpAnswerField = z.enum(RSVP_ANSWERS, { errorMap: () => ({ message: "must be yes, no or maybe" }) });
const guestsField = z.number().int("must be a whole number").min(0, "must be 0 or more").max(MAX_GUESTS, `must be at most ${MAX_GUESTS}`).default(0);
/** A person of the studio, by party key: `student:<id>`, `teacher:<id>`, `guardian:<familyId>:<id>`. */
export const respondentField = z
  .string()
  .max(200, "must be at most 200 characters")
  .regex(
    /^(student:[\w-]{1,64}|teacher:[\w-]{1,64}|guardian:[\w-]{1,64}:[\w-]{1,64})$/,
    "must name a person: student:<id>, teacher:<id> or guardian:<familyId>:<id>",
  );

/** A member's answer, for themselves or (a parent) a child: `person` names whom it is for. */
export const memberRsvpSchema = z.object({ person: respondentField, answer: rsvpAnswerField, guests: guestsField, note: text(500).optional() }).strict();
export type MemberRsvpInput = z.infer<typeof memberRsvpSchema>;

/** A visitor's answer to a public event. */
export const publicRsvpSchema = z
  .object({ name: requiredText(120), email: emailField, answer: rsvpAnswerField, guests: guestsField, note: text(500).optional() })
  .strict();
export type PublicRsvpInput = z.infer<typeof publicRsvpSchema>;

/** An answer from the emailed link (whom it is for is in the link). */
export const linkRsvpSchema = z.object({ answer: rsvpAnswerField, guests: guestsField }).strict();
export type LinkRsvpInput = z.infer<typeof linkRsvpSchema>;
