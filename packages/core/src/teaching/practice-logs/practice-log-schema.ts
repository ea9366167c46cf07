import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** A practice log as the API shows it (practice-log-view.ts maps a record to it). */
export const PracticeLogSchema = z
  .object({
    id: z.string(),
    studentId: z.string(),
    practisedOn: z.string().openapi({ description: "Local date in the studio's time zone", example: "2026-11-20" }),
    minutes: z.number().int(),
    pieces: z.array(z.string()),
    notes: optional,
    recordedBy: z.string().openapi({ description: "The user who recorded it" }),
    createdAt: z.string(),
  })
  .openapi("PracticeLog");
export type PracticeLog = z.infer<typeof PracticeLogSchema>;
