import { z } from "../../kernel/schema/openapi-zod";

const LocalTimesSchema = z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), timeZone: z.string() });

/** A reschedule request as the API shows it (request-view.ts maps a record to it). */
export const RescheduleRequestSchema = z
  .object({
    id: z.string(),
    lessonId: z.string(),
    studentId: z.string().openapi({ description: "The student whose lesson it is" }),
    teacherId: z.string().openapi({ description: "The lesson's teacher when asked" }),
    requestedBy: z.string().openapi({ description: "The user who asked (the student or a parent)" }),
    status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
    originalStart: z.string(),
    originalEnd: z.string(),
    originalLocal: LocalTimesSchema.openapi({ description: "The lesson's time when asked, on the studio's wall clock" }),
    proposedStart: z.string(),
    proposedEnd: z.string(),
    proposedLocal: LocalTimesSchema,
    message: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("RescheduleRequest");
export type RescheduleRequest = z.infer<typeof RescheduleRequestSchema>;
