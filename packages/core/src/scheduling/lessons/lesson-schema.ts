import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** A lesson as the API shows it (lesson-view.ts maps a record to it). */
export const LessonSchema = z
  .object({
    id: z.string(),
    studioId: z.string(),
    teacherId: z.string().openapi({ description: "The teacher teaching it (the substitute, when originalTeacherId is set)" }),
    originalTeacherId: optional.openapi({ description: "The teacher it was booked with, when a substitute teaches it" }),
    studentId: optional.openapi({ description: "The student of a private lesson" }),
    bandId: optional.openapi({ description: "The band of a group lesson" }),
    studentIds: z.array(z.string()).openapi({ description: "Everyone attending" }),
    type: z.enum(["private", "group", "ensemble", "online"]),
    status: z.enum(["scheduled", "in_progress", "completed", "cancelled", "no_show"]),
    title: optional,
    scheduledStart: z.string().openapi({ example: "2026-11-24T21:00:00.000Z" }),
    scheduledEnd: z.string().openapi({ example: "2026-11-24T21:45:00.000Z" }),
    durationMinutes: z.number().int(),
    local: z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), timeZone: z.string() }).openapi({
      description: "The lesson's date and times on the studio's wall clock",
      example: { date: "2026-11-24", startTime: "16:00", endTime: "16:45", timeZone: "America/New_York" },
    }),
    actualStart: optional,
    actualEnd: optional,
    location: optional,
    roomName: optional,
    onlineUrl: optional,
    patternId: optional.openapi({ description: "The recurring pattern that made it" }),
    occurrenceDate: optional,
    editedByHand: z.boolean().openapi({ description: "Changed or cancelled by hand: pattern edits and jobs leave it alone" }),
    makeupCreditId: optional.openapi({ description: "The make-up credit this lesson spends" }),
    leadId: optional.openapi({ description: "A trial lesson booked from the public page: the lead it is for" }),
    classSlotId: optional.openapi({
      description: "A group class's date: its class slot, whose attendance route (…/class-slots/{slotId}/lessons/{lessonId}/attendance) takes its attendance",
    }),
    rescheduledFrom: optional,
    confirmation: z
      .object({ at: z.string(), by: z.string() })
      .nullable()
      .openapi({ description: "A family's “confirm” in reply to the lesson's email: when, and from which address" }),
    cancellation: z
      .object({
        by: z.enum(["student", "studio"]),
        reason: z.string(),
        at: z.string(),
        actorId: z.string(),
        noticeHours: z.number(),
        outcome: z.enum(["credit_issued", "no_credit"]),
        explanation: z.string().openapi({ example: "credit issued: 52 h notice" }),
        creditId: z.string().optional(),
        closureId: z.string().optional(),
      })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Lesson");
export type Lesson = z.infer<typeof LessonSchema>;
