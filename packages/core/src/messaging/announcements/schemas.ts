import { z } from "zod";
import { instantField } from "../../kernel/fields/calendar-fields";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField, requiredText } from "../../people";
import { MAX_BODY } from "../message-limits";

/** A hand-picked person: a family (its guardians), a student (and their family) or a teacher. */
export const pickedPersonSchema = z.object({ kind: z.enum(["family", "student", "teacher"]), id: recordIdField }).strict();
export const MAX_PICKED = 500;

/** Whom an announcement goes to. */
export const audienceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("everyone") }).strict(),
    z.object({ kind: z.literal("families") }).strict(),
    z.object({ kind: z.literal("teachers") }).strict(),
    /** A teacher's students and their families. */
    z.object({ kind: z.literal("teacher"), id: recordIdField }).strict(),
    /** The students of an instrument (as their records name it) and their families. */
    z.object({ kind: z.literal("instrument"), name: requiredText(80) }).strict(),
    z.object({ kind: z.literal("class"), id: recordIdField }).strict(),
    z.object({ kind: z.literal("band"), id: recordIdField }).strict(),
    z
      .object({
        kind: z.literal("list"),
        people: z.array(pickedPersonSchema).min(1, "must name at least one person").max(MAX_PICKED, `must have at most ${MAX_PICKED} entries`),
      })
      .strict(),
  ],
  { errorMap: () => ({ message: "must be everyone, families, teachers, teacher (id), instrument (name), class (id), band (id) or list (people)" }) },
);
export type Audience = z.infer<typeof audienceSchema>;

/**
 * An announcement as written: what, to whom, how (email, in the app, or both) and when: a draft,
 * now (no `sendAt`), or at `sendAt`.
 */
export const composeAnnouncementSchema = z
  .object({
    subject: requiredText(150),
    body: requiredText(MAX_BODY),
    audience: audienceSchema,
    email: z.boolean().default(true),
    inApp: z.boolean().default(true),
    sendAt: instantField.optional(),
    draft: z.boolean().default(false),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.email && !value.inApp)
      ctx.addIssue({ code: "custom", path: ["email"], message: "must be true when inApp is false: choose at least one way to send it" });
  });
export type ComposeAnnouncementInput = z.infer<typeof composeAnnouncementSchema>;

export const listAnnouncementsQuerySchema = pageQuerySchema.extend({
  /** `sent`: the studio's announcements (owners and admins); `received`: those sent to the caller (the default for everyone else). */
  box: z.enum(["sent", "received"]).optional(),
});
export type ListAnnouncementsQuery = z.infer<typeof listAnnouncementsQuerySchema>;

export const announcementQuerySchema = pageQuerySchema.extend({
  /** Owners and admins: only the recipients whose copy is in this state (`opened` and `read` are stamps, not states). */
  status: z.enum(["queued", "sent", "delivered", "bounced", "complained", "failed", "suppressed", "in-app", "opened", "read"]).optional(),
});
export type AnnouncementQuery = z.infer<typeof announcementQuerySchema>;
