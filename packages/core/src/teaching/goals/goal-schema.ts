import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** A goal as the API shows it (goal-view.ts maps a record to it). */
export const GoalSchema = z
  .object({
    id: z.string(),
    studentId: z.string(),
    teacherId: optional,
    title: z.string(),
    description: optional,
    targetDate: optional.openapi({ example: "2026-12-31" }),
    status: z.enum(["active", "achieved", "abandoned"]),
    progressPercentage: z.number().int().openapi({ example: 40 }),
    achievedAt: optional.openapi({ description: "When it was achieved (UTC)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Goal");
export type Goal = z.infer<typeof GoalSchema>;
