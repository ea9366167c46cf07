import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** A lesson plan as the API shows it (lesson-plan-view.ts maps a record to it). */
export const LessonPlanSchema = z
  .object({
    id: z.string(),
    teacherId: optional.openapi({ description: "The author; null for a plan an admin wrote for the studio" }),
    title: z.string(),
    description: optional,
    specialty: optional.openapi({ example: "piano" }),
    durationMinutes: z.number().int().nullable(),
    objectives: z.array(z.string()),
    materials: z.array(z.string()),
    activities: z.array(z.string()),
    tags: z.array(z.string()),
    isPublic: z.boolean().openapi({ description: "Shared with the studio's other teachers" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("LessonPlan");
export type LessonPlan = z.infer<typeof LessonPlanSchema>;
