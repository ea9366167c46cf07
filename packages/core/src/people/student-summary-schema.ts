import { z } from "../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** What a family or band shows of each of its students (student-summaries.ts maps a record to it). */
export const StudentSummarySchema = z
  .object({ id: z.string(), firstName: z.string(), lastName: z.string(), instrument: optional, isActive: z.boolean() })
  .openapi("StudentSummary");
export type StudentSummary = z.infer<typeof StudentSummarySchema>;
