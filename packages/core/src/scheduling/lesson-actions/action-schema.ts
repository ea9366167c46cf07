import { z } from "../../kernel/schema/openapi-zod";

const nullable = z.string().nullable();
const SlotSchema = z.object({ start: z.string(), end: z.string() }).openapi("OfferedSlot");

/** What an action page shows for a link (action-view.ts builds it). */
export const LessonLinkSchema = z
  .object({
    action: z.enum(["cancel", "move", "makeup", "claim"]),
    state: z.enum(["open", "used", "cancelled", "moved", "started", "credit_used", "credit_expired", "taken"]).openapi({
      description:
        "open: the page may act. used: the link acted already. cancelled / moved / started: the lesson changed since the email " +
        "(a moved lesson's old links never act). credit_used / credit_expired: the make-up credit is gone. taken: another " +
        "family claimed the freed slot first (`slots` then lists the credit's other free times).",
    }),
    studio: z.object({
      name: z.string(),
      slug: z.string(),
      themeColor: nullable,
      logoUrl: nullable,
      email: nullable,
      phone: nullable,
      timeZone: z.string(),
      currency: z.string(),
      country: nullable,
    }),
    lesson: z.object({
      // Claim links: the freed slot (never the lesson of the family who cancelled it).
      id: z.string(),
      start: z.string(),
      end: z.string(),
      status: z.string(),
      title: nullable,
      teacherName: z.string(),
      studentName: z.string(),
      movedFrom: nullable.openapi({ description: "state moved: the time the email was about" }),
      cancellation: z.object({ outcome: z.enum(["credit_issued", "no_credit"]), explanation: z.string() }).nullable(),
    }),
    cancel: z
      .object({ outcome: z.enum(["credit_issued", "no_credit"]), explanation: z.string(), noticeHours: z.number().int() })
      .nullable()
      .openapi({ description: "cancel links while open: what cancelling now would do under the studio's policy" }),
    credit: z.object({ expiresOn: z.string(), durationMinutes: z.number().int(), usedLessonId: nullable }).nullable(),
    slots: z.array(SlotSchema).nullable().openapi({ description: "move and make-up links while open: the teacher's free slots offered" }),
  })
  .openapi("LessonLink");
export type LessonActionView = z.infer<typeof LessonLinkSchema>;
